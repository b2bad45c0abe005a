"""The words of the rules (`kg/patterns/rules.json`), loaded once into a frozen `RuleWords`.

Each field is one key of the data file: a list of words becomes a frozen set (a tuple where the field is one:
the rule reads the words in order), a mapping a read-only mapping, a single word stays a string.
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
    support_words: frozenset[str]
    presence_words: frozenset[str]
    duty_nouns: frozenset[str]
    merit_nouns: frozenset[str]
    granted_nouns: frozenset[str]
    report_nouns: frozenset[str]
    military_adjectives: frozenset[str]
    gathering_nouns: frozenset[str]
    temporal_marks: frozenset[str]
    reason_marks: frozenset[str]
    circumstance_preps: frozenset[str]
    head_offices: frozenset[str]
    charge_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    anaphoric_charge_nouns: frozenset[str]
    # names and descriptions (kg/extract/mentions.py)
    people_nouns: frozenset[str]
    group_adjectives: frozenset[str]
    generic_modifiers: frozenset[str]
    entourage_nouns: frozenset[str]
    media_nouns: frozenset[str]
    institution_words: frozenset[str]
    org_words: frozenset[str]
    months: tuple[str, ...]
    weekdays: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    district_nouns: frozenset[str]
    # reflexives and object control (kg/extract/)
    reflexive_pronouns: frozenset[str]
    aspectual_verbs: frozenset[str]
    occurrence_nouns: frozenset[str]
    sub_body_nouns: frozenset[str]
    agent_participles: frozenset[str]
    enabling_verbs: frozenset[str]
    # function words many rules read (bound once below to module-level names)
    definite_article: str
    articles: frozenset[str]
    agent_preposition: str
    genitive_preposition: str
    locative_preposition: str
    goal_preposition: str
    source_preposition: str
    comitative_preposition: str
    infinitive_marker: str
    complementizer: str
    additive_conjunction: str
    coordinating_conjunctions: frozenset[str]
    listing_preps: frozenset[str]
    # frames (kg/extract/frames.py; 'reciprocal_preposition' also kg/extract/standing.py)
    auxiliary_lemmas: frozenset[str]
    establish_verb: str
    presence_preps: frozenset[str]
    attribution_phrase: tuple[str, ...]
    clause_markers: frozenset[str]
    sanction_nouns: frozenset[str]
    measure_nouns: frozenset[str]
    generic_weapon_nouns: frozenset[str]
    attack_place_preps: frozenset[str]
    meeting_party_preps: frozenset[str]
    referring_determiners: frozenset[str]
    control_nouns: frozenset[str]
    control_area_preps: frozenset[str]
    verb_complement_preps: frozenset[str]
    occasion_preps: frozenset[str]
    currency_word: str
    money_promise_verbs: frozenset[str]
    currency_signs: frozenset[str]
    currency_nouns: frozenset[str]
    beneficiary_preps: frozenset[str]
    reciprocal_preposition: str
    # dates, places and refusals of statements (kg/extract/emit.py)
    event_place_preps: frozenset[str]
    event_occasion_preps: frozenset[str]
    occasion_place_preps: frozenset[str]
    date_part_words: frozenset[str]
    ago: str
    future_auxiliaries: frozenset[str]
    need_target_preps: frozenset[str]
    struck_place_preps: frozenset[str]
    receipt_verbs: frozenset[str]
    stance_receipt_verbs: frozenset[str]
    means_preposition: str
    aid_received_nouns: frozenset[str]
    irregular_verb_forms: Mapping[str, str]
    military_asset_nouns: frozenset[str]
    harm_verbs: frozenset[str]
    anaphoric_pronouns: frozenset[str]
    # modality (kg/extract/modality.py)
    gathering_preps: frozenset[str]
    idiomatic_possible: str
    equative_as: str
    hypothetical_modifiers: frozenset[str]
    planned_modifiers: frozenset[str]
    future_adjective: str
    claimed_modifiers: frozenset[str]
    evidential_nouns: frozenset[str]
    reported_participle: str
    hypothetical_modals: frozenset[str]
    conditional_modal: str
    condition_marks: frozenset[str]
    open_question_marks: frozenset[str]
    free_choice_determiner: str
    free_choice_words: frozenset[str]
    likelihood_adjectives: frozenset[str]
    possibility_nouns: frozenset[str]
    # references (kg/extract/references.py)
    third_person_pronouns: frozenset[str]
    country_noun: str
    speaker_pronouns: frozenset[str]
    leader_possessives: frozenset[str]
    homeland_nouns: frozenset[str]
    forces_possessives: frozenset[str]
    armed_adjective: str
    small_count_words: frozenset[str]
    president_title: str
    vice_prefix: str
    group_pronouns: frozenset[str]
    partner_preps: frozenset[str]
    pressure_nouns: frozenset[str]
    government_nouns: frozenset[str]
    # arguments (kg/extract/arguments.py)
    title_link_words: frozenset[str]
    hyphens: frozenset[str]
    list_filler_words: frozenset[str]
    origin_preps: frozenset[str]
    elect_suffixes: frozenset[str]
    partitive_heads: frozenset[str]
    group_descriptors: frozenset[str]
    responsibility_nouns: frozenset[str]
    control_of_nouns: frozenset[str]
    object_control_preps: frozenset[str]
    prevention_verbs: frozenset[str]
    responsibility_verbs: frozenset[str]
    responsibility_preposition: str
    fighter_nouns: frozenset[str]
    issued_document_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    conduct_nouns: frozenset[str]
    crossing_verbs: frozenset[str]
    crossing_preps: tuple[str, ...]
    plan_noun_preps: frozenset[str]
    notice_verbs: frozenset[str]
    notice_phrase: tuple[str, ...]
    party_nouns: frozenset[str]
    accountability_words: frozenset[str]
    blame_adjectives: frozenset[str]
    holding_verb: str
    addressee_preps: frozenset[str]
    place_only_preps: frozenset[str]
    allegiance_adjectives: frozenset[str]
    state_territory_nouns: frozenset[str]
    area_part_nouns: frozenset[str]
    purpose_subject_preposition: str
    accusation_verbs: frozenset[str]
    charge_verb: str
    commitment_verbs: frozenset[str]
    gerund_preps: frozenset[str]
    owner_preps: frozenset[str]
    asset_nouns: frozenset[str]
    owned_noun_preps: frozenset[str]
    free_relative_pronouns: frozenset[str]
    demonstrative_pronouns: frozenset[str]
    # standing relations: titles, members, places, borders (kg/extract/standing.py)
    office_phrase_links: frozenset[str]
    member_list_lead_words: frozenset[str]
    plural_settlement_nouns: frozenset[str]
    container_preps: frozenset[str]
    border_preps: frozenset[str]
    border_nouns: frozenset[str]
    share_verb: str
    # names and descriptions (kg/extract/mentions.py)
    possessive_clitics: frozenset[str]
    title_function_words: frozenset[str]
    leader_noun: str
    city_noun: str
    city_nouns: frozenset[str]
    control_participle: str
    military_unit_words: frozenset[str]
    us_abbreviations: frozenset[str]
    institution_name_preps: frozenset[str]
    example_preposition: str
    name_boundary_articles: frozenset[str]
    news_modifiers: frozenset[str]
    state_media_modifiers: frozenset[str]
    collective_possessives: frozenset[str]
    hyphened_name_particles: frozenset[str]
    name_particles: frozenset[str]
    counterpart_nouns: frozenset[str]
    affiliation_preps: frozenset[str]
    location_or_origin_preps: frozenset[str]
    # syntax helpers (kg/nlp/syntax.py)
    negation_words: frozenset[str]
    relative_pronouns: frozenset[str]
    plural_possessive_marks: frozenset[str]
    prepositional_particles: frozenset[str]
    focus_adverbs: frozenset[str]
    # resolution, the document's voice, quantities (kg/extract/resolve.py, kg/extract/voice.py, kg/extract/qualifiers.py)
    description_determiners: frozenset[str]
    collective_we: str
    date_lead_preps: frozenset[str]
    vague_date_modifiers: frozenset[str]
    years_ago_qualifiers: frozenset[str]
    years_ago_words: tuple[str, ...]
    relative_year_offsets: Mapping[str, int]
    current_period_words: frozenset[str]
    month_word: str
    upcoming_words: frozenset[str]
    seasons: frozenset[str]
    word_numbers: Mapping[str, int]
    vague_counts: Mapping[str, int]
    scale_words: frozenset[str]
    unit_codes: Mapping[str, str]
    stationing_verbs: frozenset[str]
    companion_participles: frozenset[str]
    reciprocal_pronouns: frozenset[str]
    reciprocal_light_verbs: frozenset[str]
    title_place_preps: frozenset[str]
    dateline_words: frozenset[str]
    region_words_of_names: frozenset[str]
    approximation_words: frozenset[str]
    # dates and amounts the entity rules and the date reader find (kg/nlp/language.py, kg/extract/qualifiers.py)
    month_abbreviations: tuple[str, ...]
    amount_scales: tuple[str, ...]
    date_part_prefixes: frozenset[str]
    year_part_words: frozenset[str]
    relative_date_determiners: frozenset[str]
    relative_date_nouns: frozenset[str]
    relative_day_words: frozenset[str]
    currency_nouns: frozenset[str]
    area_unit_prefix: str
    length_units: frozenset[str]
    measure_units: frozenset[str]
    today: str
    # treebank conversion (kg/training/convert.py)
    name_connectors: frozenset[str]


def _frozen(value, kind: str):
    if isinstance(value, dict):
        return MappingProxyType(dict(value))
    if kind.startswith("frozenset"):
        return frozenset(value)
    if kind.startswith("tuple"):
        return tuple(value)
    if not isinstance(value, str):
        raise ValueError(f"{RULES_FILE}: a single word expected, not {value!r}")
    return value


@lru_cache(maxsize=None)
def pattern_words(name: str) -> dict:
    """The word lists of one data file of kg/patterns/ ('tolls.json'), as frozen sets (mappings stay mappings)."""
    data = json.loads((PATTERNS_DIR / name).read_text(encoding="utf-8"))
    return {k: v if isinstance(v, dict) else frozenset(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def rule_words() -> RuleWords:
    """The rules' word lists, read once from `kg/patterns/rules.json`."""
    data = json.loads((PATTERNS_DIR / RULES_FILE).read_text(encoding="utf-8"))
    kinds = {f.name: str(f.type) for f in fields(RuleWords)}
    keys = {key for key in data if not key.startswith("_")}
    if keys != set(kinds):
        raise ValueError(f"{RULES_FILE}: keys without a field {sorted(keys - set(kinds))}, "
                         f"fields without a key {sorted(set(kinds) - keys)}")
    return RuleWords(**{key: _frozen(data[key], kinds[key]) for key in keys})


# Function words many rules read, bound once (module-level names keep per-token tests cheap).
DEFINITE_ARTICLE = rule_words().definite_article
ARTICLES = rule_words().articles
AGENT_PREP = rule_words().agent_preposition
GENITIVE_PREP = rule_words().genitive_preposition
LOCATIVE_PREP = rule_words().locative_preposition
GOAL_PREP = rule_words().goal_preposition
SOURCE_PREP = rule_words().source_preposition
COMITATIVE_PREP = rule_words().comitative_preposition
INFINITIVE_MARKER = rule_words().infinitive_marker
COMPLEMENTIZER = rule_words().complementizer
AND = rule_words().additive_conjunction
COORDINATORS = rule_words().coordinating_conjunctions
LISTING_PREPS = rule_words().listing_preps
ATTRIBUTION_WORD, ATTRIBUTION_PREP = rule_words().attribution_phrase
ATTRIBUTION = f"{ATTRIBUTION_WORD} {ATTRIBUTION_PREP}"  # "according to", as `syntax.prep_of` gives it
