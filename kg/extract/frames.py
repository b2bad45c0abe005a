"""Frames: finding the predicates of a sentence.

`_frames` yields a `Frame` for every verb (`_verb_frame`) and event noun (`_noun_frame`) the lexicon of
`kg/patterns/lexicon.json` knows, and for the constructions with no lexicon verb: presence ('troops in X'),
mistagged speech, 'according to', weapon launches and money given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon.words import (
    AGENT_PREP,
    ATTRIBUTION_PREP,
    ATTRIBUTION_WORD,
    COMITATIVE_PREP,
    COMPLEMENTIZER,
    DEFINITE_ARTICLE,
    GENITIVE_PREP,
    GOAL_PREP,
    INFINITIVE_MARKER,
    LISTING_PREPS,
    LOCATIVE_PREP,
    SOURCE_PREP,
    rule_words,
)
from ..model import Content, Mention
from ..nlp import syntax as sx
from .arguments import (
    OWNED_OBJECT_PROPS,
    PURPOSE_SUBJECT_PREP,
    _addressee_preps,
    _allowed_object,
    _clause_content,
    _content,
    _inherited_subjects,
    _mention_at,
    _mentions_expanded,
    _mentions_of,
    _objects_for,
    _owners,
    _says_when,
    _span_content,
    for_subject,
)
from .context import (
    CONTENT_LIMIT,
    FIRST_PERSON,
    SPEECH_PROPS,
    STATE_ACTS,
    TERRITORY_NOUNS,
    Context,
    Frame,
    _entry_mention,
    _forces_of,
    _need_nouns,
    _stance_words,
    _that_marked,
    _tokens_with,
)
from .mentions import ACTOR_TYPES, PLACE_TYPES
from .modality import ADVERBIAL_MARKS, _node_info
from .qualifiers import parse_quantities
from .references import _principal, resolve_pronoun

ATTACK_EVENT_NOUNS = rule_words().attack_event_nouns
AUXILIARY_LEMMAS = rule_words().auxiliary_lemmas
ESTABLISH_VERB = rule_words().establish_verb
PRESENCE_PREPS = rule_words().presence_preps
CLAUSE_MARKERS = rule_words().clause_markers
SANCTION_NOUNS = rule_words().sanction_nouns
SANCTION_OR_MEASURE_NOUNS = SANCTION_NOUNS | rule_words().measure_nouns
GENERIC_WEAPON_NOUNS = rule_words().generic_weapon_nouns
ATTACK_PLACE_PREPS = rule_words().attack_place_preps
MEETING_PARTY_PREPS = rule_words().meeting_party_preps
REFERRING_DETERMINERS = rule_words().referring_determiners
CONTROL_NOUNS = rule_words().control_nouns
CONTROL_AREA_PREPS = rule_words().control_area_preps
VERB_COMPLEMENT_PREPS = rule_words().verb_complement_preps
OCCASION_PREPS = rule_words().occasion_preps
CURRENCY_SIGNS = rule_words().currency_signs
CURRENCY_NOUNS = rule_words().currency_nouns
CURRENCY_WORDS = CURRENCY_SIGNS | CURRENCY_NOUNS
MONEY_PROMISE_VERBS = rule_words().money_promise_verbs
HARM_VERBS = rule_words().harm_verbs
RECEIPT_VERBS = rule_words().receipt_verbs
STANCE_RECEIPT_VERBS = rule_words().stance_receipt_verbs
MEANS_PREP = rule_words().means_preposition
AID_RECEIVED_NOUNS = rule_words().aid_received_nouns
STRUCK_PLACE_PREPS = rule_words().struck_place_preps
RESPONSIBILITY_NOUNS = rule_words().responsibility_nouns
RESPONSIBILITY_VERBS = rule_words().responsibility_verbs
RESPONSIBILITY_PREP = rule_words().responsibility_preposition
BENEFICIARY_PREPS = rule_words().beneficiary_preps
RECIPROCAL_PREP = rule_words().reciprocal_preposition
MERIT_NOUNS = rule_words().merit_nouns
GRANTED_NOUNS = rule_words().granted_nouns
DUTY_NOUNS = rule_words().duty_nouns
RECIPROCAL_PRONOUNS = frozenset(tuple(p.split()) for p in rule_words().reciprocal_pronouns)
RECIPROCAL_LIGHT_VERBS = rule_words().reciprocal_light_verbs
STATIONING_VERBS = rule_words().stationing_verbs


def _reciprocal_object(verb: Token) -> bool:
    """Whether a verb's object is a reciprocal pronoun ('accused each other', 'attacked one another')."""
    doc = verb.doc
    return any(o.i + 1 < len(doc) and (o.lower_, doc[o.i + 1].lower_) in RECIPROCAL_PRONOUNS
               for o in verb.children if sx.dep(o) in sx.OBJ)


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
    yield from _receipt_frames(ctx, sent)
    yield from _stance_receipt_frames(ctx, sent)
    yield from _support_by_means_frames(ctx, sent)
    yield from _agreement_parties_frames(ctx, sent)
    yield from _forces_in_place_frames(ctx, sent)
    yield from _accountability_frames(ctx, sent)
    yield from _notice_frames(ctx, sent)
    w = ctx.words
    pos_of, tag_of = w.pos, w.tag
    for i in range(sent.start, sent.end):
        pos, tag = pos_of[i], tag_of[i]
        if pos == "VERB" or (pos == "AUX" and w.lemma[i] not in AUXILIARY_LEMMAS) or tag.startswith("VB"):
            lemma, entry = w.lookup(i, verbs)
            entry = _phrasal_entry(ctx, i, verbs) or entry  # "turned down the offer"
            if entry is None:
                if ESTABLISH_VERB in w.candidates(i):
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
    # "took over X" parsed as 'over X', the particle a preposition of the object right after the verb: the
    # object is found through it, where the entry types its objects
    after = i + 1
    if after < len(w.lower) and w.lower[after] in ctx.word_sets["particles"] and w.head[after] != after \
            and w.head[w.head[after]] == i and sx.dep(w.tokens[after]) in sx.CASE:
        for cand in w.candidates(i):
            entry = verbs.get(f"{cand} {w.lower[after]}")
            if entry is not None and entry.get("obj_types"):  # typed objects only: not 'turned down the road'
                return {**entry, "obj": [*entry.get("obj", ()), w.lower[after]]}
    return None


PRESENCE_WORDS = rule_words().presence_words


def _presence_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'Brazilian forces being present in Peru', 'Chilean troops stationed in Bolivia': the forces' country
    deploys them."""
    low = ctx.lower_text(sent)
    if not any(word in low for word in PRESENCE_WORDS):
        return
    for tok in sent:
        if tok.lower_ not in PRESENCE_WORDS or tok.pos_ not in ("ADJ", "VERB"):
            continue
        if not any(p in PRESENCE_PREPS for p, _ in sx.prep_args(tok)):
            continue
        troops = sx.children(tok, sx.SUBJ | sx.SUBJ_PASS)
        if sx.dep(tok) == "acl" and tok.tag_ == "VBN" and tok.head.lower_ in ctx.finder.military_nouns:
            troops.append(tok.head)  # "any foreign troops deployed to Chile"
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


def _forces_in_place_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'visited Chilean troops in Bolivia and Peru': a state's forces named in a place are deployed there by the
    state (the place a qualifier)."""
    if f" {LOCATIVE_PREP} " not in ctx.lower_text(sent):
        return
    for tok in _tokens_with(ctx, sent, ctx.finder.military_nouns):
        if tok.pos_ != "NOUN":
            continue
        forces = ctx.index.get(tok)
        if not any(p == LOCATIVE_PREP and ctx.index.get(n) is not None and ctx.index.get(n).type in PLACE_TYPES
                   for p, n in sx.prep_args(tok)):
            continue
        if forces is None and sx.dep(tok) in sx.OBJ and sx.lemma_in(tok.head, STATIONING_VERBS):
            # "X has 5,000 troops in Y": the state keeping them there deploys its own forces
            states = [m for m in _inherited_subjects(ctx, tok.head) if m.type == "Country"]
            if len(states) == 1:
                yield Frame(token=tok, prop="deploys", subjects=states, objects=[_forces_of(states[0])],
                            scope=tok.head)
            continue
        if forces is None or not forces.key.startswith("forces:") or sx.prep_of(tok) == AGENT_PREP:
            continue  # (not the agent of an act: "crimes committed by X forces in Y" say where the act was)
        country = ctx.gaz.country(forces.key.split(":", 1)[1])
        if country is not None:
            owner = replace(forces, type="Country", key=country.key, name=None, wikidata=country.wikidata)
            yield Frame(token=tok, prop="deploys", subjects=[owner], objects=[forces], scope=tok)


def _agreement_parties_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'the prisoner exchange agreement between X and Y', 'the accords between A, B and C': each party agrees to
    the named accord."""
    if RECIPROCAL_PREP not in ctx.lower_text(sent):
        return
    for tok in _tokens_with(ctx, sent, ctx.finder.agreement_nouns):
        accord = ctx.index.get(tok)
        if accord is None or accord.type != "Agreement":
            continue
        parties = [m for p, n in sx.prep_args(tok) if p == RECIPROCAL_PREP for m in _mentions_expanded(ctx, n)
                   if m.type in ACTOR_TYPES]
        if len(parties) >= 2:
            yield Frame(token=tok, prop="agreesTo", subjects=parties, objects=[accord], scope=tok)


def _mistagged_speech_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'The IAS concludes that…' with 'concludes' tagged as a noun: a speech verb between a named source
    and 'that' is read as one, whatever the tagger said."""
    verbs = ctx.gaz.lexicon["verbs"]
    if COMPLEMENTIZER not in ctx.lower_text(sent):
        return
    w = ctx.words
    for i in range(sent.start + 1, sent.end - 1):
        if w.lower[i + 1] != COMPLEMENTIZER or w.pos[i] in ("VERB", "AUX") or w.tag[i].startswith("VB"):
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
    """'…, according to the Andes Herald': the source claims the rest of the sentence."""
    if ATTRIBUTION_WORD not in ctx.lower_text(sent):
        return
    for tok in sent:
        if tok.lower_ != ATTRIBUTION_WORD or tok.i + 2 >= sent.end or tok.nbor(1).lower_ != ATTRIBUTION_PREP:
            continue
        phrase = {t.i for t in tok.subtree} | {tok.i, tok.i + 1}
        head = tok.head
        if sx.dep(tok) in sx.CASE and head.i > tok.i and all(t.is_punct for t in head.subtree if t.i < tok.i):
            phrase |= {t.i for t in head.subtree}  # "according to US officials": the noun the phrase names
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


def _partners_further(ctx: Context, verb: Token) -> list[Mention]:
    """Actors named after 'with' lower in the verb's clause: reached from the verb through nominals and
    subjectless participles only, and not through a noun that keeps its 'with' ('the war with X')."""
    barriers = _stance_words()["partner_barriers"]
    out: list[Mention] = []
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != COMITATIVE_PREP or sx.dep(t) not in sx.PREP | {"case"}:
            continue
        noun = t.head if sx.dep(t) == "case" else next(iter(sx.children(t, sx.POBJ)), None)
        if noun is None or noun.head.i == verb.i and sx.dep(t) == "case":
            continue  # a phrase on the verb itself: the parse's own reading, already taken
        node, ok = noun.head, True
        while node.i != verb.i:
            if node.lower_ in barriers or node.pos_ in ("VERB", "AUX") and (sx.subjects(node) or node.tag_ != "VBG"):
                ok = False
                break
            if node.head.i == node.i:
                ok = False
                break
            node = node.head
        if not ok:
            continue
        for m in _mentions_expanded(ctx, noun):
            if m.type in ("Country", "Person", "Organization") and m not in out:
                out.append(m)
    return out


def _reminded_duty(ctx: Context, tok: Token, prop: str) -> Frame | None:
    """'reminded X of its duty to free the prisoners': what the duty names is demanded of the one reminded."""
    for hearer in sx.objects(tok):
        duties = [n for p, n in list(sx.prep_args(hearer)) + list(sx.prep_args(tok))
                  if p == GENITIVE_PREP and sx.lemma_in(n, DUTY_NOUNS)]
        if not duties:
            continue
        duty = duties[0]
        acts = [c for node in (duty, hearer, tok) for c in node.children if sx.dep(c) in ("acl", "xcomp", "advcl")
                and c.i > duty.i and any(m.lower_ == INFINITIVE_MARKER for m in c.children)]
        end = acts[0].right_edge.i if acts else duty.right_edge.i
        subjects = _inherited_subjects(ctx, tok)
        if not subjects:
            return None
        return Frame(token=tok, prop=prop, subjects=subjects,
                     objects=[_span_content(tok.doc, hearer.left_edge.i, end)], mode="directive", scope=tok)
    return None


def _verb_frame(ctx: Context, tok: Token, entry: dict) -> Frame | None:
    if entry.get("that_p") and any(sx.dep(c) == "ccomp" and (_that_marked(c) or sx.children(c, sx.SUBJ))
                                   for c in tok.children):
        entry = {"p": entry["that_p"], "mode": "speech"}  # "the leaders agreed that…" state it
    if entry.get("need_to_clause") and not any(p in entry.get("obj", ()) for p, _n in sx.prep_args(tok)) and not any(
            sx.dep(c) in ("xcomp", "advcl", "ccomp") and any(m.lower_ == INFINITIVE_MARKER for m in c.children)
            for c in tok.children):
        return None  # "asked X to withdraw", "asked for help"; not "asked how many…"
    if entry.get("duty_p"):
        reminded = _reminded_duty(ctx, tok, entry["duty_p"])
        if reminded is not None:
            return reminded
    if entry.get("merit_p") and any(sx.lemma_in(o, MERIT_NOUNS) and any(m.type in ACTOR_TYPES for m in _owners(ctx, o))
                                    for o in sx.objects(tok)):
        # "recognized the contributions of X": a deed or quality of an actor is praised, whatever X is
        entry = {"p": entry["merit_p"], "obj": ["dobj"]}
    if entry.get("grant_p") and any(sx.lemma_in(o, GRANTED_NOUNS) for o in sx.objects(tok)):
        # "denied the convoy entry", "denied X access": a refusal, not the denial of a claim
        entry = {**{k: v for k, v in entry.items() if k != "grant_p"}, "p": entry["grant_p"], "mode": "refusal"}
    if entry.get("negated_p") and sx.is_negated(tok):
        # "will never recognise the referenda": a rejection the speaker performs
        entry = {**{k: v for k, v in entry.items() if k not in ("obj_types", "negated_p")},
                 "p": entry["negated_p"], "mode": "refusal"}
    if sx.dep(tok) in ("advcl", "xcomp") and sx.lemma_in(tok, _stance_words()["aid_purpose_verbs"]) and any(
            o.ent_type_ == "MONEY" or o.text == "$" for o in sx.objects(tok.head)):
        return None  # "released $3 million to help X": the money's support of X (see `_money_frames`)
    if entry.get("clause_only") and (sx.objects(tok) or not any(
            sx.dep(c) in ("xcomp", "ccomp") and any(m.lower_ in CLAUSE_MARKERS for m in c.children)
            for c in tok.children)):
        return None  # "resolved to…", "decided that…"; not "committed war crimes"
    prop = entry["p"]
    mode = entry.get("mode")
    subjects = _inherited_subjects(ctx, tok)
    misread_noun = _gerund_read_as_modifier(tok)
    if misread_noun is not None:
        subjects = _inherited_subjects(ctx, misread_noun.head)
    if not subjects and mode == "speech" and sx.is_passive(tok) and not any(
            p == AGENT_PREP for p, _n in sx.prep_args(tok)) and any(
            sx.dep(c) in ("ccomp", "csubj:pass", "csubjpass") for c in tok.children):
        # "It was stressed that…" in a readout: the document's principal speaks
        principal = _principal(ctx, tok)
        subjects = [principal] if principal is not None else []
    if not subjects and entry.get("adjective") and sx.is_passive(tok):
        # "X is gravely concerned by Y": a predicate adjective the parse read as a passive participle
        subjects = _mentions_of(ctx, sx.subjects(tok) + sx.children(tok, sx.SUBJ_PASS))
    if entry.get("subj_types"):  # "the delegation arrived in Lima" visits; troops arriving are deployed
        subjects = [s for s in subjects if s.type in entry["subj_types"]]
    if prop in ("attacks", "strikes") and sx.dep(tok) == "advcl" and tok.tag_ == "VBG" \
            and any(sx.lemma_in(o, ctx.finder.agreement_nouns | SANCTION_OR_MEASURE_NOUNS)
                    or any(sx.lemma_in(n, SANCTION_NOUNS) for _p, n in sx.prep_args(o))
                    for o in sx.objects(tok.head)):
        return None  # "proposed a package of sanctions, targeting its shadow fleet": the measures target it
    complement = None
    objects: list = []
    if mode in ("speech", "allege", "deny") or prop in ("warns", "demands", "orders", "threatens", "rejects", "agreesTo"):
        comps = [c for c in tok.children if sx.dep(c) in {"ccomp", "parataxis"} or
                 (sx.dep(c) == "xcomp" and mode in ("directive",) or sx.dep(c) == "xcomp" and prop in ("rejects", "agreesTo", "threatens"))]
        # quotes placed before the verb: "“Our soldiers will hold the line,” she stated"
        if not comps and sx.dep(tok) in ("parataxis",) and tok.head.pos_ in ("VERB", "AUX"):
            comps = [tok.head]
        if not comps and mode == "speech":
            # "told reporters that…" with the that-clause read as a relative clause on the hearers
            comps = [r for o in tok.children if sx.dep(o) in sx.OBJ | {"iobj", "dative"} for r in o.children
                     if sx.dep(r) in sx.REL_CLAUSE
                     and (_that_marked(r) or any(sx.dep(m) == "mark" and m.lower_ == COMPLEMENTIZER and m.i < r.i
                                                 for m in r.children))]
        # a clause of time or reason is when or why it was said, not what ("declared X after gangs attacked Y")
        comps = [c for c in comps if not (c.left_edge.lower_ in ADVERBIAL_MARKS and c.left_edge.pos_ in ("ADP", "SCONJ")
                                          and c.left_edge.i > tok.i)]
        if comps:
            complement = comps[0]
    slots = entry.get("obj", ["dobj"] if mode != "speech" else [])
    objects = _objects_for(ctx, tok, slots, entry, verb=True)
    if all(isinstance(o, Content) for o in objects) and "dobj" in slots and len(subjects) >= 2 \
            and _reciprocal_object(tok):
        objects = list(subjects)  # "A and B accused each other": each accuses each other one
    if not objects and "dobj" in slots and len(subjects) == 1 \
            and any(o.lower_ in REFLEXIVE_PRONOUNS for o in sx.children(tok, sx.OBJ)):
        objects = [_reflexive_object(ctx, subjects[0], tok)]  # "Peru must defend itself"
    if entry.get("with_recipient") and any(p == COMITATIVE_PREP for head in (tok, *sx.objects(tok))
                                           for p, _n in sx.prep_args(head)):
        # "provided X with the fuel it needs" (the with-phrase hung on the verb or on X): the direct object
        # receives
        objects += [m for o in sx.objects(tok) for m in _mentions_expanded(ctx, o)
                    if m.type in ACTOR_TYPES and m not in objects]
    if entry.get("symmetric") and COMITATIVE_PREP in slots:
        # "talking with several states and with the UN", "discussed the issue of X with Y": partners
        # whose 'with' the parse hung lower in the clause
        objects += [m for m in _partners_further(ctx, tok) if m not in objects]
    if mode == "directive" and prop == "demands" and objects and all(isinstance(o, Content) for o in objects):
        # "urged member states to increase defence spending": what is demanded is the whole clause
        acts = [c for c in tok.children if sx.dep(c) in ("xcomp", "advcl")
                and any(m.lower_ == INFINITIVE_MARKER for m in c.children) and c.i > tok.i]
        obj_toks = sx.objects(tok)
        if not acts and obj_toks:
            # "urged both sides to accept a truce" with the to-clause hung on the object
            acts = [c for c in obj_toks[0].children if sx.dep(c) == "acl" and c.i > obj_toks[0].i
                    and any(m.lower_ == INFINITIVE_MARKER and sx.dep(m) == "mark" for m in c.children)]
        if acts and obj_toks:
            objects = [Content(text=tok.doc[obj_toks[0].left_edge.i:acts[0].right_edge.i + 1].text.strip(" ,.")
                               [:CONTENT_LIMIT])]
    if entry.get("addressee") and not objects:
        # "called on allies to provide more air defence systems": the demand is the addressee's act
        addressee = _addressee_preps(entry)
        hearers = [n for p, n in sx.prep_args(tok) if p in addressee]
        acts = [c for c in tok.children if sx.dep(c) in ("xcomp", "advcl", "ccomp")
                and any(m.lower_ == INFINITIVE_MARKER for m in c.children) and c.i > tok.i]
        if hearers and acts:
            named = [m for h in hearers for m in _mentions_expanded(ctx, h) if m.type in ACTOR_TYPES]
            if named:
                objects = named  # "called on X to withdraw": the demand is made of X (its act is reported apart)
            else:
                start = hearers[0].left_edge.i + (1 if hearers[0].left_edge.pos_ == "ADP" else 0)
                objects = [Content(text=tok.doc[start:acts[0].right_edge.i + 1].text.strip(" ,.")[:CONTENT_LIMIT])]
            complement = acts[0]
    if prop == "deploys" and objects and all(isinstance(o, Mention) and o.type == "Weapon"
                                             or isinstance(o, Content) for o in objects):
        # "France would send Mirage fighter jets to Ukraine": weapons sent to a country support it
        receivers = [m for p, n in list(sx.prep_args(tok)) + [a for o in sx.objects(tok) for a in sx.prep_args(o)]
                     if p == GOAL_PREP for m in _mentions_expanded(ctx, n) if m.type in ("Country", "Organization")]
        weapons = any(isinstance(o, Mention) and o.type == "Weapon" for o in objects) or any(
            sx.lemma_in(t, ctx.finder.weapon_nouns | GENERIC_WEAPON_NOUNS)
            and (t.lower_ not in ctx.finder.military_nouns or any(sx.dep(c) in sx.COMPOUND and c.is_title
                                                                  for c in t.lefts))
            for t in sx.objects(tok))  # ("deployed fighters to X": combatants, not "Mirage fighters")
        if receivers and weapons:
            prop, objects = "supports", receivers
    if entry.get("event_obj"):
        # "repelled 12 assaults near Puno": turning back an attack defends the place attacked
        events = [o for o in sx.objects(tok) if sx.lemma_in(o, ATTACK_EVENT_NOUNS)]
        if events:
            prop = entry["event_obj"]
            args = [n for o in events for p, n in sx.prep_args(o)] + [n for p, n in sx.prep_args(tok)]
            places = [m for n in args if sx.prep_of(n) in ATTACK_PLACE_PREPS
                      for m in _mentions_expanded(ctx, n) if m.type in PLACE_TYPES]
            objects = places or [_content(events[0])]
        elif entry.get("need_event"):
            return None
    if not objects and "dobj" in slots and misread_noun is not None:
        objects = [m for m in _mentions_expanded(ctx, misread_noun) if _allowed_object(ctx, entry, misread_noun, m)] \
            or ([_content(misread_noun)] if _allowed_object(ctx, entry, misread_noun, None) else [])
    if not objects and "dobj" in slots and not sx.objects(tok):
        counted = _object_on_count(tok)
        if counted is not None:
            objects = [m for m in _mentions_expanded(ctx, counted) if _allowed_object(ctx, entry, counted, m)] \
                or ([_content(counted)] if _allowed_object(ctx, entry, counted, None) else [])
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
            objects = [_clause_content(complement, without=tok)]
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
        objects = [_clause_content(complement, without=tok)]
    if prop == "warns" and complement is not None:
        objects = [_clause_content(complement, without=tok)]
    if prop == "threatens" and complement is not None and sx.dep(complement) == "xcomp":
        # "threatened to take both Cusco and Puno regions": what is threatened is the act's target
        targets = [m for o in sx.objects(complement) for m in _mentions_expanded(ctx, o)]
        if targets:
            objects = targets
    if prop == "estimates":
        # "estimating that around 2,300 square kilometers…": the estimate is the quantity
        texts = [o.text for o in objects if isinstance(o, Content)]
        found = [q for t in texts for q in parse_quantities(t)]
        if found:
            objects = [found[0]]
    if not objects and "dobj" in slots and sx.dep(tok) in sx.REL_CLAUSE and not sx.objects(tok) \
            and not any(sx.dep(c) in sx.SUBJ and sx.is_relative_pronoun(c) for c in tok.children) \
            and prop != "demands":
        # "areas Ruritania has already annexed": the relative clause's noun is the object ("the equipment it
        # needs" describes the equipment: no demand)
        noun = tok.head
        objects = [m for m in _mentions_expanded(ctx, noun) if _allowed_object(ctx, entry, noun, m)] \
            or ([_content(noun)] if _allowed_object(ctx, entry, noun, None) else [])  # not "weapons we receive"
    if not objects and "dobj" in slots and sx.dep(tok) == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "all lands seized by Ruritania, including Tacna": the participle's noun is the object
        noun = tok.head
        listed = [n for p, n in list(sx.prep_args(tok)) + list(sx.prep_args(noun)) if p in LISTING_PREPS]
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
        # "Roe and Brandt met", "X and Y discussed the situation": the participants meet or talk with each
        # other (a statement per pair); what they discussed is the topic, not a party
        subjects, objects = list(subjects), list(subjects)
    if not objects:
        return None
    prop, objects, mode = _actor_reading(entry, prop, objects, mode)
    if entry.get("guest_p") and all(isinstance(o, Mention) and o.type == "Person" for o in objects) \
            and (any(p == GOAL_PREP for p, _n in [*sx.prep_args(tok), *(a for o in sx.objects(tok) for a in sx.prep_args(o))])
                 or _to_place_after(ctx, tok)):
        prop = entry["guest_p"]  # "welcomed Roe to the White House": a host meets the guest
    return Frame(token=tok, prop=prop, subjects=subjects, objects=objects, mode=mode, complement=complement,
                 symmetric=bool(entry.get("symmetric")), scope=tok)


REFLEXIVE_PRONOUNS = rule_words().reflexive_pronouns
ASPECTUAL_VERBS = rule_words().aspectual_verbs
OCCURRENCE_NOUNS = rule_words().occurrence_nouns
AGENT_PARTICIPLES = rule_words().agent_participles


def _reflexive_object(ctx: Context, subject: Mention, verb: Token):
    """The object 'itself' stands for: a country's forces defending themselves defend the country; anyone else is
    named by the pronoun (a statement never has its subject as object)."""
    pronoun = next(o for o in sx.children(verb, sx.OBJ) if o.lower_ in REFLEXIVE_PRONOUNS)
    if subject.key.startswith("forces:"):
        country = ctx.gaz.country(subject.key.split(":", 1)[1])
        if country is not None:
            return _entry_mention(ctx, pronoun, country)
    return _content(pronoun)


def _purpose_of_meeting(ctx: Context, verb: Token) -> bool:
    """Whether a verb is the purpose of a meeting or call with someone ('met with X to discuss…'): its parties are
    the meeting's, not the subjects paired with each other."""
    if sx.dep(verb) not in ("advcl", "xcomp") or not any(c.lower_ == INFINITIVE_MARKER for c in verb.children):
        return False
    head = verb.head
    entry = _node_info(ctx, head).entry or {}
    return bool(entry.get("symmetric")) and any(
        _mention_at(ctx, n) is not None for p, n in sx.prep_args(head) if p in MEETING_PARTY_PREPS)


def _to_place_after(ctx: Context, verb: Token) -> bool:
    """Whether 'to' and a place follow the verb in its clause ('welcomed X of Y to Z' however the parse hung it)."""
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.sent.end - 1, verb.i + 16)):
        if doc[i].lower_ == GOAL_PREP and sx.dep(doc[i]) in sx.PREP | {"case"}:
            j = i + 1 + (doc[i + 1].lower_ == DEFINITE_ARTICLE)
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
        ment = resolve_pronoun(ctx.finder, owner)
    return ment is not None and ment.key in keys


def _gerund_read_as_modifier(verb: Token) -> Token | None:
    """The object of a gerund written right after an aspectual verb that the parse hung on that object as a
    modifier ('resumed shelling the outposts' with 'shelling' an adjective of 'outposts'): the noun, or None."""
    if verb.tag_ != "VBG" or sx.dep(verb) not in sx.AMOD | sx.COMPOUND or verb.head.i <= verb.i:
        return None
    noun, governor = verb.head, verb.head.head
    if governor.i != verb.i - 1 or not sx.lemma_in(governor, ASPECTUAL_VERBS) or noun not in sx.objects(governor):
        return None
    return noun


def _object_on_count(verb: Token) -> Token | None:
    """The object the parse hung on a count of occurrences ('attacked the convoys 30 times' with 'convoys' a
    compound of 'times' and 'times' the verb's bare adverbial): the noun, or None."""
    for adv in verb.children:
        if adv.i > verb.i and sx.lemma_in(adv, OCCURRENCE_NOUNS) and sx.dep(adv) not in sx.OBJ | sx.SUBJ \
                and any(c.like_num for c in adv.children):
            nouns = [c for c in adv.children if sx.dep(c) in sx.COMPOUND | sx.AMOD and c.i < adv.i
                     and c.pos_ in ("NOUN", "PROPN")]
            if nouns:
                return nouns[-1]
    return None


def _stray_object(verb: Token) -> Token | None:
    """The noun phrase right after an objectless verb that the parser hung on the verb's head:
    'bragging of taking over 300 square miles' with 'miles' attached to 'bragging'; or the object set
    off by a parenthetical and read as its apposition: 'condemn, in the strongest terms, X's attack'."""
    for obl in verb.children:
        if sx.dep(obl) in sx.NOUN_OBL and obl.i > verb.i:
            for app in obl.children:
                if sx.dep(app) in sx.APPOS and app.i > obl.i and "," in (app.left_edge.text,
                                                                          verb.doc[app.left_edge.i - 1].text):
                    return app
                if sx.dep(app) in sx.NOUN_OBL and app.i > obl.i and app.right_edge.i == obl.right_edge.i \
                        and any(sx.dep(c) == "case" for c in obl.children) \
                        and not any(sx.dep(c) in sx.PREP | {"case"} for c in app.children if c.i < app.i) \
                        and app.pos_ in ("NOUN", "PROPN"):
                    # "condemned in very clear words X's raid" with the object hung on the manner phrase
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


def _reported_earlier(tok: Token) -> Content | None:
    """'The findings were published by X': what the previous sentence says is what X reported."""
    verb = tok.head if sx.dep(tok) == "conj" and not sx.objects(tok) else tok
    if not sx.is_passive(verb):
        return None
    nouns = [o for o in sx.objects(verb) if sx.lemma_in(o, REPORT_NOUNS)
             and any(c.lower_ in REFERRING_DETERMINERS for c in o.children)]
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
        if sx.lemma_in(obj, CONTROL_NOUNS):
            targets = []
            for prep, noun in list(sx.prep_args(obj)) + list(sx.prep_args(tok)):
                if prep in CONTROL_AREA_PREPS:
                    targets += [m for m in _mentions_expanded(ctx, noun) if m.type in PLACE_TYPES]
            objects = targets or [_content(obj)]
            yield Frame(token=tok, prop="captures", subjects=_inherited_subjects(ctx, tok), objects=objects, scope=tok)


def _ordered_by_noun(ctx: Context, tok: Token) -> list[Mention]:
    """'X's order for Y to withdraw': the one a directive noun's to-clause names as its subject with 'for' is the
    one ordered, the for-phrase hung on the noun or (misparsed) on the verb right after it."""
    candidates = [n for p, n in sx.prep_args(tok) if p == PURPOSE_SUBJECT_PREP]
    after = tok.right_edge.i + 1
    if after < len(tok.doc) and tok.doc[after].lower_ == PURPOSE_SUBJECT_PREP and tok.doc[after].head.i > after:
        candidates.append(tok.doc[after].head)
    found = []
    for own in candidates:
        marker = tok.doc[own.i + 1] if own.i + 1 < len(tok.doc) else None
        if marker is not None and for_subject(marker.head) == own:  # the to-clause, wherever the parse hung it
            found += [m for m in _mentions_expanded(ctx, own) if m.type in ACTOR_TYPES and m not in found]
    return found


def _responsibility_claimants(ctx: Context, tok: Token) -> list[Mention]:
    """The actors who claim an attack noun as their own act ('X claimed responsibility for the bombing'); the
    claiming verb is a speech verb, so the act is Claimed, with X as claimant."""
    if sx.prep_of(tok) != RESPONSIBILITY_PREP:
        return []
    holder = tok.head if tok.head.lower_ in RESPONSIBILITY_NOUNS else tok.head.head
    if holder.lower_ not in RESPONSIBILITY_NOUNS or sx.dep(holder) not in sx.OBJ \
            or sx.lemma_in(holder.head, RESPONSIBILITY_VERBS) is None:
        return []
    return [m for m in _mentions_of(ctx, sx.subjects(holder.head)) if m.type in ACTOR_TYPES]


def _noun_frame(ctx: Context, tok: Token, entry: dict, light: set[str]) -> Frame | None:
    mutual = sx.dep(tok) in sx.OBJ and sx.lemma_in(tok.head, RECIPROCAL_LIGHT_VERBS) is not None
    if entry.get("need_light") and not mutual and not (sx.dep(tok) in sx.OBJ
                                                       and sx.lemma_in(tok.head, set(entry["need_light"]))):
        return None  # "opened fire on X", not "a fire at the depot"
    preps = {p for p, _n in sx.prep_args(tok)}
    if sx.dep(tok) in sx.OBJ and sx.lemma_in(tok.head, light):
        preps |= {p for p, n in sx.prep_args(tok.head) if n.ent_type_ not in ("DATE", "TIME")}
    entry = next(({**entry, **alt} for prep, alt in entry.get("by_prep", {}).items() if prep in preps), entry)
    if "by_modifier" in entry:  # "a bombing campaign against X" strikes X, where a campaign alone attacks actors only
        modifiers = {c.lower_ for c in tok.children if c.i < tok.i and sx.dep(c) in sx.AMOD | sx.COMPOUND}
        entry = next(({**entry, **alt} for word, alt in entry["by_modifier"].items() if word in modifiers), entry)
    prop = entry["p"]  # "a call with Brandt" negotiates, "a call for a ceasefire" demands: 'by_prep'
    if any(c.lower_ in entry.get("not_with", ()) for c in tok.children if c.i < tok.i):
        return None  # "rescue operations in Arequipa" are not attacks
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
                        # "Peruvian military withdrawal": the country's armed forces act
                        subjects = [_forces_of(subjects[0])]
                    break
                ment = ctx.index.get(c)
                if ment is not None and ment.type in ACTOR_TYPES:
                    subjects = [ment]
                    break
    if not subjects:
        subjects = _mentions_of(ctx, [n for p, n in sx.prep_args(tok) if p == AGENT_PREP])
    if not subjects:
        # "a Hezbollah-led raid": the name hyphenated before a participle of leading is the agent
        for c in tok.children:
            if sx.dep(c) in sx.AMOD and c.i < tok.i and sx.lemma_in(c, AGENT_PARTICIPLES) and c.i > 0 \
                    and tok.doc[c.i - 1].tag_ == "HYPH":
                subjects = [m for m in _mentions_of(ctx, [tok.doc[c.i - 2]]) if m.type in ACTOR_TYPES] if c.i > 1 else []
                break
    if not subjects and any(sx.dep(c) == "cop" for c in tok.children) and not sx.is_negated(tok):
        # "X is a threat to Y": the copula's subject is the noun's agent
        subjects = _mentions_of(ctx, sx.subjects(tok))
    if not subjects and sx.dep(tok) in ("xcomp", "attr", "obj", "dobj") and sx.lemma_in(
            tok.head, _stance_words()["copular_verbs"]) and not sx.is_negated(tok.head):
        subjects = _mentions_of(ctx, sx.subjects(tok.head))  # "X remains the biggest provider…"
    claimed_act = False
    if not subjects and prop in ("attacks", "strikes"):
        subjects = _responsibility_claimants(ctx, tok)  # "X claimed responsibility for the bombing"
        claimed_act = bool(subjects)
    if not objects:
        # "the biggest provider of medical aid to Y": the object may hang on the noun's 'of' phrase
        inner = [n for p, n in sx.prep_args(tok) if p == GENITIVE_PREP]
        objects = [m for n in inner for p, x in sx.prep_args(n) if p in slots and p != GENITIVE_PREP
                   for m in _mentions_expanded(ctx, x) if _allowed_object(ctx, entry, x, m)]
    # "the missile attack launched by Ruritania against Lima": agent and target on the light verb's participle
    carriers = [c for c in tok.children if sx.dep(c) == "acl" and c.tag_ in ("VBN", "VBD") and sx.lemma_in(c, light)]
    for carrier in carriers:
        if not subjects:
            subjects = _mentions_of(ctx, [n for p, n in sx.prep_args(carrier) if p == AGENT_PREP])
        if not objects:
            objects = [m for p, n in sx.prep_args(carrier) if p in slots and p != AGENT_PREP
                       for m in _mentions_expanded(ctx, n) if _allowed_object(ctx, entry, n, m)]
    if not objects and entry.get("mode") == "directive":
        objects = _ordered_by_noun(ctx, tok)
    if not objects and claimed_act:
        # "claimed responsibility for the bombing in Y": the place of the claimed attack
        objects = [m for p, n in sx.prep_args(tok) if p in STRUCK_PLACE_PREPS
                   for m in _mentions_expanded(ctx, n) if m.type in PLACE_TYPES]
    if not objects and prop in ("attacks", "strikes") and sx.dep(tok) in sx.SUBJ and sx.lemma_in(tok.head, HARM_VERBS):
        # "X-ian airstrikes killed 40 people in Y": the place where the attack did its harm
        objects = [m for p, n in sx.prep_args(tok.head) if p in STRUCK_PLACE_PREPS
                   for m in _mentions_expanded(ctx, n) if m.type in PLACE_TYPES]
    head = tok.head
    scope = anchor = tok
    if not objects and sx.dep(tok) in sx.OBJ:
        # "reiterated her support for X's independence" with the phrase hung on the verb right after the noun
        after = [n for p, n in sx.prep_args(head) if p in slots and p != AGENT_PREP and n.left_edge.i == tok.right_edge.i + 1]
        for n in after:
            found = _mentions_expanded(ctx, n)
            if not found and prop in OWNED_OBJECT_PROPS:
                found = [o for o in _owners(ctx, n) if o.type in ACTOR_TYPES | PLACE_TYPES]
            objects += [m for m in found if _allowed_object(ctx, entry, n, m)]
    if not objects and sx.dep(tok) in sx.SUBJ and tok.right_edge.i + 1 < len(tok.doc):
        # "French support for Chad is unwavering" with the phrase parsed as a second subject of the predicate
        marker = tok.doc[tok.right_edge.i + 1]
        n = marker.head
        if sx.dep(marker) in sx.CASE and n.i > marker.i and n.head.i == head.i and sx.dep(n) in sx.SUBJ:
            prep = sx.prep_of(n)
            if prep in slots and prep != AGENT_PREP:
                objects = [m for m in _mentions_expanded(ctx, n) if _allowed_object(ctx, entry, n, m)]
    if not objects and sx.dep(tok) in sx.OBJ and sx.lemma_in(head, light):
        # "held talks in Paris with Scholz", "paid tribute to X": the noun's phrase hung on its light verb
        objects = [m for p, n in sx.prep_args(head) if p in slots and p != AGENT_PREP
                   for m in _mentions_expanded(ctx, n) if _allowed_object(ctx, entry, n, m)]
        if not objects and prop in SPEECH_PROPS:  # "renewed its call for a ceasefire"
            objects = [_content(n) for p, n in sx.prep_args(head) if p in slots and p != AGENT_PREP
                       and n.ent_type_ not in ("DATE", "TIME")][:1]
    if not subjects and sx.dep(tok) in sx.OBJ and sx.lemma_in(head, light):
        subjects = _inherited_subjects(ctx, head)
        scope = head
    elif not subjects and entry.get("speech_subject") and sx.dep(tok) in sx.OBJ \
            and (sx.lookup(head, ctx.gaz.lexicon["verbs"])[1] or {}).get("mode") == "speech":
        subjects = _inherited_subjects(ctx, head)  # "stressed the need for a ceasefire": the speaker's demand
        scope = anchor = head  # made as the speech act is, not claimed by it
    elif not subjects and sx.dep(tok) in sx.POBJ | sx.NOUN_OBL and sx.prep_of(tok) in VERB_COMPLEMENT_PREPS and head.pos_ in ("VERB",):
        # "boasting of capturing", "gearing up for an offensive"
        subjects = _inherited_subjects(ctx, head)
        scope = head
    if not subjects and sx.prep_of(tok) in OCCASION_PREPS and head.pos_ == "VERB":
        subjects = _inherited_subjects(ctx, head)  # "made by Brandt during a trip to…"
        scope = head
    if not subjects and sx.dep(tok) in ("appos",):
        return None
    if entry.get("between") and not objects:
        # "talks between Peru and Chile": the parties, whoever held, hosted or mediated the talks
        parties = [m for p, n in sx.prep_args(tok) if p == RECIPROCAL_PREP for m in _mentions_expanded(ctx, n)
                   if m.type in ACTOR_TYPES]
        if len(parties) < 2:
            # "talks between X-ian and Y-ian delegates": one state per coordinated adjective
            parties = [_entry_mention(ctx, a, e) for p, n in sx.prep_args(tok) if p == RECIPROCAL_PREP
                       for m in n.children if sx.dep(m) in sx.AMOD | sx.COMPOUND
                       for a in sx.with_conjuncts(m) if (e := ctx.gaz.country_of_demonym(a.text)) is not None]
        if len(parties) >= 2:
            subjects, objects = parties[:1], parties[1:]
    if (prop in SPEECH_PROPS or prop == "rejects" or entry.get("clause_only")) and not objects:
        # "claims that…", "calls to…", "the refusal to…"; not "territorial claims while gaining time" (an adverbial
        # clause)
        comps = [c for c in tok.children if sx.dep(c) in {"acl", "ccomp"}
                 and all(m.lower_ in CLAUSE_MARKERS for m in c.children if sx.dep(m) == "mark")]
        if comps:
            objects = [_clause_content(comps[0])]
        elif prop in ("demands",):
            objects = [_content(tok)]
    if not objects and mutual and not subjects:
        subjects = _inherited_subjects(ctx, head)
        scope = head
        if len(subjects) >= 2:
            # "A and B exchanged fire", "traded accusations": each acts on each other one
            return Frame(token=anchor, prop=prop, subjects=subjects, objects=list(subjects), mode=entry.get("mode"),
                         scope=scope)
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
    if not subjects and prop == "deploys" and objects and all(
            isinstance(o, Mention) and o.key.startswith("forces:") for o in objects):
        # "the deployment of 5,000 X-ian troops": a state deploys its own forces
        codes = dict.fromkeys(o.key.split(":", 1)[1] for o in objects)
        subjects = [_entry_mention(ctx, tok, e) for c in codes if (e := ctx.gaz.country(c)) is not None]
    prop, objects, mode = _actor_reading(entry, prop, objects, entry.get("mode"))
    return Frame(token=anchor, prop=prop, subjects=subjects, objects=objects, mode=mode,
                 symmetric=bool(entry.get("symmetric")), scope=scope)


def _actor_reading(entry: dict, prop: str, objects: list, mode: str | None) -> tuple[str, list, str | None]:
    """'concern about the PRC's actions' condemns the PRC, 'concern over the violence' claims it; 'the importance
    of Chile' praises Chile: an entry's 'actor_p' is its property when its object is an actor."""
    actors = [o for o in objects if isinstance(o, Mention) and o.type in ACTOR_TYPES] if entry.get("actor_p") else []
    return (entry["actor_p"], actors, None) if actors else (prop, objects, mode)


MILITARY_ADJECTIVES = rule_words().military_adjectives


def _weapon_launches(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'X launched 90 cruise missiles at Y', 'fired waves of drones against cities': launching a
    weapon at a target attacks it."""
    words = _stance_words()
    lemma, pos = ctx.words.lemma, ctx.words.pos
    if ctx.sentence_forms(sent).isdisjoint(words["launch_verbs"]):
        return
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or lemma[i] not in words["launch_verbs"]:
            continue
        tok = ctx.words.tokens[i]
        weapons = [o for o in sx.objects(tok) if o.lower_ in ctx.finder.weapon_nouns
                   or any(p == GENITIVE_PREP and n.lower_ in ctx.finder.weapon_nouns for p, n in sx.prep_args(o))]
        if not weapons:
            continue
        inner = [n for w in weapons for p, n in sx.prep_args(w) if p == GENITIVE_PREP]  # "waves of missiles"
        targets = [n for p, n in sx.prep_args(tok) if p in words["target_preps"] and not _says_when(n)]
        targets += [n for w in weapons + inner for c in sx.with_conjuncts(w) for p, n in sx.prep_args(c)
                    if p in words["target_preps"] and not _says_when(n)]
        if not targets:
            continue
        objects: list = []
        water = words["water_body_words"]
        for n in targets:
            found = [m for m in _mentions_expanded(ctx, n) if m.type in ACTOR_TYPES | PLACE_TYPES]
            # "fired a missile into the X Sea": a test or a miss, not an attack on the water
            dry = [m for m in found if not water.intersection((m.name or m.surface).lower().split())]
            if found and not dry or not found and n.lower_ in water:
                continue
            objects += dry or [_content(n)]
        subjects = _inherited_subjects(ctx, tok)
        if subjects and objects:
            yield Frame(token=tok, prop="attacks", subjects=subjects, objects=objects, scope=tok)


def _receipt_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'X received air defence systems from Y', 'X got $2 billion from Y': what is received as aid, weapons or money
    from an actor is that actor's support of the receiver."""
    w = ctx.words
    for i in range(sent.start, sent.end):
        if w.pos[i] != "VERB" or not any(c in RECEIPT_VERBS for c in w.candidates(i)):
            continue
        verb = w.tokens[i]
        received = [o for o in sx.objects(verb) for c in sx.with_conjuncts(o)
                    if sx.lemma_in(c, AID_RECEIVED_NOUNS) or c.lower_ in ctx.finder.weapon_nouns
                    or c.ent_type_ == "MONEY" or c.lower_ in CURRENCY_SIGNS]
        if not received:
            continue
        givers = [m for p, n in list(sx.prep_args(verb)) + [a for o in received for a in sx.prep_args(o)]
                  if p == SOURCE_PREP for c in sx.with_conjuncts(n) for m in [_mention_at(ctx, c)]
                  if m is not None and m.type in ("Country", "Organization", "MilitaryUnit", "Person")]
        receivers = [m for m in _inherited_subjects(ctx, verb) if m.type in ACTOR_TYPES]
        if givers and receivers:
            yield Frame(token=verb, prop="supports", subjects=list(dict.fromkeys(givers)), objects=receivers,
                        scope=verb)


def _stance_receipt_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'X drew condemnation from Y', 'X won the backing of Y', 'X's raid sparked criticism from Y': a stance an actor
    draws from others is their stance toward it (toward the owner of the act the subject names)."""
    if ctx.sentence_forms(sent).isdisjoint(STANCE_RECEIPT_VERBS):
        return
    w = ctx.words
    nouns = ctx.gaz.lexicon["nouns"]
    stances = _stance_words()["received_stances"]
    for i in range(sent.start, sent.end):
        if w.pos[i] != "VERB" or not any(c in STANCE_RECEIPT_VERBS for c in w.candidates(i)):
            continue
        verb = w.tokens[i]
        for noun in sx.objects(verb):
            prop = (sx.lookup(noun, nouns)[1] or {}).get("p")
            if prop not in stances:
                continue
            # the givers: 'from Y' on the verb or the noun; 'the backing of Y' with an article
            sources = [n for p, n in list(sx.prep_args(verb)) + list(sx.prep_args(noun)) if p == SOURCE_PREP]
            if any(sx.dep(c) == "det" and c.lower_ == DEFINITE_ARTICLE for c in noun.children):
                sources += [n for p, n in sx.prep_args(noun) if p == GENITIVE_PREP]
            givers = [m for n in sources for c in sx.with_conjuncts(n) for m in [_mention_at(ctx, c)]
                      if m is not None and m.type in ACTOR_TYPES]
            receivers = [m for m in _inherited_subjects(ctx, verb) if m.type in ACTOR_TYPES]
            if not receivers:
                receivers = [m for s in sx.subjects(verb) for m in _owners(ctx, s) if m.type in ACTOR_TYPES]
            receivers = [m for m in dict.fromkeys(receivers) if m not in givers]
            if givers and receivers:
                yield Frame(token=verb, prop=prop, subjects=list(dict.fromkeys(givers)), objects=receivers, scope=verb)


def _support_by_means_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'X, with the support of Y, retook Z', 'with our assistance, X was able to…': the one whose support, aid or
    backing an actor acts with supports that actor."""
    if MEANS_PREP not in ctx.sentence_forms(sent):
        return
    nouns = ctx.gaz.lexicon["nouns"]
    w = ctx.words
    for i in range(sent.start, sent.end):
        if w.pos[i] != "NOUN" or (w.lookup(i, nouns)[1] or {}).get("p") != "supports":
            continue
        noun = w.tokens[i]
        head = noun.head
        if sx.prep_of(noun) != MEANS_PREP or head.i == noun.i:
            continue
        owners = [n for p, n in sx.prep_args(noun) if p in (GENITIVE_PREP, SOURCE_PREP)]
        owners += [c for c in noun.children if sx.dep(c) in sx.COMPOUND and c.i < noun.i]  # "with US support"
        poss = sx.possessor(noun)
        givers = [m for m in _mentions_of(ctx, owners + ([poss] if poss is not None else [])) if m.type in ACTOR_TYPES]
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            receivers = _inherited_subjects(ctx, head)
        elif head.pos_ in ("PROPN", "NOUN") and head.i < noun.i:
            receivers = _mentions_of(ctx, [head])  # "X, with the support of Y, …" with the phrase hung on X
        else:
            continue
        receivers = [m for m in receivers if m.type in ACTOR_TYPES and m not in givers]
        if givers and receivers:
            yield Frame(token=noun, prop="supports", subjects=list(dict.fromkeys(givers)), objects=receivers,
                        scope=head)


ACCOUNTABILITY_WORDS = rule_words().accountability_words
BLAME_ADJECTIVES = rule_words().blame_adjectives
HOLDING_VERB = rule_words().holding_verb


def _accountability_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'will hold X accountable', 'vowed to hold X responsible for Y': a punitive measure announced against X
    threatens X; 'holds X responsible for the attack', said as a fact, blames X (modes 'held_to_account' and
    'held_responsible', read in `kg.extract.emit._emit`). X is the actor named between the verb and the adjective,
    however the parse hung them."""
    for adj in _tokens_with(ctx, sent, ACCOUNTABILITY_WORDS):
        verb = adj.head
        if verb.i < adj.i and HOLDING_VERB not in sx.lemma_candidates(verb) and verb.head.i < verb.i:
            verb = verb.head  # "holds X responsible" with the adjective hung on X
        if verb.i == adj.i or verb.i > adj.i or HOLDING_VERB not in sx.lemma_candidates(verb):
            continue
        held = [m for m in _mentions_of(ctx, [t for t in sent.doc[verb.i + 1:adj.i] if ctx.index.get(t) is not None])
                if m.type in ACTOR_TYPES]
        subjects = [m for m in _inherited_subjects(ctx, verb) if m.type in ACTOR_TYPES and m not in held]
        own = {_forces_of(m).key for m in subjects if m.type == "Country"}
        held = [m for m in held if m.key not in own]  # a state holds its own forces to account: not a threat
        if held and subjects:
            mode = "held_responsible" if adj.lower_ in BLAME_ADJECTIVES else "held_to_account"
            yield Frame(token=verb, prop="threatens", subjects=subjects, objects=list(dict.fromkeys(held)), mode=mode)


NOTICE_VERBS = rule_words().notice_verbs
NOTICE_PREP, NOTICE_NOUN = rule_words().notice_phrase
NOTICE_NOUNS = frozenset({NOTICE_NOUN})


def _notice_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'put X on notice': a warning of consequences, which threatens X (the phrase on the verb or on X)."""
    for noun in _tokens_with(ctx, sent, NOTICE_NOUNS):
        if sx.prep_of(noun) != NOTICE_PREP:
            continue
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun.head.head
        if not NOTICE_VERBS.intersection(sx.lemma_candidates(verb)) or verb.i > noun.i:
            continue
        warned = [m for m in _mentions_of(ctx, sx.objects(verb)) if m.type in ACTOR_TYPES]
        subjects = [m for m in _inherited_subjects(ctx, verb) if m.type in ACTOR_TYPES and m not in warned]
        if warned and subjects:
            yield Frame(token=verb, prop="threatens", subjects=subjects, objects=warned)


def _money_frames(ctx: Context, sent: Span) -> Iterator[Frame]:
    """'$1 billion for the X Air Force', 'requested $250 million in assistance to X': money given for or to an actor
    is the giver's support of it (the giver: the clause's subject, else the document's voice)."""
    for tok in _tokens_with(ctx, sent, CURRENCY_WORDS):
        if tok.lower_ in CURRENCY_NOUNS and tok.ent_type_ != "MONEY" \
                and not any(c.pos_ == "NUM" for c in tok.children) \
                and not (tok.is_upper and tok.i + 1 < sent.end and tok.nbor().pos_ == "NUM"):
            continue  # "won", "real" as words, not amounts ("EUR 500 million" is one)
        head = tok.head if tok.head.i != tok.i else tok
        amount = []  # "EUR 500 million to X": the phrase may hang on the number
        while head.pos_ == "NUM" and head.head.i != head.i:
            amount.append(head)
            head = head.head
        nouns = [head] + [n for p, n in sx.prep_args(head) if p == LOCATIVE_PREP] + amount
        if head.i != tok.i:
            nouns += [n for p, n in sx.prep_args(tok) if p == LOCATIVE_PREP and n not in nouns]  # "$5 million in aid"
            if tok not in nouns:
                nouns.append(tok)  # "provided $5 million for the X army" with the phrase hung on the sign
        recipients: list[Mention] = []
        for noun in nouns:
            for p, n in sx.prep_args(noun):
                if p in BENEFICIARY_PREPS:
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
                + ([verb.head] if sx.dep(verb) == "conj" else [])
            # or of the aid the money is in: "$5 million in assistance to help the X people"
            givers += [t for t in tok.subtree if t.pos_ in ("NUM", "SYM", "NOUN")] + [
                t for g in givers if g.pos_ == "VERB" for o in sx.objects(g) for t in o.subtree if t.pos_ == "NOUN"]
            for giver in givers:
                for purpose in giver.children:
                    if sx.dep(purpose) in ("advcl", "xcomp", "acl") and purpose.i > giver.i \
                            and sx.lemma_in(purpose, _stance_words()["aid_purpose_verbs"]) \
                            and any(m.lower_ == INFINITIVE_MARKER for m in purpose.children):
                        for o in sx.objects(purpose):
                            found = [m for c in sx.with_conjuncts(o) if (m := _mention_at(ctx, c)) is not None]
                            if not found:
                                # "to support the rebuilding of X's power grid": the owner of what is helped
                                found = _owners(ctx, o) or [m for p, n in sx.prep_args(o) if p == GENITIVE_PREP
                                                            for m in _owners(ctx, n)]
                            recipients += [m for m in found if m.type in ("Country", "Organization", "MilitaryUnit")
                                           and m not in recipients]
                        for p, n in sx.prep_args(purpose):  # "to purchase supplies for X forces"
                            m = _mention_at(ctx, n) if p in BENEFICIARY_PREPS else None
                            if m is not None and m.type in ("Country", "Organization", "MilitaryUnit") \
                                    and m not in recipients:
                                recipients.append(m)
        if not recipients:
            continue
        subjects = _inherited_subjects(ctx, verb) if verb is not None else []
        if not subjects and ctx.voice is not None and ctx.voice.body is not None:
            subjects = [replace(ctx.voice.body, start=tok.idx, end=tok.idx + 1, surface=tok.text)]
        subjects = [x for x in subjects if x.type in ("Country", "Organization", "Person")]
        if subjects:
            # "pledged $5 million to X": money promised or asked for is support intended, not given
            mode = "promised" if verb is not None and sx.lemma_in(verb, MONEY_PROMISE_VERBS) else None
            yield Frame(token=verb or head, prop="supports", subjects=subjects, objects=recipients, scope=verb or head,
                        mode=mode)


CHARGE_NOUN = re.compile(r"\b(" + "|".join(sorted(w + "s?" for w in rule_words().charge_nouns)) + ")$")
