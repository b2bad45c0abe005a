"""General world knowledge kept as data: countries, regions, cities,
organizations, office holders, titles and the predicate lexicon.

The tables live in `kg/patterns/`; this module reads them once and offers
look-ups by name, demonym and metonym, and the entity-ruler patterns the
pipeline adds on top of the statistical NER.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"

COMMON_SURNAMES = frozenset({"Johnson", "Harris", "Kim", "Jones", "Smith", "Brown", "Lee", "Wang", "Li"})
REGION_SUFFIXES = {"oblast": "Oblast", "krai": "Krai", "okrug": "Autonomous Okrug"}


def _lexicon() -> dict:
    """lexicon.json with the reviewed entries of lexicon_derived.json (CAMEO and PropBank, made by
    scripts/derive_lexicon.py) added: the hand-written entries win, light verbs are joined."""
    lexicon = json.loads((PATTERNS_DIR / "lexicon.json").read_text(encoding="utf-8"))
    derived_path = PATTERNS_DIR / "lexicon_derived.json"
    if derived_path.exists():
        derived = json.loads(derived_path.read_text(encoding="utf-8"))
        for table in ("verbs", "nouns"):
            lexicon[table] = {**derived.get(table, {}), **lexicon[table]}
        lexicon["light_verbs"] = lexicon["light_verbs"] + [v for v in derived.get("light_verbs", ())
                                                           if v not in lexicon["light_verbs"]]
    return lexicon


@dataclass
class Entry:
    """One known entity."""

    key: str
    type: str  # ontology class local name
    label: str
    names: list[str]
    wikidata: str | None = None
    country: str | None = None  # ISO alpha-2 of the containing country
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)  # capital and seat of government
    bases: list[str] = field(default_factory=list)  # bare names of a region ("Sumy")
    office: str | None = None


def slug(text: str) -> str:
    """A lowercase ASCII key fragment: 'Zaporizhzhia Oblast' -> 'zaporizhzhia-oblast'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['’`]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive form of a name, for look-ups (memoized: the same names
    come up again and again)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.lower().split())


def _tsv_rows(name: str):
    for line in (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


class Gazetteer:
    """Look-ups over the world-knowledge tables."""

    def __init__(self):
        self.entries: dict[str, Entry] = {}
        self.by_name: dict[str, list[str]] = {}
        self.demonyms: dict[str, str] = {}  # folded demonym -> country key
        self.metonyms: dict[str, str] = {}  # folded capital/seat -> country key
        self.region_by_base: dict[str, str] = {}  # folded base -> region key
        self.city_by_name: dict[str, str] = {}
        self._load_countries()
        self._load_places()
        self._load_organizations()
        self._load_people()
        self.titles = json.loads((PATTERNS_DIR / "titles.json").read_text(encoding="utf-8"))
        self.lexicon = _lexicon()

    # -- loading --------------------------------------------------------------

    def _add(self, entry: Entry, extra_names: list[str] = ()) -> None:
        self.entries[entry.key] = entry
        for name in [*entry.names, *extra_names]:
            keys = self.by_name.setdefault(fold(name), [])
            if entry.key not in keys:
                keys.append(entry.key)

    def _load_countries(self) -> None:
        for code, demonyms, aliases, capitals, wikidata in (r + [""] * (5 - len(r)) for r in _tsv_rows("countries.tsv")):
            country = pycountry.countries.get(alpha_2=code)
            names = _split(aliases)
            if country is not None:
                for attr in ("common_name", "name", "official_name"):
                    value = getattr(country, attr, None)
                    if value and value not in names:
                        names.append(value)
            if not names:
                continue
            key = f"country:{code}"
            entry = Entry(key=key, type="Country", label=names[0], names=names, wikidata=wikidata or None,
                          country=code, demonyms=_split(demonyms), metonyms=_split(capitals))
            self._add(entry)
            for dem in entry.demonyms:
                self.demonyms[fold(dem)] = key
            for met in entry.metonyms:
                self.metonyms[fold(met)] = key
                self.metonyms[fold(re.sub(r"^the ", "", met))] = key

    def _load_places(self) -> None:
        for iso, kind, country, bases, wikidata in (r + [""] * (5 - len(r)) for r in _tsv_rows("places.tsv")):
            base_names = _split(bases)
            code = None if country == "-" else country
            if kind in REGION_SUFFIXES:
                suffix = REGION_SUFFIXES[kind]
                names = []
                for base in base_names:
                    names += [f"{base} {suffix}", f"{base} region", f"{base} Region", f"{base} {suffix.lower()}",
                              f"{base} province", f"{base} Province"]
                key = f"region:{iso if iso != '-' else slug(base_names[0])}"
                entry = Entry(key=key, type="Region", label=names[0], names=names, wikidata=wikidata or None,
                              country=code, bases=base_names)
                self._add(entry)
                for base in base_names:
                    self.region_by_base.setdefault(fold(base), key)
            elif kind == "region":
                key = f"region:{iso if iso != '-' else slug(base_names[0])}"
                entry = Entry(key=key, type="Region", label=base_names[0], names=base_names,
                              wikidata=wikidata or None, country=code)
                self._add(entry)
            elif kind == "city":
                key = f"city:{(code or 'xx').lower()}:{slug(base_names[0])}"
                entry = Entry(key=key, type="City", label=base_names[0], names=base_names,
                              wikidata=wikidata or None, country=code)
                self._add(entry, [f"city of {n}" for n in base_names])
                for name in base_names:
                    self.city_by_name.setdefault(fold(name), key)

    def _load_organizations(self) -> None:
        for type_, names, wikidata in (r + [""] * (3 - len(r)) for r in _tsv_rows("organizations.tsv")):
            names_list = _split(names)
            self._add(Entry(key=f"org:{slug(names_list[0])}", type=type_, label=names_list[0],
                            names=names_list, wikidata=wikidata or None))

    def _load_people(self) -> None:
        rows = [(_split(names), country, office, wikidata)
                for names, country, office, wikidata in (r + [""] * (4 - len(r)) for r in _tsv_rows("people.tsv"))]
        surnames = Counter(names[0].split()[-1] for names, *_ in rows)
        for names_list, country, office, wikidata in rows:
            surname = names_list[0].split()[-1]
            # the bare surname names the person too, unless two office holders share it or it is a common word
            if surnames[surname] == 1 and surname not in COMMON_SURNAMES and surname not in names_list:
                names_list = [*names_list, surname]
            self._add(Entry(key=f"person:{slug(names_list[0])}", type="Person", label=names_list[0],
                            names=names_list, wikidata=wikidata or None,
                            country=None if country == "-" else country, office=office or None))

    # -- look-ups ---------------------------------------------------------------

    def lookup(self, name: str) -> list[Entry]:
        """Entries having this name (case- and accent-insensitive)."""
        return [self.entries[k] for k in self.by_name.get(fold(name), [])]

    def country_of_demonym(self, word: str) -> Entry | None:
        key = self.demonyms.get(fold(word))
        return self.entries[key] if key else None

    def country_of_metonym(self, name: str) -> Entry | None:
        key = self.metonyms.get(fold(re.sub(r"^(?i:the)\s+", "", name)))
        return self.entries[key] if key else None

    def country(self, code: str) -> Entry | None:
        return self.entries.get(f"country:{code}")

    def region_for_base(self, name: str) -> Entry | None:
        key = self.region_by_base.get(fold(name))
        return self.entries[key] if key else None

    def city_named(self, name: str) -> Entry | None:
        key = self.city_by_name.get(fold(name))
        return self.entries[key] if key else None

    def ruler_patterns(self) -> list[dict]:
        """Entity-ruler patterns: every name, with its NER label and gazetteer id."""
        labels = {"Country": "GPE", "Region": "GPE", "City": "GPE", "Organization": "ORG", "Person": "PERSON",
                  "Place": "LOC"}
        patterns = []
        seen = set()
        for entry in self.entries.values():
            label = labels.get(entry.type, "ORG")
            if entry.type == "Region" and not entry.country:
                label = "LOC"
            for name in entry.names:
                if (name, entry.key) in seen or len(name) < 2:
                    continue
                seen.add((name, entry.key))
                patterns.append({"label": label, "pattern": name, "id": entry.key})
            for dem in entry.demonyms:
                patterns.append({"label": "NORP", "pattern": dem, "id": entry.key})
        # capitals and seats of government, so that "Pyongyang has sent troops" finds its agent (a metonym)
        known = {fold(p["pattern"]) for p in patterns}
        for met in sorted({m for e in self.entries.values() for m in e.metonyms}):
            name = re.sub(r"^(?i:the)\s+", "", met)
            if fold(name) not in known and len(name) > 2:
                known.add(fold(name))
                patterns.append({"label": "GPE" if name == met else "FAC", "pattern": name})
        return patterns


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer()
