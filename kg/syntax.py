"""Dependency roles that read the same on both label schemes.

The project's pipeline uses Universal Dependencies labels (`nsubj:pass`,
`obj`, `obl` with a `case` child, `nmod:poss`); the `en_core_web_*`
pipelines use ClearNLP labels (`nsubjpass`, `dobj`, `prep` + `pobj`,
`poss`). Extraction asks these functions, never the raw labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

SUBJ = frozenset({"nsubj", "csubj", "expl"})
SUBJ_PASS = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"})
OBJ = frozenset({"obj", "dobj"})
IOBJ = frozenset({"iobj", "dative"})
AUX_PASS = frozenset({"aux:pass", "auxpass"})
AUX = frozenset({"aux", "aux:pass", "auxpass"})
CLAUSE_COMP = frozenset({"ccomp", "xcomp", "parataxis"})
ADV_CLAUSE = frozenset({"advcl"})
REL_CLAUSE = frozenset({"acl:relcl", "relcl"})
ADJ_CLAUSE = frozenset({"acl", "acl:relcl", "relcl"})
POSS = frozenset({"nmod:poss", "poss"})
COMPOUND = frozenset({"compound", "flat", "flat:name", "nn"})
APPOS = frozenset({"appos"})
AMOD = frozenset({"amod"})
NUMMOD = frozenset({"nummod"})
NOUN_OBL = frozenset({"obl", "nmod", "obl:tmod", "obl:npmod", "nmod:npmod", "nmod:tmod", "obl:agent", "obl:unmarked"})
CASE = frozenset({"case"})
PREP = frozenset({"prep", "agent"})
POBJ = frozenset({"pobj", "pcomp"})
NEG = frozenset({"neg"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
REL_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})


def lemma_candidates(token: Token) -> tuple[str, ...]:
    """Possible lemmas of a word: the pipeline's lemma, then the word itself and its regular stems.

    A statistical lemmatizer can be wrong on rare or domain words ("shelling", "annexed"); the
    lexicon look-ups try these candidates in order.
    """
    return _candidates(token.lower_, token.lemma_)


@lru_cache(maxsize=65536)
def _candidates(lower: str, lemma: str) -> tuple[str, ...]:
    out = [lemma.lower(), lower]
    if lower.endswith("ing") and len(lower) > 5:
        stem = lower[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if lower.endswith("ed") and len(lower) > 4:
        stem = lower[:-2]
        out += [stem, lower[:-1]]
        if stem.endswith("i"):
            out.append(stem[:-1] + "y")
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if lower.endswith("ies") and len(lower) > 4:
        out.append(lower[:-3] + "y")
    if lower.endswith("es") and len(lower) > 3:
        out.append(lower[:-2])
    if lower.endswith("s") and len(lower) > 3:
        out.append(lower[:-1])
    seen = []
    for c in out:
        if c and c not in seen:
            seen.append(c)
    return tuple(seen)


def lookup(token: Token, table: dict):
    """The first entry of a lexicon table matching one of the token's lemma candidates, with its key."""
    for cand in lemma_candidates(token):
        if cand in table:
            return cand, table[cand]
    return None, None


def lemma_in(token: Token, words) -> str | None:
    """The lemma candidate of a token found in a set of words, or None."""
    for cand in lemma_candidates(token):
        if cand in words:
            return cand
    return None


def dep(token: Token) -> str:
    return token.dep_.lower()


def children(token: Token, labels: frozenset[str]) -> list[Token]:
    # whitespace tokens (paragraph breaks) get parsed too; they are never arguments
    return [c for c in token.children if dep(c) in labels and not c.is_space]


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Sumy and Kharkiv")."""
    out = [token]
    for conj in token.conjuncts:
        if conj not in out:
            out.append(conj)
    return sorted(out, key=lambda t: t.i)


LIST_GLUE = frozenset({"—", "–", "-", "--", ":", ","})


def class_noun_after(token: Token, nouns) -> Token | None:
    """The class noun that restates a list: "Donetsk, Luhansk and Kherson — regions that…" gives "regions"."""
    last = max(with_conjuncts(token), key=lambda t: t.i).right_edge
    doc = token.doc
    i = last.i + 1
    if i + 1 < len(doc) and doc[i].text in LIST_GLUE and doc[i + 1].lower_ in nouns and doc[i + 1].tag_ == "NNS":
        return doc[i + 1]
    return None


def list_before(noun: Token) -> Token | None:
    """The first item of the list a plural class noun restates, "Donetsk" for "… Kherson — regions"."""
    doc = noun.doc
    i = noun.i - 1
    if i < 1 or doc[i].text not in LIST_GLUE or noun.tag_ != "NNS":
        return None
    prev = doc[i - 1]
    while prev.is_punct and prev.i > 0:
        prev = doc[prev.i - 1]
    first = prev
    while dep(first) == "conj" and first.head.i < first.i:
        first = first.head
    return first if len(with_conjuncts(first)) > 1 else None


def is_passive(verb: Token) -> bool:
    if any(dep(c) in AUX_PASS or dep(c) in SUBJ_PASS for c in verb.children):
        return True
    # a participle with its agent: "the announcement, made by Gerasimov"
    return verb.tag_ == "VBN" and any(dep(c) in ("obl:agent", "agent") for c in verb.children)


def prep_of(noun: Token) -> str | None:
    """The preposition that introduces a nominal (UD `case` child or ClearNLP `prep` head)."""
    cases = [c for c in noun.children if dep(c) in CASE and c.tag_ != "POS" and c.lower_ not in ("'s", "’s", "'")]
    if cases:
        # multiword prepositions: "out of", "according to", "because of"
        first = cases[0]
        words = [first.lower_] + [c.lower_ for c in first.children if dep(c) in {"fixed", "mwe"}]
        return " ".join(words)
    edge = noun.left_edge
    if edge.i < noun.i and dep(edge) in CASE and edge.tag_ in ("IN", "TO") and dep(noun) in NOUN_OBL:
        return edge.lower_  # "of the Kursk region" with "of" hung on "Kursk"
    if dep(noun) in POBJ and noun.head.tag_ in ("IN", "TO", "RP") or dep(noun) in POBJ and dep(noun.head) in PREP:
        head = noun.head
        words = [head.lower_] + [c.lower_ for c in head.children if dep(c) in {"fixed", "mwe", "prep"} and c.i < noun.i and c.i > head.i]
        if dep(head) in PREP and head.head.tag_ in ("IN", "RB", "RP") and head.head.i == head.i - 1:
            words = [head.head.lower_] + words
        return " ".join(words)
    return None


def prep_args(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, nominal) pairs attached to a verb or noun, on both schemes."""
    for child in head.children:
        label = dep(child)
        if label in NOUN_OBL or label == "advcl" and child.pos_ in ("NOUN", "PROPN") or label == "obl:agent":
            prep = prep_of(child)
            if prep:
                yield prep, child
        elif label in PREP or (label == "prt" and child.lower_ in ("out",)):
            for grand in child.children:
                if dep(grand) in POBJ:
                    yield prep_of(grand) or child.lower_, grand
                elif dep(grand) in PREP:  # "out of": prt/prep chains
                    for g2 in grand.children:
                        if dep(g2) in POBJ:
                            yield f"{child.lower_} {grand.lower_}", g2
        elif label in {"advmod"} and child.lower_ in ("according",):
            for grand in child.children:
                if dep(grand) in PREP:
                    for g2 in grand.children:
                        if dep(g2) in POBJ:
                            yield "according to", g2
                elif dep(grand) in NOUN_OBL:
                    yield "according to", grand


def subjects(verb: Token) -> list[Token]:
    """Logical subjects: the active subject, or the by-phrase of a passive."""
    if is_passive(verb):
        return [n for p, n in prep_args(verb) if p == "by"]
    return children(verb, SUBJ)


def objects(verb: Token) -> list[Token]:
    """Logical direct objects: the object, or the subject of a passive."""
    if is_passive(verb):
        return children(verb, SUBJ_PASS) + children(verb, OBJ)
    return children(verb, OBJ)


def is_negated(token: Token) -> bool:
    return any(dep(c) in NEG or (dep(c) in {"advmod", "det"} and c.lower_ in NEG_WORDS) for c in token.children)


def aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if dep(c) in AUX}


def possessor(noun: Token) -> Token | None:
    found = children(noun, POSS)
    return found[0] if found else None


def is_relative_pronoun(token: Token) -> bool:
    return token.lower_ in REL_PRONOUNS and token.tag_ in ("WDT", "WP", "WP$", "IN", "DT")


def clause_head(token: Token) -> Token:
    """The verb (or predicate) of the clause containing a token."""
    current = token
    while current.head.i != current.i and current.pos_ not in ("VERB", "AUX") and dep(current) not in {"root"}:
        current = current.head
    return current


def noun_chunk_span(token: Token) -> Span:
    """The noun phrase headed by a token, without relative clauses and trailing punctuation."""
    left = token.i
    for child in token.lefts:
        left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if dep(child) in ADJ_CLAUSE | APPOS | {"punct", "cc", "conj"} | PREP | NOUN_OBL | {"acl"}:
            break
        right = max(right, child.right_edge.i)
    doc = token.doc
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left:right + 1]
