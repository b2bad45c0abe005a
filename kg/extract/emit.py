"""Emitting: frames become relations.

`_emit` turns a frame into relations (one per subject and object) with their modality, claimant and
qualifiers (date, place, quantity), after the rewrites that read a frame as another one; `_add` records a
relation unless it repeats one. After the sentences, acts of war with no agent or target written take the
article's main belligerent (`_implicit_agents`, `_implicit_targets`), and denials are copied onto the
relations they deny (`_denial_copies`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Token

from ..graph.vocab import DOMAINS, RANGES, REFINES, SYMMETRIC_PROPERTIES
from ..lexicon.words import AGENT_PREP, COMPLEMENTIZER, DEFINITE_ARTICLE, LOCATIVE_PREP, rule_words
from ..model import Content, Mention, Quantity, Relation
from ..nlp import syntax as sx
from .arguments import _clause_content, _content, _gerund_content, _mention_at, _mentions_expanded, _mentions_of
from .context import (
    CONTENT_LIMIT,
    FIRST_PERSON,
    SPEECH_ACTS,
    SPEECH_PROPS,
    STANDING,
    STATE_ACTS,
    TERRITORY_NOUNS,
    Context,
    Frame,
    _entry_mention,
    _need_nouns,
    _stance_words,
)
from .frames import STRUCK_PLACE_PREPS, _own_stance
from .mentions import ACTOR_TYPES, PLACE_TYPES
from .mentions import AMBIGUOUS as AMBIGUOUS_PREFIX
from .modality import modality_of
from .qualifiers import parse_quantities, resolve_date
from .voice import voice_words

EVENT_PLACE_PREPS = rule_words().event_place_preps
EVENT_OCCASION_PREPS = rule_words().event_occasion_preps
OCCASION_PLACE_PREPS = rule_words().occasion_place_preps
DATE_PART_WORDS = rule_words().date_part_words
AGO = rule_words().ago
FUTURE_AUXILIARIES = rule_words().future_auxiliaries
NEED_TARGET_PREPS = rule_words().need_target_preps
ANAPHORIC_PRONOUNS = rule_words().anaphoric_pronouns
IMPLICIT_AGENT_ACTS = frozenset({"captures", "attacks", "annexes", "invades", "strikes"})


def _written_agent(tok: Token) -> bool:
    """Whether the text writes an agent for the predicate, resolved or not ('its forces had repelled')."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return sx.possessor(tok) is not None or any(p == AGENT_PREP for p, _ in sx.prep_args(tok))
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


def _war_countries(ctx: Context, agents: bool) -> list[tuple[str, int]]:
    """The two countries the article's acts of war name most often as agent (`agents`: a country or its forces)
    or else as target (any mention, places by their country), with their counts."""
    counts: Counter = Counter()
    for rel in ctx.relations:
        if rel.predicate not in IMPLICIT_AGENT_ACTS:
            continue
        ment = rel.subject if agents else rel.object
        if agents and ment.type not in ("Country", "MilitaryUnit") or not isinstance(ment, Mention):
            continue
        code = _country_code(ctx, ment)
        if code:
            counts[code] += 1
    return counts.most_common(2)


def _main_belligerent(ctx: Context) -> str | None:
    """The country this article names most often as the agent of captures, attacks and annexations (its own
    forces and leader included), when one clearly leads; None otherwise."""
    ranked = _war_countries(ctx, agents=True)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _implicit_agents(ctx: Context) -> None:
    """'Taking Cusco would be a fine start', '2,300 km² has been seized', 'a strategy to invade': acts of war
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
    ranked = _war_countries(ctx, agents=False)
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
            or all(w.lower() in ctx.word_sets["office_words"] for w in obj.text.split())):
        return None  # "my security staff", "the Secretary": one's own staff, an office without a name
    if prop in ("meets", "negotiatesWith") and _own_state_officials(ctx, subject, obj):
        return None  # envoys of the issuing state meeting officials of its own embassy: their own side
    if prop in ("attacks", "strikes") and isinstance(obj, Content) and obj.text.split() \
            and obj.text.split()[-1].lower() in _stance_words()["figurative_targets"]:
        return None  # "an assault on the nation's transition": a figure of speech
    if prop in _stance_words()["territorial_acts"] and isinstance(obj, Content) \
            and not any(w in TERRITORY_NOUNS for w in obj.text.lower().split()):
        return None  # "relinquish all authority": text that names no territory is no withdrawal from one
    if prop in DOMAINS and subject.type not in DOMAINS[prop] or \
            prop in RANGES and isinstance(obj, Mention) and obj.type not in RANGES[prop]:
        return None  # the ontology's domain and range: a leader leads a country or body, not a person
    rel = Relation(doc_id=ctx.document.doc_id, sentence=number, subject=subject, predicate=prop,
                   object=obj, modality=modality, claimant=claimant, date=date, place=place,
                   quantity=quantity, role=role, evidence=evidence)
    for i, existing in enumerate(ctx.relations):
        if _same(existing, rel):
            return i
        if (REFINES.get(existing.predicate) == prop or REFINES.get(prop) == existing.predicate) \
                and _same(replace(existing, predicate=prop), rel):
            # one act read twice, by a property and by its refinement ('fired rockets at X' strikes X, and
            # attacks it): the refinement stays
            if REFINES.get(prop) == existing.predicate:
                ctx.relations[i] = rel
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
            if prep in EVENT_PLACE_PREPS and ment is not None and ment.type in PLACE_TYPES and place is None:
                if not any(isinstance(o, Mention) and o.key == ment.key for o in frame.objects):
                    place = ment
            if prep in EVENT_OCCASION_PREPS and ment is None and noun.pos_ == "NOUN":
                for p2, n2 in sx.prep_args(noun):
                    m2 = ctx.index.get(n2)
                    if p2 in OCCASION_PLACE_PREPS and m2 is not None and m2.type in PLACE_TYPES and place is None:
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
                if prev in DATE_PART_WORDS:
                    text = prev + " " + text
                return resolve_date(text, ctx.base_date)
    if tok.lower_ == AGO or any(t.lower_ == AGO for t in tok.subtree):
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


def _own_state_officials(ctx: Context, person: Mention, obj) -> bool:
    """Whether a person of the issuing state (none of another is known) meets the officials of that state, the
    description of whom is read as the state itself."""
    body = ctx.voice.body if ctx.voice is not None else None
    if body is None or person.type != "Person" or not isinstance(obj, Mention) or obj.type != "Country" \
            or obj.key != body.key or obj.name is not None:
        return False
    state = _state_of(ctx, person)
    return state is None or state.key == body.key


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
    if not any(sx.dep(c) in sx.AUX and c.lower_ in FUTURE_AUXILIARIES for c in tok.children):
        return None
    state = _state_of(ctx, claimant) if claimant.type == "Person" else None
    # the speaker, or the state a speaking leader heads ("Brandt said Lima would not freeze the conflict")
    own = [s for s in _mentions_of(ctx, sx.subjects(tok)) if s.key == claimant.key or state and s.key == state.key]
    if not own:
        return None
    content = Content(text=" ".join(t.text for t in tok.subtree if t.i >= tok.i).strip(" ,.")[:CONTENT_LIMIT])
    return Frame(token=tok, prop="rejects", subjects=own, objects=[content], mode=None, scope=tok)


def _stance_of_need(ctx: Context, frame: Frame) -> Frame:
    """'stressed the need for X', 'underscored the importance of X': a demand for X (praise of X when X is an
    actor), not a claim; so are 'reiterated that X must…' said of others and 'said that X is needed'."""
    if frame.prop != "claims" or frame.token.pos_ not in ("VERB", "AUX"):
        return frame
    comp = frame.complement
    if comp is not None and any(sx.dep(c) in sx.AUX and c.lower_ in _stance_words()["deontic_aux"]
                                for c in comp.children) \
            and not any(c.lower_ in FIRST_PERSON for c in sx.subjects(comp)):
        return replace(frame, prop="demands")
    if comp is not None and sx.lemma_in(comp, _stance_words()["need_verbs"]) and sx.is_passive(comp):
        needed = sx.children(comp, sx.SUBJ_PASS)
        if needed and needed[0].pos_ in ("NOUN", "PROPN") and not sx.is_negated(comp) and not sx.is_negated(needed[0]):
            # "stressed that more aid was urgently needed": a demand for it
            content = _content(needed[0])
            first = sx.noun_chunk_span(needed[0])[0]
            if first.lower_ == COMPLEMENTIZER and first.i == frame.token.i + 1 and len(content.text.split()) > 1:
                content = Content(text=content.text.split(" ", 1)[1])  # the complementizer read as a determiner
            return replace(frame, prop="demands", objects=[content], complement=None)
    need = next((o for o in sx.objects(frame.token) if o.lower_ in _need_nouns() or o.lemma_ in _need_nouns()), None)
    if need is None:
        return frame
    args = list(sx.prep_args(need)) or [(p, n) for p, n in sx.prep_args(frame.token) if n.i > need.i]
    for prep, noun in args:
        if prep in NEED_TARGET_PREPS:
            ment = _mention_at(ctx, noun)
            if ment is not None and ment.type in ACTOR_TYPES and not any(
                    sx.dep(c) in ("acl", "relcl", "acl:relcl") for c in noun.children):
                return replace(frame, prop="praises", objects=[ment], complement=None)
            text = _content(noun) if noun.pos_ in ("NOUN", "PROPN") else (
                _gerund_content(noun) if noun.tag_ == "VBG" else _clause_content(noun))
            return replace(frame, prop="demands", objects=[Content(text=text.text if isinstance(text, Content) else text)],
                           complement=None)
    for c in need.children:
        if sx.dep(c) in ("acl", "xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            content = _gerund_content(c) if c.tag_ == "VBG" else _clause_content(c)
            return replace(frame, prop="demands", objects=[content], complement=None)
    return frame


def _seized_power(ctx: Context, frame: Frame) -> Frame:
    """'The army's seizure of power in X', 'seized power': a seizure of power captures the country."""
    if frame.prop != "captures" or not frame.objects or not all(
            isinstance(o, Content) and re.sub(rf"^{DEFINITE_ARTICLE} ", "", o.text.lower()) in _stance_words()["power_nouns"]
            for o in frame.objects):
        return frame
    tok = frame.token
    places = [m for p, n in sx.prep_args(tok) if p == LOCATIVE_PREP for m in _mentions_expanded(ctx, n) if m.type == "Country"]
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
    places = [m for o in nouns for p, n in sx.prep_args(o) if p in STRUCK_PLACE_PREPS
              for m in _mentions_expanded(ctx, n) if m.type in PLACE_TYPES]
    return replace(frame, objects=places) if places else frame


def _said_of_places(frame: Frame) -> Frame:
    """'expressed concern about X': what is said of a place is said, in its words; a statement that claims the
    place itself would read as a claim to its territory."""
    if frame.prop != "claims" or not any(isinstance(o, Mention) and o.type in PLACE_TYPES for o in frame.objects):
        return frame
    return replace(frame, objects=[Content(text=o.surface) if isinstance(o, Mention) and o.type in PLACE_TYPES else o
                                   for o in frame.objects])


def _emit(ctx: Context, frame: Frame, number: int) -> list[int]:
    added: list[int] = []
    frame = _said_of_places(_places_of_objects(ctx, _seized_power(ctx, _stance_of_need(ctx, frame))))
    subjects = [s for s in frame.subjects if s.type in ACTOR_TYPES or frame.prop in STANDING]
    if frame.prop in STATE_ACTS:
        # "Brandt plans to seize Cusco": the state acts through its leader
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
        # "we will never recognise X" rejects X; "we stand ready to levy costs on X" threatens X: performed now,
        # or reported ("a spokesman said Ruritania would not accept…" is a rejection claimed by him)
        modality = "Claimed" if claimant is not None else "Asserted"
    elif frame.mode == "announced" and modality == "Asserted":
        return added  # "imposed sanctions on X" is a measure taken, not a threat
    elif frame.mode in ("held_to_account", "held_responsible"):
        if modality == "Planned":  # "will hold X accountable": a measure announced, as "stand ready to…" above
            modality = "Claimed" if claimant is not None else "Asserted"
        elif frame.mode == "held_responsible" and modality in ("Asserted", "Claimed", "Negated", "Denied"):
            frame = replace(frame, prop="accuses")  # "holds X responsible for the attack": blame (or its denial)
        elif modality in ("Asserted", "Claimed"):
            return added  # "actions that held X accountable": a measure taken, not a threat
    elif frame.mode == "promised" and modality in ("Asserted", "Claimed"):
        modality = "Planned"  # "pledged $5 million to X" (a claimant stays: "he said X pledged…")
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
        # "he will not cede any land", said by himself: a rejection, not a negated act
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
ANAPHORIC_CHARGE = re.compile("^(" + "|".join(sorted(rule_words().anaphoric_determiners)) + r")\b.*\b("
                              + "|".join(sorted(w + "s?" for w in rule_words().anaphoric_charge_nouns)) + ")$")


def _denial_copies(ctx: Context) -> None:
    """A denial of 'these accusations' or of a clause gives the denied relation again, as Denied."""
    rels = ctx.relations
    for i, rel in enumerate(list(rels)):
        if rel.predicate != "denies" or rel.modality != "Asserted":
            continue
        text = getattr(rel.object, "text", "").lower()
        if not (text in ANAPHORIC_PRONOUNS or ANAPHORIC_CHARGE.match(text)):
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
