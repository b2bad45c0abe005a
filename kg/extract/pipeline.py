"""The extraction pass over one document.

`extract_document` finds the mentions, then for each sentence runs the standing-relation passes, resolves
references, finds frames and emits their relations; after the last sentence it fills in implicit agents
and targets and copies denials.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..lexicon.words import rule_words
from ..model import DocExtraction, Document, Sentence
from .context import Context, _word_sets
from .emit import (
    IMPLICIT_AGENT_ACTS,
    _denial_copies,
    _emit,
    _implicit_agents,
    _implicit_targets,
    _link_reports,
    _written_agent,
)
from .frames import _frames
from .mentions import ACTOR_TYPES, MentionFinder
from .references import _resolve_references, resolve_pronoun
from .standing import (
    _crime_accusations,
    _described_leaders,
    _held_places,
    _inflicted_by,
    _member_lists,
    _office_relations,
    _participants_list,
    _patron_relations,
    _place_pairs,
    _places_in_region,
    _sites_in_places,
    _standing_noun_relations,
    _titles_and_appositions,
    _toll_estimates,
    _voice_demands,
    _voice_judgements,
)
from .voice import find_voice

# --- the extraction pass -------------------------------------------------------------------------

NAMED_SENTENCE_RULES = (_titles_and_appositions, _office_relations, _member_lists, _place_pairs, _participants_list,
                        _places_in_region, _patron_relations, _held_places, _sites_in_places, _toll_estimates,
                        _voice_demands, _voice_judgements, _crime_accusations)
"""The rules run, in this order, on a sentence that names someone before its references are resolved."""

def count_words(doc: Doc) -> int:
    """The tokens that are neither space nor punctuation (from the token arrays: no Token objects)."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


_DATELINE = re.compile(r"^\s*(?:" + "|".join(sorted(rule_words().dateline_words)) + r")[:\s]+\d{4}-\d{2}-\d{2}\s*",
                       re.IGNORECASE)


def mask_dateline(text: str) -> str:
    """Blank out a leading ' date YYYY-MM-DD' line so it does not join the first sentence."""
    match = _DATELINE.match(text)
    if not match:
        return text
    return " " * (match.end() - 1) + "\n" + text[match.end():]


def _names_an_actor(ctx: Context, sent) -> bool:
    """Whether a sentence can state anything: it has a mention (a name, or a reference resolved to one), a
    demonym ('French troops') or a document voice that speaks without a subject. Frames of a sentence with none of
    these have no one to give their act to, so they are not looked for (over half the sentences of general text)."""
    voice = ctx.voice
    if voice is not None and (voice.body is not None or voice.author is not None):
        return True
    return not ctx.index.by_token.keys().isdisjoint(range(sent.start, sent.end)) or ctx.names_a_demonym(sent)


def extract_document(doc: Doc, document: Document, gazetteer: Gazetteer | None = None) -> DocExtraction:
    """All mentions and relations of one parsed document."""
    gaz = gazetteer or load_gazetteer()
    finder = MentionFinder(doc, document.doc_id, gaz, antecedent=resolve_pronoun)
    index = finder.find()
    base = dt.date.fromisoformat(document.date) if document.date else None
    ctx = Context(doc=doc, document=document, gaz=gaz, index=index, finder=finder, base_date=base, ents=finder.ents,
                  word_sets=_word_sets(gaz), span_heads=sorted(index.spans), text=finder.text, words=finder.words,
                  voice=find_voice(finder, document, gaz))
    sentences = []
    for number, sent in enumerate(doc.sents):
        raw = ctx.text[sent.start_char:sent.end_char]
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        sentences.append(Sentence(doc_id=document.doc_id, index=number, start=start, end=start + len(text), text=text))
        # a sentence that names no one (no mention, no demonym, no document voice) has no one to give a relation
        # to: the rules are not run on it, unless a reference in it resolves to someone (over half the
        # sentences of general text)
        actor = _names_an_actor(ctx, sent)
        if actor:
            for rule in NAMED_SENTENCE_RULES:
                rule(ctx, sent, number)
        _resolve_references(ctx, sent)
        if not actor and not _names_an_actor(ctx, sent):
            continue
        _described_leaders(ctx, sent, number)
        _inflicted_by(ctx, sent, number)
        speech = []
        for frame in _frames(ctx, sent):
            if frame.mode == "implicit_target":
                ctx.targetless.append((frame, number))
                continue
            if frame.prop in IMPLICIT_AGENT_ACTS and not any(x.type in ACTOR_TYPES for x in frame.subjects) \
                    and not _written_agent(frame.token):
                ctx.agentless.append((frame, number))
                continue
            added = _emit(ctx, frame, number)
            if frame.complement is not None and added:
                speech.append((added, frame.complement))
        _link_reports(ctx, speech)
        _standing_noun_relations(ctx, sent, number)
    _implicit_agents(ctx)
    _implicit_targets(ctx)
    _denial_copies(ctx)
    mentions = tuple(sorted({(m.start, m.end, m.key): m for m in [*index.by_token.values(), *ctx.voice.names]}.values(),
                            key=lambda m: (m.start, m.end, m.key)))
    words = count_words(doc)
    return DocExtraction(document=document, sentences=tuple(sentences), mentions=mentions,
                         relations=tuple(ctx.relations), words=words)
