"""The state one document's extraction shares across its stages.

`Context` holds the parsed document, its mentions and the relations found so far; `Frame` is a predicate
found in a sentence before it becomes relations. Here too are the word sets and ontology categories several
stages read, and small helpers they share (a gazetteer entry as a mention, the tokens carrying trigger words).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..graph.vocab import STANDING_PROPERTIES
from ..lexicon.gazetteer import Gazetteer
from ..lexicon.words import COMPLEMENTIZER, DEFINITE_ARTICLE, rule_words
from ..lexicon.words import pattern_words as _pattern_words
from ..model import Document, Mention, Relation
from ..nlp import syntax as sx
from .mentions import MentionFinder, MentionIndex, _title_sets
from .voice import Voice, voice_words

STANDING = frozenset(STANDING_PROPERTIES)
SPEECH_PROPS = frozenset({"claims", "warns", "denies", "demands", "accuses", "estimates", "disputes"})
FIRST_PERSON = voice_words().first_singular | voice_words().first_plural
SPEECH_ACTS = SPEECH_PROPS | {"praises", "condemns", "threatens", "rejects", "orders", "agreesTo"}
TERRITORY_NOUNS = rule_words().territory_nouns
PLAN_ADJECTIVES = rule_words().plan_adjectives
TIME_NOUNS = rule_words().time_nouns
RULE_NOUNS = rule_words().rule_nouns
LOCATED_VERBS = rule_words().located_verbs
CONTENT_LIMIT = 300


@dataclass
class Frame:
    """A predicate found in a sentence, before it becomes relations."""

    token: Token
    prop: str
    subjects: list[Mention]
    objects: list  # Mention | Content | Quantity
    mode: str | None = None
    complement: Token | None = None
    symmetric: bool = False
    role: str | None = None
    scope: Token | None = None  # the token whose ancestors decide the modality


@dataclass
class Context:
    doc: Doc
    document: Document
    gaz: Gazetteer
    index: MentionIndex
    finder: MentionFinder
    base_date: dt.date | None
    relations: list[Relation] = field(default_factory=list)
    modalities: dict[int, tuple] = field(default_factory=dict)
    node_info: dict[int, object] = field(default_factory=dict)
    word_sets: dict[str, frozenset] = field(default_factory=dict)
    ents: list[Span] = field(default_factory=list)
    frames_by_token: dict[int, list[int]] = field(default_factory=dict)  # predicate token -> relation indices
    agentless: list[tuple[Frame, int]] = field(default_factory=list)  # acts of war whose agent the text leaves out
    targetless: list[tuple[Frame, int]] = field(default_factory=list)  # wars and invasions with no target written
    wider: dict[int, Mention] = field(default_factory=dict)  # "the wider region" token -> the city it surrounds
    span_heads: list[int] = field(default_factory=list)  # head tokens of the named mentions, in text order
    text: str = ""  # doc.text (which spaCy rebuilds at each call)
    words: sx.Words | None = None  # the token attribute lists the sentence scans read
    _lower: tuple[int, str] | None = None  # (sentence start, its lower-case text), for `lower_text`
    _forms: tuple[int, frozenset[str]] | None = None  # (sentence start, its words and lemmas), for `sentence_forms`
    voice: Voice | None = None  # who the document's "I" and "we" are
    groups: dict[int, list[Mention]] = field(default_factory=dict)  # "the two leaders", "they" -> the participants
    reference_words: frozenset[int] | None = None  # tokens besides mentions that references may resolve
    _demonyms: frozenset[int] | None = None  # capitalised tokens that are a country's demonym, for `names_a_demonym`

    def names_a_demonym(self, sent: Span) -> bool:
        """Whether a sentence has a capitalised country demonym ('French troops'); the document's demonyms are
        found once."""
        if self._demonyms is None:
            demonym = self.gaz.country_of_demonym
            self._demonyms = frozenset(i for i, word in enumerate(self.words.text)
                                       if word[:1].isupper() and demonym(word) is not None)
        return bool(self._demonyms) and not self._demonyms.isdisjoint(range(sent.start, sent.end))

    def heads_in(self, sent: Span) -> list[Token]:
        """The head tokens of the named mentions in a sentence (the rules about names look only at these)."""
        lo, hi = bisect.bisect_left(self.span_heads, sent.start), bisect.bisect_left(self.span_heads, sent.end)
        return [self.words.tokens[i] for i in self.span_heads[lo:hi]]

    def sentence_forms(self, sent: Span) -> frozenset[str]:
        """The lower-case words and the lemmas of a sentence: a rule whose trigger words meet none of them has
        nothing to scan for (one set intersection instead of a loop over the tokens)."""
        if self._forms is None or self._forms[0] != sent.start:
            w = self.words
            self._forms = (sent.start, frozenset(w.lower[sent.start:sent.end]).union(w.lemma[sent.start:sent.end]))
        return self._forms[1]

    def lower_text(self, sent: Span) -> str:
        """The sentence's text in lower case (the rules test it for their trigger words)."""
        if self._lower is None or self._lower[0] != sent.start:
            self._lower = (sent.start, self.text[sent.start_char:sent.end_char].lower())
        return self._lower[1]


_WORD_SETS: dict[int, tuple[Gazetteer, dict[str, frozenset]]] = {}


def _word_sets(gaz: Gazetteer) -> dict[str, frozenset]:
    """The lexicon's word lists as sets, made once per gazetteer."""
    known = _WORD_SETS.get(id(gaz))
    if known is None or known[0] is not gaz:
        known = _WORD_SETS[id(gaz)] = (gaz, _make_word_sets(gaz))
    return known[1]


def _make_word_sets(gaz: Gazetteer) -> dict[str, frozenset]:
    lex = gaz.lexicon
    titles = _title_sets(gaz)
    office_words = titles["all_titles"] | titles["title_words"]
    return {"office_words": office_words | {DEFINITE_ARTICLE},  # "the Secretary": an office without a name
            # the words of titles and honorifics that may stand between the items of a list of names
            "list_titles": office_words | {h + "." for h in gaz.titles.get("honorifics", ())},
            "hypo": frozenset(lex["hypothetical_words"]), "allege": frozenset(lex["allege_words"]),
            "future": frozenset(lex["future_aux"]), "plan_nouns": frozenset(lex["plan_nouns"]),
            "plan_verbs": frozenset(lex["plan_verbs"]), "negative_verbs": frozenset(lex["negative_verbs"]),
            "plan_verbs_by_clause": frozenset(lex["plan_verbs_by_clause"]),
            "implicit_target_nouns": frozenset(lex["implicit_target_nouns"]),
            "particles": frozenset(k.split()[1] for k in lex["verbs"] if " " in k)}


def _tokens_with(ctx: Context, sent: Span, words) -> Iterator[Token]:
    """The tokens of a sentence whose lower-case form is one of `words` (read off the word lists: no Token objects
    for the others)."""
    if ctx.sentence_forms(sent).isdisjoint(words):
        return
    lower = ctx.words.lower
    for i in range(sent.start, sent.end):
        if lower[i] in words:
            yield ctx.words.tokens[i]


def _entry_mention(ctx: Context, tok: Token, entry) -> Mention:
    return Mention(doc_id=ctx.document.doc_id, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                   type=entry.type, key=entry.key, wikidata=entry.wikidata)


def _forces_of(country: Mention) -> Mention:
    """The armed forces of the country a mention names, written where the mention is."""
    return replace(country, type="MilitaryUnit", key=f"forces:{country.key.split(':', 1)[1]}", name=None,
                   wikidata=None)


def _that_marked(clause: Token) -> bool:
    """Whether a clause opens with the complementizer 'that' (not the relative pronoun)."""
    return any(sx.dep(m) == "mark" and m.lower_ == COMPLEMENTIZER and m.tag_ == "IN" for m in clause.children)
STATE_ACTS = frozenset({"captures", "annexes", "attacks", "withdrawsFrom"})


def _stance_words() -> dict[str, frozenset[str]]:
    return _pattern_words("stance.json")


def _need_nouns() -> frozenset[str]:
    return _stance_words()["need_nouns"]


def _lexicon_entry(ctx: Context, node: Token) -> dict | None:
    """The lexicon entry of a verb (or, for a noun, of an event noun) at `node`, or None."""
    lex = ctx.gaz.lexicon
    is_verb = node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB")
    return sx.lookup(node, lex["verbs"] if is_verb else lex["nouns"])[1]
