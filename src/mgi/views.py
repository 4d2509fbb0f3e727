"""HTML, Markdown and SVG views of domains, profiles, collections and search
results, for notebooks and reports.

Every text from the data is escaped: a finding that reads ``<b>`` shows the
characters ``<b>``, never bold type. In a notebook the objects display
themselves (``_repr_html_``, ``_repr_markdown_``); the functions here return
the same strings for reports.

>>> import mgi
>>> svg = wheel_svg(mgi.profiles["huehuetenango-2024"])
>>> svg.startswith("<svg") and "Alianzas" in svg
True
>>> "&lt;b&gt;" in markdown_text("<b>")
True
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from mgi.model import Domain, FindingKind, Profile

if TYPE_CHECKING:
    from mgi.collections import Profiles
    from mgi.export import Table
    from mgi.index import Hit, Hits

__all__ = [
    "DOMAIN_COLOURS",
    "domain_html",
    "domain_markdown",
    "hits_html",
    "hits_markdown",
    "markdown_text",
    "profile_html",
    "profiles_html",
    "profiles_markdown",
    "table_html",
    "table_markdown",
    "wheel_svg",
]

DOMAIN_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9")
"""The colour of each domain in the wheel (index 0 is domain 1): a palette
told apart with the common forms of colour blindness."""

SHOWN = 50
"""How many rows a collection, table or result list shows before "… more"."""

# Short names of the two lists, for legends, per profile language; the same
# wording as the labels of :mod:`mgi.render` without their lead-in.
_KIND_NAMES: dict[str, dict[FindingKind, str]] = {
    "en": {
        FindingKind.WELL_DEVELOPED: "Well-developed areas",
        FindingKind.POTENTIAL: "Areas with potential for further development",
    },
    "es": {
        FindingKind.WELL_DEVELOPED: "Áreas bien desarrolladas",
        FindingKind.POTENTIAL: "Áreas con potencial para un desarrollo adicional",
    },
    "fr": {
        FindingKind.WELL_DEVELOPED: "Points forts",
        FindingKind.POTENTIAL: "Aspects qui pourraient être renforcés",
    },
    "pt": {
        FindingKind.WELL_DEVELOPED: "Áreas bem desenvolvidas",
        FindingKind.POTENTIAL: "Oportunidades de desenvolvimento",
    },
}


def _kind_name(kind: FindingKind, language: str) -> str:
    return _KIND_NAMES.get(language, _KIND_NAMES["en"])[kind]


def _domains() -> Sequence[Domain]:
    from mgi._data import domains

    return tuple(domains())


def _name(domain: Domain, language: str) -> str:
    return domain.name_in(language) or domain.name


# -- Markdown ------------------------------------------------------------------

_MARKDOWN_ESCAPES = {char: "\\" + char for char in "\\`*_{}[]()#+-.!|~"}
_MARKDOWN_ESCAPES.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " ", "\r": " "})
_MARKDOWN_TABLE = str.maketrans(_MARKDOWN_ESCAPES)


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown: punctuation escaped, no HTML, one line."""
    return text.translate(_MARKDOWN_TABLE)


def domain_markdown(domain: Domain) -> str:
    """A domain: number and name, SDG code, MiGOF element, both descriptions."""
    return "\n".join(
        [
            f"### {domain.number}\\. {markdown_text(domain.name)}",
            "",
            f"SDG 10.7.2 {markdown_text(domain.sdg_code)} · {markdown_text(str(domain.migof))}",
            "",
            f"**National:** {markdown_text(domain.national_description)}",
            "",
            f"**Local:** {markdown_text(domain.city_description)}",
            "",
        ]
    )


def _about(profile: Profile) -> str:
    place = profile.place
    return (
        f"{place.name} ({place.country_name}, {place.country}) · {place.kind}, "
        f"{place.level.value} · {profile.language} · {profile.published}"
    )


def _markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = [
        "| " + " | ".join(map(markdown_text, header)) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(markdown_text(str(cell)) for cell in row) + " |" for row in rows]
    return lines


def _count(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless one: "1 hit", "3 hits"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _more(total: int, shown: int) -> list[str]:
    return [f"… {total - shown} more"] if total > shown else []


def profiles_markdown(profiles: Profiles) -> str:
    """A table of the collection: one row per profile."""
    items = list(profiles)
    lines = [f"**{_count(len(items), 'profile')}**", ""]
    lines += _markdown_table(_PROFILE_COLUMNS, map(_profile_row, items[:SHOWN]))
    return "\n".join(lines + _more(len(items), SHOWN)) + "\n"


_PROFILE_COLUMNS = ("id", "place", "country", "level", "language", "published", "findings")


def _profile_row(profile: Profile) -> tuple[str, ...]:
    counts = {kind: len(profile.select(kind=kind)) for kind in FindingKind}
    return (
        profile.id,
        profile.place.name,
        profile.place.country,
        profile.place.level.value,
        profile.language,
        str(profile.published),
        f"{counts[FindingKind.WELL_DEVELOPED]} + {counts[FindingKind.POTENTIAL]}",
    )


def _marked(hit: Hit, mark: tuple[str, str], escape_text: Callable[[str], str]) -> str:
    """The hit's text with each match between the two ``mark`` strings."""
    pieces, done = [], 0
    for start, end in hit.spans:
        pieces += [escape_text(hit.text[done:start]), mark[0]]
        pieces += [escape_text(hit.text[start:end]), mark[1]]
        done = end
    pieces.append(escape_text(hit.text[done:]))
    return "".join(pieces)


def hits_markdown(hits: Hits) -> str:
    """A numbered list of hits, the matches in bold."""
    lines = [f"**{_count(len(hits), 'hit')}** for {markdown_text(hits.query.text)}", ""]
    for number, hit in enumerate(hits[:SHOWN], 1):
        lines.append(
            f"{number}\\. **{markdown_text(hit.profile.id)}** ({markdown_text(hit.location)}): "
            + _marked(hit, ("**", "**"), markdown_text)
        )
        lines.append("")
    return "\n".join(lines + _more(len(hits), SHOWN)) + "\n"


def table_markdown(table: Table) -> str:
    """A table as Markdown (its first rows)."""
    lines = _markdown_table(table.columns, table.rows[:SHOWN])
    return "\n".join(lines + _more(len(table.rows), SHOWN)) + "\n"


# -- HTML ------------------------------------------------------------------------


def _h(text: object) -> str:
    return escape(str(text), quote=True)


def domain_html(domain: Domain) -> str:
    """A domain: number and name, SDG code, MiGOF element, both descriptions."""
    return (
        f'<div class="mgi-domain"><h3>{domain.number}. {_h(domain.name)}</h3>'
        f"<p>SDG 10.7.2 {_h(domain.sdg_code)} · {_h(domain.migof)}</p>"
        f"<p><b>National:</b> {_h(domain.national_description)}</p>"
        f"<p><b>Local:</b> {_h(domain.city_description)}</p></div>"
    )


def profile_html(profile: Profile) -> str:
    """A profile: title, place and date, its wheel, introduction, findings by domain."""
    parts = [
        f'<div class="mgi-profile"><h3>{_h(profile.title)}</h3><p>{_h(_about(profile))}</p>',
        wheel_svg(profile, size=320),
    ]
    parts += [f"<p>{_h(paragraph)}</p>" for paragraph in profile.introduction]
    for group in profile.by_domain():
        parts.append(
            f"<h4>{group.domain.number}. {_h(_name(group.domain, profile.language))}</h4>"
        )
        for kind, texts in (
            (FindingKind.WELL_DEVELOPED, group.well_developed),
            (FindingKind.POTENTIAL, group.potential),
        ):
            items = "".join(f"<li>{_h(text)}</li>" for text in texts) or "<li>—</li>"
            parts.append(
                f"<p><i>{_h(_kind_name(kind, profile.language))}</i></p>"
                f'<ul class="mgi-{kind.value}">{items}</ul>'
            )
    return "".join(parts) + "</div>"


def _html_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{_h(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_more(total: int, shown: int) -> str:
    return f"<p>… {total - shown} more</p>" if total > shown else ""


def profiles_html(profiles: Profiles) -> str:
    """A table of the collection: one row per profile."""
    items = list(profiles)
    return (
        f'<div class="mgi-profiles"><p><b>{_count(len(items), "profile")}</b></p>'
        + _html_table(_PROFILE_COLUMNS, map(_profile_row, items[:SHOWN]))
        + _html_more(len(items), SHOWN)
        + "</div>"
    )


def hits_html(hits: Hits) -> str:
    """A numbered list of hits, the matches marked."""
    items = "".join(
        f"<li><b>{_h(hit.profile.id)}</b> ({_h(hit.location)}): "
        f"{_marked(hit, ('<mark>', '</mark>'), _h)}</li>"
        for hit in hits[:SHOWN]
    )
    return (
        f'<div class="mgi-hits"><p><b>{_count(len(hits), "hit")}</b> for {_h(hits.query.text)}</p>'
        f"<ol>{items}</ol>{_html_more(len(hits), SHOWN)}</div>"
    )


def table_html(table: Table) -> str:
    """A table as HTML (its first rows)."""
    return (
        '<div class="mgi-table">'
        + _html_table(table.columns, table.rows[:SHOWN])
        + _html_more(len(table.rows), SHOWN)
        + "</div>"
    )


# -- SVG -------------------------------------------------------------------------


def _tint(colour: str, share: float = 0.55) -> str:
    """``colour`` mixed with ``share`` of white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in (red, green, blue))


def _point(radius: float, degrees: float, centre: float) -> tuple[float, float]:
    angle = math.radians(degrees - 90)  # 0 degrees at the top, clockwise
    return centre + radius * math.cos(angle), centre + radius * math.sin(angle)


def _band(inner: float, outer: float, start: float, end: float, centre: float) -> str:
    """An SVG path for the ring between two radii and two angles."""
    (x1, y1), (x2, y2) = _point(outer, start, centre), _point(outer, end, centre)
    (x3, y3), (x4, y4) = _point(inner, end, centre), _point(inner, start, centre)
    return (
        f"M{x1:.2f},{y1:.2f} A{outer},{outer} 0 0 1 {x2:.2f},{y2:.2f} "
        f"L{x3:.2f},{y3:.2f} A{inner},{inner} 0 0 0 {x4:.2f},{y4:.2f} Z"
    )


def wheel_geometry(size: int) -> dict[str, float]:
    """Where the wheel is drawn in an SVG of this ``size`` (its height):
    the centre and the radii of the hub, the inner (areas with potential)
    and the outer (well-developed areas) bands."""
    centre = size / 2
    return {
        "centre": centre,
        "hub": size * 0.14,
        "middle": size * 0.30,
        "outer": size * 0.46,
    }


def wheel_svg(profile: Profile, *, size: int = 440) -> str:
    """A self-contained SVG "wheel" of the six domains for ``profile``.

    Each domain is a sixth of a ring, clockwise from the top: its outer band
    (full colour) shows the number of well-developed areas, its inner band
    (lighter) the number of areas with potential. The legend names the
    domains in the profile's language where the taxonomy knows it, else in
    English. ``size`` is the height in pixels; the width adds the legend.
    """
    geometry = wheel_geometry(size)
    centre, hub, middle, outer = (geometry[key] for key in ("centre", "hub", "middle", "outer"))
    width = round(size * 1.8)
    scale = size / 440
    font = round(13 * scale, 1)
    language = profile.language
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mgi-wheel" width="{width}" '
        f'height="{size}" viewBox="0 0 {width} {size}" font-family="sans-serif" '
        f'font-size="{font}" role="img">',
        f"<title>{_h(profile.title)}</title>",
        f'<rect width="{width}" height="{size}" fill="#ffffff"/>',
    ]
    legend_x = size + 10 * scale
    row = size / 8.2
    for index, domain in enumerate(_domains()):
        colour = DOMAIN_COLOURS[index]
        start, end = index * 60 + 1, index * 60 + 59
        counts = {kind: len(profile.select(domain.number, kind)) for kind in FindingKind}
        for kind, (inner_radius, outer_radius), fill, ink in (
            (FindingKind.WELL_DEVELOPED, (middle, outer), colour, "#ffffff"),
            (FindingKind.POTENTIAL, (hub, middle), _tint(colour), "#222222"),
        ):
            x, y = _point((inner_radius + outer_radius) / 2, index * 60 + 30, centre)
            parts.append(
                f'<path class="mgi-band mgi-{kind.value}" data-domain="{domain.number}" '
                f'd="{_band(inner_radius, outer_radius, start, end, centre)}" fill="{fill}">'
                f"<title>{_h(_name(domain, language))}: {_h(_kind_name(kind, language))}, "
                f"{counts[kind]}</title></path>"
                f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" dominant-baseline="central" '
                f'font-size="{round(font * 1.6, 1)}" font-weight="bold" fill="{ink}">'
                f"{counts[kind]}</text>"
            )
        label_y = 12 * scale + row * index + row / 2
        lines = textwrap.wrap(f"{domain.number}. {_name(domain, language)}", 34) or [""]
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{label_y - 8 * scale:.1f}" width="{16 * scale:.1f}" '
            f'height="{16 * scale:.1f}" fill="{colour}"/>'
            f'<text class="mgi-domain-name" x="{legend_x + 24 * scale:.1f}" y="{label_y:.1f}" '
            f'dominant-baseline="central">'
            + "".join(
                f'<tspan x="{legend_x + 24 * scale:.1f}" dy="{0 if n == 0 else font * 1.2:.1f}">'
                f"{_h(line)}</tspan>"
                for n, line in enumerate(lines[:2])
            )
            + "</text>"
        )
    key_y = 12 * scale + row * 6 + row / 2
    for offset, (kind, fill) in enumerate(
        ((FindingKind.WELL_DEVELOPED, "#555555"), (FindingKind.POTENTIAL, _tint("#555555")))
    ):
        y = key_y + offset * row * 0.55
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{y - 8 * scale:.1f}" width="{16 * scale:.1f}" '
            f'height="{16 * scale:.1f}" fill="{fill}"/>'
            f'<text x="{legend_x + 24 * scale:.1f}" y="{y:.1f}" dominant-baseline="central">'
            f"{_h(_kind_name(kind, language))}</text>"
        )
    parts.append(
        f'<text x="{centre:.1f}" y="{centre:.1f}" text-anchor="middle" '
        f'dominant-baseline="central" font-size="{round(font * 0.9, 1)}">'
        f"{_h(str(profile.published))}</text></svg>"
    )
    return "".join(parts)
