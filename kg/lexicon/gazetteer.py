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

PATTERNS_DIR = Path(__file__).resolve().parents[1] / "patterns"

COMMON_SURNAMES = frozenset({"Johnson", "Harris", "Kim", "Jones", "Smith", "Brown", "Lee", "Wang", "Li"})
RULER_LABELS = {"Country": "GPE", "Region": "GPE", "City": "GPE", "Organization": "ORG", "Person": "PERSON",
                "Place": "LOC", "MilitaryUnit": "ORG"}
REGION_SUFFIXES = {"oblast": "Oblast", "krai": "Krai", "okrug": "Autonomous Okrug"}
_LEADING_THE = re.compile(r"^(?i:the)\s+")
"""A leading article, which a capital's or seat's name may or may not carry ('the Kremlin')."""


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
    bases: list[str] = field(default_factory=list)  # bare names of a region ("Cusco")
    office: str | None = None
    population: int = 0  # cities of the world table: ranks same-name places


def slug(text: str) -> str:
    """A lowercase ASCII key fragment: 'Cusco Region' -> 'cusco-region'."""
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
        self.demonyms: dict[str, str] = {}  # folded demonym -> country key (of the first row that gives it)
        self.shared_demonyms: dict[str, list[str]] = {}  # folded demonym of several countries -> their keys
        self.metonyms: dict[str, str] = {}  # folded capital/seat -> country key
        self.region_by_base: dict[str, str] = {}  # folded base -> region key
        self.city_by_name: dict[str, str] = {}
        self.capitals: dict[str, Entry] = {}  # folded name of a capital (read as its country) -> the city itself
        self._load_countries()
        self._load_places()
        self._load_organizations()
        self._load_people()
        # world knowledge beyond the hand-kept core: it never changes a core entry's type or key
        self.weak: dict[str, list[str]] = {}  # folded weak name -> keys (common words and personal names)
        self.world_names: dict[str, list[tuple[str, str]]] = {}  # entity-ruler names of the world tables, by key
        self._protected = set(self.by_name) | set(self.demonyms) | set(self.metonyms)
        self._core_keys = frozenset(self.entries)
        self._load_world()
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
                folded = fold(dem)
                if folded in self.demonyms and self.demonyms[folded] != key:
                    self.shared_demonyms.setdefault(folded, [self.demonyms[folded]]).append(key)
                    continue
                self.demonyms[folded] = key
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


    # -- world knowledge (kg/patterns/groups.tsv, areas.tsv and the derived world_*.tsv) -----------------------

    def _claim(self, entry: Entry, names: list[str], weak: set[str] = frozenset(), label: str | None = None) -> None:
        """Add a world-table entry with the names no core entry has; weak names resolve only where the NER
        reads a place (see `weak_place`), and only strong names become entity-ruler patterns."""
        kept = []
        for name in dict.fromkeys(names):
            folded = fold(name)
            if folded in self._protected or len(name) < 2:
                continue
            if name in weak:
                keys = self.weak.setdefault(folded, [])
                if entry.key not in keys:
                    keys.append(entry.key)
                continue
            kept.append(name)
        if not kept and not any(entry.key in self.weak.get(fold(n), ()) for n in names):
            return
        if entry.key in self.entries:  # a second row for the same key: more names of it
            entry = self.entries[entry.key]
            entry.names.extend(n for n in kept if n not in entry.names)
        else:
            entry.names = kept or entry.names[:1]
            if entry.label not in kept and kept:
                entry.label = kept[0]
            self.entries[entry.key] = entry
        for name in kept:
            keys = self.by_name.setdefault(fold(name), [])
            if entry.key not in keys:
                keys.append(entry.key)
            self.world_names.setdefault(entry.key, []).append((name, label or ""))

    def _merge_or_claim(self, entry: Entry, weak: set[str] = frozenset()) -> None:
        """A row whose label names an earlier entry of its type (a core one, or a hand-kept world row) adds its
        other names to that entry, which keeps its key and type; otherwise it is a new entry."""
        for name in entry.names[:1]:  # by its label only: a shared alias ("al-Jihad") does not join two groups
            for key in self.by_name.get(fold(name), []):
                core = self.entries[key]
                if core.type == entry.type:
                    extra = [n for n in entry.names if fold(n) not in self.by_name]
                    for n in extra:
                        self.by_name.setdefault(fold(n), []).append(key)
                        self.world_names.setdefault(key, []).append((n, ""))
                    core.names.extend(extra)
                    if core.wikidata is None and entry.wikidata:
                        core.wikidata = entry.wikidata
                    return
        self._claim(entry, entry.names, weak)

    def _load_world(self) -> None:
        for type_, names, wikidata in (r + [""] * (3 - len(r)) for r in _tsv_rows("groups.tsv")):
            names_list = _split(names)
            self._merge_or_claim(Entry(key=f"org:{slug(names_list[0])}", type=type_, label=names_list[0],
                                       names=names_list, wikidata=wikidata or None))
        for type_, names, country, wikidata in (r + [""] * (4 - len(r)) for r in _tsv_rows("areas.tsv")):
            names_list = _split(names)
            code = None if country in ("-", "") else country
            prefix = "region" if type_ == "Region" else "place"
            self._merge_or_claim(Entry(key=f"{prefix}:{slug(names_list[0])}", type=type_, label=names_list[0],
                                       names=names_list, wikidata=wikidata or None, country=code))
        cities = [r + [""] * (6 - len(r)) for r in _tsv_rows("world_cities.tsv")]
        city_names = {(code, fold(n)) for code, _, names, *_ in cities for n in _split(names)}
        self._load_world_regions(city_names)
        for code, population, names, weak, wikidata, _geonameid in cities:
            names_list = _split(names)
            weak_set = set(_split(weak))
            if fold(names_list[0]) in self._protected:
                # a capital read as its country, or a core city: its variants are not this table's; a capital is
                # also the city itself where it is no agent ("fighting in X")
                country = self.entries.get(self.metonyms.get(fold(names_list[0]), ""))
                if country is not None and country.country == code and fold(names_list[0]) not in self.by_name:
                    capital = Entry(key=f"city:{code.lower()}:{slug(names_list[0])}", type="City", label=names_list[0],
                                    names=names_list, wikidata=wikidata or None, country=code,
                                    population=int(population or 0))
                    self.entries.setdefault(capital.key, capital)
                    for name in names_list:
                        if name not in weak_set:  # "Victoria": also a personal name
                            self.capitals.setdefault(fold(name), self.entries[capital.key])
                continue
            entry = Entry(key=f"city:{code.lower()}:{slug(names_list[0])}", type="City", label=names_list[0],
                          names=names_list, wikidata=wikidata or None, country=code, population=int(population or 0))
            self._claim(entry, names_list + [f"city of {n}" for n in names_list if n not in weak_set], weak_set)
            if entry.key in self.entries:
                for name in names_list:
                    if name not in weak_set:
                        self.city_by_name.setdefault(fold(name), entry.key)
        for type_, names, wikidata in (r + [""] * (3 - len(r)) for r in _tsv_rows("world_groups.tsv")):
            names_list = _split(names)
            self._merge_or_claim(Entry(key=f"org:{slug(names_list[0])}", type=type_, label=names_list[0],
                                       names=names_list, wikidata=wikidata or None))

    def _load_world_regions(self, city_names: set[tuple[str, str]]) -> None:
        """ISO 3166-2 subdivisions: '<base> <Suffix>', '<base> region', '<base> province' name the region; the
        bare base does too unless a city of its country has that name (then it works like an oblast's base:
        the text decides, see kg.extract.mentions)."""
        for iso, suffix, code, bases, weak, wikidata in (r + [""] * (6 - len(r)) for r in _tsv_rows("world_regions.tsv")):
            base_names = _split(bases)
            weak_set = set(_split(weak))
            names = []
            words = [suffix, "Region", "Province", "Governorate" if suffix in ("Province", "Governorate") else ""]
            for base in base_names:
                if base in weak_set:
                    # a common word ("Northern", "Lakes"): only its official form names the region, not "Lakes region"
                    names.append(base if suffix == "region" else f"{base} {suffix}")
                    continue
                for word in dict.fromkeys(w for w in words if w):
                    if base.lower().endswith(" " + word.lower()):
                        names.append(base)  # "Kurdistan Region"
                    else:
                        names += [f"{base} {word}", f"{base} {word.lower()}"]
            first = base_names[0]
            label = first if suffix == "region" or first.lower().endswith(" " + suffix.lower()) else f"{first} {suffix}"
            entry = Entry(key=f"region:{iso}", type="Region", label=label, names=names, wikidata=wikidata or None,
                          country=code, bases=base_names)
            bare = [b for b in base_names if (code, fold(b)) not in city_names]
            self._claim(entry, [label, *names, *bare], weak_set)
            if entry.key in self.entries:
                for base in base_names:
                    if (code, fold(base)) in city_names and fold(base) not in self._protected:
                        self.region_by_base.setdefault(fold(base), entry.key)

    # -- look-ups ---------------------------------------------------------------

    def lookup(self, name: str) -> list[Entry]:
        """Entries having this name (case- and accent-insensitive)."""
        return [self.entries[k] for k in self.by_name.get(fold(name), [])]

    def weak_place(self, name: str) -> Entry | None:
        """A place of the world tables whose name is also a common word or personal name ("Nice", "Victoria"):
        for a span the NER already reads as a place."""
        keys = self.weak.get(fold(name))
        return self.entries[keys[0]] if keys else None

    def is_world(self, entry: Entry) -> bool:
        """Whether the entry comes from the world tables rather than the hand-kept core."""
        return entry.key not in self._core_keys

    def best(self, entries: list[Entry], countries: set[str] = frozenset()) -> Entry:
        """The likeliest of same-name entries: core entries first (they come first), then a place of a
        country the text names, then the most populous."""
        if len(entries) == 1 or entries[0].key in self._core_keys:
            return entries[0]
        return min(entries, key=lambda e: (e.country not in countries if countries else False, -e.population))

    def country_of_demonym(self, word: str, named: set[str] | frozenset[str] = frozenset()) -> Entry | None:
        """The country of a demonym; of one that several countries share, the one among `named` (country codes
        the document names), else the first."""
        folded = fold(word)
        key = self.demonyms.get(folded)
        if key and named and folded in self.shared_demonyms:
            key = next((k for k in self.shared_demonyms[folded] if k.split(":", 1)[1] in named), key)
        return self.entries[key] if key else None

    def country_of_metonym(self, name: str) -> Entry | None:
        key = self.metonyms.get(fold(_LEADING_THE.sub("", name)))
        return self.entries[key] if key else None

    def capital(self, name: str) -> Entry | None:
        """The city a capital's name (read as its country where it acts: a metonym) names as a place."""
        return self.capitals.get(fold(_LEADING_THE.sub("", name)))

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
        labels = RULER_LABELS
        patterns = []
        seen = set()
        for entry in self.entries.values():
            if entry.key not in self._core_keys:
                continue
            label = labels.get(entry.type, "ORG")
            if entry.type == "Region" and not entry.country:
                label = "LOC"
            world = {n for n, _ in self.world_names.get(entry.key, ())}
            for name in entry.names:
                if name in world:
                    continue
                # the name as typed and, with an apostrophe, as typeset ("People’s")
                for variant in sorted({name, name.replace("'", "’")}):
                    if (variant, entry.key) in seen or len(variant) < 2:
                        continue
                    seen.add((variant, entry.key))
                    patterns.append({"label": label, "pattern": variant, "id": entry.key})
            for dem in entry.demonyms:
                patterns.append({"label": "NORP", "pattern": dem, "id": entry.key})
        # capitals and seats of government, so that "Pyongyang has sent troops" finds its agent (a metonym)
        known = {fold(p["pattern"]) for p in patterns}
        for met in sorted({m for e in self.entries.values() for m in e.metonyms}):
            name = _LEADING_THE.sub("", met)
            if fold(name) not in known and len(name) > 2:
                known.add(fold(name))
                patterns.append({"label": "GPE" if name == met else "FAC", "pattern": name})
        return patterns


    def world_patterns(self) -> list[dict]:
        """Entity-ruler patterns of the world tables (strong names only), for a ruler that labels only what
        the NER and the core patterns left unlabelled."""
        patterns = []
        for key, names in self.world_names.items():
            entry = self.entries[key]
            label = RULER_LABELS.get(entry.type, "ORG")
            if entry.type in ("Region", "Place") and not entry.country:
                label = "LOC"
            for name, _ in names:
                if len(name) >= 3 or name.isupper():
                    patterns.append({"label": label, "pattern": name, "id": key})
        return patterns


class WorldMatcher:
    """Finds the world tables' names in a parsed text, where no entity is yet: a case-sensitive match of the
    name at a token's start that ends at a token's end (like an entity ruler whose patterns are the names,
    without tokenizing tens of thousands of patterns when the pipeline loads). Longest name first."""

    PREFIX = 4

    def __init__(self, patterns: list[dict]):
        self.by_prefix: dict[str, list[tuple[str, str, str]]] = {}
        for p in patterns:
            name = p["pattern"]
            self.by_prefix.setdefault(name[:self.PREFIX], []).append((name, p["label"], p["id"]))
        for cands in self.by_prefix.values():
            cands.sort(key=lambda c: -len(c[0]))
        self.lengths = sorted({len(k) for k in self.by_prefix}, reverse=True)

    def __call__(self, doc):
        text = doc.text
        ents = list(doc.ents)
        owner = {t: k for k, ent in enumerate(ents) for t in range(ent.start, ent.end)}
        found = []
        dropped = set()
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if i in owner and ents[owner[i]].start != i or not (tok.text[:1].isupper() or tok.text[:3] in ("al-", "el-")):
                i += 1
                continue
            start = tok.idx
            span = covered = None
            for length in self.lengths:
                for name, label, key in self.by_prefix.get(text[start:start + length], ()):
                    if not text.startswith(name, start):
                        continue
                    span = doc.char_span(start, start + len(name), label=label, span_id=key)
                    # the longest name wins: it may take the place of entities it wholly contains
                    covered = {owner[t] for t in range(span.start, span.end) if t in owner} if span is not None else None
                    if span is not None and all(ents[k].start >= span.start and ents[k].end <= span.end
                                                and len(ents[k]) < len(span) for k in covered):
                        break
                    span = None
                if span is not None:
                    break
            if span is not None and len(span) == 1 and span.label_ in ("GPE", "LOC") and self._in_a_name(doc, span, owner):
                span = None
            if span is None:
                i += 1
                continue
            found.append(span)
            dropped |= covered
            i = span.end
        if found:
            doc.ents = [*(e for k, e in enumerate(ents) if k not in dropped), *found]
        return doc


    @staticmethod
    def _in_a_name(doc, span, owner) -> bool:
        """A one-word place name next to another capitalised word no entity covers is part of a name the
        NER missed ("Jane Roe", "X Citadel"), not the place."""
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        return (before is not None and before.is_title and before.is_alpha and not before.is_sent_start
                and before.i not in owner) or (after is not None and after.is_title and after.is_alpha
                                               and after.i not in owner)


@lru_cache(maxsize=1)
def world_matcher() -> WorldMatcher:
    return WorldMatcher(load_gazetteer().world_patterns())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer()
