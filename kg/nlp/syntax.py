"""Dependency roles that read the same on both label schemes.

The project's pipeline uses Universal Dependencies labels (`nsubj:pass`,
`obj`, `obl` with a `case` child, `nmod:poss`); the `en_core_web_*`
pipelines use ClearNLP labels (`nsubjpass`, `dobj`, `prep` + `pobj`,
`poss`). Extraction asks these functions, never the raw labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property, lru_cache

from spacy.attrs import HEAD, LEMMA, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc, Span, Token

from ..lexicon.words import AGENT_PREP, ATTRIBUTION, ATTRIBUTION_WORD, rule_words

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
BARE_NOMINAL = frozenset({"obl", "obl:npmod", "npadvmod"})
"""A nominal hung on a verb without a preposition: where it has no 'case' child, an object the parse misread."""
NOUN_OBL = frozenset({"obl", "nmod", "obl:tmod", "obl:npmod", "nmod:npmod", "nmod:tmod", "obl:agent", "obl:unmarked"})
CASE = frozenset({"case"})
PREP = frozenset({"prep", "agent"})
POBJ = frozenset({"pobj", "pcomp"})
NEG = frozenset({"neg"})
CC = frozenset({"cc"})
NEG_WORDS = rule_words().negation_words
REL_PRONOUNS = rule_words().relative_pronouns
POSSESSIVE_MARKERS = rule_words().possessive_clitics | rule_words().plural_possessive_marks
PREPOSITIONAL_PARTICLES = rule_words().prepositional_particles
IRREGULAR_FORMS = rule_words().irregular_verb_forms
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})


class Words:
    """A document's tokens and the attributes the rules scan most, read from the token arrays.

    Scanning a sentence through these lists makes no Token objects and no string look-ups: each
    `doc[i]` or `for tok in span` makes a new Token object, and each `tok.lower_` a look-up. The rules
    test the strings here first and take `tokens[i]` only for the tokens that pass. Each column is read
    the first time it is used.
    """

    # string hash -> string, and word (ORTH hash) -> its lower case; hashes are the same in every vocabulary
    _names: dict[int, str] = {0: ""}
    _lowers: dict[int, str] = {}

    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self._heads_of: dict[str, set[int]] = {}
        orths = doc.to_array(ORTH).tolist() if self.tokens else []
        missing = set(orths).difference(Words._lowers)
        if missing:
            if len(Words._lowers) > 1_000_000:  # a bound on memory across a very large corpus
                Words._names, Words._lowers = {0: ""}, {}
                missing = set(orths)
            vocab = doc.vocab
            Words._names.update((h, vocab.strings[h]) for h in missing)
            Words._lowers.update((h, vocab[h].lower_) for h in missing)
        self.text: list[str] = list(map(Words._names.__getitem__, orths))
        self.lower: list[str] = list(map(Words._lowers.__getitem__, orths))

    def _strings(self, attr: int) -> list[str]:
        hashes = self.doc.to_array(attr).tolist() if self.tokens else []
        names = Words._names
        try:
            return list(map(names.__getitem__, hashes))
        except KeyError:
            strings = self.doc.vocab.strings
            names.update((h, strings[h]) for h in set(hashes).difference(names))
            return list(map(names.__getitem__, hashes))

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @cached_property
    def pos(self) -> list[str]:
        return self._strings(POS)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def head(self) -> list[int]:
        """The index of each token's head (a root's is its own)."""
        offsets = self.doc.to_array(HEAD).view("int64").tolist() if self.tokens else []
        return [i + o for i, o in enumerate(offsets)]

    def heads_of(self, word: str) -> set[int]:
        """The tokens that have a child spelt `word` (lower case): `heads_of("the")` holds every word with
        'the' among its children."""
        found = self._heads_of.get(word)
        if found is None:
            head = self.head
            found = self._heads_of[word] = {head[i] for i, w in enumerate(self.lower) if w == word and head[i] != i}
        return found

    def doc_text(self) -> str:
        """`doc.text`, from the word list (spaCy rebuilds it from Token objects at each call)."""
        spaces = self.doc.to_array(SPACY).tolist() if self.tokens else []
        return "".join([t + " " if s else t for t, s in zip(self.text, spaces)])

    def candidates(self, i: int) -> tuple[str, ...]:
        """`lemma_candidates` of token i."""
        return _candidates(self.lower[i], self.lemma[i])

    def lookup(self, i: int, table: dict):
        """`lookup` of token i."""
        for cand in _candidates(self.lower[i], self.lemma[i]):
            if cand in table:
                return cand, table[cand]
        return None, None


def lemma_candidates(token: Token) -> tuple[str, ...]:
    """Possible lemmas of a word: the pipeline's lemma, then the word itself and its regular stems.

    A statistical lemmatizer can be wrong on rare or domain words ("shelling", "annexed"); the
    lexicon look-ups try these candidates in order.
    """
    return _candidates(token.lower_, token.lemma_)


@lru_cache(maxsize=65536)
def _candidates(lower: str, lemma: str) -> tuple[str, ...]:
    out = [lemma.lower(), lower]
    if lower in IRREGULAR_FORMS:
        out.append(IRREGULAR_FORMS[lower])  # "struck" -> "strike", where the lemmatizer kept the form
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


_DEP_NAMES: dict[int, str] = {}


def dep(token: Token) -> str:
    """The token's dependency label in lower case."""
    name = _DEP_NAMES.get(token.dep)
    if name is None:
        name = _DEP_NAMES[token.dep] = token.dep_.lower()
    return name


def children(token: Token, labels: frozenset[str]) -> list[Token]:
    # whitespace tokens (paragraph breaks) get parsed too; they are never arguments
    return [c for c in token.children if dep(c) in labels and not c.is_space]


def previous_sentence_start(doc: Doc, start: int) -> int:
    """Where the sentence before the one that starts at token `start` starts, a paragraph break the parse made a
    sentence of its own left out (`start` itself at the beginning of the document)."""
    while start > 0 and doc[start - 1].is_space:
        start -= 1
    return doc[start - 1].sent.start if start > 0 else start


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Cusco and Puno")."""
    out = [token]
    for conj in token.conjuncts:
        if conj not in out:
            out.append(conj)
    return sorted(out, key=lambda t: t.i)


LIST_GLUE = frozenset({"—", "–", "-", "--", ":", ","})


def class_noun_after(token: Token, nouns) -> Token | None:
    """The class noun that restates a list: "Cusco, Puno and Tacna — regions that…" gives "regions"."""
    last = max(with_conjuncts(token), key=lambda t: t.i).right_edge
    doc = token.doc
    i = last.i + 1
    if i + 1 < len(doc) and doc[i].text in LIST_GLUE and doc[i + 1].lower_ in nouns and doc[i + 1].tag_ == "NNS":
        return doc[i + 1]
    return None


def list_before(noun: Token) -> Token | None:
    """The first item of the list a plural class noun restates, "Cusco" for "… Tacna — regions"."""
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
    # a participle with its agent: "the statement, made by Brandt"
    return verb.tag_ == "VBN" and any(dep(c) in ("obl:agent", "agent") for c in verb.children)


def prep_of(noun: Token) -> str | None:
    """The preposition that introduces a nominal (UD `case` child or ClearNLP `prep` head)."""
    cases = [c for c in noun.children if dep(c) in CASE and c.tag_ != "POS" and c.lower_ not in POSSESSIVE_MARKERS]
    if cases:
        # multiword prepositions: "out of", "according to", "because of"
        first = cases[0]
        words = [first.lower_] + [c.lower_ for c in first.children if dep(c) in {"fixed", "mwe"}]
        return " ".join(words)
    edge = noun.left_edge
    if edge.i < noun.i and dep(edge) in CASE and edge.tag_ in ("IN", "TO") and dep(noun) in NOUN_OBL:
        return edge.lower_  # "of the Cusco region" with "of" hung on "Cusco"
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
        elif label in PREP or (label == "prt" and child.lower_ in PREPOSITIONAL_PARTICLES):
            for grand in child.children:
                if dep(grand) in POBJ:
                    yield prep_of(grand) or child.lower_, grand
                elif dep(grand) in PREP:  # "out of": prt/prep chains
                    for g2 in grand.children:
                        if dep(g2) in POBJ:
                            yield f"{child.lower_} {grand.lower_}", g2
        elif label in {"advmod"} and child.lower_ == ATTRIBUTION_WORD:
            for grand in child.children:
                if dep(grand) in PREP:
                    for g2 in grand.children:
                        if dep(g2) in POBJ:
                            yield ATTRIBUTION, g2
                elif dep(grand) in NOUN_OBL:
                    yield ATTRIBUTION, grand


def subjects(verb: Token) -> list[Token]:
    """Logical subjects: the active subject, or the by-phrase of a passive."""
    if is_passive(verb):
        return [n for p, n in prep_args(verb) if p == AGENT_PREP]
    found = children(verb, SUBJ)
    if not found and dep(verb) == "conj" and verb.head.head.i == verb.head.i and verb.head.i < verb.i \
            and verb.head.pos_ in ("PROPN", "NOUN"):
        return _subjects_read_as_root(verb)
    return found


def _subjects_read_as_root(verb: Token) -> list[Token]:
    """'Kenya and Uganda condemned X' parsed with the first name as the root, the verb as its conjunct and the
    second name as a modifier of the verb: the root and the names between the verb's 'and' and the verb are its
    subjects. Nothing where the verb has no 'and' of its own before it."""
    cc = [c for c in verb.children if dep(c) in CC and c.i < verb.i]
    if not cc:
        return []
    between = [c for c in verb.children if c.pos_ == "PROPN" and cc[0].i < c.i < verb.i]
    return [verb.head, *between] if between else []


def objects(verb: Token) -> list[Token]:
    """Logical direct objects: the object, or the subject of a passive."""
    if is_passive(verb):
        return children(verb, SUBJ_PASS) + children(verb, OBJ)
    return children(verb, OBJ)


NOT_ONLY = rule_words().focus_adverbs  # "not only X but Y" negates nothing


def is_negated(token: Token) -> bool:
    """Whether a negation governs the token; 'not only', 'not just' add rather than deny."""
    return any((dep(c) in NEG or (dep(c) in {"advmod", "det"} and c.lower_ in NEG_WORDS))
               and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in NOT_ONLY) for c in token.children)


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
