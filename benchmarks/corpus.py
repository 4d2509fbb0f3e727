"""A seeded generator of synthetic MGI profile corpora, for the benchmarks.

Each profile has the shape of a real one: a place in a country, a language,
a month of publication, two introduction paragraphs and, for each of the six
domains, 2-6 well-developed areas and 2-6 areas with potential, each 80-300
characters of policy prose in Spanish, English, French or Portuguese. The
sentences are assembled from phrase lists written for this file; places and
programme names are invented from syllables. None of it is MGI data: it
exists to measure the library at scale.

The same seed always gives the same corpus, and profile ``i`` does not depend
on how many profiles are asked for (the 1 000-profile corpus is the start of
the 10 000-profile one)::

    python benchmarks/corpus.py 10000 corpus.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

from mgi.taxonomy import DOMAIN_SLUGS

# (ISO 3166-1 alpha-3, name per language)
COUNTRIES = (
    ("GTM", {"es": "Guatemala", "en": "Guatemala", "fr": "Guatemala", "pt": "Guatemala"}),
    ("MEX", {"es": "México", "en": "Mexico", "fr": "Mexique", "pt": "México"}),
    ("COL", {"es": "Colombia", "en": "Colombia", "fr": "Colombie", "pt": "Colômbia"}),
    ("BRA", {"es": "Brasil", "en": "Brazil", "fr": "Brésil", "pt": "Brasil"}),
    ("ECU", {"es": "Ecuador", "en": "Ecuador", "fr": "Équateur", "pt": "Equador"}),
    ("SEN", {"es": "Senegal", "en": "Senegal", "fr": "Sénégal", "pt": "Senegal"}),
    ("MAR", {"es": "Marruecos", "en": "Morocco", "fr": "Maroc", "pt": "Marrocos"}),
    ("GHA", {"es": "Ghana", "en": "Ghana", "fr": "Ghana", "pt": "Gana"}),
    ("PHL", {"es": "Filipinas", "en": "Philippines", "fr": "Philippines", "pt": "Filipinas"}),
    ("MOZ", {"es": "Mozambique", "en": "Mozambique", "fr": "Mozambique", "pt": "Moçambique"}),
)

LANGUAGES = (("es", 40), ("en", 25), ("fr", 20), ("pt", 15))

LOCAL_KINDS = (
    (
        "municipality",
        {
            "es": "Municipalidad de",
            "en": "Municipality of",
            "fr": "Municipalité de",
            "pt": "Município de",
        },
    ),
    ("city", {"es": "Ciudad de", "en": "City of", "fr": "Ville de", "pt": "Cidade de"}),
    ("state", {"es": "Estado de", "en": "State of", "fr": "État de", "pt": "Estado de"}),
    (
        "province",
        {"es": "Provincia de", "en": "Province of", "fr": "Province de", "pt": "Província de"},
    ),
)

TITLES = {
    "es": "Perfil de Gobernanza de la Migración: {place} ({country})",
    "en": "Migration Governance Profile: {place} ({country})",
    "fr": "Profil de gouvernance des migrations : {place} ({country})",
    "pt": "Perfil de Governança da Migração: {place} ({country})",
}

INTRODUCTIONS = {
    "es": (
        "En esta instantánea, se ofrecen ejemplos de ámbitos bien desarrollados en las "
        "estructuras de gobernanza de la migración de {place} ({country}), así como de otros "
        "ámbitos con potencial para desarrollo adicional, según la evaluación de las seis "
        "esferas de los Indicadores de Gobernanza de la Migración.",
        "La evaluación se realizó en {year} con las autoridades de {place}, que revisaron "
        "las políticas, los programas y las estructuras institucionales vigentes.",
    ),
    "en": (
        "This snapshot offers examples of well-developed areas in the migration governance "
        "structures of {place} ({country}), as well as areas with potential for further "
        "development, as assessed across the six domains of the Migration Governance "
        "Indicators.",
        "The assessment took place in {year} with the authorities of {place}, who reviewed "
        "the policies, programmes and institutional structures in place.",
    ),
    "fr": (
        "Ce profil présente des exemples de domaines bien développés dans les structures de "
        "gouvernance des migrations de {place} ({country}), ainsi que des domaines "
        "susceptibles d’être développés davantage, selon l’évaluation des six domaines des "
        "Indicateurs de gouvernance des migrations.",
        "L’évaluation a été menée en {year} avec les autorités de {place}, qui ont examiné "
        "les politiques, les programmes et les structures institutionnelles en vigueur.",
    ),
    "pt": (
        "Este panorama apresenta exemplos de áreas bem desenvolvidas nas estruturas de "
        "governança da migração de {place} ({country}), bem como de áreas com potencial de "
        "desenvolvimento, segundo a avaliação dos seis domínios dos Indicadores de "
        "Governança da Migração.",
        "A avaliação foi realizada em {year} com as autoridades de {place}, que analisaram "
        "as políticas, os programas e as estruturas institucionais em vigor.",
    ),
}

# Openers of a well-developed area (a statement) and of an area with
# potential (an infinitive), then the objects, beneficiaries and endings they
# combine with.
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "done": (
            "{place} cuenta con",
            "Las autoridades locales han establecido",
            "La municipalidad coordina",
            "El gobierno local ofrece",
            "Existe",
            "La oficina municipal gestiona",
            "Desde {year} funciona",
            "Las autoridades han puesto en marcha",
            "El municipio participa en",
            "La administración local financia",
        ),
        "todo": (
            "Establecer",
            "Fortalecer",
            "Ampliar",
            "Desarrollar",
            "Crear",
            "Promover",
            "Formalizar",
            "Mejorar",
            "Institucionalizar",
            "Evaluar",
        ),
        "objects": (
            "un programa de atención a personas migrantes retornadas",
            "mecanismos de coordinación interinstitucional en materia migratoria",
            "servicios de orientación jurídica gratuita",
            "campañas de sensibilización contra la discriminación",
            "acuerdos de cooperación con organizaciones de la sociedad civil",
            "un sistema de recolección de datos sobre movilidad humana",
            "procedimientos de respuesta ante emergencias y desastres",
            "espacios de diálogo con la diáspora",
            "programas de inserción laboral y emprendimiento",
            "protocolos de protección para la niñez migrante no acompañada",
            "cursos de idioma y de formación profesional",
            "una ventanilla única de información sobre trámites migratorios",
            "planes de contingencia que incluyen a la población extranjera",
            "medidas para prevenir la trata de personas",
            "mecanismos de reconocimiento de títulos y competencias",
            "redes de intercambio de conocimientos con otras ciudades",
            "servicios de salud sin importar la condición migratoria",
            "el acceso a la educación de niñas y niños migrantes",
            "programas de vivienda temporal para personas desplazadas",
            "la canalización productiva de las remesas",
        ),
        "for": (
            "para las personas migrantes",
            "para la población refugiada",
            "dirigidos a mujeres migrantes",
            "para personas en situación de retorno",
            "en coordinación con el gobierno nacional",
            "con apoyo de la cooperación internacional",
            "en los barrios con mayor presencia de población migrante",
            "con enfoque de género y de derechos humanos",
        ),
        "and": (
            ", incluyendo",
            " y",
            ", así como",
            ", además de",
            " junto con",
        ),
        "programme": ("el programa {name}", "la iniciativa {name}", "el proyecto {name}"),
        "rare": (
            "xenofobia",
            "apatridia",
            "tráfico ilícito de migrantes",
            "refugio temporal",
            "albergues",
            "trabajadores agrícolas temporales",
            "visados humanitarios",
            "reunificación familiar",
            "ciberseguridad",
            "sequía",
        ),
    },
    "en": {
        "done": (
            "{place} has",
            "The local authorities have set up",
            "The city coordinates",
            "The local government offers",
            "There is",
            "The municipal office manages",
            "Since {year}, {place} has run",
            "The authorities have launched",
            "The municipality takes part in",
            "The local administration funds",
        ),
        "todo": (
            "Establish",
            "Strengthen",
            "Expand",
            "Develop",
            "Create",
            "Promote",
            "Formalize",
            "Improve",
            "Institutionalize",
            "Evaluate",
        ),
        "objects": (
            "a programme supporting returning migrants",
            "inter-agency coordination mechanisms on migration",
            "free legal advice services",
            "awareness campaigns against discrimination",
            "cooperation agreements with civil society organizations",
            "a system to collect data on human mobility",
            "emergency and disaster response procedures",
            "regular dialogue with the diaspora",
            "job placement and entrepreneurship programmes",
            "protection protocols for unaccompanied migrant children",
            "language and vocational training courses",
            "a one-stop shop for information on migration procedures",
            "contingency plans that include the city’s foreign residents",
            "measures to prevent trafficking in persons",
            "mechanisms to recognize migrants’ qualifications and skills",
            "knowledge-sharing networks with other cities",
            "health services regardless of migratory status",
            "access to education for migrant children",
            "temporary housing programmes for displaced people",
            "the productive investment of remittances",
        ),
        "for": (
            "for migrants",
            "for refugees",
            "aimed at migrant women",
            "for returning citizens",
            "in coordination with the national government",
            "with the support of international partners",
            "in the neighbourhoods where most migrants live",
            "with a gender and human rights approach",
        ),
        "and": (", including", " and", ", as well as", ", in addition to", " together with"),
        "programme": ("the {name} programme", "the {name} initiative", "the {name} project"),
        "rare": (
            "xenophobia",
            "statelessness",
            "smuggling of migrants",
            "temporary shelter",
            "shelters",
            "seasonal farm workers",
            "humanitarian visas",
            "family reunification",
            "cybersecurity",
            "drought",
        ),
    },
    "fr": {
        "done": (
            "{place} a adopté",
            "Les autorités locales ont mis en place",
            "La municipalité coordonne",
            "Le gouvernement local offre",
            "Il existe",
            "Le bureau municipal gère",
            "Depuis {year}, {place} mène",
            "Les autorités ont lancé",
            "La commune participe à",
            "L’administration locale finance",
        ),
        "todo": (
            "Établir",
            "Renforcer",
            "Élargir",
            "Développer",
            "Créer",
            "Promouvoir",
            "Formaliser",
            "Améliorer",
            "Institutionnaliser",
            "Évaluer",
        ),
        "objects": (
            "un programme d’accompagnement des migrants de retour",
            "des mécanismes de coordination interinstitutionnelle sur la migration",
            "des services gratuits d’orientation juridique",
            "des campagnes de sensibilisation contre la discrimination",
            "des accords de coopération avec les organisations de la société civile",
            "un système de collecte de données sur la mobilité humaine",
            "des procédures de réponse aux urgences et aux catastrophes",
            "des espaces de dialogue avec la diaspora",
            "des programmes d’insertion professionnelle et d’entrepreneuriat",
            "des protocoles de protection des enfants migrants non accompagnés",
            "des cours de langue et de formation professionnelle",
            "un guichet unique d’information sur les démarches migratoires",
            "des plans de contingence qui incluent la population étrangère",
            "des mesures de prévention de la traite des personnes",
            "des mécanismes de reconnaissance des diplômes et des compétences",
            "des réseaux d’échange de connaissances avec d’autres villes",
            "des services de santé quel que soit le statut migratoire",
            "l’accès à l’éducation des enfants migrants",
            "des programmes de logement temporaire pour les personnes déplacées",
            "l’investissement productif des envois de fonds",
        ),
        "for": (
            "pour les personnes migrantes",
            "pour les réfugiés",
            "destinés aux femmes migrantes",
            "pour les personnes de retour",
            "en coordination avec le gouvernement national",
            "avec l’appui de la coopération internationale",
            "dans les quartiers où vit la majorité des migrants",
            "selon une approche fondée sur le genre et les droits humains",
        ),
        "and": (", notamment", " et", ", ainsi que", ", de même que", " avec"),
        "programme": ("le programme {name}", "l’initiative {name}", "le projet {name}"),
        "rare": (
            "xénophobie",
            "apatridie",
            "trafic illicite de migrants",
            "abri temporaire",
            "centres d’hébergement",
            "travailleurs agricoles saisonniers",
            "visas humanitaires",
            "regroupement familial",
            "cybersécurité",
            "sécheresse",
        ),
    },
    "pt": {
        "done": (
            "{place} conta com",
            "As autoridades locais estabeleceram",
            "O município coordena",
            "O governo local oferece",
            "Existe",
            "O escritório municipal gere",
            "Desde {year} funciona",
            "As autoridades lançaram",
            "O município participa de",
            "A administração local financia",
        ),
        "todo": (
            "Estabelecer",
            "Fortalecer",
            "Ampliar",
            "Desenvolver",
            "Criar",
            "Promover",
            "Formalizar",
            "Melhorar",
            "Institucionalizar",
            "Avaliar",
        ),
        "objects": (
            "um programa de apoio a migrantes retornados",
            "mecanismos de coordenação interinstitucional sobre migração",
            "serviços gratuitos de orientação jurídica",
            "campanhas de sensibilização contra a discriminação",
            "acordos de cooperação com organizações da sociedade civil",
            "um sistema de coleta de dados sobre mobilidade humana",
            "procedimentos de resposta a emergências e desastres",
            "espaços de diálogo com a diáspora",
            "programas de inserção laboral e empreendedorismo",
            "protocolos de proteção para crianças migrantes desacompanhadas",
            "cursos de idioma e de formação profissional",
            "um balcão único de informação sobre procedimentos migratórios",
            "planos de contingência que incluem a população estrangeira",
            "medidas para prevenir o tráfico de pessoas",
            "mecanismos de reconhecimento de diplomas e competências",
            "redes de intercâmbio de conhecimento com outras cidades",
            "serviços de saúde independentemente da situação migratória",
            "o acesso à educação de crianças migrantes",
            "programas de moradia temporária para pessoas deslocadas",
            "o investimento produtivo das remessas",
        ),
        "for": (
            "para as pessoas migrantes",
            "para a população refugiada",
            "dirigidos a mulheres migrantes",
            "para pessoas retornadas",
            "em coordenação com o governo nacional",
            "com o apoio da cooperação internacional",
            "nos bairros com maior presença de migrantes",
            "com enfoque de gênero e de direitos humanos",
        ),
        "and": (", incluindo", " e", ", bem como", ", além de", " junto com"),
        "programme": ("o programa {name}", "a iniciativa {name}", "o projeto {name}"),
        "rare": (
            "xenofobia",
            "apatridia",
            "contrabando de migrantes",
            "abrigo temporário",
            "albergues",
            "trabalhadores agrícolas sazonais",
            "vistos humanitários",
            "reunificação familiar",
            "cibersegurança",
            "seca",
        ),
    },
}

SYLLABLES = (
    "ka",
    "lu",
    "mi",
    "to",
    "ra",
    "ne",
    "sa",
    "vo",
    "di",
    "pe",
    "ya",
    "zu",
    "co",
    "ba",
    "ti",
    "ma",
    "ro",
    "li",
    "na",
    "gue",
    "que",
    "hua",
    "chi",
    "te",
    "lo",
    "xa",
)
PROGRAMME_NAMES = 4000  # invented names, drawn with Zipf-like weights: a long tail


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _programme_names() -> tuple[list[str], list[float]]:
    rng = random.Random("programme-names")
    names = sorted({_name(rng, rng.randint(3, 4)) for _ in range(PROGRAMME_NAMES)})
    rng.shuffle(names)
    return names, list(accumulate(1.0 / (rank + 1) for rank in range(len(names))))


_PROGRAMMES = _programme_names()


def _sentence(
    rng: random.Random, words: dict[str, tuple[str, ...]], kind: str, place: str, year: int
) -> str:
    opener = rng.choice(words["done" if kind == "well_developed" else "todo"])
    target = rng.randint(80, 300)
    text = opener.format(place=place, year=year) + " " + rng.choice(words["objects"])
    beneficiaries = list(words["for"])
    rng.shuffle(beneficiaries)
    while True:
        roll = rng.random()
        if roll < 0.08:
            clause = rng.choice(words["and"]) + " " + rng.choice(words["rare"])
        elif roll < 0.3:
            name = rng.choices(_PROGRAMMES[0], cum_weights=_PROGRAMMES[1])[0]
            programme = rng.choice(words["programme"]).format(name=name)
            clause = rng.choice(words["and"]) + " " + programme
        elif roll < 0.65 and beneficiaries:
            clause = " " + beneficiaries.pop()
        else:
            clause = rng.choice(words["and"]) + " " + rng.choice(words["objects"])
        if len(text) + len(clause) + 1 > 300:
            break
        text += clause
        if len(text) >= target:
            break
    while len(text) < 79 and beneficiaries:  # a short opener needs one more clause
        text += " " + beneficiaries.pop()
    return text + "."


def profile(index: int, seed: int = 2024) -> dict[str, Any]:
    """The JSON-shaped profile number ``index`` of the corpus ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    language = rng.choices([code for code, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
    code, country_names = rng.choice(COUNTRIES)
    country = country_names[language]
    year = rng.randint(2016, 2025)
    if rng.random() < 0.15:
        kind, level, place = "country", "national", country
    else:
        kind, prefixes = rng.choice(LOCAL_KINDS)
        level, place = "local", f"{prefixes[language]} {_name(rng, rng.randint(2, 4))}"
    words = PHRASES[language]
    findings = [
        {
            "domain": slug,
            "kind": finding_kind,
            "text": _sentence(rng, words, finding_kind, place, year),
        }
        for slug in DOMAIN_SLUGS
        for finding_kind in ("well_developed", "potential")
        for _ in range(rng.randint(2, 6))
    ]
    return {
        "id": f"synthetic-{index:05d}",
        "title": TITLES[language].format(place=place, country=country),
        "place": {
            "name": place,
            "kind": kind,
            "level": level,
            "country": code,
            "country_name": country,
        },
        "language": language,
        "published": f"{year}-{rng.randint(1, 12):02d}",
        "introduction": [
            p.format(place=place, country=country, year=year) for p in INTRODUCTIONS[language]
        ],
        "findings": findings,
        "source": {"description": f"synthetic benchmark profile, seed {seed}", "url": None},
    }


def profiles(count: int, seed: int = 2024) -> Iterator[dict[str, Any]]:
    """The first ``count`` profiles of the corpus ``seed``."""
    return (profile(index, seed) for index in range(count))


def json_lines(count: int, seed: int = 2024) -> bytes:
    """The corpus as JSON Lines (one compact profile per line), UTF-8."""
    return b"".join(
        json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        for item in profiles(count, seed)
    )


def write_json_lines(path: Path, count: int, seed: int = 2024) -> Path:
    path.write_bytes(json_lines(count, seed))
    return path


if __name__ == "__main__":
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2024
    write_json_lines(Path(sys.argv[2]), int(sys.argv[1]), seed)
