"""The word lists of the extraction rules (`kg/patterns/rules.json`), loaded once into a frozen `RuleWords`.

Each field is one key of the data file: a list of words becomes a frozen set, a mapping a read-only mapping.
The file's `_keys` says what each list is for. A key missing from the file, or a key of the file that is not a
field here, fails at load time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from types import MappingProxyType

from .gazetteer import PATTERNS_DIR

RULES_FILE = "rules.json"


@dataclass(frozen=True)
class RuleWords:
    # references, descriptions and places (kg/extract/)
    territory_nouns: frozenset[str]
    plan_adjectives: frozenset[str]
    time_nouns: frozenset[str]
    rule_nouns: frozenset[str]
    located_verbs: frozenset[str]
    attack_event_nouns: frozenset[str]
    surrounding_region_nouns: frozenset[str]
    surrounding_words: frozenset[str]
    bare_descriptions: Mapping[str, str]
    reference_words: frozenset[str]
    support_words: frozenset[str]
    presence_words: frozenset[str]
    report_nouns: frozenset[str]
    military_adjectives: frozenset[str]
    gathering_nouns: frozenset[str]
    temporal_marks: frozenset[str]
    circumstance_preps: frozenset[str]
    head_offices: frozenset[str]
    charge_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    anaphoric_charge_nouns: frozenset[str]
    # names and descriptions (kg/mentions.py)
    people_nouns: frozenset[str]
    group_adjectives: frozenset[str]
    generic_modifiers: frozenset[str]
    entourage_nouns: frozenset[str]
    media_nouns: frozenset[str]
    institution_words: frozenset[str]
    org_words: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    district_nouns: frozenset[str]


def _frozen(value):
    if isinstance(value, dict):
        return MappingProxyType(dict(value))
    return frozenset(value)


@lru_cache(maxsize=1)
def rule_words() -> RuleWords:
    """The rules' word lists, read once from `kg/patterns/rules.json`."""
    data = json.loads((PATTERNS_DIR / RULES_FILE).read_text(encoding="utf-8"))
    values = {key: _frozen(value) for key, value in data.items() if not key.startswith("_")}
    names = {f.name for f in fields(RuleWords)}
    if set(values) != names:
        raise ValueError(f"{RULES_FILE}: keys without a field {sorted(set(values) - names)}, "
                         f"fields without a key {sorted(names - set(values))}")
    return RuleWords(**values)
