"""Modality: how sure the text is of a relation, and on whose word.

`modality_of` walks the clauses above a predicate (negation, conditions, plans, hedges, reported speech) and
returns the relation's modality with the precedence of the graph contract, and its claimant: the speaker or
source the relation is attributed to (`_speaker`). `_node_info` records, once per token, what the walk reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon.words import ATTRIBUTION, COMPLEMENTIZER, INFINITIVE_MARKER, SOURCE_PREP, rule_words
from ..model import MODALITIES, Mention
from ..nlp import syntax as sx
from . import arguments
from .context import PLAN_ADJECTIVES, Context, _lexicon_entry, _stance_words, _that_marked

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
    hypo, allege, future = ctx.word_sets["hypo"], ctx.word_sets["allege"], ctx.word_sets["future"]
    flags: set[str] = set()
    if node.pos_ in ("NOUN", "PROPN"):
        for c in node.lefts:
            for t in c.subtree:
                low = t.lower_
                if low == IDIOMATIC_POSSIBLE and t.i > 0 and (t.doc[t.i - 1].tag_ == "JJS" or t.doc[t.i - 1].lower_ == EQUATIVE_AS):
                    continue  # "the strongest possible terms", "as soon as possible"
                if low in HYPOTHETICAL_MODIFIERS:
                    flags.add("Hypothetical")
                elif low in PLANNED_MODIFIERS:
                    flags.add("Planned")
                elif low in CLAIMED_MODIFIERS:
                    flags.add("Claimed")
    kids = [(sx.dep(c), c.lower_, c) for c in node.children]
    # "would" on a verb: a hypothesis, or the future seen from the past in reported speech ("said it would deploy")
    verbal = (node.pos_ == "VERB" or node.tag_.startswith("VB")) and not any(d == "cop" for d, _l, _c in kids)
    conditional = set()
    for d, low, c in kids:
        if d in sx.AUX and low in HYPOTHETICAL_MODALS or d in sx.AUX and low == CONDITIONAL_MODAL and not verbal:
            flags.add("Hypothetical")
        if d in sx.AUX and low in _stance_words()["deontic_aux"]:
            flags.add("Planned")  # "the forces should withdraw": demanded, not done
        if d in sx.AUX and low in future:
            flags.add("Planned")
        if d == "mark" and low in HYPOTHETICAL_MARKS:
            flags.add("Hypothetical")
        if d == "advmod" and low in hypo:
            flags.add("Hypothetical")
        if d == "advmod" and low in allege:
            flags.add("Claimed")
        if d == "nsubj:outer" and sx.lemma_in(c, EVIDENTIAL_NOUNS) and any(x == "cop" for x, _l, _c in kids):
            flags.add("Claimed")  # "initial indications are that X attacked Y": hedged
        if d in sx.AMOD and low in HYPOTHETICAL_MODIFIERS and not (
                low == IDIOMATIC_POSSIBLE and c.i > 0 and (c.doc[c.i - 1].tag_ == "JJS" or c.doc[c.i - 1].lower_ == EQUATIVE_AS)):
            flags.add("Hypothetical")
        if d in sx.AMOD and low in PLANNED_ATTRIBUTES:
            flags.add("Planned")
        if d in sx.AMOD and low in CLAIMED_ATTRIBUTES:
            flags.add("Claimed")
        if d == "advcl" and any(sx.dep(m) == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            conditional.add(c.i)
        if d in sx.SUBJ | sx.SUBJ_PASS and any(x.lower_ == ANY and sx.dep(x) == "det" for x in c.children):
            flags.add("Hypothetical")  # "any foreign troops deployed to Chile": troops that may never be there
    according = None
    for prep, noun in sx.prep_args(node):
        if prep == ATTRIBUTION:
            flags.add("Claimed")
            according = according or arguments._mention_at(ctx, noun)
    is_verb = node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB")
    entry = _lexicon_entry(ctx, node)
    info = _NodeInfo(
        flags=frozenset(flags), according=according, negated=sx.is_negated(node),
        conditional_children=frozenset(conditional),
        marked_if=any(d == "mark" and low in CONDITION_MARKS for d, low, _ in kids),
        modal=any(d in sx.AUX and low in HYPOTHETICAL_MODALS or d in sx.AUX and low == CONDITIONAL_MODAL and not verbal
                  for d, low, _ in kids),
        would=verbal and any(d in sx.AUX and low == CONDITIONAL_MODAL for d, low, _ in kids),
        future=any(d in sx.AUX and low in future for d, low, _ in kids),
        alleged=any(d == "advmod" and low in allege for d, low, _ in kids),
        to_marked=any(d == "mark" and low == INFINITIVE_MARKER for d, low, _ in kids),
        plan_object=any(d in sx.OBJ and low in ctx.word_sets["plan_nouns"] for d, low, _ in kids),
        is_verb=is_verb, entry=entry,
        plan_verb=sx.lemma_in(node, ctx.word_sets["plan_verbs"]) is not None,
        negative_verb=sx.lemma_in(node, ctx.word_sets["negative_verbs"]) is not None,
        plan_adjective=node.pos_ == "ADJ" and sx.lemma_in(node, ctx.word_sets["plan_verbs"] | PLAN_ADJECTIVES) is not None,
    )
    ctx.node_info[node.i] = info
    return info
GATHERING_NOUNS = rule_words().gathering_nouns
TEMPORAL_MARKS = rule_words().temporal_marks
PREVENTION_VERBS = rule_words().prevention_verbs
OBJECT_CONTROL_PREPS = rule_words().object_control_preps
ADVERBIAL_MARKS = TEMPORAL_MARKS | rule_words().reason_marks
CIRCUMSTANCE_PREPS = rule_words().circumstance_preps
PLAN_NOUN_PREPS = rule_words().plan_noun_preps
GATHERING_PREPS = rule_words().gathering_preps
IDIOMATIC_POSSIBLE = rule_words().idiomatic_possible
EQUATIVE_AS = rule_words().equative_as
HYPOTHETICAL_MODIFIERS = rule_words().hypothetical_modifiers
PLANNED_MODIFIERS = rule_words().planned_modifiers
PLANNED_ATTRIBUTES = PLANNED_MODIFIERS | {rule_words().future_adjective}
CLAIMED_MODIFIERS = rule_words().claimed_modifiers
EVIDENTIAL_NOUNS = rule_words().evidential_nouns
CLAIMED_ATTRIBUTES = CLAIMED_MODIFIERS | {rule_words().reported_participle}
HYPOTHETICAL_MODALS = rule_words().hypothetical_modals
CONDITIONAL_MODAL = rule_words().conditional_modal
CONDITION_MARKS = rule_words().condition_marks
HYPOTHETICAL_MARKS = CONDITION_MARKS | rule_words().open_question_marks
ANY = rule_words().free_choice_determiner
FREE_CHOICE_WORDS = rule_words().free_choice_words
LIKELIHOOD_ADJECTIVES = rule_words().likelihood_adjectives
POSSIBILITY_NOUNS = rule_words().possibility_nouns
EMBEDDING = frozenset({"ccomp", "parataxis", "xcomp", "acl", "advcl", "obj", "dobj", "csubj", "pcomp", "pobj", "nmod",
                       "obl", "prep", "acl:relcl", "relcl"})


def _closing_attribution(ctx: Context, visited: list[Token]) -> Mention | None:
    """The source of an 'according to' phrase after a comma at the end of the sentence, hung on a word of the
    clauses walked through (or on one of their dependents), or None."""
    for n in visited:
        for c in [n, *n.children]:
            for prep, noun in sx.prep_args(c):
                if prep != ATTRIBUTION:
                    continue
                sent = noun.sent
                start = min(t.i for t in noun.subtree)
                after = noun.doc[noun.right_edge.i + 1:sent.end]
                if start > 0 and noun.doc[start - 1].text == "," or noun.doc[start].text == ",":
                    if all(t.is_punct or t.is_space for t in after):
                        return arguments._mention_at(ctx, noun)
    return None


def _trailing_speech(verb: Token) -> bool:
    """', the military said' after a clause: a parataxis, or a conjunct with a subject, no conjunction and
    nothing said of its own (', regional governor Jane Roe said on Friday' misparsed as a conjunct)."""
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
    anchor = arguments._speech_anchor(ctx, token)
    if anchor is not None:
        token = anchor  # "…, adding that…" is said as the verb it continues is
    info = _node_info(ctx, token)
    flags: set[str] = set(info.flags)
    if info.conditional_children:
        flags.add("Hypothetical")  # "seize both provinces if Peru refused": the consequence holds only under it
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
        if rel in sx.NOUN_OBL | sx.POBJ and (sx.prep_of(child) in CIRCUMSTANCE_PREPS or sx.prep_of(child) in GATHERING_PREPS
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
        # "allegations that Peru targeted…" is content, even with "that" misread as a relative pronoun
        # beside the clause's own subject; "an allegation Israel rejected" is a relative clause
        thats = [m for m in child.children if m.lower_ == COMPLEMENTIZER and m.i < child.i]
        content_clause = any(sx.dep(m) == "mark" for m in thats) or bool(thats) and len(
            [c for c in child.children if sx.dep(c) in sx.SUBJ | sx.SUBJ_PASS]) > 1
        if rel in sx.REL_CLAUSE and not (node.pos_ == "NOUN" and content_clause
                                         and (node.lower_ in allege or node.lower_ in plan_nouns)):
            break  # a relative clause is a statement of its own about its noun ("allegations that…" is content)
        if rel in ("acl", "advcl") and node.pos_ in ("NOUN", "PROPN") \
                and any(sx.dep(m) == "mark" and m.lower_ in ADVERBIAL_MARKS for m in child.children):
            break  # "(the problem is) the threat of a crisis, as the ports are blocked": a statement of its own
        if rel == "acl" and child.tag_ == "VBN" and node.pos_ in ("NOUN", "PROPN") \
                and not (node.lower_ in allege or sx.lemma_in(node, plan_nouns)):
            # "lands seized by Ruritania": a reduced relative, a statement of its own about its noun;
            # "any troops deployed to Chile" speaks of troops that may not exist
            if any(c.lower_ in FREE_CHOICE_WORDS for c in node.children):
                flags.add("Hypothetical")
            break
        entry = info.entry
        mode = entry.get("mode") if entry else None
        if child.tag_ == "VBG" and rel in ("advcl", "pcomp", "acl", "pobj") and sx.lemma_in(node, PREVENTION_VERBS):
            marks = {m.lower_ for m in child.children if sx.dep(m) in ("mark", "case")}
            if marks & OBJECT_CONTROL_PREPS:
                # "stopped X from joining", "refrained from attacking": not done; "warned X against sending": may be
                flags.add("Negated" if SOURCE_PREP in marks else "Hypothetical")
                break
        if info.plan_adjective and rel in ("xcomp", "ccomp", "advcl", "acl"):
            flags.add("Planned")  # "ready to meet", "willing to negotiate"
        if not info.is_verb and info.negative_verb and rel == "xcomp":
            soft_negation = True  # "reluctant to attack", "unable to reach"
        if rel in ("advcl", "xcomp") and child_info.to_marked and info.plan_object:
            flags.add("Planned")  # "renewing her commitment to protecting"
        if rel in sx.NOUN_OBL and info.plan_object and sx.prep_of(child) in PLAN_NOUN_PREPS \
                and any(sx.dep(c) in sx.OBJ and c.i < child.i for c in node.children):
            flags.add("Planned")  # "stressed the need for talks with X", the phrase hung on the verb: wanted, not held
        if rel == "advcl" and child_info.to_marked and info.is_verb \
                and (child_info.entry or {}).get("p") in _stance_words()["purpose_acts"]:
            flags.add("Planned")  # a purpose clause: "sent troops to X to fight Y" is what the troops were sent for
        if info.is_verb:
            if info.plan_verb and (rel in ("xcomp", "ccomp", "obl", "pcomp", "prep", "advcl")
                                   or rel in sx.OBJ and child.pos_ == "NOUN"
                                   and not sx.lemma_in(node, ctx.word_sets["plan_verbs_by_clause"])):
                flags.add("Planned")  # "preparing a new offensive": an event noun a plan verb governs is not done
            if info.negative_verb and rel == "xcomp":
                soft_negation = True  # "failed to take"; but "if Peru refused to withdraw" is a hypothesis
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
        if node.pos_ == "ADJ" and node.lower_ in LIKELIHOOD_ADJECTIVES and \
                rel in ("csubj", "ccomp", "xcomp", "nsubj"):
            flags.add("Hypothetical")
        if node.pos_ == "NOUN" and sx.lemma_in(node, plan_nouns) and \
                rel in ("acl", "xcomp", "nmod", "pobj", "prep", "pcomp", "compound", "amod", "ccomp"):
            flags.add("Hypothetical" if sx.lemma_in(node, POSSIBILITY_NOUNS) else "Planned")
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
            elif mode == "deny" and (rel in ("ccomp", "obj", "dobj", "xcomp", "parataxis", "acl:relcl", "relcl")
                                     or rel == "advcl" and child.tag_ == "VBG" and child.i > node.i
                                     and not any(sx.dep(m) in ("mark", "case") for m in child.children)
                                     and not any(t.is_punct for t in node.doc[node.i + 1:child.i])):
                # "denied targeting civilians" with the gerund read as an adverbial clause: what is denied (not
                # "denied it, stating that…": what the denier did besides)
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
    if claimant is None and "Claimed" not in flags:
        # "Iran supplies drones to Russia, according to US officials" with the phrase hung on the object: an
        # attribution that closes the sentence after a comma is the source of the clause it closes
        source = _closing_attribution(ctx, visited)
        if source is not None:
            flags.add("Claimed")
            claimant = source
    if soft_negation and "Hypothetical" not in flags:
        flags.add("Negated")
    for name in MODALITIES:
        if name in flags:
            return name, claimant
    return "Asserted", claimant


def _speaker(ctx: Context, node: Token) -> Mention | None:
    """Who speaks, denies or alleges: the verb's subject, or the possessor of a noun ('Russia's assertion')."""
    if node.pos_ in ("VERB", "AUX"):
        found = arguments._inherited_subjects(ctx, node)
    else:
        poss = sx.possessor(node)
        found = arguments._mentions_of(ctx, [poss]) if poss is not None else []
    return found[0] if found else None
