"""The library never goes to the network and never runs code found in data:
what it reads is data, kept and shown as text."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
from tests.conftest import FIXTURES

import mgi
from mgi.views import profile_markdown, profile_text

SRC = Path(__file__).resolve().parents[1] / "src" / "mgi"

# Every public way in, in one interpreter, with an audit hook that records any
# use of a socket (a connection, a name lookup, a new socket).
WORKLOAD = """
    import io, json, sys, contextlib
    events = []
    sys.addaudithook(lambda event, args: event.startswith("socket.") and events.append(event))
    import mgi
    from mgi import cli
    page = open(sys.argv[1], encoding="utf-8").read()
    profile = mgi.parse_profile(page)
    mgi.loads_profiles(mgi.dumps_profiles([profile]))
    mgi.loads_profile(mgi.dumps_profile(mgi.profiles["huehuetenango-2024"]))
    mgi.sdg.score(mgi.sdg.loads_responses(json.dumps({"2a": "yes"})), partial=True)
    mgi.provenance(), mgi.domains["alianzas"].sdg, mgi.profiles.filter(country="GTM")
    mgi.load_profiles([profile]).search("migrantes")
    mgi.findings_table(mgi.profiles).to_csv(), mgi.summary_table(mgi.profiles).to_json()
    profile.wheel_svg(), profile._repr_html_(), mgi.search("trata")._repr_html_()
    with contextlib.redirect_stdout(io.StringIO()):
        for command in (["domains"], ["show"], ["sdg"], ["parse", sys.argv[1]],
                        ["check", sys.argv[1]], ["search", "migrantes"], ["export"],
                        ["sdg", "results"], ["sdg", "shares"], ["assessments"],
                        ["provenance"]):
            cli.main(command)
    network = [name for name in ("socket", "ssl", "http.client", "urllib.request")
               if name in sys.modules]
    print(json.dumps({"events": events, "modules": network}))
"""


def test_nothing_goes_to_the_network() -> None:
    page = str(FIXTURES / "huehuetenango-2024.txt")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(WORKLOAD), page],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == {"events": [], "modules": []}


# Calls that run code or rebuild objects from bytes: none in the library.
# (mgi/__init__.py imports its own submodules by name, from a fixed table.)
BUILTINS_THAT_RUN_CODE = {"eval", "exec", "compile", "__import__", "breakpoint"}
METHODS_THAT_RUN_CODE = {"import_module", "system", "popen", "spawnl", "execv"}
DESERIALISES = {"pickle", "marshal", "shelve", "yaml", "dill", "subprocess"}


def _code_runners(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = node.func
            if isinstance(called, ast.Name) and called.id in BUILTINS_THAT_RUN_CODE:
                found.add(called.id)
            if isinstance(called, ast.Attribute) and called.attr in METHODS_THAT_RUN_CODE:
                found.add(called.attr)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [alias.name for alias in node.names]
            found |= {name for name in modules if name.split(".")[0] in DESERIALISES}
    return found


def test_no_code_runs_from_data() -> None:
    found = {
        str(module.relative_to(SRC)): uses
        for module in sorted(SRC.rglob("*.py"))
        if (uses := _code_runners(ast.parse(module.read_text(encoding="utf-8"))))
    }
    assert found == {"__init__.py": {"import_module"}}


def test_the_check_finds_what_it_looks_for() -> None:
    code = "import pickle, yaml\neval(x)\nimportlib.import_module(name)\nos.system('x')\n"
    code += "re.compile('x')  # a pattern, not code"
    assert _code_runners(ast.parse(code)) == {"pickle", "yaml", "eval", "import_module", "system"}


def test_text_that_looks_like_code_stays_text() -> None:
    texts = [
        "{__import__('os').system('echo hi')}",
        "%(x)s %s {0.__class__} ${HOME} $(id) `id`",
        "<script>alert(1)</script> **bold** [link](javascript:x)",
    ]
    bundled = mgi.profiles["huehuetenango-2024"]
    findings = tuple(attrs.evolve(bundled.findings[0], text=text) for text in texts)
    profile = attrs.evolve(
        bundled, findings=findings + bundled.findings[1:], introduction=tuple(texts)
    )
    loaded = mgi.loads_profile(mgi.dumps_profile(profile))
    assert loaded == profile
    assert [finding.text for finding in loaded.findings[:3]] == texts
    shown = profile_text(loaded, mgi.domains, width=None)
    assert all(text in shown for text in texts)
    # Markdown escapes what it would otherwise read as markup.
    assert "&lt;script&gt;" in profile_markdown(loaded, mgi.domains)
    again = mgi.parse_profile(loaded.to_text(), id=profile.id, source=profile.source)
    assert [finding.text for finding in again.findings[:3]] == texts
