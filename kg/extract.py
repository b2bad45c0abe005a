"""Extraction: a parsed document -> mentions and relations with modality.

Relations are read off the dependency parse with the predicate lexicon of
`kg/patterns/lexicon.json` (verbs and event nouns -> ontology properties),
the title table (leaderOf, commands) and a few noun-phrase patterns for
standing relations (locatedIn, borders). Each relation's modality comes from
the clauses above its predicate (`modality_of`), with the precedence of
CONTRACT.md §3.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc, Span, Token

from . import syntax as sx
from .gazetteer import PATTERNS_DIR, Gazetteer, load_gazetteer
from .mentions import ACTOR_TYPES, AMBIGUOUS as AMBIGUOUS_PREFIX, PEOPLE_NOUNS, PLACE_TYPES, MentionFinder, MentionIndex
from .model import MODALITIES, Content, DocExtraction, Document, Mention, Quantity, Relation, Sentence
from .qualifiers import parse_quantities, resolve_date
from .vocab import DOMAINS, RANGES, STANDING_PROPERTIES, SYMMETRIC_PROPERTIES
from .voice import Voice, find_voice, voice_words
from .words import rule_words

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
    voice: Voice | None = None  # who the document's "I" and "we" are
    groups: dict[int, list[Mention]] = field(default_factory=dict)  # "the two leaders", "they" -> the participants

    def heads_in(self, sent: Span) -> list[Token]:
        """The head tokens of the named mentions in a sentence (the rules about names look only at these)."""
        lo, hi = bisect.bisect_left(self.span_heads, sent.start), bisect.bisect_left(self.span_heads, sent.end)
        return [self.words.tokens[i] for i in self.span_heads[lo:hi]]

    def lower_text(self, sent: Span) -> str:
        """The sentence's text in lower case (the rules test it for their trigger words)."""
        if self._lower is None or self._lower[0] != sent.start:
            self._lower = (sent.start, self.text[sent.start_char:sent.end_char].lower())
        return self._lower[1]


# --- the extraction pass -------------------------------------------------------------------------

def count_words(doc: Doc) -> int:
    """The tokens that are neither space nor punctuation (from the token arrays: no Token objects)."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


def mask_dateline(text: str) -> str:
    """Blank out a leading ' date YYYY-MM-DD' line so it does not join the first sentence."""
    match = re.match(r"^\s*(?:date|dated|published)[:\s]+\d{4}-\d{2}-\d{2}\s*", text, re.IGNORECASE)
    if not match:
        return text
    return " " * (match.end() - 1) + "\n" + text[match.end():]


def extract_document(doc: Doc, document: Document, gazetteer: Gazetteer | None = None) -> DocExtraction:
    """All mentions and relations of one parsed document."""
    gaz = gazetteer or load_gazetteer()
    finder = MentionFinder(doc, document.doc_id, gaz)
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
        _titles_and_appositions(ctx, sent, number)
        _office_relations(ctx, sent, number)
        _member_lists(ctx, sent, number)
        _place_pairs(ctx, sent, number)
        _participants_list(ctx, sent, number)
        _places_in_region(ctx, sent, number)
        _patron_relations(ctx, sent, number)
        _held_places(ctx, sent, number)
        _sites_in_places(ctx, sent, number)
        _toll_estimates(ctx, sent, number)
        _voice_demands(ctx, sent, number)
        _resolve_references(ctx, sent)
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


ATTACK_EVENT_NOUNS = rule_words().attack_event_nouns
IMPLICIT_AGENT_ACTS = frozenset({"captures", "attacks", "annexes", "invades", "strikes"})


def _written_agent(tok: Token) -> bool:
    """Whether the text writes an agent for the predicate, resolved or not ('its forces had repelled')."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return sx.possessor(tok) is not None or any(p == "by" for p, _ in sx.prep_args(tok))
    return bool(sx.subjects(tok))


def _country_code(ctx: Context, ment: Mention) -> str | None:
    """The country a mention is, belongs to or lies in (ISO alpha-2), as far as world knowledge says."""
    key = ment.key
    if key.startswith(AMBIGUOUS_PREFIX):
        key = key.rsplit("|", 1)[-1]
    if key.startswith(("country:", "forces:")):
        return key.split(":", 1)[1]
    entry = ctx.gaz.entries.get(key)
    return entry.country if entry is not None else None


def _main_belligerent(ctx: Context) -> str | None:
    """The country this article names most often as the agent of captures, attacks and annexations (its own
    forces and leader included), when one clearly leads; None otherwise."""
    counts: Counter = Counter()
    for rel in ctx.relations:
        if rel.predicate in IMPLICIT_AGENT_ACTS and rel.subject.type in ("Country", "MilitaryUnit"):
            code = _country_code(ctx, rel.subject)
            if code:
                counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _implicit_agents(ctx: Context) -> None:
    """'Capturing Sumy would be a good start', '4,700 km² has been seized', 'a strategy to invade': acts of war
    whose agent the sentence leaves out are the article's main belligerent's, unless the target is its own."""
    code = _main_belligerent(ctx)
    country = ctx.gaz.country(code) if code else None
    if country is None:
        return
    for frame, number in ctx.agentless:
        tok = frame.token
        objects = [o for o in frame.objects if not (isinstance(o, Mention) and _country_code(ctx, o) == code)]
        inside = {ctx.index.get(t) for t in tok.subtree if t.i != tok.i}
        if any(m is not None and m.type in PLACE_TYPES and _country_code(ctx, m) == code for m in inside):
            continue  # "struck an oil refinery in Russia's Ryazan region": not Russia's own act
        if not objects:
            continue
        _emit(ctx, replace(frame, subjects=[_entry_mention(ctx, tok, country)], objects=objects), number)


def _implicit_targets(ctx: Context) -> None:
    """'Since the start of X's full-scale invasion': a war or invasion with an agent and no target written is
    against the country the article names most often as the target of acts of war, when one clearly leads and
    it is not the agent's own."""
    if not ctx.targetless:
        return
    counts: Counter = Counter()
    for rel in ctx.relations:
        if rel.predicate in IMPLICIT_AGENT_ACTS and isinstance(rel.object, Mention):
            code = _country_code(ctx, rel.object)
            if code:
                counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked:
        # no act of war names a target: the country the article names most often, other than the agents' and
        # the issuing state's, when it clearly leads
        agents = {_country_code(ctx, s) for frame, _n in ctx.targetless for s in frame.subjects}
        if ctx.voice is not None and ctx.voice.body is not None:
            agents.add(_country_code(ctx, ctx.voice.body))
        named = Counter(m.key for m in {(m.start, m.key): m for m in ctx.index.by_token.values()}.values()
                        if m.type == "Country" and m.name is not None)
        ranked = [(k.split(":", 1)[1], n) for k, n in named.most_common() if k.split(":", 1)[1] not in agents][:2]
        if not ranked or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1] or ranked[0][1] < 3:
            return
    elif len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return
    code = ranked[0][0]
    country = ctx.gaz.country(code)
    if country is None:
        return
    for frame, number in ctx.targetless:
        subjects = [s for s in frame.subjects if _country_code(ctx, s) != code]
        if subjects:
            target = _entry_mention(ctx, frame.token, country)
            _emit(ctx, replace(frame, subjects=subjects, objects=[target], mode=None), number)


_WORD_SETS: dict[int, tuple[Gazetteer, dict[str, frozenset]]] = {}


def _word_sets(gaz: Gazetteer) -> dict[str, frozenset]:
    """The lexicon's word lists as sets, made once per gazetteer."""
    known = _WORD_SETS.get(id(gaz))
    if known is None or known[0] is not gaz:
        known = _WORD_SETS[id(gaz)] = (gaz, _make_word_sets(gaz))
    return known[1]


def _make_word_sets(gaz: Gazetteer) -> dict[str, frozenset]:
    lex = gaz.lexicon
    return {"hypo": frozenset(lex["hypothetical_words"]), "allege": frozenset(lex["allege_words"]),
            "future": frozenset(lex["future_aux"]), "plan_nouns": frozenset(lex["plan_nouns"]),
            "plan_verbs": frozenset(lex["plan_verbs"]), "negative_verbs": frozenset(lex["negative_verbs"]),
            "plan_verbs_by_clause": frozenset(lex["plan_verbs_by_clause"]),
            "implicit_target_nouns": frozenset(lex["implicit_target_nouns"]),
            "particles": frozenset(k.split()[1] for k in lex["verbs"] if " " in k)}


# --- references ------------------------------------------------------------------------------------

def _resolve_references(ctx: Context, sent: Span) -> None:
    """Pronouns, definite descriptions and metonyms of a sentence, resolved to earlier mentions."""
    w = ctx.words
    lower, tag = w.lower, w.tag
    by_token = ctx.index.by_token
    with_the = w.heads_of("the")
    finder = ctx.finder
    for i in range(sent.start, sent.end):
        # only the tokens one of the cases below can take (the checks read the token lists)
        word = lower[i]
        if not (i in by_token or tag[i] in sx.PRONOUN_TAGS or word in REFERENCE_WORDS or word in finder.military_nouns
                or word in voice_words().group_nouns or w.text[i][-1:] == "s" and _acronym_plural(w.tokens[i])
                or i in with_the and w.pos[i] in ("NOUN", "PROPN") and (word in finder.title_heads
                                                                         or w.tokens[i].is_punct)):
            continue
        tok = w.tokens[i]
        own = _own_forces(ctx, tok)
        if own is not None:
            continue
        if tok.i in ctx.index.by_token:
            ment = ctx.index.by_token[tok.i]
            if ment.key.startswith("seat:") or (ment.type == "City" and ctx.gaz.country_of_metonym(ment.surface)):
                if _is_agent_position(tok):
                    country = ctx.gaz.country_of_metonym(ment.surface)
                    if country is not None:
                        new = Mention(doc_id=ment.doc_id, start=ment.start, end=ment.end, surface=ment.surface,
                                      type="Country", key=country.key, name=None, wikidata=country.wikidata)
                        for i, m in list(ctx.index.by_token.items()):
                            if m is ment:
                                ctx.index.by_token[i] = new
            continue
        if _group_reference(ctx, tok):
            continue
        if tok.tag_ in sx.PRONOUN_TAGS or tok.lower_ in ("he", "she", "it", "they", "his", "her", "its", "their"):
            if tok.lower_ in ("i", "we", "you", "our", "my", "your", "us", "me", "mine", "ours", "myself", "ourselves",
                              "yourself", "yours"):
                if ctx.voice is not None and tok.i not in ctx.finder.quoted:
                    speaker = ctx.voice.first_person(tok)
                    if speaker is not None:
                        ctx.index.by_token[tok.i] = speaker
                continue
            ref = ctx.finder.resolve_pronoun(tok)
            if ref is not None:
                ctx.index.by_token[tok.i] = replace(ref, start=tok.idx, end=tok.idx + len(tok.text),
                                                    surface=tok.text, name=None)
            continue
        if tok.lower_ in SURROUNDING_REGION_NOUNS and any(c.lower_ == "the" for c in tok.children) \
                and any(c.lower_ in SURROUNDING_WORDS for c in tok.children):
            city = _recent_city(ctx, tok)
            region = ctx.gaz.region_for_base(city.name or city.surface) if city is not None else None
            if region is not None:
                # "seize the city of Sumy and annex the wider region": the region around that city
                ctx.index.by_token[tok.i] = _entry_mention(ctx, tok, region)
                ctx.wider[tok.i] = city
                continue
        if tok.lower_ in BARE_DESCRIPTIONS and [c.lower_ for c in tok.children
                                                if sx.dep(c) not in ("punct", "case", "prep")] == ["the"]:
            # "fighting in the region", "the alliance would continue…": the region, city or organisation last named
            ref = _recent_place(ctx, tok, BARE_DESCRIPTIONS[tok.lower_])
            if ref is not None:
                ctx.index.by_token[tok.i] = replace(ref, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                                                    name=None)
                continue
        if (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in ctx.finder.all_titles) \
                and any(c.lower_ == "the" for c in tok.children):
            ref = ctx.finder.resolve_description(tok) or _author_by_title(ctx, tok)
            if ref is not None:
                ctx.index.by_token[tok.i] = replace(ref, start=tok.idx, end=tok.idx + len(tok.text),
                                                    surface=tok.text, name=None)
        if tok.lower_ in ctx.finder.military_nouns and tok.pos_ == "NOUN" and \
                [c.lower_ for c in tok.children if sx.dep(c) not in ("punct",)] == ["the"]:
            forces = _bare_forces(ctx, tok)
            if forces is not None:
                ctx.index.by_token[tok.i] = forces
            continue
        if tok.lower_ == "country" and any(c.lower_ in ("his", "her") for c in tok.children):
            owner = next(c for c in tok.children if c.lower_ in ("his", "her"))
            person = ctx.finder.resolve_pronoun(owner)
            if person is not None and person.key in ctx.index.leads:
                entry = ctx.gaz.entries.get(ctx.index.leads[person.key])
                if entry:
                    ctx.index.by_token[tok.i] = Mention(doc_id=ctx.document.doc_id, start=tok.idx,
                                                        end=tok.idx + len(tok.text), surface=tok.text,
                                                        type="Country", key=entry.key, wikidata=entry.wikidata)


def _own_forces(ctx: Context, tok: Token) -> Mention | None:
    """'Our Armed Forces', 'our troops' in a state's statement: that state's armed forces. Records and returns the
    mention, or None."""
    if ctx.voice is None or ctx.voice.body is None or tok.i in ctx.finder.quoted:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i]
    if not words or words[0].lower_ not in voice_words().first_plural or sx.dep(words[0]) not in sx.POSS:
        return None
    rest = [t.lower_ for t in words[1:]]
    if not rest or " ".join(rest) not in ctx.finder.military_nouns and not all(
            r in ctx.finder.military_nouns or r == "armed" for r in rest):
        return None
    body = ctx.voice.first_person(words[0])
    if body is None or not body.key.startswith("country:"):
        return None
    code = body.key.split(":", 1)[1]
    mention = Mention(doc_id=ctx.document.doc_id, start=words[0].idx, end=tok.idx + len(tok.text),
                      surface=ctx.doc.text[words[0].idx:tok.idx + len(tok.text)], type="MilitaryUnit",
                      key=f"forces:{code}", name=None)
    for t in words:
        ctx.index.by_token[t.i] = mention
    return mention


GROUP_TYPES = frozenset({"Person", "Country", "Organization"})


def _participants(ctx: Context, tok: Token, pronoun: bool = False) -> list[Mention]:
    """The participants a plural reference stands for: the coordinated actors ('X and Y discussed…', 'a call
    between X and Y') of the sentence before it or earlier in its own, or the two people of a meeting or call
    ('X met with Y'). Empty when no such pair is near."""
    # "the delegation", "the three NSAs": people, not countries
    people_only = tok.lower_ in voice_words().person_group_nouns or _acronym_plural(tok)
    doc = tok.doc
    sent = tok.sent
    spans = [(sent.start, tok.i)]
    back = 1 if pronoun else 8  # "the delegation" may take up a list named paragraphs before
    start = sent.start
    for _ in range(back):
        if start == 0:
            break
        prev = doc[start - 1].sent
        spans.append((prev.start, prev.end))
        start = prev.start
    for lo, hi in spans:
        for i in range(lo, hi):
            if i in ctx.groups and sx.dep(doc[i]) in sx.SUBJ | sx.SUBJ_PASS:
                return ctx.groups[i]  # "The delegation traveled to X. They met…": the group taken up again
            ment = ctx.index.by_token.get(i)
            if ment is None or ment.type not in GROUP_TYPES or people_only and ment.type != "Person":
                continue
            t = doc[i]
            if pronoun and sx.dep(t) not in sx.SUBJ | sx.SUBJ_PASS:
                continue  # the pair 'they' takes up is a clause's subject ('X and Y met… They…')
            members = [ment]
            for c in sx.with_conjuncts(t)[1:]:
                m = ctx.index.get(c)
                if m is not None and m.type in GROUP_TYPES and m.key not in {x.key for x in members}:
                    members.append(m)
            if len(members) < 2 and ment.type in ("Person", "Country") and ment.name is not None:
                # "A, B of X, and C met…" however the parse hung the list
                members += [m for m in _listed_before(ctx, t, ment) + _listed_after(ctx, t, ment)
                            if m.key not in {x.key for x in members}]
            if len(members) >= 2 and len({m.type for m in members}) == 1:
                return members
        people = []
        root = doc[lo].sent.root.i if hi > lo else lo
        for i in range(lo, hi):
            ment = ctx.index.by_token.get(i)
            if ment is not None and ment.type == "Person" and ment.name is not None \
                    and ment.key not in {m.key for _i, m in people}:
                people.append((i, ment))
        if len(people) == 2:
            return [m for _i, m in people]
        if not pronoun and 2 < len(people) <= 6 and all(i < root for i, _m in people):
            # "A, B and C traveled to…" however the parse hung the list: the people named before the verb
            return [m for _i, m in people]
    return []


def _acronym_plural(tok: Token) -> bool:
    """'The three NSAs': the plural of an office's acronym, counted, names the office holders."""
    text = tok.text
    return 3 <= len(text) <= 7 and text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha() \
        and any(sx.dep(c) in sx.NUMMOD or c.lower_ in ("two", "three", "four", "both") for c in tok.children)


def _author_by_title(ctx: Context, tok: Token) -> Mention | None:
    """'The President' in a text by a president, or the Prime Minister in one by a prime minister: the author."""
    voice = ctx.voice
    if voice is None:
        return None
    phrase = " ".join(t.lower_ for t in tok.subtree if t.i <= tok.i and t.lower_ != "the" and not t.is_punct)
    if voice.author is None or not voice.role:
        # the issuing state's office holder of that title, named somewhere in the text
        country = voice.body.key.split(":", 1)[1] if voice.body is not None and voice.body.key.startswith("country:") \
            else None
        if country is None or not phrase:
            return None
        named = {m.key: m for m in ctx.index.by_token.values() if m.type == "Person" and m.name}
        for key, ment in named.items():
            entry = ctx.gaz.entries.get(key)
            if entry is not None and entry.country == country and entry.office and entry.office.lower() == phrase:
                return replace(ment, name=None)
        return None
    if phrase and (voice.role == phrase or voice.role.endswith(" " + phrase)) and \
            not (phrase == "president" and voice.role.endswith("vice president")):
        return voice.author
    return None


def _principal(ctx: Context, tok: Token) -> Mention | None:
    """Who speaks where a readout names no speaker: the author, else the issuing state's head named in the text,
    else the issuing state."""
    voice = ctx.voice
    if voice is None or tok.i in ctx.finder.quoted:
        return None
    speaker = voice.speaker_at(tok.idx)
    if speaker is not None:
        return replace(speaker, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)
    if voice.body is None:
        return None
    country = voice.body.key.split(":", 1)[1] if voice.body.key.startswith("country:") else None
    if country is not None:
        for ment in ctx.index.by_token.values():
            entry = ctx.gaz.entries.get(ment.key) if ment.type == "Person" else None
            if entry is not None and entry.country == country and (entry.office or "").lower() in \
                    ctx.finder.leader_titles:
                return replace(ment, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)
    return replace(voice.body, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text)


def _group_reference(ctx: Context, tok: Token) -> bool:
    """'The two leaders', 'both sides', 'the parties' and a subject 'they' after a pair of actors: each of them.
    Records the group and returns True when resolved."""
    words = voice_words()
    lower = tok.lower_
    if lower in ("they", "their", "them"):
        if tok.i in ctx.finder.quoted:
            return False
    elif (lower in words.group_nouns or _acronym_plural(tok)) and tok.pos_ in ("NOUN", "PROPN"):
        dets = [c.lower_ for c in tok.children if sx.dep(c) in ("det", "nummod", "predet", "amod", "det:predet")]
        if not dets or not all(d in words.group_determiners for d in dets) or \
                any(sx.dep(c) in sx.COMPOUND | sx.AMOD | {"nmod", "prep"} and c.lower_ not in words.group_determiners
                    for c in tok.children if c.i != tok.i and sx.dep(c) not in ("det", "nummod", "punct")):
            return False
    else:
        return False
    members = _participants(ctx, tok, pronoun=lower in ("they", "their", "them"))
    if len(members) < 2:
        return False
    ctx.groups[tok.i] = members
    ctx.index.by_token[tok.i] = replace(members[0], start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                                        name=None)
    return True


SURROUNDING_REGION_NOUNS = rule_words().surrounding_region_nouns
SURROUNDING_WORDS = rule_words().surrounding_words


BARE_DESCRIPTIONS = rule_words().bare_descriptions
REFERENCE_WORDS = rule_words().reference_words | SURROUNDING_REGION_NOUNS | set(BARE_DESCRIPTIONS)
"""The words `_resolve_references` reads besides names, pronoun tags, military nouns and titles."""


def _recent_place(ctx: Context, tok: Token, type_: str) -> Mention | None:
    """The place (or organisation) of a type named last, in this sentence or the three before."""
    start = tok.sent.start
    for _ in range(3):
        if start > 0:
            start = tok.doc[start - 1].sent.start
    for i in range(tok.i - 1, start - 1, -1):
        ment = ctx.index.by_token.get(i)
        if ment is None or ment.name is None:
            continue
        if ment.type == type_:
            return ment
        if type_ == "Region" and ment.key.startswith(AMBIGUOUS_PREFIX):
            # "Poltava ... the region": the bare name read as the region
            region = ctx.gaz.entries.get(ment.key.rsplit("|", 1)[-1])
            return _entry_mention(ctx, tok, region) if region is not None else None
        if type_ == "Region" and ment.type == "City" and ctx.gaz.region_for_base(ment.name) is not None:
            return _entry_mention(ctx, tok, ctx.gaz.region_for_base(ment.name))  # the region around that city
    return None


def _recent_city(ctx: Context, tok: Token) -> Mention | None:
    """The nearest city named before a token, in its sentence or the one before."""
    start = tok.sent.start
    first = tok.doc[start - 1].sent.start if start > 0 else 0
    for i in range(tok.i - 1, first - 1, -1):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "City":
            return ment
    return None


def _bare_forces(ctx: Context, tok: Token) -> Mention | None:
    """'the military': the forces of the country the clause's subject leads, else the last forces named."""
    verb = tok.head
    for subj in sx.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []:
        ment = ctx.index.get(subj)
        if ment is not None and ment.type == "Person" and ment.key in ctx.index.leads:
            code = ctx.index.leads[ment.key].split(":", 1)[1]
            return Mention(doc_id=ctx.document.doc_id, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                           type="MilitaryUnit", key=f"forces:{code}")
    for i in range(tok.i - 1, max(-1, tok.i - 300), -1):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "MilitaryUnit" and ment.key.startswith("forces:"):
            return replace(ment, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)
    return None


SUPPORT_WORDS = rule_words().support_words
PLACE_ACTS = frozenset({"attacks", "strikes", "invades", "captures", "annexes", "defends", "withdrawsFrom", "evacuates",
                        "visits", "deploys"})


def _is_agent_position(tok: Token) -> bool:
    """Whether a capital or seat of government acts ('Moscow refused', 'Kyiv's allies', 'talks with Washington')."""
    label = sx.dep(tok)
    prep = sx.prep_of(tok)
    if label in sx.SUBJ or label in sx.POSS or prep == "by":
        return True
    if label in ("iobj", "dative"):
        return True  # "warned Paris against…", "told Kyiv": the addressee is the government
    if label in sx.OBJ:
        # "pressure Kyiv", "accused Moscow": the government; "shelled Kyiv", "visited Kyiv": the city
        entry = sx.lookup(tok.head, load_gazetteer().lexicon["verbs"])[1] if tok.head.i != tok.i else None
        return not (entry and entry.get("p") in PLACE_ACTS)
    if prep == "to" and sx.lemma_in(tok.head, SUPPORT_WORDS):
        return True  # "aid to Kyiv", "delivered tanks to Kyiv": to the government
    if prep in ("with", "against", "on") and tok.head.pos_ in ("VERB", "NOUN"):
        return prep == "with" or sx.lemma_in(tok.head, ("pressure", "part")) is not None
    if label in sx.COMPOUND and tok.head.lower_ in ("government", "regime", "officials", "leadership", "authorities"):
        return True
    if label == "conj":
        return _is_agent_position(tok.head)
    return False


# --- titles and appositions -----------------------------------------------------------------------

def _titles_and_appositions(ctx: Context, sent: Span, number: int) -> None:
    """leaderOf / commands from titles ('Russian President Vladimir Putin', 'X, head of Y');
    locatedIn from appositions ('Kharkiv, Ukraine's second-largest city')."""
    finder = ctx.finder
    seen_people = set()
    for tok in ctx.heads_in(sent):  # the other tokens are no name's head
        ment = ctx.index.get(tok)
        if ment is None or ment.name is None:
            continue
        if ment.type == "Person" and ment.key not in seen_people and tok.i == ctx.index.spans.get(tok.i, (tok.i,))[0] or (
                ment.type == "Person" and tok.i in ctx.index.spans and ment.key not in seen_people):
            if tok.i not in ctx.index.spans:
                continue
            seen_people.add(ment.key)
            start, _ = ctx.index.spans[tok.i]
            pre = [t for t in ctx.doc[max(sent.start, start - 6):start]]
            _title_relations(ctx, ment, pre, number, tok)
            for app in (c for c in tok.children if sx.dep(c) in sx.APPOS):
                _appositive_title(ctx, ment, app, number)
            if sx.dep(tok) in sx.APPOS:
                _appositive_title(ctx, ment, _title_head(ctx, tok.head), number)
        if ment.type in PLACE_TYPES and tok.i in ctx.index.spans:
            for app in (c for c in tok.children if sx.dep(c) in sx.APPOS):
                container = _possessive_place(ctx, app)
                if container is not None and container.key != ment.key:
                    _add(ctx, number, ment, "locatedIn", container, evidence=_evidence(ctx, tok, app))


def _title_relations(ctx: Context, person: Mention, pre: list[Token], number: int, anchor: Token) -> None:
    titles = ctx.finder
    words = [t.lower_ for t in pre]
    if not words:
        return
    # only the words directly before the name, up to a determiner or punctuation
    run = []
    for tok in reversed(pre):
        if tok.is_punct or tok.lower_ in ("the", "a", "an") or tok.tag_ == "POS" \
                or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
            break  # "… of Japan and President X": the title is the words after 'and'
        run.insert(0, tok)
    if not run:
        return
    lowers = [t.lower_ for t in run]
    if any(w in titles.former for w in lowers):
        return
    text = " ".join(lowers)
    country = None
    for tok in run:
        entry = titles._country_of_modifier(tok)
        if entry is not None and entry.type == "Country":
            country = entry
    leader = next((t for t in sorted(titles.leader_titles, key=len, reverse=True) if re.search(rf"\b{re.escape(t)}\b", text)), None)
    org = None
    if country is None:
        # "NATO Secretary General Mark Rutte": the organisation named in the title
        org = next((m for m in (ctx.index.get(t) for t in run) if m is not None and m.type == "Organization"
                    and m.key != person.key), None)
    if leader and (country is not None or org is not None):
        role = " ".join(t.text for t in run if t.lower_ in leader.split())
        if country is not None:
            obj = Mention(doc_id=ctx.document.doc_id, start=run[0].idx, end=run[-1].idx + len(run[-1].text),
                          surface=country.label, type="Country", key=country.key, wikidata=country.wikidata)
            ctx.index.leads.setdefault(person.key, country.key)
        else:
            obj = org
        _add(ctx, number, person, "leaderOf", obj, role=role or leader.title(),
             evidence=ctx.finder.text[run[0].idx:person.end])
    ctx.index.titles.setdefault(person.key, set()).update(lowers)


_TITLE_PATTERNS: dict[frozenset, re.Pattern] = {}


def _longest_title(text: str, titles) -> str | None:
    """The longest of the titles that the text contains as whole words."""
    key = frozenset(titles)
    pattern = _TITLE_PATTERNS.get(key)
    if pattern is None:
        alternatives = "|".join(re.escape(t) for t in sorted(key, key=len, reverse=True))
        pattern = _TITLE_PATTERNS[key] = re.compile(rf"(?=(?<![\w-])({alternatives})(?![\w-]))")
    found = [m.group(1) for m in pattern.finditer(text)]
    return max(found, key=len) if found else None


def _office_relations(ctx: Context, sent: Span, number: int) -> None:
    """Offices in titles: 'President of X Jane Roe', 'Prime Minister Jane Roe of X' -> leaderOf; 'X's Ambassador to
    Y Jane Roe', 'Deputy Chairman of the X Council Jane Roe', 'National Security Advisor Jane Roe of X' -> memberOf;
    'X Force Commander General Jane Roe' -> commands. Only where the title names the country or body."""
    finder = ctx.finder
    member, subordinate, target_preps = finder.member_titles, finder.subordinate_words, finder.target_preps
    doc = ctx.doc
    for tok in ctx.heads_in(sent):
        person = ctx.index.get(tok)
        if person is None or person.type != "Person" or person.name is None or tok.i not in ctx.index.spans \
                or all(w.lower() in finder.all_titles for w in person.name.split()):
            continue
        start, end = ctx.index.spans[tok.i]
        first_name = start
        while first_name < end - 1 and (doc[first_name].lower_ in finder.all_titles or doc[first_name].lower_ in member
                                        or doc[first_name].lower_ in subordinate):
            first_name += 1
        phrase: list[Token] = [doc[k] for k in range(start, first_name)]
        k = start - 1
        while k >= sent.start and len(phrase) < 16:
            t = doc[k]
            low = t.lower_
            if t.is_punct and t.text not in (".", "-"):
                break
            other = ctx.index.get(t)
            if other is not None and other.type == "Person" and other.key != person.key:
                break
            if low in ("the", "of") or low in target_preps or t.text[:1].isupper() or t.tag_ == "POS" \
                    or ctx.index.get(t) is not None:
                phrase.insert(0, t)
                k -= 1
                continue
            break
        while phrase and (phrase[0].lower_ in ("the", "of") or phrase[0].lower_ in target_preps
                          or phrase[0].tag_ == "POS"):
            phrase = phrase[1:]
        lowers = " ".join(t.lower_ for t in phrase)
        if not phrase or any(w in finder.former for w in lowers.split()):
            continue
        leader = _longest_title(lowers, finder.leader_titles)
        office = _longest_title(lowers, member)
        military = _longest_title(lowers, finder.military_titles)
        if not (leader or office or military):
            continue
        candidates = []  # (mention, written after a target preposition)
        for j, t in enumerate(phrase):
            m = ctx.index.get(t)
            if m is None or m.key == person.key or m.type not in ("Country", "Organization", "MilitaryUnit"):
                entry = finder._country_of_modifier(t) if m is None or m.type not in PLACE_TYPES else None
                if entry is None or entry.type != "Country":
                    continue
                m = Mention(doc_id=ctx.document.doc_id, start=t.idx, end=t.idx + len(t.text), surface=entry.label,
                            type="Country", key=entry.key, wikidata=entry.wikidata)
            before = [x for x in phrase[:j] if x.lower_ != "the" and ctx.index.get(x) != m]
            targeted = bool(before) and before[-1].lower_ in target_preps
            if not candidates or candidates[-1][0].key != m.key:
                candidates.append((m, targeted))
        after = end
        while after < sent.end and after - end < 2 and doc[after].text.istitle() and doc[after].pos_ == "PROPN" \
                and ctx.index.get(doc[after]) is None:
            after += 1  # "Prime Minister Jane Roe Smith of X" with the name's last word left out
        if after < sent.end and doc[after].lower_ == "of":
            nxt = after + 1
            while nxt < sent.end and doc[nxt].lower_ == "the":
                nxt += 1
            m = ctx.index.get(doc[nxt]) if nxt < sent.end else None
            if m is not None and m.type in ("Country", "Organization"):
                candidates = [(m, False)]
        owners = [m for m, targeted in candidates if not targeted]
        if not owners:
            continue
        target = owners[0]
        evidence = ctx.text[phrase[0].idx:person.end] if phrase[0].idx < person.end else person.surface
        is_sub = any(w in subordinate for w in lowers.split())
        if military and target.type in ("MilitaryUnit", "Organization") and not is_sub:
            prop, role = "commands", military
        elif leader and not is_sub and (not office or len(leader) >= len(office)) and target.type != "MilitaryUnit":
            prop, role = "leaderOf", leader
        elif (office or leader) and target.type in ("Country", "Organization"):
            prop, role = "memberOf", office or leader
        else:
            continue
        if prop == "leaderOf" and target.type == "Country":
            ctx.index.leads.setdefault(person.key, target.key)
        if not any(r.predicate == prop and r.subject.key == person.key and isinstance(r.object, Mention)
                   and r.object.key == target.key for r in ctx.relations):
            _add(ctx, number, person, prop, target, role=role, evidence=evidence)


def _tokens_with(ctx: Context, sent: Span, words) -> Iterator[Token]:
    """The tokens of a sentence whose lower-case form is one of `words` (read off the word lists: no Token objects
    for the others)."""
    lower = ctx.words.lower
    for i in range(sent.start, sent.end):
        if lower[i] in words:
            yield ctx.words.tokens[i]


def _member_lists(ctx: Context, sent: Span, number: int) -> None:
    """'A, B and C, as members of the X Group, …' and 'X's members A, B and C': memberOf for each listed actor."""
    for tok in _tokens_with(ctx, sent, ctx.finder.membership_nouns):
        body = next((ctx.index.get(n) for p, n in sx.prep_args(tok) if p == "of"), None)
        if body is None or body.type not in ("Organization", "MilitaryUnit", "Actor"):
            continue
        members: list[Mention] = []
        k = tok.i - 1
        while k >= sent.start and ctx.doc[k].lower_ in ("as", "the", ",", "all", "both", "its", "their"):
            k -= 1
        # the list written right before: mentions joined by commas, 'and' and articles
        while k >= sent.start:
            t = ctx.doc[k]
            ment = ctx.index.get(t)
            if ment is not None and ment.type in ("Country", "Organization") and ment.key != body.key:
                if ment not in members:
                    members.insert(0, ment)
            elif not (t.lower_ in ("and", "the", ",") or t.text == ","):
                break
            k -= 1
        if len({m.key for m in members}) < 2:
            members = []
        if not members:
            continue
        for m in {m.key: m for m in members}.values():
            _add(ctx, number, m, "memberOf", body, evidence=_evidence(ctx, tok, tok))


@lru_cache(maxsize=None)
def _pattern_words(name: str) -> dict:
    """The word lists of one data file of kg/patterns/ ('tolls.json'), as frozen sets (mappings stay mappings)."""
    data = json.loads((PATTERNS_DIR / name).read_text(encoding="utf-8"))
    return {k: v if isinstance(v, dict) else frozenset(v) for k, v in data.items() if not k.startswith("_")}


def _toll_words() -> dict:
    return _pattern_words("tolls.json")


def count_of(noun: Token) -> float | None:
    """The number a count noun is written with: '1,300 civilians' -> 1300, '1.5 million people' -> 1500000."""
    scale = _toll_words()["scale_words"]
    nums = [c for c in noun.children if sx.dep(c) in sx.NUMMOD | {"nummod"} and c.i < noun.i]
    if not nums:
        return None
    num = nums[-1]
    value = None
    for tok in [*(c for c in num.children if c.i < num.i and c.like_num), num]:
        text = tok.text.replace(",", "")
        if tok.lower_ in scale:
            value = (value or 1) * scale[tok.lower_]
            continue
        try:
            value = float(text) if value is None else value * float(text)
        except ValueError:
            continue
    for c in num.children:
        if c.i > num.i and c.lower_ in scale and value is not None:
            value *= scale[c.lower_]
    return value


def _toll_estimates(ctx: Context, sent: Span, number: int) -> None:
    """'At least 40 people have been killed', '9,000 people have crossed into X': a toll stated in a clause of its
    own is an estimate of its speaker: the one who says so, else the document's voice."""
    words = _toll_words()
    for tok in _tokens_with(ctx, sent, words["person_nouns"]):
        if sx.dep(tok) not in sx.SUBJ | sx.SUBJ_PASS:
            continue
        verb = tok.head
        if not sx.lemma_in(verb, words["toll_verbs"]):
            continue
        value = count_of(tok)
        if value is None or value < 2:
            continue
        speaker = None
        node = verb
        for _ in range(4):
            if node.head.i == node.i:
                break
            if sx.dep(node) in ("ccomp", "parataxis") and \
                    (sx.lookup(node.head, ctx.gaz.lexicon["verbs"])[1] or {}).get("mode") == "speech":
                speaker = next(iter(_mentions_of(ctx, sx.subjects(node.head))), None)
                if speaker is None:
                    speaker = False  # someone the text does not name says so: not the document's own estimate
                break
            node = node.head
        if speaker is None and ctx.voice is not None:
            speaker = ctx.voice.author or ctx.voice.body
        if not speaker:
            continue
        quantity = Quantity(value=value, unit="person", text=ctx.text[tok.left_edge.idx:tok.idx + len(tok.text)])
        _add(ctx, number, speaker, "estimates", quantity, quantity=quantity,
             evidence=ctx.text[tok.left_edge.idx:verb.idx + len(verb.text)] if verb.i > tok.i else tok.text)


def _patron_relations(ctx: Context, sent: Span, number: int) -> None:
    """'X-backed militias': the patron supports the group."""
    for head, (patron, _participle) in ctx.index.patrons.items():
        if sent.start <= head < sent.end:
            group = ctx.index.by_token.get(head)
            if group is not None:
                _add(ctx, number, patron, "supports", group, evidence=group.surface)


def _sites_in_places(ctx: Context, sent: Span, number: int) -> None:
    """'The X maternity hospital', 'a Y theater': a site named by the city or region it is in lies in it."""
    seen = set()
    for i in range(sent.start, sent.end):
        site = ctx.index.by_token.get(i)
        if site is None or site.type != "Place" or not site.key.startswith(f"place:{ctx.document.doc_id}:") or site.key in seen \
                or not site.name:
            continue
        seen.add(site.key)
        words = site.name.split()
        if len(words) < 2:
            continue
        entries = [e for e in ctx.gaz.lookup(words[0]) if e.type in ("City", "Region")]
        if not entries:
            continue
        place = ctx.gaz.best(entries, ctx.finder.doc_countries)
        _add(ctx, number, site, "locatedIn", _entry_mention(ctx, ctx.doc[i], place), evidence=site.surface)


def _held_places(ctx: Context, sent: Span, number: int) -> None:
    """'Ruritanian-controlled X', 'the occupied parts of X', 'besieged X': who holds or besieges the place (the
    hyphenated patron; else, once the article is read, its main belligerent) controls or attacks it."""
    words = _stance_words()
    participles = words["state_participles"]
    for tok in _tokens_with(ctx, sent, participles):
        if sx.dep(tok) in sx.AMOD | {"amod", "compound"} and 0 < tok.head.i - tok.i <= 3:
            head = tok.head
        elif tok.i + 1 < sent.end and not sx.subjects(tok) and not sx.objects(tok) \
                and (m := ctx.index.by_token.get(tok.i + 1)) is not None and m.type in PLACE_TYPES:
            head = ctx.doc[tok.i + 1]  # "in besieged X" however the parse hung the participle
        else:
            continue
        places = [m for m in [_mention_at(ctx, head)] if m is not None and m.type in PLACE_TYPES]
        if not places and head.lower_ in words["part_nouns"]:
            places = [m for p, n in sx.prep_args(head) if p == "of" for m in _mentions_expanded(ctx, n)
                      if m.type in PLACE_TYPES]
        if not places:
            continue
        prop = participles[tok.lower_]
        patron = None
        if tok.i >= 2 and ctx.doc[tok.i - 1].text in ("-", "–") and not ctx.doc[tok.i - 2].whitespace_:
            before = ctx.doc[tok.i - 2]
            patron = ctx.index.get(before)
            entry = ctx.gaz.country_of_demonym(before.text)
            if (patron is None or patron.type not in ACTOR_TYPES) and entry is not None:
                patron = _entry_mention(ctx, before, entry)
            if patron is None or patron.type not in ACTOR_TYPES:
                continue
        frame = Frame(token=tok, prop=prop, subjects=[patron] if patron else [], objects=places, scope=tok)
        if patron is None:
            ctx.agentless.append((frame, number))
        else:
            _emit(ctx, frame, number)


def _places_in_region(ctx: Context, sent: Span, number: int) -> None:
    """'A, B and C in the Z region' and 'In the Z region: … the towns of A, B and C': each listed settlement lies in
    the region (not waypoints of a route)."""
    regions = []
    for tok in ctx.heads_in(sent):
        ment = ctx.index.get(tok)
        if ment is not None and ment.type == "Region" and any(
                t.lower_ == "in" for t in ctx.doc[max(sent.start, tok.i - 3):tok.i]):
            regions.append((tok, ment))
    if len({m.key for _, m in regions}) != 1:
        return
    region_tok, region = regions[0]
    listed: list[tuple[Token, Mention]] = []
    plural_city_words = {w + "s" for w in ctx.finder.city_words} | {"cities", "villages"}
    for tok in _tokens_with(ctx, sent, plural_city_words):
        for prep, noun in sx.prep_args(tok):
            if prep == "of":
                listed += [(c, ctx.index.get(c)) for c in sx.with_conjuncts(noun)]
    # "A, B and C in the Z region": the coordinated places the 'in' phrase hangs on
    head = region_tok.head.head if sx.dep(region_tok.head) in sx.PREP else region_tok.head
    if sx.dep(region_tok) in sx.POBJ | {"obl", "nmod"}:
        node = region_tok.head if sx.dep(region_tok) in sx.POBJ else head
        if sx.dep(region_tok) in ("obl", "nmod"):
            node = region_tok.head
        if ctx.index.get(node) is not None and ctx.index.get(node).type == "City":
            group = sx.with_conjuncts(node)
            if len(group) >= 2:
                listed += [(c, ctx.index.get(c)) for c in group]
    region_country = _country_code(ctx, region)
    seen = set()
    for tok, ment in listed:
        if ment is None or ment.type != "City" or ment.name is None or ment.key in seen:
            continue
        code = _country_code(ctx, ment)
        if code and region_country and code != region_country:
            continue
        seen.add(ment.key)
        _add(ctx, number, ment, "locatedIn", region, evidence=ctx.text[min(tok.idx, region.start):max(tok.idx + len(tok.text), region.end)])


def _participants_list(ctx: Context, sent: Span, number: int) -> None:
    """'Taking part in the meeting were A, B and C': each person listed meets the meeting's host (the person who
    last met someone in the text, else the author)."""
    lower = ctx.lower_text(sent)
    cue = next((c for c in voice_words().participation_cues if c in lower), None)
    if cue is None:
        return
    host = next((r.subject for r in reversed(ctx.relations) if r.predicate in ("meets", "negotiatesWith")
                 and r.subject.type == "Person"), None)
    if host is None and ctx.voice is not None:
        host = ctx.voice.author
    if host is None:
        return
    cue_at = sent.start_char + lower.index(cue)
    seen = set()
    for tok in ctx.heads_in(sent):
        ment = ctx.index.get(tok)
        if ment is None or ment.type != "Person" or ment.name is None or tok.idx < cue_at or ment.key == host.key \
                or ment.key in seen:
            continue
        seen.add(ment.key)
        _add(ctx, number, host, "meets", ment, evidence=ment.surface, token=tok)


def _place_pairs(ctx: Context, sent: Span, number: int) -> None:
    """'City, Country' and 'a town in X, Y': a city or region written with the region or country that holds it."""
    doc = ctx.doc
    rank = {"City": 0, "Place": 0, "Region": 1, "Country": 2}
    for tok in ctx.heads_in(sent):
        inner = ctx.index.get(tok)
        if inner is None or inner.name is None or inner.type not in ("City", "Region", "Place") or tok.i not in ctx.index.spans:
            continue
        _, end = ctx.index.spans[tok.i]
        if end + 1 >= sent.end or doc[end].text != ",":
            continue
        outer = ctx.index.get(doc[end + 1])
        if outer is None or outer.type not in ("Region", "Country") or rank[outer.type] <= rank[inner.type]:
            continue
        k = end + 1
        while k < sent.end and ctx.index.get(doc[k]) == outer:
            k += 1
        if k < sent.end and (doc[k].lower_ in ("and", "or") or doc[k].text == "," and k + 1 < sent.end
                             and (ctx.index.get(doc[k + 1]) is not None and ctx.index.get(doc[k + 1]).type in PLACE_TYPES
                                  or doc[k + 1].lower_ in ("and", "or"))):
            continue  # a list of places, not a place and its container
        if k - end > 1 and doc[end - 1].i > sent.start and doc[tok.i].i > sent.start and \
                ctx.index.get(doc[ctx.index.spans[tok.i][0] - 1]) is not None:
            continue
        inner_country = _country_code(ctx, inner)
        outer_country = _country_code(ctx, outer)
        if inner_country and outer_country and inner_country != outer_country:
            continue
        _add(ctx, number, inner, "locatedIn", outer, evidence=ctx.text[inner.start:outer.end])


def _title_head(ctx: Context, noun: Token) -> Token:
    """The title noun a name stands beside: 'the Chief of the General Staff of the Russian Army, General X'
    may attach X to 'Army'; the title is 'Chief'."""
    node = noun
    for _ in range(4):
        if node.lower_ in ctx.finder.all_titles:
            return node
        if sx.prep_of(node) == "of" or sx.dep(node) in sx.POBJ:
            node = node.head if sx.dep(node) not in sx.POBJ else node.head.head
            continue
        break
    return node if node.lower_ in ctx.finder.all_titles else noun


def _appositive_title(ctx: Context, person: Mention, app: Token, number: int) -> None:
    """'Pavel X, head of the Y district' -> leaderOf; 'the Chief of the General Staff of the Russian Army' -> commands."""
    finder = ctx.finder
    words = " ".join(t.lower_ for t in app.subtree if t.i <= app.i)
    if any(w in finder.former for w in words.split()):
        return
    head_word = app.lower_
    phrase_title = head_word
    ctx.index.titles.setdefault(person.key, set()).update(words.split())
    targets = []
    stack = [app]
    while stack:
        node = stack.pop()
        for prep, noun in sx.prep_args(node):
            if prep == "of":
                ment = ctx.index.get(noun)
                if ment is not None and ment.type in ACTOR_TYPES | PLACE_TYPES:
                    targets.append(ment)
                stack.append(noun)
    for target in targets:
        if target.type == "MilitaryUnit" and (head_word in finder.military_titles or head_word in finder.leader_titles):
            _add(ctx, number, person, "commands", target, role=phrase_title.title(), evidence=_evidence(ctx, app, app))
            return
        if head_word in finder.leader_titles and target.type != "MilitaryUnit":
            if target.type == "Country":
                ctx.index.leads.setdefault(person.key, target.key)
            _add(ctx, number, person, "leaderOf", target, role=phrase_title, evidence=_evidence(ctx, app, app))
            return


def _appositive_after(ctx: Context, tok: Token) -> Token | None:
    """The place noun of a comma-set phrase right after a name, however it was attached:
    'Kharkiv, Ukraine's second-largest city' gives 'city'."""
    end = tok.i
    while end + 1 < len(tok.doc) and ctx.index.get(tok.doc[end + 1]) == ctx.index.get(tok):
        end += 1
    if end + 2 >= len(tok.doc) or tok.doc[end + 1].text != ",":
        return None
    words = ctx.finder.region_words | ctx.finder.city_words
    for k in range(end + 2, min(end + 8, len(tok.doc))):
        cand = tok.doc[k]
        if cand.lower_ in words and cand.left_edge.i in (end + 1, end + 2):
            return cand
        if cand.is_punct and cand.text not in ("-", "–"):
            return None
    return None


def _possessive_place(ctx: Context, noun: Token, exclude: str | None = None) -> Mention | None:
    """The place that contains a described place: 'Ukraine's second-largest city', 'a city in Ukraine'."""
    poss = sx.possessor(noun)
    if poss is not None:
        ment = ctx.index.get(poss)
        if ment is not None and ment.type in PLACE_TYPES and ment.key != exclude:
            return ment
    for c in noun.children:
        if sx.dep(c) in sx.AMOD | sx.COMPOUND:
            entry = ctx.gaz.country_of_demonym(c.text)
            if entry is not None and noun.lower_ in ctx.finder.city_words | ctx.finder.region_words:
                return _entry_mention(ctx, c, entry)
    for prep, obj in sx.prep_args(noun):
        if prep in ("in", "of"):
            ment = ctx.index.get(obj)
            if ment is not None and ment.type in PLACE_TYPES and ment.key != exclude:
                return ment
    return None


def _entry_mention(ctx: Context, tok: Token, entry) -> Mention:
    return Mention(doc_id=ctx.document.doc_id, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                   type=entry.type, key=entry.key, wikidata=entry.wikidata)


def _standing_noun_relations(ctx: Context, sent: Span, number: int) -> None:
    """locatedIn from 'Russia's Kursk Oblast', 'the Ukrainian city of Sumy', 'the Belgorod and Kursk regions
    of Russia', 'a palace in the Novgorod region', 'situated in'; borders from 'near the Russian border',
    'sharing a border with'."""
    done = set()
    for tok in ctx.heads_in(sent):
        ment = ctx.index.get(tok)
        if ment is None or ment.type not in PLACE_TYPES - {"Country"} or tok.i not in ctx.index.spans:
            continue
        if (ment.key, tok.i) in done:
            continue
        done.add((ment.key, tok.i))
        containers = []
        heads = [tok]
        # the noun that the name modifies or names: "Kursk [region]", "regions of [Sumy]", "city of [Sumy]"
        h = tok.head
        if sx.dep(tok) in sx.COMPOUND | {"amod", "nmod"} and h.lower_ in ctx.finder.region_words | ctx.finder.city_words \
                and sx.prep_of(tok) in (None, "of"):
            heads.append(h)  # not "the village of X in the Donetsk region": that region contains the village
        if sx.dep(tok) == "conj" and h.head.i != h.i and sx.dep(h) in sx.COMPOUND and h.head.lower_ in ctx.finder.region_words:
            heads.append(h.head)
        if sx.prep_of(tok) == "of" and h.lower_ in ctx.finder.region_words | ctx.finder.city_words:
            heads.append(h)
        if sx.dep(tok) == "conj" and sx.prep_of(h) == "of" and h.head.lower_ in ctx.finder.region_words | ctx.finder.city_words:
            heads.append(h.head)
        if sx.dep(tok) in sx.POBJ and sx.dep(h) in sx.PREP and h.lower_ == "of" and h.head.lower_ in ctx.finder.region_words | ctx.finder.city_words:
            heads.append(h.head)
        for c in tok.children:
            if sx.dep(c) in sx.APPOS and c.lower_ in ctx.finder.region_words | ctx.finder.city_words:
                heads.append(c)  # "Kharkiv, Ukraine's second-largest city"
        after = _appositive_after(ctx, tok)
        if after is not None and after not in heads:
            heads.append(after)
        for node in heads:
            container = _possessive_place(ctx, node, exclude=ment.key)
            if container is not None and container.key != ment.key and container.type in PLACE_TYPES:
                containers.append((container, node))
        for container, node in containers[:1]:
            _add(ctx, number, ment, "locatedIn", container, evidence=_evidence(ctx, tok, node))
        # borders: "X near the Russian border", "sharing a border with Russia"
        for node in heads:
            for prep, obj in sx.prep_args(node):
                if prep in ("near", "along", "on") and obj.lower_ in ("border", "borders", "frontier"):
                    country = next((ctx.gaz.country_of_demonym(c.text) for c in obj.children
                                    if sx.dep(c) in sx.AMOD | sx.COMPOUND and ctx.gaz.country_of_demonym(c.text)), None)
                    if country is not None:
                        _add(ctx, number, ment, "borders", _entry_mention(ctx, obj, country), evidence=_evidence(ctx, tok, obj))
    for tok in (ctx.words.tokens[i] for i in range(sent.start, sent.end) if i in ctx.wider):
        if tok.i in ctx.wider:
            _add(ctx, number, ctx.wider[tok.i], "locatedIn", ctx.index.by_token[tok.i], evidence=_evidence(ctx, tok, tok))
    # "its border with Russia", "Finland's border with Russia", "the border between Poland and Belarus"
    low = ctx.lower_text(sent)
    w = ctx.words
    for i in range(sent.start, sent.end) if "border" in low or "frontier" in low else ():
        if w.lower[i] not in ("border", "borders", "frontier") or w.pos[i] != "NOUN":
            continue
        tok = w.tokens[i]
        owner_tok = sx.possessor(tok)
        owner = ctx.index.get(owner_tok) if owner_tok is not None else None
        # "the X-Y border": two places joined by a hyphen before the noun
        if i >= sent.start + 3 and w.text[i - 2] in ("-", "–") and not w.tokens[i - 3].whitespace_ \
                and not w.tokens[i - 2].whitespace_:
            a, b = ctx.index.by_token.get(i - 3), ctx.index.by_token.get(i - 1)
            if a is not None and b is not None and a.type in PLACE_TYPES and b.type in PLACE_TYPES and a.key != b.key:
                _add(ctx, number, a, "borders", b, evidence=_evidence(ctx, w.tokens[i - 3], tok))
        for prep, other in sx.prep_args(tok):
            target = ctx.index.get(other)
            if target is None or target.type not in PLACE_TYPES:
                continue
            if prep == "with" and owner is not None and owner.type in PLACE_TYPES and owner.key != target.key:
                _add(ctx, number, owner, "borders", target, evidence=_evidence(ctx, tok, other))
            elif prep == "between":
                sides = [ctx.index.get(t) for t in sx.with_conjuncts(other)]
                sides = [m for m in sides if m is not None and m.type in PLACE_TYPES]
                if len(sides) == 2 and sides[0].key != sides[1].key:
                    _add(ctx, number, sides[0], "borders", sides[1], evidence=_evidence(ctx, tok, other))
    # clauses: "Both regions, situated in northeastern Ukraine and sharing a border with Russia"
    for i in range(sent.start, sent.end):
        if w.pos[i] != "VERB":
            continue
        tok = w.tokens[i]
        lemma = sx.lemma_in(tok, LOCATED_VERBS | {"share"})
        if lemma:
            subjects = _clause_subjects(ctx, tok)
            if not subjects:
                continue
            for prep, obj in sx.prep_args(tok):
                target = ctx.index.get(obj)
                if lemma in LOCATED_VERBS and prep == "in" and target is not None and target.type in PLACE_TYPES:
                    for s in subjects:
                        if s.type in PLACE_TYPES and s.key != target.key:
                            _add(ctx, number, s, "locatedIn", target, evidence=_evidence(ctx, tok, obj))
            if lemma == "share":
                for obj in sx.objects(tok):
                    if obj.lower_ in ("border", "borders", "frontier"):
                        for prep, other in sx.prep_args(obj):
                            target = ctx.index.get(other)
                            if prep == "with" and target is not None and target.type in PLACE_TYPES:
                                for s in subjects:
                                    if s.type in PLACE_TYPES:
                                        _add(ctx, number, s, "borders", target, evidence=_evidence(ctx, tok, other))


def _clause_subjects(ctx: Context, verb: Token) -> list[Mention]:
    """Subjects of a clause, including a participle's noun ('Both regions, situated in ...')."""
    subs = [m for s in sx.subjects(verb) for t in sx.with_conjuncts(s)
            for m in (ctx.groups.get(t.i) or [ctx.index.get(t)])]
    subs = [s for s in subs if s is not None]
    if subs:
        return subs
    if sx.dep(verb) in sx.ADJ_CLAUSE | {"acl", "advcl"} or sx.dep(verb) == "conj":
        node = verb.head
        if sx.dep(verb) == "conj":
            return _clause_subjects(ctx, node)
        ment = ctx.index.get(node)
        if ment is not None:
            return [ment]
        if node.lower_ in ctx.finder.region_words:
            return _recent_places(ctx, node)
    return []


def _recent_places(ctx: Context, tok: Token) -> list[Mention]:
    """'Both regions' -> the regions coordinated most recently before it."""
    found = []
    for i in range(tok.i - 1, max(-1, tok.i - 80), -1):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "Region" and ment.name is not None:
            if ment.key not in [m.key for m in found]:
                found.append(ment)
            if len(found) == 2:
                break
    return found


# --- predicate frames ------------------------------------------------------------------------------

def _frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    verbs = ctx.gaz.lexicon["verbs"]
    nouns = ctx.gaz.lexicon["nouns"]
    light = set(ctx.gaz.lexicon["light_verbs"])
    yield from _according_to_frames(ctx, sent)
    yield from _mistagged_speech_frames(ctx, sent)
    yield from _presence_frames(ctx, sent)
    yield from _weapon_launches(ctx, sent)
    yield from _money_frames(ctx, sent)
    w = ctx.words
    pos_of, tag_of = w.pos, w.tag
    for i in range(sent.start, sent.end):
        pos, tag = pos_of[i], tag_of[i]
        if pos == "VERB" or (pos == "AUX" and w.lemma[i] not in ("be", "have", "do")) or tag.startswith("VB"):
            lemma, entry = w.lookup(i, verbs)
            entry = _phrasal_entry(ctx, i, verbs) or entry  # "turned down the offer"
            if entry is None:
                if "establish" in w.candidates(i):
                    yield from _establish_frame(ctx, w.tokens[i])
                continue
            tok = w.tokens[i]
            if not (sx.lemma_in(tok, light) and any(sx.lookup(o, nouns)[1] for o in sx.objects(tok))):
                frame = _verb_frame(ctx, tok, entry)
                if frame is not None:
                    yield frame
        elif pos == "ADJ" and verbs.get(w.lower[i], {}).get("adjective"):
            # "we are grateful to X": a predicate adjective of the lexicon, read as its verb would be
            frame = _verb_frame(ctx, w.tokens[i], verbs[w.lower[i]])
            if frame is not None:
                yield frame
        elif pos in ("NOUN", "PROPN") or tag.startswith("NN"):
            _, entry = w.lookup(i, nouns)
            if entry is not None:
                frame = _noun_frame(ctx, w.tokens[i], entry, light)
                if frame is not None:
                    yield frame


def _phrasal_entry(ctx: Context, i: int, verbs: dict) -> dict | None:
    """The lexicon entry of verb i with its particle ('turn down', 'wipe out'), if the lexicon has one."""
    w = ctx.words
    for particle in ctx.word_sets["particles"]:
        if i in w.heads_of(particle):
            for c in w.tokens[i].children:
                if c.lower_ == particle and sx.dep(c) in ("prt", "compound:prt"):
                    for cand in w.candidates(i):
                        if f"{cand} {particle}" in verbs:
                            return verbs[f"{cand} {particle}"]
    return None


PRESENCE_WORDS = rule_words().presence_words


def _presence_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'American forces being present in Ukraine', 'Russian troops stationed in Belarus': the forces' country
    deploys them."""
    low = ctx.lower_text(sent)
    if not any(word in low for word in PRESENCE_WORDS):
        return
    for tok in sent:
        if tok.lower_ not in PRESENCE_WORDS or tok.pos_ not in ("ADJ", "VERB"):
            continue
        if not any(p in ("in", "on", "near", "along", "at", "to") for p, _ in sx.prep_args(tok)):
            continue
        troops = sx.children(tok, sx.SUBJ | sx.SUBJ_PASS)
        if sx.dep(tok) == "acl" and tok.tag_ == "VBN" and tok.head.lower_ in ctx.finder.military_nouns:
            troops.append(tok.head)  # "any NATO troops deployed to Ukraine"
        for subj in troops:
            forces = ctx.index.get(subj)
            if forces is not None and forces.key.startswith("forces:"):
                country = ctx.gaz.country(forces.key.split(":", 1)[1])
                if country is None:
                    continue
                owner = replace(forces, type="Country", key=country.key, name=None, wikidata=country.wikidata)
                yield Frame(token=tok, prop="deploys", subjects=[owner], objects=[forces], scope=tok)
            elif subj.lower_ in ctx.finder.military_nouns:
                # "NATO troops": the troops of an alliance or organisation named before the noun
                owners = [ctx.index.get(c) for c in subj.children if sx.dep(c) in sx.COMPOUND | sx.AMOD
                          and ctx.index.get(c) is not None and ctx.index.get(c).type in ("Organization", "Country")]
                if owners:
                    yield Frame(token=tok, prop="deploys", subjects=owners[:1], objects=[_content(subj)], scope=tok)


def _mistagged_speech_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'The ISW concludes that…' with 'concludes' tagged as a noun: a speech verb between a named source
    and 'that' is read as one, whatever the tagger said."""
    verbs = ctx.gaz.lexicon["verbs"]
    if "that" not in ctx.lower_text(sent):
        return
    w = ctx.words
    for i in range(sent.start + 1, sent.end - 1):
        if w.lower[i + 1] != "that" or w.pos[i] in ("VERB", "AUX") or w.tag[i].startswith("VB"):
            continue
        tok = w.tokens[i]
        if not tok.is_lower:
            continue
        _, entry = sx.lookup(tok, verbs)
        if entry is None or entry.get("mode") != "speech" or entry.get("p") != "claims":
            continue
        source = ctx.index.get(tok.nbor(-1))
        if source is None or source.type not in ACTOR_TYPES:
            continue
        words = [t for t in sent if t.i > tok.i + 1]
        while words and words[-1].is_punct:
            words.pop()
        text = "".join(t.text_with_ws for t in words).strip()
        if text:
            yield Frame(token=tok, prop="claims", subjects=[source], objects=[Content(text[:CONTENT_LIMIT])],
                        mode="speech", scope=tok)


def _according_to_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'…, according to the Associated Press': the source claims the rest of the sentence."""
    if "according" not in ctx.lower_text(sent):
        return
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 2 >= sent.end or tok.nbor(1).lower_ != "to":
            continue
        phrase = {t.i for t in tok.subtree} | {tok.i, tok.i + 1}
        source = None
        for t in sent[tok.i + 2 - sent.start:]:
            if t.i in ctx.index.by_token and ctx.index.by_token[t.i].type in ACTOR_TYPES:
                source = ctx.index.by_token[t.i]
                end = t.i
                while end + 1 < sent.end and (ctx.index.by_token.get(end + 1) == source or ctx.doc[end + 1].text in "()"
                                              or ctx.doc[end].text == "("):
                    end += 1
                phrase |= set(range(tok.i, end + 1))
                break
            if t.is_punct:
                break
        if source is None:
            continue
        words = [t for t in sent if t.i not in phrase]
        text = "".join(t.text_with_ws for t in words).strip(" ,.;:\n")
        if text:
            yield Frame(token=tok, prop="claims", subjects=[source], objects=[Content(text[:CONTENT_LIMIT])],
                        mode="according", scope=tok)


def _title_country(ctx: Context, tok: Token) -> bool:
    """'US President Joe Biden': a country name that only qualifies the title of the person after it."""
    ment = ctx.index.get(tok)
    if ment is None or ment.type != "Country" or tok.i + 2 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    after = ctx.index.get(nxt) or ctx.index.get(tok.doc[tok.i + 2])
    return nxt.lower_ in ctx.finder.all_titles and after is not None and after.type == "Person"


def _listed_before(ctx: Context, tok: Token, ment: Mention) -> list[Mention]:
    """The mentions of the same type written before a name in a list ('A, B, and C met…' where the parse hangs only
    C on the verb)."""
    doc = ctx.doc
    out: list[Mention] = []
    titles = ctx.finder.all_titles | ctx.finder.title_words | {h + "." for h in ctx.gaz.titles.get("honorifics", ())}

    def start_of(k: int, m: Mention) -> int:
        while k > tok.sent.start and (ctx.index.by_token.get(k - 1) == m or doc[k - 1].lower_ in titles):
            k -= 1
        # "…, and Assistant Secretary of Defense for Special Operations Jane Roe": a long title of capitalised
        # words back to the list's comma
        j = k
        while j > tok.sent.start and k - j < 16 and doc[j - 1].text != "," and ctx.index.by_token.get(j - 1) is None \
                and (doc[j - 1].is_title or doc[j - 1].is_upper and doc[j - 1].is_alpha
                     or doc[j - 1].lower_ in ("of", "for", "and", "the", "-", "‑")):
            j -= 1
        if j < k and j > tok.sent.start and doc[j - 1].text == "," and doc[j].lower_ != "the" \
                and any(t.lower_ in titles for t in doc[j:k + 1]):
            return j + (doc[j].lower_ == "and")
        return k

    k = start_of(tok.i, ment)
    while k - 1 > tok.sent.start:
        j = k - 1
        if doc[j].lower_ == "and":
            j -= 1
        if j < tok.sent.start or doc[j].text != ",":
            if doc[k - 1].lower_ != "and":
                break
            j = k - 1
        prev = ctx.index.by_token.get(j - 1)
        if prev is None or prev.type != ment.type or prev.key == ment.key or prev.name is None:
            break
        # "after a meeting with A, B said…": a name in a prepositional phrase before the comma is not a list item
        first = j - 1
        while first > tok.sent.start and ctx.index.by_token.get(first - 1) == prev:
            first -= 1
        if any(sx.prep_of(doc[x]) for x in range(first, j) if ctx.index.by_token.get(x) == prev) \
                or first > tok.sent.start and doc[first - 1].pos_ == "ADP":
            break
        if prev not in out:
            out.insert(0, prev)
        k = start_of(j - 1, prev)
    return out


def _listed_after(ctx: Context, tok: Token, ment: Mention) -> list[Mention]:
    """The mentions of the same type written after a name in a list that the parse did not coordinate
    ('A of X, B of Y, and C of Z held a call' with only A as the subject). The list must end before its head
    verb and each item after a comma or 'and'; an item's 'of'-phrase ('of Japan') is skipped."""
    doc = ctx.doc
    sent_end = tok.sent.end
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.i != head.head.i:
        head = head.head
    limit = head.i if head.i > tok.i else sent_end
    titles = ctx.finder.all_titles | ctx.finder.title_words | {h + "." for h in ctx.gaz.titles.get("honorifics", ())}
    out: list[Mention] = []
    k = tok.i
    while k < limit and ctx.index.by_token.get(k) == ment:
        k += 1
    current = ment
    while k < limit:
        if doc[k].lower_ == "of":  # "of Japan", "of the Philippines": the item's own attachment
            j = k + 1 + (doc[k + 1].lower_ == "the" if k + 1 < limit else 0)
            attached = ctx.index.by_token.get(j)
            if attached is None or attached.type not in ("Country", "Organization"):
                break
            while j < limit and ctx.index.by_token.get(j) == attached:
                j += 1
            k = j
            continue
        if doc[k].text != "," and doc[k].lower_ != "and":
            break
        while k < limit and (doc[k].text == "," or doc[k].lower_ in ("and", "the") or doc[k].lower_ in titles):
            k += 1
        nxt = ctx.index.by_token.get(k)
        if nxt is None or nxt.type != ment.type or nxt.name is None or nxt.key == current.key:
            break
        if nxt not in out:
            out.append(nxt)
        current = nxt
        while k < limit and ctx.index.by_token.get(k) == nxt:
            k += 1
    return out


def _mentions_of(ctx: Context, tokens: list[Token]) -> list[Mention]:
    out = []
    if len(tokens) > 1:
        tokens = [t for t in tokens if not _title_country(ctx, t)]
    for t in tokens:
        conjuncts = sx.with_conjuncts(t)
        for c in conjuncts:
            if c.i in ctx.groups:
                out.extend(m for m in ctx.groups[c.i] if m not in out)
                continue
            m = _mention_at(ctx, c)
            listed = m is not None and m.type in ("Person", "Country") and m.name is not None
            if listed and c is conjuncts[0]:
                out.extend(x for x in _listed_before(ctx, c, m) if x not in out)
            if m is not None and m not in out:
                out.append(m)
            if listed:
                out.extend(x for x in _listed_after(ctx, c, m) if x not in out)
            # "officials from Ukraine and Western countries": one group of people from each
            if m is not None and c.lower_ in ctx.finder.official_nouns | PEOPLE_NOUNS:
                for prep, noun in sx.prep_args(c):
                    if prep in ("from", "of"):
                        for other in sx.with_conjuncts(noun)[1:]:
                            m2 = _mention_at(ctx, other)
                            if m2 is not None and m2 not in out:
                                out.append(m2)
    return out


def _mention_at(ctx: Context, tok: Token) -> Mention | None:
    """The mention a nominal token stands for, following relative pronouns and 'of' heads."""
    ment = ctx.index.get(tok)
    if ment is not None:
        return ment
    if tok.lower_ in ctx.finder.all_titles and tok.pos_ in ("PROPN", "NOUN"):
        # "Secretary of State Marco Rubio met…" with the title as the parsed head of the name
        for d in tok.subtree:
            m = ctx.index.get(d)
            if m is not None and m.type == "Person" and d.i > tok.i:
                return m
        # "Biden and President-elect Donald Trump" with the name hung elsewhere
        for d in tok.doc[tok.i + 1:min(tok.i + 4, tok.sent.end)]:
            m = ctx.index.get(d)
            if m is not None and m.type == "Person":
                return m
            if not (d.is_punct or d.lower_ in ctx.finder.all_titles or d.lower_ in ("elect", "-elect")):
                break
    if sx.is_relative_pronoun(tok):
        clause = tok.head
        if sx.dep(clause) in sx.REL_CLAUSE | {"acl"}:
            return _mention_at(ctx, clause.head)
    # "parts of the Sumy region", "the border areas of Ukraine's Sumy and Kharkiv regions"
    if tok.lower_ in ("part", "parts", "areas", "area", "rest", "outskirts", "border", "control", "dozens", "hundreds",
                      "thousands", "scores", "some", "many", "most", "members", "units", "remnants"):
        for prep, noun in sx.prep_args(tok):
            if prep == "of":
                return _mention_at(ctx, noun)
    # "the city of Sumy": the place the noun names
    if tok.lower_ in ctx.finder.city_words:
        for prep, noun in sx.prep_args(tok):
            if prep == "of" and ctx.index.get(noun) is not None and ctx.index.get(noun).type in PLACE_TYPES:
                return ctx.index.get(noun)
    # "the Sumy and Kharkiv regions": the region noun itself
    if tok.lower_ in ctx.finder.region_words:
        named = [c for c in tok.children if sx.dep(c) in sx.COMPOUND | {"amod", "nmod"} and ctx.index.get(c)]
        if named:
            return ctx.index.get(named[0])
        for prep, noun in sx.prep_args(tok):
            if prep in ("of", "such as", "including") and ctx.index.get(noun):
                return ctx.index.get(noun)
    for app in (c for c in tok.children if sx.dep(c) in sx.APPOS):
        ment = ctx.index.get(app)
        if ment is not None:
            return ment
    return None


def _mentions_expanded(ctx: Context, tok: Token) -> list[Mention]:
    """Mentions for an argument token, with its coordinated and named parts ('the Sumy and Kharkiv regions')."""
    out = []
    for c in sx.with_conjuncts(tok):
        if c.lower_ in ctx.finder.region_words | {"parts", "areas", "part", "area", "border"}:
            inner = [c]
            if c.lower_ in ("parts", "areas", "part", "area", "border"):
                inner = [n for p, n in sx.prep_args(c) if p == "of"]
            for node in inner:
                named = [x for x in node.children if sx.dep(x) in sx.COMPOUND | {"amod", "nmod"} and ctx.index.get(x)]
                named += [n for p, n in sx.prep_args(node) if p in ("of", "such as", "including") and ctx.index.get(n)]
                for n in named:
                    for cc in sx.with_conjuncts(n):
                        m = ctx.index.get(cc)
                        if m is not None and m not in out:
                            out.append(m)
                if not named and (first := sx.list_before(node)) is not None:
                    # "Donetsk, Luhansk and Kherson — regions that Russia annexed": the listed places
                    named = [first]
                    for cc in sx.with_conjuncts(first):
                        m = ctx.index.get(cc)
                        if m is not None and m.type in PLACE_TYPES and m not in out:
                            out.append(m)
                if not named:
                    m = _mention_at(ctx, node)
                    if m is not None and m not in out:
                        out.append(m)
            continue
        m = _mention_at(ctx, c)
        if m is not None and m not in out:
            out.append(m)
        if m is not None and len(sx.with_conjuncts(tok)) == 1:
            # "both the Committee of the Red Cross and the United Nations" with the second name coordinated
            # with a word inside the first
            for inner in c.subtree:
                if inner.i != c.i and ctx.index.by_token.get(inner.i) == m:
                    for cc in sx.with_conjuncts(inner)[1:]:
                        m2 = _mention_at(ctx, cc)
                        if m2 is not None and m2 != m and m2 not in out and m2.type in ACTOR_TYPES | PLACE_TYPES:
                            out.append(m2)
    return out


def _content(tok: Token) -> Content:
    span = sx.noun_chunk_span(tok) if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    while len(span) > 1 and span[0].pos_ in ("ADP", "SCONJ") and span[0].i < tok.i:
        span = span[1:]  # "from territories": the preposition is not part of the content
    text = span.text.strip(" ,.;:\"“”")
    if len(text) > CONTENT_LIMIT:
        text = text[:CONTENT_LIMIT - 1].rstrip() + "…"
    return Content(text=text)


def _clause_content(tok: Token) -> Content:
    left, right = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    while left < right and (doc[left].is_punct or doc[left].lower_ in ("that",) and sx.dep(doc[left]) == "mark"):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    text = doc[left:right + 1].text.strip(" ,\"“”")
    if len(text) > CONTENT_LIMIT:
        text = text[:CONTENT_LIMIT - 1].rstrip() + "…"
    return Content(text=text)


def _weapon_country(ctx: Context, noun: Token) -> list[Mention]:
    """"A Russian missile", "Israeli warplanes": the weapon's country, the one that acts with it."""
    if noun.lower_ in ctx.finder.weapon_nouns:
        for c in noun.children:
            country = ctx.gaz.country_of_demonym(c.text) if sx.dep(c) in sx.AMOD | sx.COMPOUND else None
            if country is not None:
                return [_entry_mention(ctx, c, country)]
    return []


def _inherited_subjects(ctx: Context, verb: Token, depth: int = 0) -> list[Mention]:
    """Subjects of a verb, or of the clause that controls it (xcomp, conj, participles)."""
    if depth > 4:
        return []
    subs = _mentions_of(ctx, sx.subjects(verb))
    if subs:
        return subs
    for subj in sx.subjects(verb):
        found = _weapon_country(ctx, subj)
        if found:
            return found
    if sx.dep(verb) == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.i < verb.i \
            and verb.head.pos_ in ("NOUN", "PROPN") and sx.children(verb, sx.OBJ) and not sx.is_passive(verb):
        # "Israeli warplanes struck several villages" parsed as a participle on its noun: a participle with a
        # direct object of its own is active, and the noun is its subject
        found = _mentions_of(ctx, [verb.head]) or _weapon_country(ctx, verb.head)
        if found:
            return found
    if verb.i > 0 and not sx.children(verb, sx.SUBJ - {"csubj"}) \
            and (_node_info(ctx, verb).entry or {}).get("mode") == "speech":
        # "Speaking at a press conference, NATO Secretary General Mark Rutte said…" with the name misparsed
        # into the opening clause: the name right before the speech verb speaks
        before = ctx.index.get(verb.doc[verb.i - 1])
        if before is not None and before.type in ("Person", "Organization", "Country", "Actor"):
            return [before]
    if sx.is_passive(verb):
        return []
    to = [c for c in verb.children if c.lower_ == "to" and sx.dep(c) == "mark" and c.i < verb.i]
    if to and to[0].i > 0:
        before = verb.doc[to[0].i - 1]
        if sx.prep_of(before) == "for" and _mention_at(ctx, before) is not None:
            return [_mention_at(ctx, before)]  # "time for his troops to secure more land"
    label = sx.dep(verb)
    head = verb.head
    if head.i == verb.i:
        return []
    if sx.lemma_in(head, ("accuse", "blame", "suspect", "charge")) and label in ("advcl", "acl", "xcomp", "ccomp", "pcomp"):
        # "accused Russia of breaching": the accused acts
        return _mentions_of(ctx, sx.objects(head))
    if label == "xcomp" or (label in ("advcl", "acl") and verb.tag_ in ("VB", "VBG") and any(c.lower_ == "to" for c in verb.children)):
        objs = _mentions_of(ctx, sx.objects(head))
        directive = (_node_info(ctx, head).entry or {}).get("mode") == "directive"
        if objs and (label == "xcomp" or directive) and not sx.lemma_in(head, ("promise", "vow", "pledge")):
            # object control: "enable Putin to demand", "urged the dictator to establish", "directed his
            # military to expand operations" (read as an adverbial clause)
            return objs
        if not objs and directive and any(o.pos_ in ("NOUN", "PROPN") for o in sx.objects(head)):
            return []  # "directed the Secretary to support X": the one directed acts, unnamed here
        if head.pos_ == "NOUN":
            poss = sx.possessor(head)
            if poss is not None and _mention_at(ctx, poss):
                return [_mention_at(ctx, poss)]
            return _inherited_subjects(ctx, head, depth + 1) if sx.dep(head) not in sx.SUBJ else []
        return _inherited_subjects(ctx, head, depth + 1)
    if label == "conj" and head.pos_ in ("VERB", "AUX"):
        return _inherited_subjects(ctx, head, depth + 1)
    if label in ("advcl",) and verb.tag_ == "VBG":
        # the speaker of "…, adding that" is the outer speaker; what it embeds keeps the parser's reading
        anchor = _speech_anchor(ctx, verb) if depth == 0 else None
        return _inherited_subjects(ctx, anchor if anchor is not None else head, depth + 1)
    if label in sx.POBJ | {"pcomp"} or (label in ("acl", "advcl") and any(c.lower_ in ("of", "by", "for") and sx.dep(c) in {"mark", "case"} for c in verb.children)):
        # "accused Russia of breaching": the accused; "boasting of capturing": the boaster
        node = head.head if sx.dep(head) in sx.PREP else head
        if sx.lemma_in(node, ("accuse", "blame", "suspect")):
            return _mentions_of(ctx, sx.objects(node))
        if node.pos_ in ("VERB", "AUX"):
            return _inherited_subjects(ctx, node, depth + 1)
    if label in sx.REL_CLAUSE or label == "acl":
        if head.i in ctx.groups:
            return list(ctx.groups[head.i])
        ment = _mention_at(ctx, head)
        return [ment] if ment is not None else []
    return []


def _speech_anchor(ctx: Context, verb: Token) -> Token | None:
    """'X said that A, adding that B': a subjectless speech participle continues the nearest speech verb above
    it, however the parser attached it; that verb, or None."""
    if verb.tag_ != "VBG" or sx.dep(verb) != "advcl" or sx.subjects(verb):
        return None
    if (_node_info(ctx, verb).entry or {}).get("mode") != "speech":
        return None
    for anc in verb.ancestors:
        if (_node_info(ctx, anc).entry or {}).get("mode") == "speech" and anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


OWNED_OBJECT_PROPS = frozenset({"praises", "condemns", "supports", "accuses", "defends", "threatens", "orders"})


def _owners(ctx: Context, tok: Token) -> list[Mention]:
    """The actors or places owning an abstract noun, coordinated ones included: 'the efforts by A, B and C',
    'the security of X', 'X's sovereignty'."""
    if tok.pos_ != "NOUN" or tok.lower_ in ctx.finder.place_nouns or tok.lower_ in ctx.finder.weapon_nouns:
        return []
    heads = []
    poss = sx.possessor(tok)
    if poss is not None:
        heads.append(poss)
    heads += [n for p, n in sx.prep_args(tok) if p in ("of", "by")]
    # "the role played by X", "the efforts made by X": the agent of a participle on the noun
    heads += [n for c in tok.children if sx.dep(c) == "acl" and c.tag_ in ("VBN", "VBD") for p, n in sx.prep_args(c)
              if p == "by"]
    out: list[Mention] = []
    for head in heads:
        for c in sx.with_conjuncts(head):
            m = ctx.index.get(c)
            if m is not None and m not in out:
                out.append(m)
        if out:
            break
    return out


def _allowed_object(ctx: Context, entry: dict, tok: Token, ment: Mention | None) -> bool:
    types = entry.get("obj_types")
    if not types:
        return True
    if ment is not None:
        return ment.type in types or (ment.type in PLACE_TYPES and "Place" in types)
    return ("territory" in types and sx.lemma_in(tok, TERRITORY_NOUNS) is not None
            or "forces" in types and tok.lower_ in ctx.finder.military_nouns
            or "Weapon" in types and tok.lower_ in ctx.finder.weapon_nouns
            or "agreement" in types and sx.lemma_in(tok, ctx.finder.agreement_nouns | RULE_NOUNS) is not None)


def _objects_for(ctx: Context, head: Token, slots: list[str], entry: dict, verb: bool) -> list:
    out: list = []
    for slot in slots:
        if slot == "dobj":
            toks = sx.objects(head) if verb else []
            if verb and not toks:
                toks = sx.children(head, frozenset({"iobj", "dative"}))  # "warned Paris against escalation"
        else:
            toks = [n for p, n in sx.prep_args(head) if p == slot]
            if not toks and verb:
                # "withdraw its forces from Donetsk": the phrase may hang on the object
                toks = [n for o in sx.objects(head) for p, n in sx.prep_args(o) if p == slot]
            if not toks and verb:
                # "provided $2 billion in military aid to Kyiv": or on a noun inside the object
                toks = [n for o in sx.objects(head) for _p, inner in sx.prep_args(o)
                        for p, n in sx.prep_args(inner) if p == slot]
        for tok in toks:
            mentions = _mentions_expanded(ctx, tok)
            if not mentions and (entry.get("p") in OWNED_OBJECT_PROPS or entry.get("actor_p")):
                owners = _owners(ctx, tok)
                if not owners and tok.pos_ == "NOUN":
                    # "support for the defence of X", "commitment to the security of X": one noun further
                    inner = [n for p, n in sx.prep_args(tok) if p in ("of", "for", "to")]
                    owners = next((o for n in inner if (o := _owners(ctx, n))), [])
                mentions = [o for o in owners if o.type in ACTOR_TYPES | PLACE_TYPES]
            if mentions:
                for m in mentions:
                    if _allowed_object(ctx, entry, tok, m):
                        out.append(m)
            elif tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in TIME_NOUNS:
                continue  # "in the coming weeks" says when, not what
            elif tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") and _allowed_object(ctx, entry, tok, None):
                if tok.lower_ in ("what", "whatever") and any(sx.dep(c) in sx.REL_CLAUSE for c in tok.children):
                    out.append(_clause_content(tok))  # "reject what the Kremlin considers reasonable terms"
                    continue
                if tok.tag_ in sx.PRONOUN_TAGS and tok.lower_ not in ("this", "that", "these", "those"):
                    continue
                quantity = _quantity_object(ctx, entry, tok)
                out.append(quantity if quantity is not None else _content(tok))
            elif tok.pos_ in ("VERB", "AUX") and entry.get("p") in SPEECH_PROPS | {"rejects", "agreesTo", "orders"}:
                out.append(_clause_content(tok))
        if out:
            break
    if verb and "dobj" in slots:
        # "gathered municipal leaders from Kursk, including Pavel Zolotaryov": the named ones too
        for p, n in list(sx.prep_args(head)) + [a for o in sx.objects(head) for a in sx.prep_args(o)]:
            if p in ("including", "such as"):
                for m in _mentions_expanded(ctx, n):
                    if m not in out and _allowed_object(ctx, entry, n, m):
                        out.append(m)
    return out


def _quantity_object(ctx: Context, entry: dict, tok: Token):
    if entry.get("p") != "estimates":
        return None
    qs = parse_quantities(_content(tok).text)
    return qs[0] if qs else None


def _verb_frame(ctx: Context, tok: Token, entry: dict) -> Frame | None:
    if entry.get("that_p") and any(sx.dep(c) == "ccomp" and (_that_marked(c) or sx.children(c, sx.SUBJ))
                                   for c in tok.children):
        entry = {"p": entry["that_p"], "mode": "speech"}  # "the leaders agreed that…" state it
    if entry.get("negated_p") and sx.is_negated(tok):
        # "will never recognise the referenda": a rejection the speaker performs
        entry = {**{k: v for k, v in entry.items() if k not in ("obj_types", "negated_p")},
                 "p": entry["negated_p"], "mode": "refusal"}
    if sx.dep(tok) in ("advcl", "xcomp") and sx.lemma_in(tok, _stance_words()["aid_purpose_verbs"]) and any(
            o.ent_type_ == "MONEY" or o.text == "$" for o in sx.objects(tok.head)):
        return None  # "released $3 million to help X": the money's support of X (see `_money_frames`)
    if entry.get("clause_only") and (sx.objects(tok) or not any(
            sx.dep(c) in ("xcomp", "ccomp") and any(m.lower_ in ("to", "that") for m in c.children)
            for c in tok.children)):
        return None  # "resolved to…", "decided that…"; not "committed war crimes"
    prop = entry["p"]
    mode = entry.get("mode")
    subjects = _inherited_subjects(ctx, tok)
    if not subjects and mode == "speech" and sx.is_passive(tok) and not any(
            p == "by" for p, _n in sx.prep_args(tok)) and any(
            sx.dep(c) in ("ccomp", "csubj:pass", "csubjpass") for c in tok.children):
        # "It was stressed that…" in a readout: the document's principal speaks
        principal = _principal(ctx, tok)
        subjects = [principal] if principal is not None else []
    if entry.get("subj_types"):  # "the delegation arrived in Kyiv" visits; troops arriving are deployed
        subjects = [s for s in subjects if s.type in entry["subj_types"]]
    if prop in ("attacks", "strikes") and sx.dep(tok) == "advcl" and tok.tag_ == "VBG" \
            and any(sx.lemma_in(o, ctx.finder.agreement_nouns | {"sanction", "sanctions", "measure", "measures"})
                    or any(sx.lemma_in(n, {"sanction", "sanctions"}) for _p, n in sx.prep_args(o))
                    for o in sx.objects(tok.head)):
        return None  # "proposed a package of sanctions, targeting its shadow fleet": the measures target it
    complement = None
    objects: list = []
    if mode in ("speech", "allege", "deny") or prop in ("warns", "demands", "orders", "threatens", "rejects", "agreesTo"):
        comps = [c for c in tok.children if sx.dep(c) in {"ccomp", "parataxis"} or
                 (sx.dep(c) == "xcomp" and mode in ("directive",) or sx.dep(c) == "xcomp" and prop in ("rejects", "agreesTo", "threatens"))]
        # quotes placed before the verb: "“Our troops will stand firm,” he stated"
        if not comps and sx.dep(tok) in ("parataxis",) and tok.head.pos_ in ("VERB", "AUX"):
            comps = [tok.head]
        if not comps and mode == "speech":
            # "told reporters that…" with the that-clause read as a relative clause on the hearers
            comps = [r for o in tok.children if sx.dep(o) in sx.OBJ | {"iobj", "dative"} for r in o.children
                     if sx.dep(r) in sx.REL_CLAUSE
                     and _that_marked(r)]
        if comps:
            complement = comps[0]
    slots = entry.get("obj", ["dobj"] if mode != "speech" else [])
    objects = _objects_for(ctx, tok, slots, entry, verb=True)
    if mode == "directive" and prop == "demands" and objects and all(isinstance(o, Content) for o in objects):
        # "urged member states to increase defence spending": what is demanded is the whole clause
        acts = [c for c in tok.children if sx.dep(c) in ("xcomp", "advcl")
                and any(m.lower_ == "to" for m in c.children) and c.i > tok.i]
        obj_toks = sx.objects(tok)
        if not acts and obj_toks:
            # "urged both sides to accept a truce" with the to-clause hung on the object
            acts = [c for c in obj_toks[0].children if sx.dep(c) == "acl" and c.i > obj_toks[0].i
                    and any(m.lower_ == "to" and sx.dep(m) == "mark" for m in c.children)]
        if acts and obj_toks:
            objects = [Content(text=tok.doc[obj_toks[0].left_edge.i:acts[0].right_edge.i + 1].text.strip(" ,.")
                               [:CONTENT_LIMIT])]
    if entry.get("addressee") and not objects:
        # "called on allies to provide more air defence systems": the demand is the addressee's act
        addressee = entry["addressee"]
        hearers = [n for p, n in sx.prep_args(tok) if p == addressee or isinstance(addressee, list) and p in addressee]
        acts = [c for c in tok.children if sx.dep(c) in ("xcomp", "advcl", "ccomp")
                and any(m.lower_ == "to" for m in c.children) and c.i > tok.i]
        if hearers and acts:
            start = hearers[0].left_edge.i + (1 if hearers[0].left_edge.pos_ == "ADP" else 0)
            objects = [Content(text=tok.doc[start:acts[0].right_edge.i + 1].text.strip(" ,.")[:CONTENT_LIMIT])]
            complement = acts[0]
    if prop == "deploys" and objects and all(isinstance(o, Mention) and o.type == "Weapon"
                                             or isinstance(o, Content) for o in objects):
        # "France would send Mirage fighter jets to Ukraine": weapons sent to a country support it
        receivers = [m for p, n in list(sx.prep_args(tok)) + [a for o in sx.objects(tok) for a in sx.prep_args(o)]
                     if p == "to" for m in _mentions_expanded(ctx, n) if m.type in ("Country", "Organization")]
        weapons = any(isinstance(o, Mention) and o.type == "Weapon" for o in objects) or any(
            sx.lemma_in(t, ctx.finder.weapon_nouns | {"weapon", "weapons", "arms", "ammunition"}) for t in sx.objects(tok))
        if receivers and weapons:
            prop, objects = "supports", receivers
    if entry.get("event_obj"):
        # "repelled 35 assaults near Pokrovsk": turning back an attack defends the place attacked
        events = [o for o in sx.objects(tok) if sx.lemma_in(o, ATTACK_EVENT_NOUNS)]
        if events:
            prop = entry["event_obj"]
            args = [n for o in events for p, n in sx.prep_args(o)] + [n for p, n in sx.prep_args(tok)]
            places = [m for n in args if sx.prep_of(n) in ("near", "in", "on", "around", "at", "outside")
                      for m in _mentions_expanded(ctx, n) if m.type in PLACE_TYPES]
            objects = places or [_content(events[0])]
        elif entry.get("need_event"):
            return None
    if not objects and "dobj" in slots and not sx.objects(tok):
        stray = _stray_object(tok)
        if stray is not None:
            objects = [m for m in _mentions_expanded(ctx, stray) if _allowed_object(ctx, entry, stray, m)]
            if not objects and _allowed_object(ctx, entry, stray, None):
                objects = [_content(stray)]
    if prop == "claims" and complement is None and subjects \
            and any((sx.lookup(o, ctx.gaz.lexicon["nouns"])[1] or {}).get("p") in ("supports", "defends", "agreesTo")
                    and (all(x.surface.lower() in FIRST_PERSON for x in subjects)
                         or _own_stance(ctx, o, {x.key for x in subjects})) for o in sx.objects(tok)):
        # "We reaffirm our commitment to X", "she reiterated her support for X": the stance itself, no claim about it
        return None
    if prop == "claims" and not objects and complement is None:
        need = [o for o in sx.objects(tok) if o.lower_ in _need_nouns() or o.lemma_ in _need_nouns()]
        if need:
            objects = [_content(need[0])]  # "stressed the need for…": a stance (see `_stance_of_need`)
    if prop == "claims" and complement is None and any(o.ent_type_ == "MONEY" or o.text == "$"
                                                       for o in sx.objects(tok)):
        return None  # "announced $5 million in aid": the money given (see `_money_frames`), not a claim
    if prop == "claims" and mode in ("speech", "allege"):
        objects = [o for o in objects if not isinstance(o, Mention)] or objects
        if complement is not None:
            objects = [_clause_content(complement)]
        elif not objects:
            earlier = _reported_earlier(tok)
            if entry.get("need_clause") or entry.get("need_report") and earlier is None:
                return None
            quoted = [c for c in tok.children if sx.dep(c) in ("obj", "dobj", "ccomp", "parataxis")]
            if earlier is not None:
                objects = [earlier]
            elif not quoted:
                return None
            else:
                objects = [_clause_content(quoted[0])]
    elif complement is not None and not objects:
        objects = [_clause_content(complement)]
    if prop == "warns" and complement is not None:
        objects = [_clause_content(complement)]
    if prop == "threatens" and complement is not None and sx.dep(complement) == "xcomp":
        # "threatened to seize both Kharkiv and Sumy regions": what is threatened is the act's target
        targets = [m for o in sx.objects(complement) for m in _mentions_expanded(ctx, o)]
        if targets:
            objects = targets
    if prop == "estimates":
        # "estimating that around 4,700 square kilometers…": the estimate is the quantity
        texts = [o.text for o in objects if isinstance(o, Content)]
        found = [q for t in texts for q in parse_quantities(t)]
        if found:
            objects = [found[0]]
    if not objects and "dobj" in slots and sx.dep(tok) in sx.REL_CLAUSE and not sx.objects(tok) \
            and not any(sx.dep(c) in sx.SUBJ and sx.is_relative_pronoun(c) for c in tok.children):
        # "areas Russia has already annexed": the relative clause's noun is the object
        noun = tok.head
        objects = [m for m in _mentions_expanded(ctx, noun) if _allowed_object(ctx, entry, noun, m)] \
            or ([_content(noun)] if _allowed_object(ctx, entry, noun, None) else [])  # not "weapons we receive"
    if not objects and "dobj" in slots and sx.dep(tok) == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "all territories seized by Russia, including Crimea": the participle's noun is the object
        noun = tok.head
        listed = [n for p, n in list(sx.prep_args(tok)) + list(sx.prep_args(noun)) if p in ("including", "such as")]
        objects = [m for n in listed for m in _mentions_expanded(ctx, n)] or _mentions_expanded(ctx, noun)
        if not objects and _allowed_object(ctx, entry, noun, None) \
                and (prop not in STATE_ACTS or sx.lemma_in(noun, TERRITORY_NOUNS)):
            objects = [_content(noun)]
    if prop == "rejects" and objects and all(isinstance(o, Content) and CHARGE_NOUN.search(o.text.lower())
                                             for o in objects):
        prop = "denies"  # "an allegation Israel rejected": rejecting a charge denies it
    if entry.get("symmetric") and len(subjects) >= 2 and not any(
            isinstance(o, Mention) and o.type in ACTOR_TYPES for o in objects) \
            and not any(len(ctx.groups.get(x.i, ())) > 2 for x in sx.subjects(tok)) and not _purpose_of_meeting(ctx, tok):
        # ("They discussed…" after a delegation of three: they travel together, they do not talk to each other)
        # "Zelensky and Trump met", "X and Y discussed the situation": the participants meet or talk with each
        # other (a statement per pair); what they discussed is the topic, not a party
        subjects, objects = list(subjects), list(subjects)
    if not objects:
        return None
    prop, objects, mode = _actor_reading(entry, prop, objects, mode)
    if entry.get("guest_p") and all(isinstance(o, Mention) and o.type == "Person" for o in objects) \
            and (any(p == "to" for p, _n in [*sx.prep_args(tok), *(a for o in sx.objects(tok) for a in sx.prep_args(o))])
                 or _to_place_after(ctx, tok)):
        prop = entry["guest_p"]  # "welcomed Scholz to the White House": a host meets the guest
    return Frame(token=tok, prop=prop, subjects=subjects, objects=objects, mode=mode, complement=complement,
                 symmetric=bool(entry.get("symmetric")), scope=tok)


def _purpose_of_meeting(ctx: Context, verb: Token) -> bool:
    """Whether a verb is the purpose of a meeting or call with someone ('met with X to discuss…'): its parties are
    the meeting's, not the subjects paired with each other."""
    if sx.dep(verb) not in ("advcl", "xcomp") or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    entry = _node_info(ctx, head).entry or {}
    return bool(entry.get("symmetric")) and any(
        _mention_at(ctx, n) is not None for p, n in sx.prep_args(head) if p in ("with", "to"))


def _to_place_after(ctx: Context, verb: Token) -> bool:
    """Whether 'to' and a place follow the verb in its clause ('welcomed X of Y to Z' however the parse hung it)."""
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.sent.end - 1, verb.i + 16)):
        if doc[i].lower_ == "to" and sx.dep(doc[i]) in sx.PREP | {"case"}:
            j = i + 1 + (doc[i + 1].lower_ == "the")
            ment = ctx.index.by_token.get(j)
            return ment is not None and ment.type in ("Place", "City", "Region", "Country")
        if doc[i].pos_ == "VERB" or doc[i].text in (";", ":"):
            return False
    return False


def _own_stance(ctx: Context, noun: Token, keys: set[str]) -> bool:
    """Whether a stance noun is owned by one of the given actors ('her support', 'the country's commitment' said by
    that country)."""
    owner = sx.possessor(noun)
    if owner is None or noun.lemma_ not in _stance_words()["own_stance_nouns"]:
        return False
    ment = ctx.index.get(owner)
    if ment is None and owner.tag_ == "PRP$":
        ment = ctx.finder.resolve_pronoun(owner)
    return ment is not None and ment.key in keys


def _stray_object(verb: Token) -> Token | None:
    """The noun phrase right after an objectless verb that the parser hung on the verb's head:
    'boasting of capturing over 700 square kilometers' with 'kilometers' attached to 'boasting'; or the object set
    off by a parenthetical and read as its apposition: 'condemn, in the strongest terms, X's attack'."""
    for obl in verb.children:
        if sx.dep(obl) in sx.NOUN_OBL and obl.i > verb.i:
            for app in obl.children:
                if sx.dep(app) in sx.APPOS and app.i > obl.i and "," in (app.left_edge.text,
                                                                          verb.doc[app.left_edge.i - 1].text):
                    return app
    if verb.i + 1 >= len(verb.doc) or verb.head.i == verb.i:
        return None
    node = verb.doc[verb.i + 1]
    for _ in range(4):
        if node.head.i == verb.head.i and sx.dep(node) in sx.NOUN_OBL | sx.OBJ and node.pos_ in ("NOUN", "PROPN", "NUM") \
                and node.left_edge.i == verb.i + 1 and not any(sx.dep(c) in sx.PREP | {"case"} and c.i < node.i
                                                                for c in node.children):
            return node
        if node.head.i == node.i or node.head.i < verb.i:
            return None
        node = node.head
    return None


REPORT_NOUNS = rule_words().report_nouns


def _that_marked(clause: Token) -> bool:
    """Whether a clause opens with the complementizer 'that' (not the relative pronoun)."""
    return any(sx.dep(m) == "mark" and m.lower_ == "that" and m.tag_ == "IN" for m in clause.children)


def _reported_earlier(tok: Token) -> Content | None:
    """'The information was released by X': what the previous sentence says is what X reported."""
    verb = tok.head if sx.dep(tok) == "conj" and not sx.objects(tok) else tok
    if not sx.is_passive(verb):
        return None
    nouns = [o for o in sx.objects(verb) if sx.lemma_in(o, REPORT_NOUNS)
             and any(c.lower_ in ("the", "this", "these", "that", "such") for c in o.children)]
    if not nouns:
        return None
    start = tok.sent.start
    while start > 0:
        sent = tok.doc[start - 1].sent
        if any(t.is_alpha for t in sent):
            return _clause_content(sent.root)
        start = sent.start
    return None


def _establish_frame(ctx: Context, tok: Token) -> Iterator[Frame]:
    """'establish a buffer zone in X', 'establish control over X': a capture."""
    for obj in sx.objects(tok):
        if sx.lemma_in(obj, ("buffer", "zone", "control", "foothold", "bridgehead", "presence")):
            targets = []
            for prep, noun in list(sx.prep_args(obj)) + list(sx.prep_args(tok)):
                if prep in ("in", "over", "on", "at", "across", "along"):
                    targets += [m for m in _mentions_expanded(ctx, noun) if m.type in PLACE_TYPES]
            objects = targets or [_content(obj)]
            yield Frame(token=tok, prop="captures", subjects=_inherited_subjects(ctx, tok), objects=objects, scope=tok)


def _noun_frame(ctx: Context, tok: Token, entry: dict, light: set[str]) -> Frame | None:
    preps = {p for p, _n in sx.prep_args(tok)}
    if sx.dep(tok) in sx.OBJ and sx.lemma_in(tok.head, light):
        preps |= {p for p, n in sx.prep_args(tok.head) if n.ent_type_ not in ("DATE", "TIME")}
    entry = next(({**entry, **alt} for prep, alt in entry.get("by_prep", {}).items() if prep in preps), entry)
    prop = entry["p"]  # "a call with Putin" negotiates, "a call for a ceasefire" demands: 'by_prep'
    if any(c.lower_ in entry.get("not_with", ()) for c in tok.children if c.i < tok.i):
        return None  # "rescue operations in Kharkiv" are not attacks
    slots = entry.get("obj", [])
    objects = _objects_for(ctx, tok, slots, entry, verb=False)
    # agent: possessor, nationality adjective, compound name, by-phrase, or the light verb's subject
    subjects: list[Mention] = []
    poss = sx.possessor(tok)
    if poss is not None:
        subjects = _mentions_of(ctx, [poss])
    if not subjects:
        for c in tok.children:
            if sx.dep(c) in sx.AMOD | sx.COMPOUND and c.i < tok.i:
                entry_c = ctx.gaz.country_of_demonym(c.text)
                if entry_c is not None:
                    subjects = [_entry_mention(ctx, c, entry_c)]
                    if any(m.lower_ in ctx.finder.military_nouns | MILITARY_ADJECTIVES for m in tok.children
                           if sx.dep(m) in sx.AMOD | sx.COMPOUND and c.i < m.i < tok.i):
                        # "Ukrainian military withdrawal": the country's armed forces act
                        subjects = [replace(subjects[0], type="MilitaryUnit", key=f"forces:{entry_c.country}",
                                            name=None, wikidata=None)]
                    break
                ment = ctx.index.get(c)
                if ment is not None and ment.type in ACTOR_TYPES:
                    subjects = [ment]
                    break
    if not subjects:
        subjects = _mentions_of(ctx, [n for p, n in sx.prep_args(tok) if p == "by"])
    if not subjects and any(sx.dep(c) == "cop" for c in tok.children) and not sx.is_negated(tok):
        # "X is a threat to Y": the copula's subject is the noun's agent
        subjects = _mentions_of(ctx, sx.subjects(tok))
    if not subjects and sx.dep(tok) in ("xcomp", "attr", "obj", "dobj") and sx.lemma_in(
            tok.head, _stance_words()["copular_verbs"]) and not sx.is_negated(tok.head):
        subjects = _mentions_of(ctx, sx.subjects(tok.head))  # "X remains the largest contributor…"
    if not objects:
        # "the largest contributor of humanitarian aid to Y": the object may hang on the noun's 'of' phrase
        inner = [n for p, n in sx.prep_args(tok) if p == "of"]
        objects = [m for n in inner for p, x in sx.prep_args(n) if p in slots and p != "of"
                   for m in _mentions_expanded(ctx, x) if _allowed_object(ctx, entry, x, m)]
    # "the missile attack launched by Russia against Kyiv": agent and target on the light verb's participle
    carriers = [c for c in tok.children if sx.dep(c) == "acl" and c.tag_ in ("VBN", "VBD") and sx.lemma_in(c, light)]
    for carrier in carriers:
        if not subjects:
            subjects = _mentions_of(ctx, [n for p, n in sx.prep_args(carrier) if p == "by"])
        if not objects:
            objects = [m for p, n in sx.prep_args(carrier) if p in slots and p != "by"
                       for m in _mentions_expanded(ctx, n) if _allowed_object(ctx, entry, n, m)]
    head = tok.head
    scope = anchor = tok
    if not objects and sx.dep(tok) in sx.OBJ:
        # "reiterated his support for X's sovereignty" with the phrase hung on the verb right after the noun
        after = [n for p, n in sx.prep_args(head) if p in slots and p != "by" and n.left_edge.i == tok.right_edge.i + 1]
        for n in after:
            found = _mentions_expanded(ctx, n)
            if not found and prop in OWNED_OBJECT_PROPS:
                found = [o for o in _owners(ctx, n) if o.type in ACTOR_TYPES | PLACE_TYPES]
            objects += [m for m in found if _allowed_object(ctx, entry, n, m)]
    if not objects and sx.dep(tok) in sx.OBJ and sx.lemma_in(head, light):
        # "held talks in Paris with Scholz", "paid tribute to X": the noun's phrase hung on its light verb
        objects = [m for p, n in sx.prep_args(head) if p in slots and p != "by"
                   for m in _mentions_expanded(ctx, n) if _allowed_object(ctx, entry, n, m)]
        if not objects and prop in SPEECH_PROPS:  # "renewed its call for a ceasefire"
            objects = [_content(n) for p, n in sx.prep_args(head) if p in slots and p != "by"
                       and n.ent_type_ not in ("DATE", "TIME")][:1]
    if not subjects and sx.dep(tok) in sx.OBJ and sx.lemma_in(head, light):
        subjects = _inherited_subjects(ctx, head)
        scope = head
    elif not subjects and entry.get("speech_subject") and sx.dep(tok) in sx.OBJ \
            and (sx.lookup(head, ctx.gaz.lexicon["verbs"])[1] or {}).get("mode") == "speech":
        subjects = _inherited_subjects(ctx, head)  # "stressed the need for a ceasefire": the speaker's demand
        scope = anchor = head  # made as the speech act is, not claimed by it
    elif not subjects and sx.dep(tok) in sx.POBJ | sx.NOUN_OBL and sx.prep_of(tok) in ("of", "in", "for", "to") and head.pos_ in ("VERB",):
        # "boasting of capturing", "gearing up for an offensive"
        subjects = _inherited_subjects(ctx, head)
        scope = head
    if not subjects and sx.prep_of(tok) in ("during", "after", "before", "on", "at") and head.pos_ == "VERB":
        subjects = _inherited_subjects(ctx, head)  # "made by Gerasimov during a visit to…"
        scope = head
    if not subjects and sx.dep(tok) in ("appos",):
        return None
    if entry.get("between") and not subjects and not objects:
        # "talks between Russia and Ukraine": the parties
        parties = [m for p, n in sx.prep_args(tok) if p == "between" for m in _mentions_expanded(ctx, n)
                   if m.type in ACTOR_TYPES]
        if len(parties) < 2:
            # "talks between X-ian and Y-ian delegates": one state per coordinated adjective
            parties = [_entry_mention(ctx, a, e) for p, n in sx.prep_args(tok) if p == "between"
                       for m in n.children if sx.dep(m) in sx.AMOD | sx.COMPOUND
                       for a in sx.with_conjuncts(m) if (e := ctx.gaz.country_of_demonym(a.text)) is not None]
        if len(parties) >= 2:
            subjects, objects = parties[:1], parties[1:]
    if prop in SPEECH_PROPS and not objects:
        # "claims that…", "calls to…"; not "territorial claims while buying time" (an adverbial clause)
        comps = [c for c in tok.children if sx.dep(c) in {"acl", "ccomp"}
                 and all(m.lower_ in ("that", "to") for m in c.children if sx.dep(m) == "mark")]
        if comps:
            objects = [_clause_content(comps[0])]
        elif prop in ("demands",):
            objects = [_content(tok)]
    if not objects and entry.get("symmetric") and len(subjects) >= 2 and not any(
            x.i in ctx.groups for x in sx.subjects(scope) if scope is not None):
        # "X and Y held talks", "A, B and C held a call": the participants talk with each other, a statement a pair
        subjects, objects = list(subjects), list(subjects)
    if not objects and subjects and sx.lemma_in(tok, ctx.word_sets["implicit_target_nouns"]) \
            and all(s.type in ACTOR_TYPES for s in subjects):
        # "X's full-scale invasion": the target is settled once the whole article is read (`_implicit_targets`)
        return Frame(token=anchor, prop=prop, subjects=subjects, objects=[], mode="implicit_target", scope=scope)
    if not objects:
        if entry.get("need_obj"):
            return None
        if prop in ("attacks", "invades", "strikes", "captures", "meets", "negotiatesWith", "visits", "evacuates",
                    "deploys", "supports", "withdrawsFrom", "orders", "rejects"):
            # "Russia's offensive", "evacuation efforts": the event without a named target
            if prop in ("meets", "negotiatesWith"):
                return None
            objects = []
        else:
            return None
    if not objects:
        return None
    prop, objects, mode = _actor_reading(entry, prop, objects, entry.get("mode"))
    return Frame(token=anchor, prop=prop, subjects=subjects, objects=objects, mode=mode,
                 symmetric=bool(entry.get("symmetric")), scope=scope)


def _actor_reading(entry: dict, prop: str, objects: list, mode: str | None) -> tuple[str, list, str | None]:
    """'concern about the PRC's actions' condemns the PRC, 'concern over the violence' claims it; 'the importance
    of Qatar' praises Qatar: an entry's 'actor_p' is its property when its object is an actor."""
    actors = [o for o in objects if isinstance(o, Mention) and o.type in ACTOR_TYPES] if entry.get("actor_p") else []
    return (entry["actor_p"], actors, None) if actors else (prop, objects, mode)


# --- modality ------------------------------------------------------------------------------------

def modality_of(ctx: Context, token: Token) -> tuple[str, Mention | None]:
    """The modality of a relation whose predicate is `token` (memoized per document); see `_modality_of`."""
    found = ctx.modalities.get(token.i)
    if found is None:
        found = ctx.modalities[token.i] = _modality_of(ctx, token)
    return found


@dataclass
class _NodeInfo:
    """What the modality walk needs to know about one token, computed once per document."""

    flags: frozenset[str]  # modalities its own modifiers give it
    according: Mention | None
    negated: bool
    conditional_children: frozenset[int]  # advcl children introduced by "if"/"unless"
    marked_if: bool
    modal: bool
    would: bool
    future: bool
    alleged: bool
    to_marked: bool
    plan_object: bool
    is_verb: bool
    entry: dict | None
    plan_verb: bool
    negative_verb: bool
    plan_adjective: bool


def _node_info(ctx: Context, node: Token) -> _NodeInfo:
    info = ctx.node_info.get(node.i)
    if info is not None:
        return info
    lex = ctx.gaz.lexicon
    hypo, allege, future = ctx.word_sets["hypo"], ctx.word_sets["allege"], ctx.word_sets["future"]
    flags: set[str] = set()
    if node.pos_ in ("NOUN", "PROPN"):
        for c in node.lefts:
            for t in c.subtree:
                low = t.lower_
                if low == "possible" and t.i > 0 and (t.doc[t.i - 1].tag_ == "JJS" or t.doc[t.i - 1].lower_ == "as"):
                    continue  # "the strongest possible terms", "as soon as possible"
                if low in ("potential", "possible", "hypothetical"):
                    flags.add("Hypothetical")
                elif low in ("planned", "intended", "upcoming", "proposed", "expected"):
                    flags.add("Planned")
                elif low in ("alleged", "purported"):
                    flags.add("Claimed")
    kids = [(sx.dep(c), c.lower_, c) for c in node.children]
    # "would" on a verb: a hypothesis, or the future seen from the past in reported speech ("said it would deploy")
    verbal = (node.pos_ == "VERB" or node.tag_.startswith("VB")) and not any(d == "cop" for d, _l, _c in kids)
    conditional = set()
    for d, low, c in kids:
        if d in sx.AUX and low in ("could", "might", "may") or d in sx.AUX and low == "would" and not verbal:
            flags.add("Hypothetical")
        if d in sx.AUX and low in _stance_words()["deontic_aux"]:
            flags.add("Planned")  # "the forces should withdraw": demanded, not done
        if d in sx.AUX and low in future:
            flags.add("Planned")
        if d == "mark" and low in ("if", "unless", "whether"):
            flags.add("Hypothetical")
        if d == "advmod" and low in hypo:
            flags.add("Hypothetical")
        if d == "advmod" and low in allege:
            flags.add("Claimed")
        if d in sx.AMOD and low in ("potential", "possible", "hypothetical") and not (
                low == "possible" and c.i > 0 and (c.doc[c.i - 1].tag_ == "JJS" or c.doc[c.i - 1].lower_ == "as")):
            flags.add("Hypothetical")
        if d in sx.AMOD and low in ("planned", "intended", "upcoming", "proposed", "future", "expected"):
            flags.add("Planned")
        if d in sx.AMOD and low in ("alleged", "reported", "purported"):
            flags.add("Claimed")
        if d == "advcl" and any(sx.dep(m) == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            conditional.add(c.i)
        if d in sx.SUBJ | sx.SUBJ_PASS and any(x.lower_ == "any" and sx.dep(x) == "det" for x in c.children):
            flags.add("Hypothetical")  # "any NATO troops deployed to Ukraine": troops that may never be there
    according = None
    for prep, noun in sx.prep_args(node):
        if prep == "according to":
            flags.add("Claimed")
            according = according or _mention_at(ctx, noun)
    is_verb = node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB")
    entry = sx.lookup(node, lex["verbs"] if is_verb else lex["nouns"])[1]
    info = _NodeInfo(
        flags=frozenset(flags), according=according, negated=sx.is_negated(node),
        conditional_children=frozenset(conditional),
        marked_if=any(d == "mark" and low in ("if", "unless") for d, low, _ in kids),
        modal=any(d in sx.AUX and low in ("could", "might", "may") or d in sx.AUX and low == "would" and not verbal
                  for d, low, _ in kids),
        would=verbal and any(d in sx.AUX and low == "would" for d, low, _ in kids),
        future=any(d in sx.AUX and low in future for d, low, _ in kids),
        alleged=any(d == "advmod" and low in allege for d, low, _ in kids),
        to_marked=any(d == "mark" and low == "to" for d, low, _ in kids),
        plan_object=any(d in sx.OBJ and low in ctx.word_sets["plan_nouns"] for d, low, _ in kids),
        is_verb=is_verb, entry=entry,
        plan_verb=sx.lemma_in(node, ctx.word_sets["plan_verbs"]) is not None,
        negative_verb=sx.lemma_in(node, ctx.word_sets["negative_verbs"]) is not None,
        plan_adjective=node.pos_ == "ADJ" and sx.lemma_in(node, ctx.word_sets["plan_verbs"] | PLAN_ADJECTIVES) is not None,
    )
    ctx.node_info[node.i] = info
    return info


MILITARY_ADJECTIVES = rule_words().military_adjectives
GATHERING_NOUNS = rule_words().gathering_nouns
TEMPORAL_MARKS = rule_words().temporal_marks
CIRCUMSTANCE_PREPS = rule_words().circumstance_preps
EMBEDDING = frozenset({"ccomp", "parataxis", "xcomp", "acl", "advcl", "obj", "dobj", "csubj", "pcomp", "pobj", "nmod",
                       "obl", "prep", "acl:relcl", "relcl"})


def _trailing_speech(verb: Token) -> bool:
    """', the military said' after a clause: a parataxis, or a conjunct with a subject, no conjunction and
    nothing said of its own (', regional governor Oleh Kiper said on Saturday' misparsed as a conjunct)."""
    if sx.dep(verb) == "parataxis":
        return True
    return sx.dep(verb) == "conj" and bool(sx.children(verb, sx.SUBJ)) and not any(
        sx.dep(c) in {"cc", "ccomp", "obj", "dobj", "xcomp", "parataxis", "iobj"} for c in verb.children)


def _modality_of(ctx: Context, token: Token) -> tuple[str, Mention | None]:
    """The modality of a relation whose predicate is `token`, and who it is attributed to.

    Walks from the predicate up through the clauses that embed it: negation,
    modal and future auxiliaries, 'if' clauses, plan/directive/speech/denial
    verbs and nouns; the first modality in the order of CONTRACT.md §3 wins.
    """
    plan_nouns = ctx.word_sets["plan_nouns"]
    allege = ctx.word_sets["allege"]
    anchor = _speech_anchor(ctx, token)
    if anchor is not None:
        token = anchor  # "…, adding that…" is said as the verb it continues is
    info = _node_info(ctx, token)
    flags: set[str] = set(info.flags)
    if info.conditional_children:
        flags.add("Hypothetical")  # "seize both regions if Ukraine refused": the consequence holds only under it
    if info.negated:
        flags.add("Negated")
    claimant: Mention | None = info.according
    soft_negation = False
    circumstance = False  # "made by X during a visit to Y": the visit is when it was said, not what was said
    would = info.would  # resolved at the end: future in the past under a past speech verb, else a hypothesis
    reported_past = False
    node = token
    visited = [token]
    steps = 0
    while node.head.i != node.i and steps < 12:
        steps += 1
        child, node = node, node.head
        visited.append(node)
        rel = sx.dep(child)
        if rel in sx.REL_CLAUSE and sx.dep(node) in sx.OBJ | {"iobj", "dative"} and node.head.i != node.i \
                and _that_marked(child) \
                and (_node_info(ctx, node.head).entry or {}).get("mode") == "speech":
            # "told reporters that Russia would not accept…" read as a relative clause on "reporters"
            node, rel = node.head, "ccomp"
        if rel in sx.NOUN_OBL | sx.POBJ and (sx.prep_of(child) in CIRCUMSTANCE_PREPS or sx.prep_of(child) in ("at", "in")
                                             and sx.lemma_in(child, GATHERING_NOUNS)):
            circumstance = True  # "said during a visit", "speaking at a meeting with…", "in his meeting with X, …"
        if rel == "advcl" and any(sx.dep(m) == "mark" and m.lower_ in TEMPORAL_MARKS for m in child.children) \
                and (_node_info(ctx, node).entry or {}).get("mode") in ("speech", "allege", "deny"):
            circumstance = True  # "accused Russia … after a drone attack killed four people": when, not what
        child_info, info = info, _node_info(ctx, node)
        if rel == "advcl" and child_info.marked_if or info.conditional_children - {child.i}:
            flags.add("Hypothetical")  # in an "if" clause, or in a clause that holds only under a condition
        if rel == "conj":
            continue
        # "allegations that Ukraine targeted…" is content, even with "that" misread as a relative pronoun
        # beside the clause's own subject; "an allegation Israel rejected" is a relative clause
        thats = [m for m in child.children if m.lower_ == "that" and m.i < child.i]
        content_clause = any(sx.dep(m) == "mark" for m in thats) or bool(thats) and len(
            [c for c in child.children if sx.dep(c) in sx.SUBJ | sx.SUBJ_PASS]) > 1
        if rel in sx.REL_CLAUSE and not (node.pos_ == "NOUN" and content_clause
                                         and (node.lower_ in allege or node.lower_ in plan_nouns)):
            break  # a relative clause is a statement of its own about its noun ("allegations that…" is content)
        if rel == "acl" and child.tag_ == "VBN" and node.pos_ in ("NOUN", "PROPN") \
                and not (node.lower_ in allege or sx.lemma_in(node, plan_nouns)):
            # "territories seized by Russia": a reduced relative, a statement of its own about its noun;
            # "any troops deployed to Ukraine" speaks of troops that may not exist
            if any(c.lower_ in ("any", "whatever") for c in node.children):
                flags.add("Hypothetical")
            break
        entry = info.entry
        mode = entry.get("mode") if entry else None
        if info.plan_adjective and rel in ("xcomp", "ccomp", "advcl", "acl"):
            flags.add("Planned")  # "ready to meet", "willing to negotiate"
        if rel in ("advcl", "xcomp") and child_info.to_marked and info.plan_object:
            flags.add("Planned")  # "reaffirming his commitment to defending"
        if info.is_verb:
            if info.plan_verb and (rel in ("xcomp", "ccomp", "obl", "pcomp", "prep", "advcl")
                                   or rel in sx.OBJ and child.pos_ == "NOUN"
                                   and not sx.lemma_in(node, ctx.word_sets["plan_verbs_by_clause"])):
                flags.add("Planned")  # "preparing a new offensive": an event noun a plan verb governs is not done
            if info.negative_verb and rel == "xcomp":
                soft_negation = True  # "failed to take"; but "if Ukraine refused to withdraw" is a hypothesis
            if info.modal:
                flags.add("Hypothetical")
            if info.would:
                would = True
            if info.future and rel == "xcomp":
                flags.add("Planned")
            if info.alleged:
                flags.add("Claimed")
            if info.marked_if and rel in ("xcomp", "ccomp", "obj", "dobj"):
                flags.add("Hypothetical")
        if node.pos_ == "ADJ" and node.lower_ in ("unlikely", "likely", "possible", "impossible") and \
                rel in ("csubj", "ccomp", "xcomp", "nsubj"):
            flags.add("Hypothetical")
        if node.pos_ == "NOUN" and sx.lemma_in(node, plan_nouns) and \
                rel in ("acl", "xcomp", "nmod", "pobj", "prep", "pcomp", "compound", "amod", "ccomp"):
            flags.add("Hypothetical" if sx.lemma_in(node, ("possibility", "prospect", "potential")) else "Planned")
        if circumstance:
            flags |= info.flags & {"Hypothetical", "Negated"}
            continue
        if node.lower_ in allege and node.pos_ == "NOUN" and \
                rel in ("acl", "ccomp", "nmod", "pobj", "prep", "acl:relcl", "relcl"):
            flags.add("Claimed")
        if mode and rel in EMBEDDING:
            if mode == "speech" and rel in ("ccomp", "parataxis", "obj", "dobj", "advcl", "pcomp", "pobj", "prep",
                                            "obl", "xcomp", "acl"):
                if not entry.get("factive") and not (rel in ("obj", "dobj") and (child.ent_type_ == "MONEY"
                                                                               or child.text == "$")):
                    flags.add("Claimed")  # (but "announced $5 million in aid" gives it: announced as made)
                if node.tag_ in ("VBD", "VBN") and rel in ("ccomp", "parataxis", "xcomp"):
                    reported_past = True
                # "…, boasting of capturing": a participle's speaker is borrowed; an outer speech verb names it
                borrowed = node.tag_ == "VBG" and sx.dep(node) == "advcl" and not sx.subjects(node) and any(
                    (_node_info(ctx, a).entry or {}).get("mode") == "speech" for a in node.ancestors)
                if claimant is None and not borrowed:
                    claimant = _speaker(ctx, node)
            elif mode == "deny" and rel in ("ccomp", "obj", "dobj", "xcomp", "parataxis", "acl:relcl", "relcl"):
                flags.add("Denied")
                claimant = _speaker(ctx, node) or claimant
            elif mode == "allege":
                flags.add("Claimed")
                if claimant is None:
                    claimant = _speaker(ctx, node)
            elif mode == "directive" and rel in ("xcomp", "ccomp", "obj", "dobj", "pcomp", "pobj", "prep", "obl",
                                                 "advcl", "acl"):
                flags.add("Planned")
            elif mode == "negative" and rel in ("xcomp", "obj", "dobj"):
                soft_negation = True
        flags |= info.flags
        if claimant is None and info.according is not None:
            claimant = info.according
    if would:
        flags.add("Planned" if reported_past else "Hypothetical")
    if claimant is None and "Claimed" not in flags:
        # "Israel launched a ground offensive, the Israeli military said": the speech verb after the clause
        for n in visited:
            said = next((c for c in n.children if _trailing_speech(c) and c.i > n.i and c.i != token.i
                         and (_node_info(ctx, c).entry or {}).get("mode") == "speech"), None)
            if said is not None:
                flags.add("Claimed")
                claimant = _speaker(ctx, said)
                break
    if soft_negation and "Hypothetical" not in flags:
        flags.add("Negated")
    for name in MODALITIES:
        if name in flags:
            return name, claimant
    return "Asserted", claimant


def _speaker(ctx: Context, node: Token) -> Mention | None:
    """Who speaks, denies or alleges: the verb's subject, or the possessor of a noun ('Russia's assertion')."""
    if node.pos_ in ("VERB", "AUX"):
        found = _inherited_subjects(ctx, node)
    else:
        poss = sx.possessor(node)
        found = _mentions_of(ctx, [poss]) if poss is not None else []
    return found[0] if found else None


# --- emitting relations ----------------------------------------------------------------------------

def _evidence(ctx: Context, a: Token, b: Token) -> str:
    left = min(a.left_edge.i if a.pos_ == "VERB" else a.i, b.i)
    right = max(a.i, b.right_edge.i if b.right_edge.i - b.i < 12 else b.i)
    sent = a.sent
    left, right = max(left, sent.start), min(right, sent.end - 1)
    return ctx.doc[left:right + 1].text[:CONTENT_LIMIT]


def _add(ctx: Context, number: int, subject: Mention, prop: str, obj, *, modality: str = "Asserted",
         claimant: Mention | None = None, date: str | None = None, place: Mention | None = None,
         quantity: Quantity | None = None, role: str | None = None, evidence: str = "",
         token: Token | None = None) -> int | None:
    if isinstance(obj, Mention) and obj.key == subject.key:
        return None
    if prop in _stance_words()["self_acts"] and isinstance(obj, Mention) and subject.type == "Person" \
            and obj.key in (ctx.index.leads.get(subject.key, ""), getattr(_state_of(ctx, subject), "key", "")):
        return None  # "I will protect our interests": a leader's own state
    if isinstance(obj, Content) and prop in ("orders", "meets", "negotiatesWith") and obj.text.split() and (
            obj.text.split()[0].lower() in voice_words().first_singular | voice_words().first_plural
            or all(w.lower() in ctx.finder.all_titles | ctx.finder.title_words | {"the"} for w in obj.text.split())):
        return None  # "my national security team", "the Secretary": one's own staff, an office without a name
    if prop in ("attacks", "strikes") and isinstance(obj, Content) and obj.text.split() \
            and obj.text.split()[-1].lower() in _stance_words()["figurative_targets"]:
        return None  # "an assault on the country's transition": a figure of speech
    if prop in DOMAINS and subject.type not in DOMAINS[prop] or \
            prop in RANGES and isinstance(obj, Mention) and obj.type not in RANGES[prop]:
        return None  # the ontology's domain and range: a leader leads a country or body, not a person
    rel = Relation(doc_id=ctx.document.doc_id, sentence=number, subject=subject, predicate=prop,
                   object=obj, modality=modality, claimant=claimant, date=date, place=place,
                   quantity=quantity, role=role, evidence=evidence)
    for i, existing in enumerate(ctx.relations):
        if _same(existing, rel):
            return i
    ctx.relations.append(rel)
    idx = len(ctx.relations) - 1
    if token is not None:
        ctx.frames_by_token.setdefault(token.i, []).append(idx)
    return idx



def _same(a: Relation, b: Relation) -> bool:
    def okey(o):
        return o.key if isinstance(o, Mention) else o
    if a.sentence != b.sentence or a.predicate != b.predicate or a.modality != b.modality:
        return False
    if a.subject.key == b.subject.key and okey(a.object) == okey(b.object):
        return True
    # a symmetric relation stated once: "A meets B" is "B meets A"
    return a.predicate in SYMMETRIC_PROPERTIES and isinstance(b.object, Mention) and isinstance(a.object, Mention) \
        and a.subject.key == b.object.key and okey(a.object) == b.subject.key


def _qualifiers(ctx: Context, frame: Frame) -> tuple[str | None, Mention | None, Quantity | None]:
    tok = frame.token
    date = None
    place = None
    quantity = None
    nodes = [tok]
    if frame.scope is not None and frame.scope is not tok:
        nodes.append(frame.scope)
    # dates and places attached to the predicate (or to a "during X" nominal it governs)
    for node in nodes:
        for prep, noun in sx.prep_args(node):
            ent_date = _date_in(ctx, noun)
            if ent_date and date is None:
                date = ent_date
            ment = ctx.index.get(noun)
            if prep in ("in", "at", "near") and ment is not None and ment.type in PLACE_TYPES and place is None:
                if not any(isinstance(o, Mention) and o.key == ment.key for o in frame.objects):
                    place = ment
            if prep in ("during", "at", "in") and ment is None and noun.pos_ == "NOUN":
                for p2, n2 in sx.prep_args(noun):
                    m2 = ctx.index.get(n2)
                    if p2 in ("in", "at") and m2 is not None and m2.type in PLACE_TYPES and place is None:
                        place = m2
        for c in node.children:
            if sx.dep(c) in ("obl:tmod", "npadvmod", "nmod:tmod", "advmod", "obl:npmod") and date is None:
                date = _date_in(ctx, c)
    for obj in frame.objects:
        if isinstance(obj, Quantity):
            quantity = obj
        elif isinstance(obj, Content) and quantity is None and frame.prop in ("captures", "estimates", "supports",
                                                                              "withdrawsFrom", "claims", "disputes"):
            qs = parse_quantities(obj.text)
            quantity = qs[0] if qs else None
    if quantity is None and frame.prop in ("supports", "captures", "estimates"):
        for c in tok.subtree:
            if c.ent_type_ in ("MONEY", "QUANTITY") and c.i > tok.i and c.i - tok.i < 12:
                qs = parse_quantities(ctx.doc[c.i:min(c.i + 5, c.sent.end)].text if c.ent_iob_ != "B" else
                                      next((e.text for e in ctx.ents if e.start == c.i), c.text))
                if qs:
                    quantity = qs[0]
                    break
    return date, place, quantity


def _date_in(ctx: Context, tok: Token) -> str | None:
    for t in tok.subtree:
        if t.ent_type_ in ("DATE", "TIME"):
            ent = next((e for e in ctx.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                text = ent.text
                prev = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
                if prev in ("early", "late", "mid"):
                    text = prev + " " + text
                return resolve_date(text, ctx.base_date)
    if tok.lower_ in ("ago",) or any(t.lower_ == "ago" for t in tok.subtree):
        return resolve_date(ctx.doc[tok.left_edge.i:tok.right_edge.i + 1].text, ctx.base_date)
    return None


def _link_reports(ctx: Context, speech: list[tuple[list[int], Token]]) -> None:
    """A speech act reports the relations whose predicates lie in its complement clause."""
    for indices, complement in speech:
        inside = {t.i for t in complement.subtree}
        reported = sorted({i for tok_i, rels in ctx.frames_by_token.items() if tok_i in inside for i in rels}
                          - set(indices))
        if not reported:
            continue
        for i in indices:
            ctx.relations[i] = replace(ctx.relations[i], reports=tuple(reported))


HEAD_OFFICES = rule_words().head_offices
STATE_ACTS = frozenset({"captures", "annexes", "attacks", "withdrawsFrom"})
"""Acts of war that a state carries out: a head of state named as their agent stands for the state."""


def _state_of(ctx: Context, person: Mention) -> Mention | None:
    """The country a person leads, from world knowledge or from a title in this document."""
    entry = ctx.gaz.entries.get(person.key)
    code = entry.country if entry is not None and (entry.office or "").lower() in HEAD_OFFICES else None
    country = ctx.gaz.country(code) if code else None
    if country is None:
        for rel in ctx.relations:
            if rel.predicate == "leaderOf" and rel.subject.key == person.key and isinstance(rel.object, Mention) \
                    and rel.object.type == "Country" and rel.role and "former" not in rel.role.lower():
                return replace(person, type="Country", key=rel.object.key, name=None, wikidata=rel.object.wikidata)
        return None
    return replace(person, type="Country", key=country.key, name=None, wikidata=country.wikidata)


def _own_refusal(ctx: Context, frame: Frame, modality: str, claimant: Mention | None) -> Frame | None:
    """A speaker saying they will not do something rejects doing it: the frame of that rejection."""
    tok = frame.token
    if modality != "Negated" or claimant is None or frame.prop in SPEECH_PROPS | STANDING | {"rejects"} \
            or not tok.tag_.startswith("VB"):
        return None
    if not any(sx.dep(c) in sx.AUX and c.lower_ in ("will", "would", "shall", "wo") for c in tok.children):
        return None
    state = _state_of(ctx, claimant) if claimant.type == "Person" else None
    # the speaker, or the state a speaking leader heads ("Putin said Moscow would not freeze the conflict")
    own = [s for s in _mentions_of(ctx, sx.subjects(tok)) if s.key == claimant.key or state and s.key == state.key]
    if not own:
        return None
    content = Content(text=" ".join(t.text for t in tok.subtree if t.i >= tok.i).strip(" ,.")[:CONTENT_LIMIT])
    return Frame(token=tok, prop="rejects", subjects=own, objects=[content], mode=None, scope=tok)


def _stance_words() -> dict[str, frozenset[str]]:
    return _pattern_words("stance.json")


def _need_nouns() -> frozenset[str]:
    return _stance_words()["need_nouns"]


def _weapon_launches(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'X launched 200 ballistic missiles at Y', 'fired waves of drones against cities': launching a
    weapon at a target attacks it."""
    words = _stance_words()
    lemma, pos = ctx.words.lemma, ctx.words.pos
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or lemma[i] not in words["launch_verbs"]:
            continue
        tok = ctx.words.tokens[i]
        weapons = [o for o in sx.objects(tok) if o.lower_ in ctx.finder.weapon_nouns
                   or any(p == "of" and n.lower_ in ctx.finder.weapon_nouns for p, n in sx.prep_args(o))]
        if not weapons:
            continue
        inner = [n for w in weapons for p, n in sx.prep_args(w) if p == "of"]  # "waves of missiles"
        targets = [n for p, n in sx.prep_args(tok) if p in words["target_preps"]]
        targets += [n for w in weapons + inner for c in sx.with_conjuncts(w) for p, n in sx.prep_args(c)
                    if p in words["target_preps"]]
        if not targets:
            continue
        objects: list = []
        for n in targets:
            found = [m for m in _mentions_expanded(ctx, n) if m.type in ACTOR_TYPES | PLACE_TYPES]
            objects += found or [_content(n)]
        subjects = _inherited_subjects(ctx, tok)
        if subjects and objects:
            yield Frame(token=tok, prop="attacks", subjects=subjects, objects=objects, scope=tok)


def _money_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'$1 billion for the X Air Force', 'requested $300 million in assistance to X': money given for or to an actor
    is the giver's support of it (the giver: the clause's subject, else the document's voice)."""
    if "$" not in ctx.lower_text(sent) and "dollar" not in ctx.lower_text(sent):
        return
    for tok in _tokens_with(ctx, sent, {"$"}):
        head = tok.head if tok.head.i != tok.i else tok
        while head.pos_ == "NUM" and head.head.i != head.i:
            head = head.head
        nouns = [head] + [n for p, n in sx.prep_args(head) if p == "in"]
        recipients: list[Mention] = []
        for noun in nouns:
            for p, n in sx.prep_args(noun):
                if p in ("for", "to"):
                    for c in sx.with_conjuncts(n):
                        m = _mention_at(ctx, c)
                        if m is not None and m.type in ("Country", "Organization", "MilitaryUnit"):
                            recipients.append(m)
        verb = head if head.pos_ in ("VERB", "AUX") else next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")),
                                                               None)
        if not recipients and verb is not None:
            # "announced $5 million and released $3 million to help the X people": the purpose clause of the
            # giving verb, or of the verb coordinated with it
            givers = [verb] + [c for c in verb.children if sx.dep(c) == "conj" and c.pos_ == "VERB"] \
                + ([verb.head] if sx.dep(verb) == "conj" else []) + [t for t in tok.subtree if t.pos_ in ("NUM", "SYM")]
            for giver in givers:
                for purpose in giver.children:
                    if sx.dep(purpose) in ("advcl", "xcomp", "acl") and purpose.i > giver.i \
                            and sx.lemma_in(purpose, _stance_words()["aid_purpose_verbs"]) \
                            and any(m.lower_ == "to" for m in purpose.children):
                        recipients += [m for o in sx.objects(purpose) for c in sx.with_conjuncts(o)
                                       if (m := _mention_at(ctx, c)) is not None
                                       and m.type in ("Country", "Organization", "MilitaryUnit")]
        if not recipients:
            continue
        subjects = _inherited_subjects(ctx, verb) if verb is not None else []
        if not subjects and ctx.voice is not None and ctx.voice.body is not None:
            subjects = [replace(ctx.voice.body, start=tok.idx, end=tok.idx + 1, surface=tok.text)]
        subjects = [x for x in subjects if x.type in ("Country", "Organization", "Person")]
        if subjects:
            yield Frame(token=verb or head, prop="supports", subjects=subjects, objects=recipients, scope=verb or head)


def _voice_demands(ctx: Context, sent: Span, number: int) -> None:
    """'All parties must allow humanitarian access', 'the forces should withdraw', in the document's own voice: the
    speaker demands it (the act itself is Planned)."""
    voice = ctx.voice
    if voice is None or (voice.author is None and voice.body is None):
        return
    deontic = _stance_words()["deontic_aux"]
    for tok in _tokens_with(ctx, sent, deontic):
        if sx.dep(tok) not in sx.AUX:
            continue
        verb = tok.head
        if any((e := sx.lookup(a, ctx.gaz.lexicon["verbs"])[1] or {}).get("mode") in ("speech", "directive")
               or e.get("that_p") or e.get("p") in SPEECH_ACTS for a in verb.ancestors) or tok.i in ctx.finder.quoted:
            continue  # someone else's words
        subjects = sx.subjects(verb) + sx.children(verb, sx.SUBJ_PASS)
        if not subjects or any(s.lower_ in voice_words().first_plural | voice_words().first_singular
                               for s in subjects):
            continue  # "we must…" is a commitment, not a demand of others
        speaker = voice.speaker_at(tok.idx) or voice.body
        if speaker is None:
            continue
        _add(ctx, number, speaker, "demands", _clause_content(verb), evidence=_clause_content(verb).text[:120],
             token=tok)


def _stance_of_need(ctx: Context, frame: Frame) -> Frame:
    """'stressed the need for X', 'underscored the importance of X': a demand for X (praise of X when X is an
    actor), not a claim; so is 'reiterated that X must…' said of others."""
    if frame.prop != "claims" or frame.token.pos_ not in ("VERB", "AUX"):
        return frame
    comp = frame.complement
    if comp is not None and any(sx.dep(c) in sx.AUX and c.lower_ in _stance_words()["deontic_aux"]
                                for c in comp.children) \
            and not any(c.lower_ in FIRST_PERSON for c in sx.subjects(comp)):
        return replace(frame, prop="demands")
    need = next((o for o in sx.objects(frame.token) if o.lower_ in _need_nouns() or o.lemma_ in _need_nouns()), None)
    if need is None:
        return frame
    args = list(sx.prep_args(need)) or [(p, n) for p, n in sx.prep_args(frame.token) if n.i > need.i]
    for prep, noun in args:
        if prep in ("of", "for"):
            ment = _mention_at(ctx, noun)
            if ment is not None and ment.type in ACTOR_TYPES and not any(
                    sx.dep(c) in ("acl", "relcl", "acl:relcl") for c in noun.children):
                return replace(frame, prop="praises", objects=[ment], complement=None)
            text = _content(noun) if noun.pos_ in ("NOUN", "PROPN") else _clause_content(noun)
            return replace(frame, prop="demands", objects=[Content(text=text.text if isinstance(text, Content) else text)],
                           complement=None)
    for c in need.children:
        if sx.dep(c) in ("acl", "xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            return replace(frame, prop="demands", objects=[_clause_content(c)], complement=None)
    return frame


def _seized_power(ctx: Context, frame: Frame) -> Frame:
    """'The military's seizure of power in X', 'seized power': a seizure of power captures the country."""
    if frame.prop != "captures" or not frame.objects or not all(
            isinstance(o, Content) and re.sub(r"^the ", "", o.text.lower()) in _stance_words()["power_nouns"]
            for o in frame.objects):
        return frame
    tok = frame.token
    places = [m for p, n in sx.prep_args(tok) if p == "in" for m in _mentions_expanded(ctx, n) if m.type == "Country"]
    if not places:
        codes = {_country_code(ctx, s) for s in frame.subjects} - {None}
        places = [_entry_mention(ctx, tok, ctx.gaz.country(c)) for c in sorted(codes) if ctx.gaz.country(c)]
    return replace(frame, objects=places[:1]) if places else frame


PLACE_OBJECT_PROPS = frozenset({"visits", "attacks", "captures", "defends", "withdrawsFrom", "evacuates"})


def _places_of_objects(ctx: Context, frame: Frame) -> Frame:
    """'visited air bases in X and Y', 'struck depots in X': where the object is a thing the text
    names no entity for, the places it lies in are what was visited or struck."""
    if frame.prop not in PLACE_OBJECT_PROPS or not frame.objects or not all(isinstance(o, Content)
                                                                               for o in frame.objects):
        return frame
    tok = frame.token
    nouns = sx.objects(tok) if tok.pos_ in ("VERB", "AUX") else [n for p, n in sx.prep_args(tok)]
    places = [m for o in nouns for p, n in sx.prep_args(o) if p in ("in", "at", "near", "across")
              for m in _mentions_expanded(ctx, n) if m.type in PLACE_TYPES]
    return replace(frame, objects=places) if places else frame


def _emit(ctx: Context, frame: Frame, number: int) -> list[int]:
    added: list[int] = []
    frame = _places_of_objects(ctx, _seized_power(ctx, _stance_of_need(ctx, frame)))
    subjects = [s for s in frame.subjects if s.type in ACTOR_TYPES or frame.prop in STANDING]
    if frame.prop in STATE_ACTS:
        # "Putin plans to seize Sumy": the state acts through its leader
        subjects = [(_state_of(ctx, s) or s) if s.type == "Person" else s for s in subjects]
    if not subjects:
        return added
    modality, claimant = modality_of(ctx, frame.token)
    if frame.mode == "according":
        modality, claimant = "Asserted", None  # the article states that the source says so
    elif frame.prop in SPEECH_PROPS and modality in ("Claimed",) and frame.mode in ("speech", "allege"):
        # a speech act reported by someone else is still a speech act the article asserts happened
        modality = "Asserted"
    if frame.mode == "refusal" and modality == "Negated" or frame.mode == "announced" and modality == "Planned":
        # "we will never recognise X" rejects X; "we stand ready to impose costs on X" threatens X: performed now,
        # or reported ("a spokesman said Ruritania would not accept…" is a rejection claimed by him)
        modality = "Claimed" if claimant is not None else "Asserted"
    elif frame.mode == "announced" and modality == "Asserted":
        return added  # "imposed sanctions on X" is a measure taken, not a threat
    if modality == "Claimed" and claimant is not None and any(s.key == claimant.key for s in subjects) \
            and (claimant.surface.lower() in FIRST_PERSON or frame.token.pos_ in ("NOUN", "PROPN")
                 and _own_stance(ctx, frame.token, {claimant.key})):
        # "We reaffirm our commitment to X": in the first person the statement performs the stance
        modality, claimant = "Asserted", None
    if modality == "Asserted" and ctx.voice is not None and ctx.voice.turns:
        # a transcript's turn is its speaker's direct speech: what it states is claimed; the acts it performs
        # (appeals, accusations, praise) are the speaker's, as the text shows them
        speaker = ctx.voice.speaker_at(frame.token.idx)
        if speaker is not None and (ctx.voice.author is None or speaker.key != ctx.voice.author.key):
            own_act = frame.prop in SPEECH_ACTS and any(s.key == speaker.key for s in subjects)
            if not own_act and frame.prop not in STANDING:
                modality, claimant = "Claimed", speaker
    date, place, quantity = _qualifiers(ctx, frame)
    evidence_tok = frame.token
    refusal = _own_refusal(ctx, frame, modality, claimant)
    if refusal is not None:
        # "he will not concede any territory", said by himself: a rejection, not a negated act
        frame = refusal
        subjects, modality = frame.subjects, "Asserted"
    for subject in subjects:
        for obj in frame.objects:
            if isinstance(obj, Mention) and obj.key == subject.key:
                continue
            if isinstance(obj, Mention) and frame.prop not in ("claims",) and obj.type not in ACTOR_TYPES | PLACE_TYPES | {"Weapon", "Agreement", "Event"}:
                continue
            ev = _evidence(ctx, evidence_tok, evidence_tok)
            idx = _add(ctx, number, subject, frame.prop, obj, modality=modality, claimant=claimant,
                       date=date, place=place, quantity=quantity, evidence=ev, token=frame.token)
            if idx is not None:
                added.append(idx)
    return added


CHARGE_NOUN = re.compile(r"\b(" + "|".join(sorted(w + "s?" for w in rule_words().charge_nouns)) + ")$")
ANAPHORIC_CHARGE = re.compile("^(" + "|".join(sorted(rule_words().anaphoric_determiners)) + r")\b.*\b("
                              + "|".join(sorted(w + "s?" for w in rule_words().anaphoric_charge_nouns)) + ")$")


def _denial_copies(ctx: Context) -> None:
    """A denial of 'these accusations' or of a clause gives the denied relation again, as Denied."""
    rels = ctx.relations
    for i, rel in enumerate(list(rels)):
        if rel.predicate != "denies" or rel.modality != "Asserted":
            continue
        text = getattr(rel.object, "text", "").lower()
        if not (text in ("it", "this", "that", "them", "these", "those") or ANAPHORIC_CHARGE.match(text)):
            continue  # "denied that foreign troops were fighting": the clause itself is what is denied
        prior = [r for r in rels[:i] if r.modality == "Claimed" and r.sentence >= rel.sentence - 2
                 and r.predicate not in SPEECH_PROPS]
        if not prior:
            continue
        latest = max(r.sentence for r in prior)
        for r in prior:
            if r.sentence == latest:
                copy = replace(r, modality="Denied", claimant=rel.subject, sentence=rel.sentence, evidence=rel.evidence)
                if not any(_same(copy, x) for x in ctx.relations):
                    ctx.relations.append(copy)
