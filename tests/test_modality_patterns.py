"""Modality on hand-built parses (CONTRACT.md §3), with its order of precedence."""

import pytest

from kg.extract import extract_document
from tests.conftest import document, parse, triples

RU, UA = "country:RU", "country:UA"
KHARKIV = "ambiguous:city:ua:kharkiv|region:UA-63"
SUMY = "ambiguous:city:ua:sumy|region:UA-59"


def run(rows, ents):
    doc = parse(rows, ents)
    return extract_document(doc, document(doc))


def W(word, head, dep, pos, tag=None, lemma=None):
    tags = {"PROPN": "NNP", "NOUN": "NN", "VERB": "VBD", "AUX": "MD", "PART": "TO", "ADP": "IN", "DET": "DT",
            "PUNCT": ".", "SCONJ": "IN", "ADV": "RB", "ADJ": "JJ", "PRON": "PRP", "CCONJ": "CC"}
    return (word, head, dep, pos, tag or tags[pos], lemma or word.lower())


CASES = {
    "plan": (  # Russia plans to seize Kharkiv .
        [W("Russia", 1, "nsubj", "PROPN"), W("plans", 1, "ROOT", "VERB", "VBZ", "plan"), W("to", 3, "mark", "PART"),
         W("seize", 1, "xcomp", "VERB", "VB"), W("Kharkiv", 3, "obj", "PROPN"), W(".", 1, "punct", "PUNCT")],
        [(0, 1, "GPE"), (4, 5, "GPE")], (RU, "captures", KHARKIV, "Planned")),
    "conditional": (  # If Ukraine refuses , Russia will seize Kharkiv .
        [W("If", 2, "mark", "SCONJ"), W("Ukraine", 2, "nsubj", "PROPN"), W("refuses", 6, "advcl", "VERB", "VBZ", "refuse"),
         W(",", 6, "punct", "PUNCT"), W("Russia", 6, "nsubj", "PROPN"), W("will", 6, "aux", "AUX"),
         W("seize", 6, "ROOT", "VERB", "VB"), W("Kharkiv", 6, "obj", "PROPN"), W(".", 6, "punct", "PUNCT")],
        [(1, 2, "GPE"), (4, 5, "GPE"), (7, 8, "GPE")], (RU, "captures", KHARKIV, "Hypothetical")),
    "negation": (  # Russia did not capture Kharkiv .
        [W("Russia", 3, "nsubj", "PROPN"), W("did", 3, "aux", "AUX", "VBD", "do"), W("not", 3, "advmod", "PART", "RB"),
         W("capture", 3, "ROOT", "VERB", "VB"), W("Kharkiv", 3, "obj", "PROPN"), W(".", 3, "punct", "PUNCT")],
        [(0, 1, "GPE"), (4, 5, "GPE")], (RU, "captures", KHARKIV, "Negated")),
    "reportedly": (  # Russia reportedly attacked Sumy .
        [W("Russia", 2, "nsubj", "PROPN"), W("reportedly", 2, "advmod", "ADV"), W("attacked", 2, "ROOT", "VERB", "VBD", "attack"),
         W("Sumy", 2, "obj", "PROPN"), W(".", 2, "punct", "PUNCT")],
        [(0, 1, "GPE"), (3, 4, "GPE")], (RU, "attacks", SUMY, "Claimed")),
    "could": (  # Russia could attack Sumy .
        [W("Russia", 2, "nsubj", "PROPN"), W("could", 2, "aux", "AUX"), W("attack", 2, "ROOT", "VERB", "VB"),
         W("Sumy", 2, "obj", "PROPN"), W(".", 2, "punct", "PUNCT")],
        [(0, 1, "GPE"), (3, 4, "GPE")], (RU, "attacks", SUMY, "Hypothetical")),
    "failed": (  # Russia failed to take Sumy .
        [W("Russia", 1, "nsubj", "PROPN"), W("failed", 1, "ROOT", "VERB", "VBD", "fail"), W("to", 3, "mark", "PART"),
         W("take", 1, "xcomp", "VERB", "VB"), W("Sumy", 3, "obj", "PROPN"), W(".", 1, "punct", "PUNCT")],
        [(0, 1, "GPE"), (4, 5, "GPE")], (RU, "captures", SUMY, "Negated")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_modality_family(name):
    rows, ents, expected = CASES[name]
    assert expected in triples(run(rows, ents))


def test_denial_is_denied_with_the_denier_as_claimant():
    # Ukraine denied that it attacked Belgorod .
    rows = [W("Ukraine", 1, "nsubj", "PROPN"), W("denied", 1, "ROOT", "VERB", "VBD", "deny"), W("that", 4, "mark", "SCONJ"),
            W("it", 4, "nsubj", "PRON"), W("attacked", 1, "ccomp", "VERB", "VBD", "attack"), W("Belgorod", 4, "obj", "PROPN"),
            W(".", 1, "punct", "PUNCT")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    got = triples(ex)
    assert (UA, "denies", "it attacked Belgorod", "Asserted") in got
    [attack] = [r for r in ex.relations if r.predicate == "attacks"]
    assert attack.modality == "Denied" and attack.claimant.key == UA
    assert attack.subject.key == UA  # "it" is Ukraine
    [denial] = [r for r in ex.relations if r.predicate == "denies"]
    assert denial.reports == (ex.relations.index(attack),)


def test_warning_of_a_plan_is_planned_with_the_warner_as_claimant():
    # Zelensky warned that Russian forces plan to attack Sumy .
    rows = [W("Zelensky", 1, "nsubj", "PROPN"), W("warned", 1, "ROOT", "VERB", "VBD", "warn"), W("that", 5, "mark", "SCONJ"),
            W("Russian", 4, "amod", "ADJ"), W("forces", 5, "nsubj", "NOUN", "NNS", "force"),
            W("plan", 1, "ccomp", "VERB", "VBP"), W("to", 7, "mark", "PART"), W("attack", 5, "xcomp", "VERB", "VB"),
            W("Sumy", 7, "obj", "PROPN"), W(".", 1, "punct", "PUNCT")]
    ex = run(rows, [(0, 1, "PERSON"), (3, 4, "NORP"), (8, 9, "GPE")])
    [attack] = [r for r in ex.relations if r.predicate == "attacks"]
    assert (attack.subject.key, attack.modality, attack.claimant.key) == ("forces:RU", "Planned",
                                                                          "person:volodymyr-zelenskyy")
    assert ("person:volodymyr-zelenskyy", "warns", "Russian forces plan to attack Sumy", "Asserted") in triples(ex)


def test_order_is_asserted_and_its_content_planned():
    # Putin ordered Russian forces to attack Kharkiv .  (ClearNLP labels)
    rows = [W("Putin", 1, "nsubj", "PROPN"), W("ordered", 1, "ROOT", "VERB", "VBD", "order"), W("Russian", 3, "amod", "ADJ"),
            W("forces", 1, "dobj", "NOUN", "NNS", "force"), W("to", 5, "aux", "PART"), W("attack", 1, "xcomp", "VERB", "VB"),
            W("Kharkiv", 5, "dobj", "PROPN"), W(".", 1, "punct", "PUNCT")]
    ex = run(rows, [(0, 1, "PERSON"), (2, 3, "NORP"), (6, 7, "GPE")])
    got = triples(ex)
    assert ("person:vladimir-putin", "orders", "forces:RU", "Asserted") in got
    assert ("forces:RU", "attacks", KHARKIV, "Planned") in got


def test_launching_an_offensive_is_an_attack_and_moscow_acts_as_russia():
    # Moscow launched an offensive on Kharkiv .
    rows = [W("Moscow", 1, "nsubj", "PROPN"), W("launched", 1, "ROOT", "VERB", "VBD", "launch"), W("an", 3, "det", "DET"),
            W("offensive", 1, "obj", "NOUN"), W("on", 5, "case", "ADP"), W("Kharkiv", 3, "nmod", "PROPN"),
            W(".", 1, "punct", "PUNCT")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert triples(ex) == {(RU, "attacks", KHARKIV, "Asserted")}


def test_a_threat_names_its_target_and_its_content_is_planned():
    # Russia threatened to seize Kharkiv .
    rows = [W("Russia", 1, "nsubj", "PROPN"), W("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
            W("to", 3, "mark", "PART"), W("seize", 1, "xcomp", "VERB", "VB"), W("Kharkiv", 3, "obj", "PROPN"),
            W(".", 1, "punct", "PUNCT")]
    got = triples(run(rows, [(0, 1, "GPE"), (4, 5, "GPE")]))
    assert got == {(RU, "threatens", KHARKIV, "Asserted"), (RU, "captures", KHARKIV, "Planned")}
