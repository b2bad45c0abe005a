"""The spaCy pipeline: the project's trained pipeline (or any installed one)
plus rule components for world knowledge, paragraphs, dates and amounts.

`load_pipeline()` is the one place a pipeline is loaded. The model is chosen
by `--model`, then the `KG_MODEL` variable, then the pipeline shipped in
`kg/resources/pipeline`.
"""

from __future__ import annotations

import logging
import os
import warnings
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .. import errors
from ..lexicon.gazetteer import load_gazetteer, world_matcher
from ..lexicon.words import rule_words
from .blas import apply_blas_ops

log = logging.getLogger("kg")

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "resources" / "pipeline"
MODEL_ENV = "KG_MODEL"

_WORDS = rule_words()
MONTHS = [*_WORDS.months, *_WORDS.month_abbreviations]
SCALES = list(_WORDS.amount_scales)
DATE_PARTS = sorted(_WORDS.date_part_words | _WORDS.date_part_prefixes)
YEAR_PARTS = sorted(_WORDS.year_part_words)
RELATIVE_DATE_DETERMINERS = sorted(_WORDS.relative_date_determiners)
RELATIVE_DATE_NOUNS = sorted(_WORDS.relative_date_nouns)
DAY_WORDS = sorted(_WORDS.weekdays | _WORDS.relative_day_words)
CURRENCY_NOUNS = sorted(_WORDS.currency_nouns)
AREA_PREFIX = _WORDS.area_unit_prefix
LENGTH_UNITS = sorted(_WORDS.length_units)
MEASURE_UNITS = sorted(_WORDS.measure_units)


def model_name(model: str | None = None) -> str:
    """The pipeline that `load_pipeline(model)` would load."""
    return model or os.environ.get(MODEL_ENV) or str(DEFAULT_MODEL)


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run together."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text_with_ws and not token.is_space or token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("kg_world")
def mark_world_names(doc: Doc) -> Doc:
    """The world tables' names (regions, cities, groups of every country) where no entity is yet."""
    return world_matcher()(doc)


def rule_patterns() -> list[dict]:
    """Patterns for dates, amounts and numbers the trained NER does not label."""
    month = {"LOWER": {"IN": MONTHS}}
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    year = {"SHAPE": "dddd"}
    number = {"LIKE_NUM": True}
    patterns = [
        {"label": "DATE", "pattern": [month, day, {"ORTH": ",", "OP": "?"}, year]},
        {"label": "DATE", "pattern": [day, month, year]},
        {"label": "DATE", "pattern": [month, day]},
        {"label": "DATE", "pattern": [day, month]},
        {"label": "DATE", "pattern": [month, year]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": DATE_PARTS}}, month]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": YEAR_PARTS}}, year]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^(19|20)\d\d$"}}]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": RELATIVE_DATE_DETERMINERS}},
                                      {"LOWER": {"IN": RELATIVE_DATE_NOUNS}}]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": DAY_WORDS}}]},
        {"label": "MONEY", "pattern": [{"ORTH": {"IN": ["$", "€", "£"]}}, number, {"LOWER": {"IN": SCALES}, "OP": "?"}]},
        {"label": "MONEY", "pattern": [number, {"LOWER": {"IN": SCALES}, "OP": "?"},
                                       {"LOWER": {"IN": CURRENCY_NOUNS}}]},
        {"label": "QUANTITY", "pattern": [number, {"LOWER": AREA_PREFIX}, {"LOWER": {"IN": LENGTH_UNITS}}]},
        {"label": "QUANTITY", "pattern": [number, {"LOWER": {"IN": MEASURE_UNITS}}]},
        {"label": "CARDINAL", "pattern": [{"LIKE_NUM": True, "TEXT": {"NOT_IN": []}, "SHAPE": {"NOT_IN": ["dddd"]}},
                                          {"LOWER": {"IN": SCALES}, "OP": "?"}]},
    ]
    return patterns


def add_rule_components(nlp: Language) -> Language:
    """Add the project's rule components to a loaded pipeline (idempotent)."""
    if "kg_paragraphs" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else None
        if first:
            nlp.add_pipe("kg_paragraphs", before=first)
        else:
            nlp.add_pipe("kg_paragraphs", first=True)
    if "ner" not in nlp.pipe_names and "kg_gazetteer" not in nlp.pipe_names:
        log.debug("pipeline has no ner; entities come from rules only")
    if "kg_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", last=True,
                             config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(load_gazetteer().ruler_patterns())
    if "kg_world" not in nlp.pipe_names:
        nlp.add_pipe("kg_world", last=True)
    if "kg_numbers" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="kg_numbers", last=True, config={"overwrite_ents": False})
        ruler.add_patterns(rule_patterns())
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline by name or path and add the rule components."""
    import spacy

    name = model_name(model)
    path = Path(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = spacy.load(path if path.exists() else name)
    except (OSError, IOError, ValueError) as exc:
        if name == str(DEFAULT_MODEL) and not path.exists():
            raise errors.ModelError(
                f"the shipped pipeline is missing at {path}; train it with `kg model train` "
                "or choose one with --model / KG_MODEL") from None
        raise errors.model_not_found(name) from exc
    nlp.max_length = max(nlp.max_length, 25_000_000)
    apply_blas_ops(nlp)
    return add_rule_components(nlp)
