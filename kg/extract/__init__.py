"""Extraction: a parsed document -> mentions and relations with modality.

Relations are read off the dependency parse with the predicate lexicon of
`kg/patterns/lexicon.json` (verbs and event nouns -> ontology properties),
the title table (leaderOf, commands) and a few noun-phrase patterns for
standing relations (locatedIn, borders). Each relation's modality comes from
the clauses above its predicate (`modality_of`), with the precedence of
CONTRACT.md §3.

The stages, one module each, share one `Context` per document:

    context     Context, Frame, shared word sets and helpers
    pipeline    extract_document: the pass over a document's sentences
    standing    titles, offices, members, places, borders, tolls (relations that hold over time)
    references  pronouns, descriptions, groups and a document's own voice -> earlier mentions
    frames      the predicates of a sentence (verbs, event nouns, fixed constructions)
    arguments   a predicate's subjects and objects
    modality    a relation's modality and claimant
    emit        frames -> relations, with qualifiers; implicit agents and targets; denial copies
"""

from .arguments import OWNED_OBJECT_PROPS
from .context import (
    CONTENT_LIMIT,
    FIRST_PERSON,
    LOCATED_VERBS,
    PLAN_ADJECTIVES,
    RULE_NOUNS,
    SPEECH_ACTS,
    SPEECH_PROPS,
    STANDING,
    STATE_ACTS,
    TERRITORY_NOUNS,
    TIME_NOUNS,
    Context,
    Frame,
)
from .emit import ANAPHORIC_CHARGE, HEAD_OFFICES, IMPLICIT_AGENT_ACTS, PLACE_OBJECT_PROPS
from .frames import ATTACK_EVENT_NOUNS, CHARGE_NOUN, MILITARY_ADJECTIVES, PRESENCE_WORDS, REPORT_NOUNS
from .modality import CIRCUMSTANCE_PREPS, EMBEDDING, GATHERING_NOUNS, TEMPORAL_MARKS, modality_of
from .pipeline import count_words, extract_document, mask_dateline
from .references import (
    BARE_DESCRIPTIONS,
    GROUP_TYPES,
    PLACE_ACTS,
    REFERENCE_WORDS,
    SUPPORT_WORDS,
    SURROUNDING_REGION_NOUNS,
    SURROUNDING_WORDS,
)
from .standing import count_of

__all__ = [
    "ANAPHORIC_CHARGE", "ATTACK_EVENT_NOUNS", "BARE_DESCRIPTIONS", "CHARGE_NOUN", "CIRCUMSTANCE_PREPS", "CONTENT_LIMIT",
    "Context", "EMBEDDING", "FIRST_PERSON", "Frame", "GATHERING_NOUNS", "GROUP_TYPES", "HEAD_OFFICES",
    "IMPLICIT_AGENT_ACTS", "LOCATED_VERBS", "MILITARY_ADJECTIVES", "OWNED_OBJECT_PROPS", "PLACE_ACTS",
    "PLACE_OBJECT_PROPS", "PLAN_ADJECTIVES", "PRESENCE_WORDS", "REFERENCE_WORDS", "REPORT_NOUNS", "RULE_NOUNS",
    "SPEECH_ACTS", "SPEECH_PROPS", "STANDING", "STATE_ACTS", "SUPPORT_WORDS", "SURROUNDING_REGION_NOUNS",
    "SURROUNDING_WORDS", "TEMPORAL_MARKS", "TERRITORY_NOUNS", "TIME_NOUNS", "count_of", "count_words",
    "extract_document", "mask_dateline", "modality_of",
]
