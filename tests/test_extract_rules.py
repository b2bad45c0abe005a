"""Rule families added for reporting in general: lists restated by a class noun, conditions, role appositives,
heads of state as agents, circumstances of speech, mistagged speech verbs, anaphoric reports, refusals,
presence of forces, free relatives, stray objects, military adjectives on event nouns (hand-built UD parses).

Every sentence and person here is invented. Rows are (text, head, dep, pos, tag, lemma); entities are
(start, end, label). Rules whose tests share a shape are tables run by one test function each:
TRIPLES asserts the exact (subject, property, object, modality) statements of one property (of every property
when it is None); CLAIMS asserts them with the claimant's key (None when the article asserts it) as a fifth member.
Tests whose assertions look at something else (mentions, roles, labels) stay functions of their own."""

from __future__ import annotations

import pytest

from kg.extract import extract_document
from tests.conftest import document, parse, triples

CL, PE, BR, FR = "country:CL", "country:PE", "country:BR", "country:FR"
TACNA_REGION, CUSCO_REGION, AREQUIPA_REGION = "region:PE-TAC", "region:PE-CUS", "region:PE-ARE"
# a bare name of both a city and a region stays open between the two until the corpus settles it (kg.extract.resolve)
TACNA, AREQUIPA, CUSCO = (f"ambiguous:city:pe:{c.lower()}|{r}" for c, r in
                          (("Tacna", TACNA_REGION), ("Arequipa", AREQUIPA_REGION), ("Cusco", CUSCO_REGION)))


def run(rows, ents=()):
    doc = parse(rows, ents)
    return extract_document(doc, document(doc))


def of(ex, prop):
    return {t for t in triples(ex) if t[1] == prop}


def claimed(ex, prop):
    """(subject, property, object, modality, claimant key) of the relations of one property (None: all)."""
    out = set()
    for r in ex.relations:
        if prop is None or r.predicate == prop:
            obj = getattr(r.object, "key", None) or getattr(r.object, "text", None)
            out.add((r.subject.key, r.predicate, obj, r.modality, r.claimant.key if r.claimant else None))
    return out


def case(id_, rows, ents, prop, expected):
    return pytest.param(rows, ents, prop, expected, id=id_)


# --- rows shared by several cases -------------------------------------------------------------------------------

def _expanded_operations(extra):
    # "Chile expanded operations in Peru." / "Chile expanded rescue operations in Peru."
    words = [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("expanded", 1, "ROOT", "VERB", "VBD", "expand")]
    if extra:
        words.append(("rescue", 3, "compound", "NOUN", "NN", "rescue"))
    n = len(words)
    return words + [("operations", 1, "obj", "NOUN", "NNS", "operation"), ("in", n + 2, "case", "ADP", "IN", "in"),
                    ("Peru", n, "nmod", "PROPN", "NNP", "Peru"), (".", 1, "punct", "PUNCT", ".", ".")]


# "Chile attacked Arequipa. Drones struck a refinery in the Antofagasta region." ("struck" without its subject)
_REFINERY = [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
             ("Arequipa", 1, "obj", "PROPN", "NNP", "Arequipa"), (".", 1, "punct", "PUNCT", ".", "."),
             ("struck", 4, "ROOT", "VERB", "VBD", "strike"), ("a", 6, "det", "DET", "DT", "a"),
             ("refinery", 4, "obj", "NOUN", "NN", "refinery"), ("in", 10, "case", "ADP", "IN", "in"),
             ("the", 10, "det", "DET", "DT", "the"), ("Antofagasta", 10, "compound", "PROPN", "NNP", "Antofagasta"),
             ("region", 6, "nmod", "NOUN", "NN", "region"), (".", 4, "punct", "PUNCT", ".", ".")]
_REFINERY_IN_PERU = [*_REFINERY[:9], ("Tacna", 10, "compound", "PROPN", "NNP", "Tacna"), *_REFINERY[10:]]


TRIPLES = [
    # "Chile threatened Arequipa and Cusco — regions that Chile annexed."
    # the bare names are read as the regions, not the cities of the same name
    *(case(f"a class noun after a dash restates the list before it ({prop})",
           [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
            ("Arequipa", 1, "obj", "PROPN", "NNP", "Arequipa"), ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("Cusco", 2, "conj", "PROPN", "NNP", "Cusco"), ("—", 6, "punct", "PUNCT", ":", "—"),
            ("regions", 1, "xcomp", "NOUN", "NNS", "region"), ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("Chile", 9, "nsubj", "PROPN", "NNP", "Chile"), ("annexed", 6, "acl:relcl", "VERB", "VBD", "annex"),
            (".", 1, "punct", "PUNCT", ".", ".")],
           [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE"), (8, 9, "GPE")],
           prop, {(CL, prop, AREQUIPA_REGION, "Asserted"), (CL, prop, CUSCO_REGION, "Asserted")})
      for prop in ("annexes", "threatens")),
    # "Chile will seize Tacna if Peru refuses."
    case("the consequence of a condition is hypothetical",
         [("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"), ("will", 2, "aux", "AUX", "MD", "will"),
          ("seize", 2, "ROOT", "VERB", "VB", "seize"), ("Tacna", 2, "obj", "PROPN", "NNP", "Tacna"),
          ("if", 6, "mark", "SCONJ", "IN", "if"), ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"),
          ("refuses", 2, "advcl", "VERB", "VBZ", "refuse"), (".", 2, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "GPE")], "captures",
         {(CL, "captures", TACNA, "Hypothetical")}),
    # "Macron plans to seize Tacna."
    case("a head of state as agent of an act of war stands for the state",
         [("Macron", 1, "nsubj", "PROPN", "NNP", "Macron"), ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
          ("to", 3, "mark", "PART", "TO", "to"), ("seize", 1, "xcomp", "VERB", "VB", "seize"),
          ("Tacna", 3, "obj", "PROPN", "NNP", "Tacna"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (4, 5, "GPE")], "captures",
         {(FR, "captures", TACNA, "Planned")}),
    # "The Acme Institute concludes that Chile advanced." with "concludes" tagged as a plural noun
    case("a speech verb mistagged as a noun before that is read as a verb",
         [("The", 2, "det", "DET", "DT", "the"), ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
          ("Institute", 3, "compound", "PROPN", "NNP", "Institute"),
          ("concludes", 3, "ROOT", "NOUN", "NNS", "conclude"), ("that", 6, "mark", "SCONJ", "IN", "that"),
          ("Chile", 6, "nsubj", "PROPN", "NNP", "Chile"), ("advanced", 3, "acl", "VERB", "VBD", "advance"),
          (".", 3, "punct", "PUNCT", ".", ".")],
         [(1, 3, "ORG"), (5, 6, "GPE")], "claims",
         {("organization:acme-institute", "claims", "Chile advanced", "Asserted")}),
    # "Ferro met Quintal. The report was released by the Acme Institute." (two roots: two sentences)
    case("a report released by a source is what the previous sentence says",
         [("Ferro", 1, "nsubj", "PROPN", "NNP", "Ferro"), ("met", 1, "ROOT", "VERB", "VBD", "meet"),
          ("Quintal", 1, "obj", "PROPN", "NNP", "Quintal"), (".", 1, "punct", "PUNCT", ".", "."),
          ("The", 5, "det", "DET", "DT", "the"), ("report", 7, "nsubj:pass", "NOUN", "NN", "report"),
          ("was", 7, "aux:pass", "AUX", "VBD", "be"), ("released", 7, "ROOT", "VERB", "VBN", "release"),
          ("by", 11, "case", "ADP", "IN", "by"), ("the", 11, "det", "DET", "DT", "the"),
          ("Acme", 11, "compound", "PROPN", "NNP", "Acme"), ("Institute", 7, "obl:agent", "PROPN", "NNP", "Institute"),
          (".", 7, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (2, 3, "PERSON"), (10, 12, "ORG")], "claims",
         {("organization:acme-institute", "claims", "Ferro met Quintal", "Asserted")}),
    # "Velmonte declared he will not concede territory."
    case("a speaker saying they will not do something rejects it",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("declared", 1, "ROOT", "VERB", "VBD", "declare"),
          ("he", 5, "nsubj", "PRON", "PRP", "he"), ("will", 5, "aux", "AUX", "MD", "will"),
          ("not", 5, "advmod", "PART", "RB", "not"), ("concede", 1, "ccomp", "VERB", "VB", "concede"),
          ("territory", 5, "obj", "NOUN", "NN", "territory"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON")], None,
         {("person:velmonte", "claims", "he will not concede territory", "Asserted"),
          ("person:velmonte", "rejects", "concede territory", "Asserted")}),
    # "Brazilian forces are present in Peru."
    case("forces present somewhere are deployed by their country",
         [("Brazilian", 1, "amod", "ADJ", "JJ", "brazilian"), ("forces", 3, "nsubj", "NOUN", "NNS", "force"),
          ("are", 3, "cop", "AUX", "VBP", "be"), ("present", 3, "ROOT", "ADJ", "JJ", "present"),
          ("in", 5, "case", "ADP", "IN", "in"), ("Peru", 3, "obl", "PROPN", "NNP", "Peru"),
          (".", 3, "punct", "PUNCT", ".", ".")],
         [(0, 1, "NORP"), (5, 6, "GPE")], "deploys", {(BR, "deploys", "forces:BR", "Asserted")}),
    # "Peru rejected what Chile proposed."
    case("a free relative is the content rejected",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
          ("what", 1, "obj", "PRON", "WP", "what"), ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
          ("proposed", 2, "acl:relcl", "VERB", "VBD", "propose"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (3, 4, "GPE")], "rejects", {(PE, "rejects", "what Chile proposed", "Asserted")}),
    # "Chile boasted of capturing 700 square kilometers." with "kilometers" attached to "boasted"
    case("a noun phrase hung on the wrong head is still the verb's object",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("boasted", 1, "ROOT", "VERB", "VBD", "boast"),
          ("of", 3, "mark", "SCONJ", "IN", "of"), ("capturing", 1, "advcl", "VERB", "VBG", "capture"),
          ("700", 6, "nummod", "NUM", "CD", "700"), ("square", 6, "amod", "ADJ", "JJ", "square"),
          ("kilometers", 1, "obl", "NOUN", "NNS", "kilometer"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE")], "captures",
         {(CL, "captures", "700 square kilometers", "Claimed")}),
    # "Chile demanded a Peruvian military withdrawal from Arica."
    case("a military nationality adjective makes the forces the agent",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
          ("a", 5, "det", "DET", "DT", "a"), ("Peruvian", 5, "amod", "ADJ", "JJ", "peruvian"),
          ("military", 5, "amod", "ADJ", "JJ", "military"), ("withdrawal", 1, "obj", "NOUN", "NN", "withdrawal"),
          ("from", 7, "case", "ADP", "IN", "from"), ("Arica", 5, "nmod", "PROPN", "NNP", "Arica"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (3, 4, "NORP"), (7, 8, "GPE")], "withdrawsFrom",
         {("forces:PE", "withdrawsFrom", "city:cl:arica", "Planned")}),
    # "The Chilean Army attacked Peru."
    case("a country's army is the country's armed forces",
         [("The", 2, "det", "DET", "DT", "the"), ("Chilean", 2, "amod", "ADJ", "JJ", "chilean"),
          ("Army", 3, "nsubj", "PROPN", "NNP", "Army"), ("attacked", 3, "ROOT", "VERB", "VBD", "attack"),
          ("Peru", 3, "obj", "PROPN", "NNP", "Peru"), (".", 3, "punct", "PUNCT", ".", ".")],
         [(1, 2, "NORP"), (2, 3, "ORG"), (4, 5, "GPE")], "attacks", {("forces:CL", "attacks", PE, "Asserted")}),
    # "Peru recognized lands taken by Chile, including Tacna."
    case("a passive participle takes its noun and the places it includes as objects",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("recognized", 1, "ROOT", "VERB", "VBD", "recognize"),
          ("lands", 1, "obj", "NOUN", "NNS", "land"), ("taken", 2, "acl", "VERB", "VBN", "take"),
          ("by", 5, "case", "ADP", "IN", "by"), ("Chile", 3, "obl:agent", "PROPN", "NNP", "Chile"),
          (",", 8, "punct", "PUNCT", ",", ","), ("including", 8, "case", "VERB", "VBG", "include"),
          ("Tacna", 3, "obl", "PROPN", "NNP", "Tacna"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (5, 6, "GPE"), (8, 9, "GPE")], "captures",
         {(CL, "captures", TACNA, "Asserted")}),
    # "Velmonte is buying time for Chilean troops to secure land."
    case("for X to do gives the infinitive its subject",
         [("Velmonte", 2, "nsubj", "PROPN", "NNP", "Velmonte"), ("is", 2, "aux", "AUX", "VBZ", "be"),
          ("buying", 2, "ROOT", "VERB", "VBG", "buy"), ("time", 2, "obj", "NOUN", "NN", "time"),
          ("for", 6, "case", "ADP", "IN", "for"), ("Chilean", 6, "amod", "ADJ", "JJ", "chilean"),
          ("troops", 2, "obl", "NOUN", "NNS", "troops"), ("to", 8, "mark", "PART", "TO", "to"),
          ("secure", 2, "advcl", "VERB", "VB", "secure"), ("land", 8, "obj", "NOUN", "NN", "land"),
          (".", 2, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (5, 6, "NORP")], "captures",
         {("forces:CL", "captures", "land", "Planned")}),  # what the time is bought for: a purpose, not done
    # "Chile attacked Arequipa. Capturing Cusco would help."
    # the bare name "Cusco" stays open between the city and the region until the corpus settles it
    case("an act of war without agent goes to the article's main belligerent",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
          ("Arequipa", 1, "obj", "PROPN", "NNP", "Arequipa"), (".", 1, "punct", "PUNCT", ".", "."),
          ("Capturing", 7, "csubj", "VERB", "VBG", "capture"), ("Cusco", 4, "obj", "PROPN", "NNP", "Cusco"),
          ("would", 7, "aux", "AUX", "MD", "would"), ("help", 7, "ROOT", "VERB", "VB", "help"),
          (".", 7, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE")], "captures",
         {(CL, "captures", CUSCO, "Hypothetical")}),
    # "Peru attacked Arica. Capturing Chimbote would help."
    case("no agent is guessed for an act against the belligerent's own territory",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
          ("Arica", 1, "obj", "PROPN", "NNP", "Arica"), (".", 1, "punct", "PUNCT", ".", "."),
          ("Capturing", 7, "csubj", "VERB", "VBG", "capture"), ("Chimbote", 4, "obj", "PROPN", "NNP", "Chimbote"),
          ("would", 7, "aux", "AUX", "MD", "would"), ("help", 7, "ROOT", "VERB", "VB", "help"),
          (".", 7, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE")], None,
         {(PE, "attacks", "city:cl:arica", "Asserted")}),
    # "Chile shelled Arequipa, Peru's second-largest city." with "city" hung on the verb
    case("a comma phrase after a city names its country however it was attached",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("shelled", 1, "ROOT", "VERB", "VBD", "shell"),
          ("Arequipa", 1, "obj", "PROPN", "NNP", "Arequipa"), (",", 8, "punct", "PUNCT", ",", ","),
          ("Peru", 8, "nmod:poss", "PROPN", "NNP", "Peru"), ("'s", 4, "case", "PART", "POS", "'s"),
          ("second", 7, "advmod", "ADV", "RB", "second"), ("largest", 8, "amod", "ADJ", "JJS", "large"),
          ("city", 1, "parataxis", "NOUN", "NN", "city"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")], "locatedIn",
         {("city:pe:arequipa", "locatedIn", PE, "Asserted")}),
    # "Chile plans to seize the city of Cusco or annex the wider region."
    *(case(f"the wider region is the region around the city just named ({prop})",
           [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
            ("to", 3, "mark", "PART", "TO", "to"), ("seize", 1, "xcomp", "VERB", "VB", "seize"),
            ("the", 5, "det", "DET", "DT", "the"), ("city", 3, "obj", "NOUN", "NN", "city"),
            ("of", 7, "case", "ADP", "IN", "of"), ("Cusco", 5, "nmod", "PROPN", "NNP", "Cusco"),
            ("or", 9, "cc", "CCONJ", "CC", "or"), ("annex", 3, "conj", "VERB", "VB", "annex"),
            ("the", 12, "det", "DET", "DT", "the"), ("wider", 12, "amod", "ADJ", "JJR", "wide"),
            ("region", 9, "obj", "NOUN", "NN", "region"), (".", 1, "punct", "PUNCT", ".", ".")],
           [(0, 1, "GPE"), (7, 8, "GPE")], prop, expected)
      for prop, expected in (("annexes", {(CL, "annexes", CUSCO_REGION, "Planned")}),
                             ("locatedIn", {("city:pe:cusco", "locatedIn", CUSCO_REGION, "Asserted")}))),
    # "Peru's General Staff said its forces repelled 12 assaults near Tacna."
    case("repelling assaults near a place defends it",
         [("Peru", 2, "nmod:poss", "PROPN", "NNP", "Peru"), ("'s", 0, "case", "PART", "POS", "'s"),
          ("Staff", 3, "nsubj", "PROPN", "NNP", "Staff"), ("said", 3, "ROOT", "VERB", "VBD", "say"),
          ("its", 5, "nmod:poss", "PRON", "PRP$", "its"), ("forces", 6, "nsubj", "NOUN", "NNS", "force"),
          ("repelled", 3, "ccomp", "VERB", "VBD", "repel"), ("12", 8, "nummod", "NUM", "CD", "12"),
          ("assaults", 6, "obj", "NOUN", "NNS", "assault"), ("near", 10, "case", "ADP", "IN", "near"),
          ("Tacna", 8, "nmod", "PROPN", "NNP", "Tacna"), (".", 3, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (10, 11, "GPE")], None,
         {("forces:PE", "defends", TACNA, "Claimed")}),
    # "Ukraine's Defence Ministry said that Chile attacked." (the ministry is a known organisation)
    case("a ministry named with its country's possessive is the known ministry",
         [("Ukraine", 3, "nmod:poss", "PROPN", "NNP", "Ukraine"), ("'s", 0, "case", "PART", "POS", "'s"),
          ("Defence", 3, "compound", "PROPN", "NNP", "Defence"), ("Ministry", 4, "nsubj", "PROPN", "NNP", "Ministry"),
          ("said", 4, "ROOT", "VERB", "VBD", "say"), ("that", 7, "mark", "SCONJ", "IN", "that"),
          ("Chile", 7, "nsubj", "PROPN", "NNP", "Chile"), ("attacked", 4, "ccomp", "VERB", "VBD", "attack"),
          (".", 4, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (6, 7, "GPE")], "claims",
         {("org:ukrainian-ministry-of-defence", "claims", "Chile attacked", "Asserted")}),
    # "Chilean troops captured the village of Pampamarca in the Cusco region."
    case("a village named after of is a place inside the region that follows",
         [("Chilean", 1, "amod", "ADJ", "JJ", "chilean"), ("troops", 2, "nsubj", "NOUN", "NNS", "troops"),
          ("captured", 2, "ROOT", "VERB", "VBD", "capture"), ("the", 4, "det", "DET", "DT", "the"),
          ("village", 2, "obj", "NOUN", "NN", "village"), ("of", 6, "case", "ADP", "IN", "of"),
          ("Pampamarca", 4, "nmod", "PROPN", "NNP", "Pampamarca"), ("in", 10, "case", "ADP", "IN", "in"),
          ("the", 10, "det", "DET", "DT", "the"), ("Cusco", 10, "compound", "PROPN", "NNP", "Cusco"),
          ("region", 4, "nmod", "NOUN", "NN", "region"), (".", 2, "punct", "PUNCT", ".", ".")],
         [(0, 1, "NORP"), (9, 11, "GPE")], None,
         {("forces:CL", "captures", "city:pampamarca", "Asserted"),
          ("city:pampamarca", "locatedIn", CUSCO_REGION, "Asserted")}),
    # "Poland announced it would deploy soldiers." (reported: the future of a plan)
    case("would in reported speech is the future of a plan",
         [("Poland", 1, "nsubj", "PROPN", "NNP", "Poland"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
          ("it", 4, "nsubj", "PRON", "PRP", "it"), ("would", 4, "aux", "AUX", "MD", "would"),
          ("deploy", 1, "ccomp", "VERB", "VB", "deploy"), ("soldiers", 4, "obj", "NOUN", "NNS", "soldier"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE")], "deploys",
         {("country:PL", "deploys", "soldiers", "Planned")}),
    # "Poland would deploy soldiers." (not reported: a hypothesis)
    case("would outside reported speech is a hypothesis",
         [("Poland", 2, "nsubj", "PROPN", "NNP", "Poland"), ("would", 2, "aux", "AUX", "MD", "would"),
          ("deploy", 2, "ROOT", "VERB", "VB", "deploy"), ("soldiers", 2, "obj", "NOUN", "NNS", "soldier"),
          (".", 2, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE")], None,
         {("country:PL", "deploys", "soldiers", "Hypothetical")}),
    # "Secretary of State Ines Calloway met Radu Petrescu." with "Secretary" as the subject
    case("a title parsed as the head of the name still names the person",
         [("Secretary", 5, "nsubj", "PROPN", "NNP", "Secretary"), ("of", 3, "case", "ADP", "IN", "of"),
          ("State", 3, "compound", "PROPN", "NNP", "State"), ("Ines", 0, "nmod", "PROPN", "NNP", "Ines"),
          ("Calloway", 3, "flat", "PROPN", "NNP", "Calloway"), ("met", 5, "ROOT", "VERB", "VBD", "meet"),
          ("Radu", 5, "obj", "PROPN", "NNP", "Radu"), ("Petrescu", 6, "flat", "PROPN", "NNP", "Petrescu"),
          (".", 5, "punct", "PUNCT", ".", ".")],
         [(3, 5, "PERSON"), (6, 8, "PERSON")], None,
         {("person:ines-calloway", "meets", "person:radu-petrescu", "Asserted")}),
    # "Peru condemns the attack launched by Chile against Arequipa."
    case("an attack launched by an agent against a target",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("condemns", 1, "ROOT", "VERB", "VBZ", "condemn"),
          ("the", 3, "det", "DET", "DT", "the"), ("attack", 1, "obj", "NOUN", "NN", "attack"),
          ("launched", 3, "acl", "VERB", "VBN", "launch"), ("by", 6, "case", "ADP", "IN", "by"),
          ("Chile", 4, "obl:agent", "PROPN", "NNP", "Chile"), ("against", 8, "case", "ADP", "IN", "against"),
          ("Arequipa", 4, "obl", "PROPN", "NNP", "Arequipa"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")], None,
         {(CL, "attacks", AREQUIPA, "Asserted"),
          (PE, "condemns", CL, "Asserted")}),
    # "Peruvian officials said their forces killed dozens of North Korean soldiers."
    case("their forces belong to the subject of the clause above and two-word demonyms",
         [("Peruvian", 1, "amod", "ADJ", "JJ", "peruvian"), ("officials", 2, "nsubj", "NOUN", "NNS", "official"),
          ("said", 2, "ROOT", "VERB", "VBD", "say"), ("their", 4, "nmod:poss", "PRON", "PRP$", "their"),
          ("forces", 5, "nsubj", "NOUN", "NNS", "force"), ("killed", 2, "ccomp", "VERB", "VBD", "kill"),
          ("dozens", 5, "obj", "NOUN", "NNS", "dozen"), ("of", 10, "case", "ADP", "IN", "of"),
          ("North", 9, "compound", "PROPN", "NNP", "North"), ("Korean", 10, "amod", "ADJ", "JJ", "korean"),
          ("soldiers", 6, "nmod", "NOUN", "NNS", "soldier"), (".", 2, "punct", "PUNCT", ".", ".")],
         [(0, 1, "NORP"), (8, 10, "NORP")], "attacks", {("forces:PE", "attacks", "forces:KP", "Claimed")}),
    # "Peru said its forces struck Arica. Chile denied that troops were fighting."
    case("a denied clause is not a denial of earlier claims",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
          ("its", 3, "nmod:poss", "PRON", "PRP$", "its"), ("forces", 4, "nsubj", "NOUN", "NNS", "force"),
          ("struck", 1, "ccomp", "VERB", "VBD", "strike"), ("Arica", 4, "obj", "PROPN", "NNP", "Arica"),
          (".", 1, "punct", "PUNCT", ".", "."),
          ("Chile", 8, "nsubj", "PROPN", "NNP", "Chile"), ("denied", 8, "ROOT", "VERB", "VBD", "deny"),
          ("that", 12, "mark", "SCONJ", "IN", "that"), ("troops", 12, "nsubj", "NOUN", "NNS", "troops"),
          ("were", 12, "aux", "AUX", "VBD", "be"), ("fighting", 8, "ccomp", "VERB", "VBG", "fight"),
          (".", 8, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")], "strikes",
         {("forces:PE", "strikes", "city:cl:arica", "Claimed")}),
    # "Hamas accused Israel, an allegation Israel rejected."
    case("rejecting an allegation denies it in the article's voice",
         [("Hamas", 1, "nsubj", "PROPN", "NNP", "Hamas"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
          ("Israel", 1, "obj", "PROPN", "NNP", "Israel"), (",", 5, "punct", "PUNCT", ",", ","),
          ("an", 5, "det", "DET", "DT", "a"), ("allegation", 2, "appos", "NOUN", "NN", "allegation"),
          ("Israel", 7, "nsubj", "PROPN", "NNP", "Israel"), ("rejected", 5, "acl:relcl", "VERB", "VBD", "reject"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "ORG"), (2, 3, "GPE"), (6, 7, "GPE")], None,
         {("country:IL", "denies", "an allegation", "Asserted"),
          ("org:hamas", "accuses", "country:IL", "Asserted")}),
    # "Velmonte called on allies to provide air defence."
    case("calling on someone to act is a demand",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
          ("on", 3, "case", "ADP", "IN", "on"), ("allies", 1, "obl", "NOUN", "NNS", "ally"),
          ("to", 5, "mark", "PART", "TO", "to"), ("provide", 1, "xcomp", "VERB", "VB", "provide"),
          ("air", 7, "compound", "NOUN", "NN", "air"), ("defence", 5, "obj", "NOUN", "NN", "defence"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON")], "demands",
         {("person:velmonte", "demands", "allies to provide air defence", "Asserted")}),
    # "Chile President Rosa Almagro welcomed the agreement." with "Chile" parsed as a subject too
    case("a country before a title is not a second subject",
         [("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"), ("President", 2, "nmod:desc", "PROPN", "NNP", "President"),
          ("Rosa", 4, "nsubj", "PROPN", "NNP", "Rosa"), ("Almagro", 2, "flat", "PROPN", "NNP", "Almagro"),
          ("welcomed", 4, "ROOT", "VERB", "VBD", "welcome"), ("the", 6, "det", "DET", "DT", "the"),
          ("agreement", 4, "obj", "NOUN", "NN", "agreement"), (".", 4, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 4, "PERSON")], "praises",
         {("person:rosa-almagro", "praises", "the agreement", "Asserted")}),
    # "Velmonte spoke. “Ostrowe lies,” he wrote."
    case("a pronoun after a quotation does not refer inside it",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
          (".", 1, "punct", "PUNCT", ".", "."),
          ("“", 5, "punct", "PUNCT", "``", "“"), ("Ostrowe", 5, "nsubj", "PROPN", "NNP", "Ostrowe"),
          ("lies", 9, "parataxis", "VERB", "VBZ", "lie"), (",", 5, "punct", "PUNCT", ",", ","),
          ("”", 5, "punct", "PUNCT", "''", "”"), ("he", 9, "nsubj", "PRON", "PRP", "he"),
          ("wrote", 9, "ROOT", "VERB", "VBD", "write"), (".", 9, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (4, 5, "PERSON")], None,
         {("person:velmonte", "claims", "Ostrowe lies", "Asserted")}),
    # "Velmonte visited Kyiv."
    case("a capital visited is the city",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("visited", 1, "ROOT", "VERB", "VBD", "visit"),
          ("Kyiv", 1, "obj", "PROPN", "NNP", "Kyiv"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (2, 3, "GPE")], None,
         {("person:velmonte", "visits", "city:ua:kyiv", "Asserted")}),
    # "Peru accused Kyiv." / "Chile accused Lima."
    case("a capital accused is the government",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
          ("Kyiv", 1, "obj", "PROPN", "NNP", "Kyiv"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE")], None, {(PE, "accuses", "country:UA", "Asserted")}),
    case("a capital without a city entry accused is the government",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
          ("Lima", 1, "obj", "PROPN", "NNP", "Lima"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE")], None, {(CL, "accuses", PE, "Asserted")}),
    # "Peru evacuated civilians from Chimbote."
    case("evacuation is from a place",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("evacuated", 1, "ROOT", "VERB", "VBD", "evacuate"),
          ("civilians", 1, "obj", "NOUN", "NNS", "civilian"), ("from", 4, "case", "ADP", "IN", "from"),
          ("Chimbote", 1, "obl", "PROPN", "NNP", "Chimbote"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "GPE")], "evacuates", {(PE, "evacuates", "city:pe:chimbote", "Asserted")}),
    # "Brazil provided $2 billion in aid to Lima."
    case("aid to a capital goes to its government",
         [("Brazil", 1, "nsubj", "PROPN", "NNP", "Brazil"), ("provided", 1, "ROOT", "VERB", "VBD", "provide"),
          ("$", 1, "obj", "SYM", "$", "$"), ("2", 4, "compound", "NUM", "CD", "2"),
          ("billion", 2, "nummod", "NUM", "CD", "billion"), ("in", 6, "case", "ADP", "IN", "in"),
          ("aid", 2, "nmod", "NOUN", "NN", "aid"), ("to", 8, "case", "ADP", "IN", "to"),
          ("Lima", 6, "nmod", "PROPN", "NNP", "Lima"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 5, "MONEY"), (8, 9, "GPE")], "supports", {(BR, "supports", PE, "Asserted")}),
    case("operations in a country are attacks", _expanded_operations(False), [(0, 1, "GPE"), (4, 5, "GPE")],
         "attacks", {(CL, "attacks", PE, "Asserted")}),
    case("rescue operations are no attack", _expanded_operations(True), [(0, 1, "GPE"), (5, 6, "GPE")],
         "attacks", set()),
    # "Macron directed his army to expand operations in Mali." ("expand" read as an adverbial clause)
    case("directing someone to act makes them the agent",
         [("Macron", 1, "nsubj", "PROPN", "NNP", "Macron"), ("directed", 1, "ROOT", "VERB", "VBD", "direct"),
          ("his", 3, "nmod:poss", "PRON", "PRP$", "his"), ("army", 1, "obj", "NOUN", "NN", "army"),
          ("to", 5, "mark", "PART", "TO", "to"), ("expand", 1, "advcl", "VERB", "VB", "expand"),
          ("operations", 5, "obj", "NOUN", "NNS", "operation"), ("in", 8, "case", "ADP", "IN", "in"),
          ("Mali", 6, "nmod", "PROPN", "NNP", "Mali"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (8, 9, "GPE")], "attacks", {("forces:FR", "attacks", "country:ML", "Planned")}),
    # "Speaking at a meeting with officials, Velmonte stated that Chile advanced."
    case("a meeting spoken at is asserted",
         [("Speaking", 8, "advcl", "VERB", "VBG", "speak"), ("at", 3, "case", "ADP", "IN", "at"),
          ("a", 3, "det", "DET", "DT", "a"), ("meeting", 0, "obl", "NOUN", "NN", "meeting"),
          ("with", 5, "case", "ADP", "IN", "with"), ("officials", 3, "nmod", "NOUN", "NNS", "official"),
          (",", 0, "punct", "PUNCT", ",", ","), ("Velmonte", 8, "nsubj", "PROPN", "NNP", "Velmonte"),
          ("stated", 8, "ROOT", "VERB", "VBD", "state"), ("that", 11, "mark", "SCONJ", "IN", "that"),
          ("Chile", 11, "nsubj", "PROPN", "NNP", "Chile"), ("advanced", 8, "ccomp", "VERB", "VBD", "advance"),
          (".", 8, "punct", "PUNCT", ".", ".")],
         [(7, 8, "PERSON"), (10, 11, "GPE")], "meets",
         {("person:velmonte", "meets", "officials", "Asserted")}),
    # "Velmonte gathered leaders, including Aurel Dobrin."
    case("a verb's including list adds the named objects",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("gathered", 1, "ROOT", "VERB", "VBD", "gather"),
          ("leaders", 1, "obj", "NOUN", "NNS", "leader"), (",", 5, "punct", "PUNCT", ",", ","),
          ("including", 5, "case", "VERB", "VBG", "include"), ("Aurel", 1, "obl", "PROPN", "NNP", "Aurel"),
          ("Dobrin", 5, "flat", "PROPN", "NNP", "Dobrin"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (5, 7, "PERSON")], None,
         {("person:velmonte", "meets", "person:aurel-dobrin", "Asserted")}),
    # "Brazil hosted talks between Chile and Peru."
    case("talks between two sides",
         [("Brazil", 1, "nsubj", "PROPN", "NNP", "Brazil"), ("hosted", 1, "ROOT", "VERB", "VBD", "host"),
          ("talks", 1, "obj", "NOUN", "NNS", "talk"), ("between", 4, "case", "ADP", "IN", "between"),
          ("Chile", 2, "nmod", "PROPN", "NNP", "Chile"), ("and", 6, "cc", "CCONJ", "CC", "and"),
          ("Peru", 4, "conj", "PROPN", "NNP", "Peru"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")], "negotiatesWith",
         {(CL, "negotiatesWith", PE, "Asserted")}),
    # "Brazil supplied drones to Peru."
    case("supplying names the recipient",
         [("Brazil", 1, "nsubj", "PROPN", "NNP", "Brazil"), ("supplied", 1, "ROOT", "VERB", "VBD", "supply"),
          ("drones", 1, "obj", "NOUN", "NNS", "drone"), ("to", 4, "case", "ADP", "IN", "to"),
          ("Peru", 1, "obl", "PROPN", "NNP", "Peru"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "GPE")], "supports", {(BR, "supports", PE, "Asserted")}),
    # "Chile moved troops toward Tacna."
    case("moving troops deploys them",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("moved", 1, "ROOT", "VERB", "VBD", "move"),
          ("troops", 1, "obj", "NOUN", "NNS", "troops"), ("toward", 4, "case", "ADP", "IN", "toward"),
          ("Tacna", 1, "obl", "PROPN", "NNP", "Tacna"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "GPE")], "deploys", {(CL, "deploys", "troops", "Asserted")}),
    case("no agent is guessed when the act happens on the belligerent's own soil",
         _REFINERY, [(0, 1, "GPE"), (2, 3, "GPE"), (9, 11, "GPE")], None,
         {(CL, "attacks", AREQUIPA, "Asserted")}),
    # the same strike in Peru is the belligerent's
    case("an act without agent on the other side's soil is the belligerent's",
         _REFINERY_IN_PERU, [(0, 1, "GPE"), (2, 3, "GPE"), (9, 11, "GPE")], "strikes",
         {(CL, "strikes", "a refinery", "Asserted")}),
    # "Chile attacked the Tacna region. Peru evacuated civilians from the region."
    case("the region is the region last named",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
          ("Tacna", 3, "compound", "PROPN", "NNP", "Tacna"), ("region", 1, "obj", "NOUN", "NN", "region"),
          (".", 1, "punct", "PUNCT", ".", "."),
          ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"), ("evacuated", 6, "ROOT", "VERB", "VBD", "evacuate"),
          ("civilians", 6, "obj", "NOUN", "NNS", "civilian"), ("from", 10, "case", "ADP", "IN", "from"),
          ("the", 10, "det", "DET", "DT", "the"), ("region", 6, "obl", "NOUN", "NN", "region"),
          (".", 6, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 4, "GPE"), (5, 6, "GPE")], "evacuates", {(PE, "evacuates", TACNA_REGION, "Asserted")}),
    # "Velmonte urged member states to increase spending."
    case("urging someone to act demands the act",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
          ("member", 3, "compound", "NOUN", "NN", "member"), ("states", 1, "obj", "NOUN", "NNS", "state"),
          ("to", 5, "mark", "PART", "TO", "to"), ("increase", 1, "xcomp", "VERB", "VB", "increase"),
          ("spending", 5, "obj", "NOUN", "NN", "spending"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON")], None,
         {("person:velmonte", "demands", "member states to increase spending", "Asserted")}),
    # "The EU proposed sanctions against Chile, targeting its fleet."
    case("sanctions targeting something are no attack",
         [("The", 1, "det", "DET", "DT", "the"), ("EU", 2, "nsubj", "PROPN", "NNP", "EU"),
          ("proposed", 2, "ROOT", "VERB", "VBD", "propose"), ("sanctions", 2, "obj", "NOUN", "NNS", "sanction"),
          ("against", 5, "case", "ADP", "IN", "against"), ("Chile", 3, "nmod", "PROPN", "NNP", "Chile"),
          (",", 7, "punct", "PUNCT", ",", ","), ("targeting", 2, "advcl", "VERB", "VBG", "target"),
          ("its", 9, "nmod:poss", "PRON", "PRP$", "its"), ("fleet", 7, "obj", "NOUN", "NN", "fleet"),
          (".", 2, "punct", "PUNCT", ".", ".")],
         [(1, 2, "ORG"), (5, 6, "GPE")], None,
         set()),
    # "Peru's intelligence agency said that Chile advanced."
    case("a country's agency speaks for it",
         [("Peru", 3, "nmod:poss", "PROPN", "NNP", "Peru"), ("'s", 0, "case", "PART", "POS", "'s"),
          ("intelligence", 3, "compound", "NOUN", "NN", "intelligence"), ("agency", 4, "nsubj", "NOUN", "NN", "agency"),
          ("said", 4, "ROOT", "VERB", "VBD", "say"), ("that", 7, "mark", "SCONJ", "IN", "that"),
          ("Chile", 7, "nsubj", "PROPN", "NNP", "Chile"), ("advanced", 4, "ccomp", "VERB", "VBD", "advance"),
          (".", 4, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (6, 7, "GPE")], "claims", {(PE, "claims", "Chile advanced", "Asserted")}),
    # "A Chilean news agency reported that Chile advanced."
    case("a news agency speaks for itself",
         [("A", 3, "det", "DET", "DT", "a"), ("Chilean", 3, "amod", "ADJ", "JJ", "chilean"),
          ("news", 3, "compound", "NOUN", "NN", "news"), ("agency", 4, "nsubj", "NOUN", "NN", "agency"),
          ("reported", 4, "ROOT", "VERB", "VBD", "report"), ("that", 7, "mark", "SCONJ", "IN", "that"),
          ("Chile", 7, "nsubj", "PROPN", "NNP", "Chile"), ("advanced", 4, "ccomp", "VERB", "VBD", "advance"),
          (".", 4, "punct", "PUNCT", ".", ".")],
         [(1, 2, "NORP"), (6, 7, "GPE")], "claims",
         {("org:d1:chilean-news-agency", "claims", "Chile advanced", "Asserted")}),
    # "A Chilean missile struck Arequipa."
    case("a weapon of a country as agent is the country",
         [("A", 2, "det", "DET", "DT", "a"), ("Chilean", 2, "amod", "ADJ", "JJ", "chilean"),
          ("missile", 3, "nsubj", "NOUN", "NN", "missile"), ("struck", 3, "ROOT", "VERB", "VBD", "strike"),
          ("Arequipa", 3, "obj", "PROPN", "NNP", "Arequipa"), (".", 3, "punct", "PUNCT", ".", ".")],
         [(1, 2, "NORP"), (4, 5, "GPE")], None,
         {(CL, "strikes", AREQUIPA, "Asserted")}),
    # "France sent fighter jets to Peru."
    case("weapons sent to a country support it",
         [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
          ("fighter", 3, "compound", "NOUN", "NN", "fighter"), ("jets", 1, "obj", "NOUN", "NNS", "jet"),
          ("to", 5, "case", "ADP", "IN", "to"), ("Peru", 1, "obl", "PROPN", "NNP", "Peru"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (5, 6, "GPE")], None, {(FR, "supports", PE, "Asserted")}),
    # "Lima warned Paris against escalation."
    case("a capital warning a capital is a government warning a government",
         [("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
          ("Paris", 1, "iobj", "PROPN", "NNP", "Paris"), ("against", 4, "case", "ADP", "IN", "against"),
          ("escalation", 1, "obl", "NOUN", "NN", "escalation"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE")], None, {(PE, "warns", FR, "Asserted")}),
    # "Israeli warplanes struck Sidon and Tyre." parsed with "struck" as a participle on "warplanes"
    case("a participle with its own object is active and its noun the subject",
         [("Israeli", 1, "amod", "ADJ", "JJ", "israeli"), ("warplanes", 1, "ROOT", "NOUN", "NNS", "warplane"),
          ("struck", 1, "acl", "VERB", "VBN", "strike"), ("Sidon", 2, "obj", "PROPN", "NNP", "Sidon"),
          ("and", 5, "cc", "CCONJ", "CC", "and"), ("Tyre", 3, "conj", "PROPN", "NNP", "Tyre"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "NORP"), (3, 4, "GPE"), (5, 6, "GPE")], None,
         {("country:IL", "strikes", "city:lb:sidon", "Asserted"),
          ("country:IL", "strikes", "city:lb:tyre", "Asserted")}),
    # "lands taken by Chile": a participle without an object stays passive, its noun the object
    case("a participle without an object stays passive and its noun the object",
         [("lands", 0, "ROOT", "NOUN", "NNS", "land"), ("taken", 0, "acl", "VERB", "VBN", "take"),
          ("by", 3, "case", "ADP", "IN", "by"), ("Chile", 1, "obl:agent", "PROPN", "NNP", "Chile"),
          (".", 0, "punct", "PUNCT", ".", ".")],
         [(3, 4, "GPE")], None,
         {(CL, "captures", "lands", "Asserted")}),
    # "Chile is preparing an offensive in the Tacna region."
    case("an offensive being prepared is planned",
         [("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"), ("is", 2, "aux", "AUX", "VBZ", "be"),
          ("preparing", 2, "ROOT", "VERB", "VBG", "prepare"), ("an", 4, "det", "DET", "DT", "a"),
          ("offensive", 2, "obj", "NOUN", "NN", "offensive"), ("in", 8, "case", "ADP", "IN", "in"),
          ("the", 8, "det", "DET", "DT", "the"), ("Tacna", 8, "compound", "PROPN", "NNP", "Tacna"),
          ("region", 4, "nmod", "NOUN", "NN", "region"), (".", 2, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (7, 9, "GPE")], "attacks", {(CL, "attacks", TACNA_REGION, "Planned")}),
    # "Peru rejected the claim."
    case("rejecting a claim denies it",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
          ("the", 3, "det", "DET", "DT", "the"), ("claim", 1, "obj", "NOUN", "NN", "claim"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE")], None,
         {(PE, "denies", "the claim", "Asserted")}),
    # "Estonia expressed support for Finland's decision."
    case("expressing support supports",
         [("Estonia", 1, "nsubj", "PROPN", "NNP", "Estonia"), ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
          ("support", 1, "obj", "NOUN", "NN", "support"), ("for", 6, "case", "ADP", "IN", "for"),
          ("Finland", 6, "nmod:poss", "PROPN", "NNP", "Finland"), ("'s", 4, "case", "PART", "POS", "'s"),
          ("decision", 2, "nmod", "NOUN", "NN", "decision"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "GPE")], None, {("country:EE", "supports", "country:FI", "Asserted")}),
    # "Germany pledged support to Peru.": not given yet
    case("pledging support is planned support",
         [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("pledged", 1, "ROOT", "VERB", "VBD", "pledge"),
          ("support", 1, "obj", "NOUN", "NN", "support"), ("to", 4, "case", "ADP", "IN", "to"),
          ("Peru", 2, "nmod", "PROPN", "NNP", "Peru"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "GPE")], None, {("country:DE", "supports", PE, "Planned")}),
    # "Qatar urged both sides to accept a truce." with "accept" parsed as a clause on "sides"
    case("urging with the to-clause hung on the object",
         [("Qatar", 1, "nsubj", "PROPN", "NNP", "Qatar"), ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
          ("both", 3, "det", "DET", "DT", "both"), ("sides", 1, "obj", "NOUN", "NNS", "side"),
          ("to", 5, "mark", "PART", "TO", "to"), ("accept", 3, "acl", "VERB", "VB", "accept"),
          ("a", 7, "det", "DET", "DT", "a"), ("truce", 5, "obj", "NOUN", "NN", "truce"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE")], "demands", {("country:QA", "demands", "both sides to accept a truce", "Asserted")}),
    # "Peru closed its border with Chile."
    case("a border with a place",
         [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("closed", 1, "ROOT", "VERB", "VBD", "close"),
          ("its", 3, "nmod:poss", "PRON", "PRP$", "its"), ("border", 1, "obj", "NOUN", "NN", "border"),
          ("with", 5, "case", "ADP", "IN", "with"), ("Chile", 3, "nmod", "PROPN", "NNP", "Chile"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (5, 6, "GPE")], None, {(PE, "borders", CL, "Asserted")}),
    # "Troops gathered at the border between Poland and Belarus."
    case("a border between places",
         [("Troops", 1, "nsubj", "NOUN", "NNS", "troop"), ("gathered", 1, "ROOT", "VERB", "VBD", "gather"),
          ("at", 4, "case", "ADP", "IN", "at"), ("the", 4, "det", "DET", "DT", "the"),
          ("border", 1, "obl", "NOUN", "NN", "border"), ("between", 6, "case", "ADP", "IN", "between"),
          ("Poland", 4, "nmod", "PROPN", "NNP", "Poland"), ("and", 8, "cc", "CCONJ", "CC", "and"),
          ("Belarus", 6, "conj", "PROPN", "NNP", "Belarus"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(6, 7, "GPE"), (8, 9, "GPE")], "borders", {("country:PL", "borders", "country:BY", "Asserted")}),
]


CLAIMS = [
    # "Brennholt said during a visit to the post that Chile advanced."
    case("a visit during which something is said is not part of what is said",
         [("Brennholt", 1, "nsubj", "PROPN", "NNP", "Brennholt"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
          ("during", 4, "case", "ADP", "IN", "during"), ("a", 4, "det", "DET", "DT", "a"),
          ("visit", 1, "obl", "NOUN", "NN", "visit"), ("to", 7, "case", "ADP", "IN", "to"),
          ("the", 7, "det", "DET", "DT", "the"), ("post", 4, "nmod", "NOUN", "NN", "post"),
          ("that", 10, "mark", "SCONJ", "IN", "that"), ("Chile", 10, "nsubj", "PROPN", "NNP", "Chile"),
          ("advanced", 1, "ccomp", "VERB", "VBD", "advance"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (9, 10, "GPE")], "visits",
         {("person:brennholt", "visits", "the post", "Asserted", None)}),
    # "Lima warned that any UN troops deployed to Bolivia would be targets."
    case("troops quantified by any are hypothetical",
         [("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
          ("that", 6, "mark", "SCONJ", "IN", "that"), ("any", 5, "det", "DET", "DT", "any"),
          ("UN", 5, "compound", "PROPN", "NNP", "UN"), ("troops", 6, "nsubj", "NOUN", "NNS", "troop"),
          ("deployed", 1, "ccomp", "VERB", "VBD", "deploy"), ("to", 8, "case", "ADP", "IN", "to"),
          ("Bolivia", 6, "obl", "PROPN", "NNP", "Bolivia"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (4, 5, "ORG"), (8, 9, "GPE")], "deploys",
         {("org:united-nations", "deploys", "any UN troops", "Hypothetical", PE)}),
    # "Velmonte said that Lima will talk, adding that Peru is ready." with "adding" hung on "talk"
    case("adding that continues the speech verb it follows",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
          ("that", 5, "mark", "SCONJ", "IN", "that"), ("Lima", 5, "nsubj", "PROPN", "NNP", "Lima"),
          ("will", 5, "aux", "AUX", "MD", "will"), ("talk", 1, "ccomp", "VERB", "VB", "talk"),
          (",", 7, "punct", "PUNCT", ",", ","), ("adding", 5, "advcl", "VERB", "VBG", "add"),
          ("that", 11, "mark", "SCONJ", "IN", "that"), ("Peru", 11, "nsubj", "PROPN", "NNP", "Peru"),
          ("is", 11, "cop", "AUX", "VBZ", "be"), ("ready", 7, "ccomp", "ADJ", "JJ", "ready"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (3, 4, "GPE"), (9, 10, "GPE")], "claims",
         {("person:velmonte", "claims", "Lima will talk, adding that Peru is ready", "Asserted", None),
          ("person:velmonte", "claims", "Peru is ready", "Asserted", None)}),
    # "Velmonte told reporters that Chile would not accept a ceasefire." ("accept" hung on "reporters")
    # a refusal is a rejection, reported here: claimed by the speaker
    case("told hearers that is reported speech even when read as a relative clause",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
          ("reporters", 1, "iobj", "NOUN", "NNS", "reporter"), ("that", 7, "mark", "SCONJ", "IN", "that"),
          ("Chile", 7, "nsubj", "PROPN", "NNP", "Chile"), ("would", 7, "aux", "AUX", "MD", "would"),
          ("not", 7, "advmod", "PART", "RB", "not"), ("accept", 2, "acl:relcl", "VERB", "VB", "accept"),
          ("a", 9, "det", "DET", "DT", "a"), ("ceasefire", 7, "obj", "NOUN", "NN", "ceasefire"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (4, 5, "GPE")], None,
         {(CL, "rejects", "a ceasefire", "Claimed", "person:velmonte"),
          ("person:velmonte", "claims", "Chile would not accept a ceasefire", "Asserted", None)}),
    # "Velmonte said that Lima resisted after Chile attacked Arequipa."
    case("a temporal clause on a speech verb is when, not what was said",
         [("Velmonte", 1, "nsubj", "PROPN", "NNP", "Velmonte"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
          ("that", 4, "mark", "SCONJ", "IN", "that"), ("Lima", 4, "nsubj", "PROPN", "NNP", "Lima"),
          ("resisted", 1, "ccomp", "VERB", "VBD", "resist"), ("after", 7, "mark", "SCONJ", "IN", "after"),
          ("Chile", 7, "nsubj", "PROPN", "NNP", "Chile"), ("attacked", 1, "advcl", "VERB", "VBD", "attack"),
          ("Arequipa", 7, "obj", "PROPN", "NNP", "Arequipa"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "PERSON"), (3, 4, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")], "attacks",
         {(CL, "attacks", AREQUIPA, "Asserted", None)}),
    # "Israel attacked Lebanon, the Acme agency said."
    case("a speech verb after the clause makes it a claim of its speaker",
         [("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
          ("Lebanon", 1, "obj", "PROPN", "NNP", "Lebanon"), (",", 6, "punct", "PUNCT", ",", ","),
          ("the", 5, "det", "DET", "DT", "the"), ("Acme", 6, "nsubj", "PROPN", "NNP", "Acme"),
          ("said", 1, "parataxis", "VERB", "VBD", "say"), (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "ORG")], "attacks",
         {("country:IL", "attacks", "country:LB", "Claimed", "organization:acme")}),
    # "Peru's army said it had recaptured Tacna."
    case("it can be an army",
         [("Peru", 2, "nmod:poss", "PROPN", "NNP", "Peru"), ("'s", 0, "case", "PART", "POS", "'s"),
          ("army", 3, "nsubj", "NOUN", "NN", "army"), ("said", 3, "ROOT", "VERB", "VBD", "say"),
          ("it", 6, "nsubj", "PRON", "PRP", "it"), ("had", 6, "aux", "AUX", "VBD", "have"),
          ("recaptured", 3, "ccomp", "VERB", "VBN", "recapture"), ("Tacna", 6, "obj", "PROPN", "NNP", "Tacna"),
          (".", 3, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (7, 8, "GPE")], "captures",
         {("forces:PE", "captures", TACNA, "Claimed", "forces:PE")}),
    # "Chile struck Arequipa, governor Nadia Corvel said." with "said" read as a conjunct of "struck"
    case("a trailing speech verb parsed as a conjunct still makes a claim",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
          ("Arequipa", 1, "obj", "PROPN", "NNP", "Arequipa"), (",", 7, "punct", "PUNCT", ",", ","),
          ("governor", 5, "compound", "NOUN", "NN", "governor"), ("Nadia", 7, "nsubj", "PROPN", "NNP", "Nadia"),
          ("Corvel", 5, "flat", "PROPN", "NNP", "Corvel"), ("said", 1, "conj", "VERB", "VBD", "say"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE"), (5, 7, "PERSON")], "strikes",
         {(CL, "strikes", AREQUIPA, "Claimed", "person:nadia-corvel")}),
    # "Chile struck Arequipa and Velmonte said.": a conjunct with its own conjunction is a second event
    case("a conjunct speech verb after a conjunction is a second event",
         [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
          ("Arequipa", 1, "obj", "PROPN", "NNP", "Arequipa"), ("and", 5, "cc", "CCONJ", "CC", "and"),
          ("Velmonte", 5, "nsubj", "PROPN", "NNP", "Velmonte"), ("said", 1, "conj", "VERB", "VBD", "say"),
          (".", 1, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "PERSON")], "strikes",
         {(CL, "strikes", AREQUIPA, "Asserted", None)}),
    # "Chile will attack Arequipa, Western officials warned."
    case("western officials speak as a group",
         [("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"), ("will", 2, "aux", "AUX", "MD", "will"),
          ("attack", 7, "ccomp", "VERB", "VB", "attack"), ("Arequipa", 2, "obj", "PROPN", "NNP", "Arequipa"),
          (",", 7, "punct", "PUNCT", ",", ","), ("Western", 6, "amod", "ADJ", "JJ", "western"),
          ("officials", 7, "nsubj", "NOUN", "NNS", "official"), ("warned", 7, "ROOT", "VERB", "VBD", "warn"),
          (".", 7, "punct", "PUNCT", ".", ".")],
         [(0, 1, "GPE"), (3, 4, "GPE")], None,
         {(CL, "attacks", AREQUIPA, "Planned", "group:western"),
          ("group:western", "warns", "Chile will attack Arequipa", "Asserted", None)}),
    # "Speaking in Lima, NATO chief Halvorsen said the alliance would support Peru." with "Halvorsen" misparsed
    # as the object of "Speaking"
    case("the name right before a speech verb speaks and the alliance is the organisation named",
         [("Speaking", 7, "csubj", "VERB", "VBG", "speak"), ("in", 2, "case", "ADP", "IN", "in"),
          ("Lima", 0, "obl", "PROPN", "NNP", "Lima"), (",", 0, "punct", "PUNCT", ",", ","),
          ("NATO", 5, "compound", "PROPN", "NNP", "NATO"), ("chief", 6, "compound", "NOUN", "NN", "chief"),
          ("Halvorsen", 0, "obj", "PROPN", "NNP", "Halvorsen"), ("said", 7, "ROOT", "VERB", "VBD", "say"),
          ("the", 9, "det", "DET", "DT", "the"), ("alliance", 11, "nsubj", "NOUN", "NN", "alliance"),
          ("would", 11, "aux", "AUX", "MD", "would"), ("support", 7, "ccomp", "VERB", "VB", "support"),
          ("Peru", 11, "obj", "PROPN", "NNP", "Peru"), (".", 7, "punct", "PUNCT", ".", ".")],
         [(2, 3, "GPE"), (4, 5, "ORG"), (6, 7, "PERSON"), (12, 13, "GPE")], None,
         {("org:north-atlantic-treaty-organization", "supports", PE, "Planned", "person:halvorsen"),
          ("person:halvorsen", "claims", "the alliance would support Peru", "Asserted", None)}),
]


@pytest.mark.parametrize("rows, ents, prop, expected", TRIPLES)
def test_rule_yields_exactly_these_statements(rows, ents, prop, expected):
    ex = run(rows, ents)
    assert (triples(ex) if prop is None else of(ex, prop)) == expected


@pytest.mark.parametrize("rows, ents, prop, expected", CLAIMS)
def test_rule_yields_exactly_these_statements_and_claimants(rows, ents, prop, expected):
    assert claimed(run(rows, ents), prop) == expected


def test_a_name_with_a_role_appositive_is_a_person_whatever_the_ner_said():
    # "Dario Velmonte, head of the Marenco district, spoke."
    rows = [("Dario", 9, "nsubj", "PROPN", "NNP", "Dario"), ("Velmonte", 0, "flat", "PROPN", "NNP", "Velmonte"),
            (",", 3, "punct", "PUNCT", ",", ","), ("head", 0, "appos", "NOUN", "NN", "head"),
            ("of", 7, "case", "ADP", "IN", "of"), ("the", 7, "det", "DET", "DT", "the"),
            ("Marenco", 7, "compound", "PROPN", "NNP", "Marenco"), ("district", 3, "nmod", "NOUN", "NN", "district"),
            (",", 3, "punct", "PUNCT", ",", ","), ("spoke", 9, "ROOT", "VERB", "VBD", "speak"),
            (".", 9, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 2, "ORG")])
    person = [m for m in ex.mentions if m.surface == "Dario Velmonte"]
    assert [m.type for m in person] == ["Person"]
    assert {(r.subject.surface, r.predicate, r.object.type) for r in ex.relations} == \
        {("Dario Velmonte", "leaderOf", "Region")}


def test_a_paragraph_break_is_never_an_argument():
    # "Chile accused NATO.\n\n" with the paragraph break parsed as a second object
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
            ("NATO", 1, "obj", "PROPN", "NNP", "NATO"), (".", 1, "punct", "PUNCT", ".", "."),
            ("\n\n", 1, "obj", "SPACE", "_SP", "\n\n")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert [(r.predicate, type(r.object).__name__, r.object.surface) for r in ex.relations] == \
        [("accuses", "Mention", "NATO")]


def test_capitals_are_entity_ruler_patterns():
    from kg.lexicon.gazetteer import load_gazetteer
    patterns = {p["pattern"]: p for p in load_gazetteer().ruler_patterns()}
    assert patterns["Pyongyang"]["label"] == "GPE" and "id" not in patterns["Pyongyang"]


def test_an_organisation_name_runs_on_through_of_the():
    # "Advisors from the Council of the Vigilant met."
    rows = [("Advisors", 7, "nsubj", "NOUN", "NNS", "advisor"), ("from", 3, "case", "ADP", "IN", "from"),
            ("the", 3, "det", "DET", "DT", "the"), ("Council", 0, "nmod", "PROPN", "NNP", "Council"),
            ("of", 6, "case", "ADP", "IN", "of"), ("the", 6, "det", "DET", "DT", "the"),
            ("Vigilant", 3, "nmod", "PROPN", "NNP", "Vigilant"), ("met", 7, "ROOT", "VERB", "VBD", "meet"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows)
    assert [(m.surface, m.type) for m in ex.mentions] == [("Council of the Vigilant", "Organization")]


def test_an_organisation_in_a_leaders_title_is_led_by_the_person():
    # "NATO Secretary General Ilse Marrow spoke."
    rows = [("NATO", 2, "compound", "PROPN", "NNP", "NATO"), ("Secretary", 2, "compound", "PROPN", "NNP", "Secretary"),
            ("General", 3, "compound", "PROPN", "NNP", "General"), ("Ilse", 5, "nsubj", "PROPN", "NNP", "Ilse"),
            ("Marrow", 3, "flat", "PROPN", "NNP", "Marrow"), ("spoke", 5, "ROOT", "VERB", "VBD", "speak"),
            (".", 5, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "ORG"), (3, 5, "PERSON")])
    [lead] = [r for r in ex.relations if r.predicate == "leaderOf"]
    assert (lead.subject.name, lead.object.key, lead.role) == ("Ilse Marrow", "org:north-atlantic-treaty-organization",
                                                               "Secretary General")
