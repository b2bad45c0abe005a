"""Entity resolution across the corpus: mention keys -> entities, and the
one place entity IRIs are minted.

Mentions carry a key from extraction (a gazetteer id, or a normalized name).
Here keys of the same entity are merged: a surname with the full name it
ends, spelling variants by fuzzy match (rapidfuzz), and each entity gets one
canonical label, its other names as alternative labels, a type and a
Wikidata id where the gazetteer knows it. A label never belongs to two
entities.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

import numpy as np
from nicknames import NickNamer
from rapidfuzz import fuzz, process
from rdflib import URIRef

from ..graph.vocab import RESOURCE
from ..lexicon.gazetteer import Gazetteer, fold, load_gazetteer, slug
from ..lexicon.words import rule_words
from ..model import DocExtraction, Entity, Mention
from .mentions import AMBIGUOUS, INSTITUTION_WORDS

FUZZY_THRESHOLD = 90
DESCRIPTION_DETERMINERS = rule_words().description_determiners


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity, from its resolution key ('country:RU' -> .../entity/country/ru)."""
    kind, _, rest = key.partition(":")
    return RESOURCE[f"entity/{slug(kind)}/{'/'.join(slug(p) for p in rest.split(':'))}"]


def _all_mentions(extractions: Iterable[DocExtraction]) -> list[Mention]:
    out = []
    for ex in extractions:
        out.extend(ex.mentions)
        for rel in ex.relations:
            for m in (rel.subject, rel.object, rel.claimant, rel.place):
                if isinstance(m, Mention):
                    out.append(m)
    return out


def _settle_ambiguous(mentions: list[Mention]) -> list[Mention]:
    """A bare name that may be a city or a region means the region when the corpus names that region
    explicitly, else the city. (Extraction settles it within a document first: see `MentionFinder.find`.)"""
    keys = {m.key for m in mentions}
    out = []
    for m in mentions:
        if m.key.startswith(AMBIGUOUS):
            city, region = m.key[len(AMBIGUOUS):].split("|", 1)
            m = replace(m, key=region, type="Region") if region in keys else replace(m, key=city)
        out.append(m)
    return out


def _merge_map(mentions: list[Mention], gaz: Gazetteer) -> dict[str, str]:
    """key -> canonical key, merging surnames and spelling variants of persons and other names."""
    names_by_key: dict[str, Counter] = defaultdict(Counter)
    type_by_key: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.name:
            names_by_key[m.key][m.name] += 1
        type_by_key[m.key][m.type] += 1
    parent = {k: k for k in type_by_key}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        # a gazetteer key, then the key with more names, wins
        if _rank(ra, names_by_key) < _rank(rb, names_by_key):
            ra, rb = rb, ra
        parent[rb] = ra

    # spelling variants among persons (Brandt / Brant) and among other named keys of one type
    keys = sorted(k for k in type_by_key if names_by_key[k] and not k.startswith(("country:", "region:", "city:")))
    for a, b in _similar_pairs(keys, names_by_key, type_by_key):
        union(a, b)
    persons = sorted(k for k in type_by_key if type_by_key[k].most_common(1)[0][0] == "Person")
    honorifics = frozenset(gaz.titles.get("honorifics", ()))
    for a, b in _nickname_pairs(persons, names_by_key, honorifics):
        union(a, b)
    # the persons with a name of more than one word, by the last word of such a name and by each of its
    # shorter beginnings (looked up, not searched: a corpus has thousands of persons)
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_beginning: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for f in persons:
        for n in names_by_key[f]:
            words = n.split()
            if len(words) > 1:
                by_surname[words[-1]].append(f)
                for size in range(1, len(words)):
                    by_beginning[tuple(words[:size])].append(f)
    for k in persons:
        names = [_bare_person_name(n, honorifics) for n in names_by_key[k]]
        if names and all(len(n.split()) == 1 for n in names):
            matches = [f for f in dict.fromkeys(by_surname.get(names[0], ())) if f != k]
        elif names and all(len(n.split()) > 1 for n in names):
            # "Jane Roe" and "Jane Roe Smith": a name that begins another person's longer name
            matches = [f for n in names for f in by_beginning.get(tuple(n.split()), ()) if f != k]
        else:
            continue
        if len({find(f) for f in matches}) == 1:
            union(matches[0], k)
    # "from State and Treasury" beside "the State Department": a bare first word of an institution's name in the
    # same document, read as a place or an unknown body, is the institution
    institutions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        words = (m.name or "").split()
        if m.type == "Organization" and len(words) >= 2 and words[-1].lower() in INSTITUTION_WORDS:
            institutions[(m.doc_id, words[0])].add(m.key)
    for m in mentions:
        if m.name and " " not in m.name and m.key.startswith(("place:", "org:", "organization:")) \
                and len(owners_of := {find(k) for k in institutions.get((m.doc_id, m.name), ())}) == 1:
            owner, bare_root = next(iter(owners_of)), find(m.key)
            if owner != bare_root:
                parent[bare_root] = owner  # the institution's key stands
    # organisations named alike in different documents ("ISW" alone, and "ISW" as the acronym of its full name)
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in sorted(type_by_key):
        type_ = type_by_key[k].most_common(1)[0][0]
        if type_ in ("Organization", "MilitaryUnit", "Actor") and not k.startswith("country:"):
            for name in names_by_key[k]:
                owners[(type_, fold(name))].append(k)
    for keys in owners.values():
        for other in keys[1:]:
            union(keys[0], other)
    return {k: find(k) for k in parent}


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def _same_first_name(a: str, b: str) -> bool:
    """Whether two first names are one name and its short form ('Liz' and 'Elizabeth', 'Tom' and 'Thomas')."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    nn = _nicknamer()
    return b in nn.nicknames_of(a) or a in nn.nicknames_of(b) or bool(nn.canonicals_of(a) & nn.canonicals_of(b))


def _nickname_pairs(persons: list[str], names_by_key, honorifics: frozenset[str]) -> Iterable[tuple[str, str]]:
    """Persons named 'First Last' with the same last name and first names that are one name and its short form."""
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in persons:
        for name in names_by_key[k]:
            parts = _bare_person_name(name, honorifics).split()
            if len(parts) == 2:
                by_surname[fold(parts[1])].append((parts[0], k))
    for entries in by_surname.values():
        for i, (first_a, a) in enumerate(entries):
            for first_b, b in entries[i + 1:]:
                if a != b and first_a.lower() != first_b.lower() and _same_first_name(first_a, first_b):
                    yield a, b


def _bare_person_name(name: str, honorifics: frozenset[str]) -> str:
    """A person's name without a leading honorific or acronym title: 'Mr Roe' -> 'Roe', 'NSA Roe' -> 'Roe'."""
    parts = name.split()
    while len(parts) > 1 and (parts[0].rstrip(".").lower() in honorifics or parts[0].isupper() and len(parts[0]) <= 5):
        parts = parts[1:]
    return " ".join(parts)



def _similar_pairs(keys: list[str], names_by_key, type_by_key, block: int = 1024) -> Iterable[tuple[str, str]]:
    """Pairs of keys of one type whose longest names are spelling variants (fuzzy ratio of the folded names at
    least FUZZY_THRESHOLD; persons also share the first letters of their surname). Every pair of a type is
    scored, in rapidfuzz's C loop and in blocks of rows, so memory stays bounded on large corpora."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_type[type_by_key[k].most_common(1)[0][0]].append(k)
    for type_ in sorted(by_type):
        group = by_type[type_]
        longest = [max(names_by_key[k], key=len) for k in group]
        folded = [fold(n) for n in longest]
        for start in range(0, len(group), block):
            scores = process.cdist(folded[start:start + block], folded, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_THRESHOLD, dtype=np.float32)
            for i, j in zip(*np.nonzero(scores)):
                a, b = start + int(i), int(j)
                if b <= a:
                    continue
                if group[a].startswith("person:") and group[b].startswith("person:") \
                        and longest[a].split()[-1][:4] != longest[b].split()[-1][:4]:
                    continue
                yield group[a], group[b]


def _rank(key: str, names_by_key) -> tuple:
    known = key.split(":")[0] in ("country", "region", "city", "org", "person") and ":" in key and not key.startswith("person:") or False
    return (known, sum(names_by_key[key].values()), -len(key), key)


def resolve_entities(extractions: list[DocExtraction], gazetteer: Gazetteer | None = None) -> tuple[dict[str, Entity], dict[str, str]]:
    """Entities of the corpus by canonical key, and the map from every mention key to it."""
    gaz = gazetteer or load_gazetteer()
    raw = _all_mentions(extractions)
    settled = _settle_ambiguous(raw)
    mentions = settled
    merge = _merge_map(mentions, gaz)
    for before, after in zip(raw, settled):
        if before.key != after.key:
            merge[before.key] = merge.get(after.key, after.key)
    names: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    wikidata: dict[str, str] = {}
    count: Counter = Counter()
    seen_spans = set()
    for m in mentions:
        key = merge.get(m.key, m.key)
        types[key][m.type] += 1
        if m.wikidata:
            wikidata.setdefault(key, m.wikidata)
        span_id = (m.doc_id, m.start, m.end, key)
        if span_id in seen_spans:
            continue
        seen_spans.add(span_id)
        count[key] += 1
        if m.name:
            names[key][_clean(m.name)] += 1
            if m.surface and m.surface != m.name:
                surfaces[key][_clean(m.surface)] += 1
        elif key.startswith("forces:") and m.surface and m.surface[:1].isupper() and len(m.surface.split()) > 1 \
                and m.surface.split()[0].lower() not in DESCRIPTION_DETERMINERS:
            surfaces[key][_clean(m.surface)] += 1  # "U.S. forces", "Ruritanian troops": how the text names them
    entities: dict[str, Entity] = {}
    for key in sorted(types):
        entry = gaz.entries.get(key)
        type_ = entry.type if entry else _type_vote(types[key])
        label = _label(key, entry, names[key], gaz)
        alts = set(names[key]) | set(surfaces[key])
        if key.startswith("forces:") and (country := gaz.country(key.split(":", 1)[1])) is not None:
            alts.add(f"{country.label} Armed Forces")  # the forces' official name: "United States Armed Forces"
        if entry is not None and entry.type in ("Person", "Organization", "Country"):
            alts |= {n for n in entry.names if n in names[key] or n in surfaces[key]}
        entities[key] = Entity(key=key, label=label, type=type_, alt_labels=tuple(sorted(a for a in alts if a != label)),
                               wikidata=entry.wikidata if entry and entry.wikidata else wikidata.get(key),
                               mentions=count[key])
    entities = _unique_labels(entities, names)
    return entities, merge


def _clean(name: str) -> str:
    name = " ".join(name.split())
    for q in ("\"", "“", "”"):
        name = name.strip(q) if name.count(q) == 1 else name
    return name.strip()


def _type_vote(types: Counter) -> str:
    order = ["Person", "Country", "MilitaryUnit", "Organization", "Region", "City", "Weapon", "Agreement", "Event",
             "Place", "Actor"]
    best = max(types.items(), key=lambda kv: (kv[1], -order.index(kv[0]) if kv[0] in order else -99))
    return best[0]


def _label(key: str, entry, names: Counter, gaz: Gazetteer) -> str:
    if entry is not None:
        return entry.label
    if key.startswith("forces:"):
        country = gaz.country(key.split(":", 1)[1])
        demonym = country.demonyms[0] if country and country.demonyms else (country.label if country else key)
        return f"{demonym} Armed Forces"
    if not names:
        return key.split(":")[-1].replace("-", " ")
    # the longest of the most common names ("Tomas Brandt" over "Brandt")
    return sorted(names.items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]


def _unique_labels(entities: dict[str, Entity], names: dict[str, Counter]) -> dict[str, Entity]:
    """Give every label (folded) to one entity only: its canonical owner, else the one naming it most."""
    owners: dict[str, list[str]] = defaultdict(list)
    for key, ent in entities.items():
        for label in (ent.label, *ent.alt_labels):
            owners[fold(label)].append(key)
    out = dict(entities)
    for folded, keys in owners.items():
        if len(set(keys)) < 2:
            continue
        canon = [k for k in keys if fold(entities[k].label) == folded]
        keep = canon[0] if canon else max(keys, key=lambda k: (sum(v for n, v in names[k].items() if fold(n) == folded), k))
        for k in set(keys):
            if k == keep:
                continue
            ent = out[k]
            out[k] = Entity(key=ent.key, label=ent.label, type=ent.type,
                            alt_labels=tuple(a for a in ent.alt_labels if fold(a) != folded),
                            wikidata=ent.wikidata, mentions=ent.mentions)
    return out
