"""The ontology is the single source of the vocabulary and covers the contract."""

from rdflib import OWL, RDF, RDFS, SKOS

from kg.graph.ontology import VOCAB_PATH, load_ontology, render_vocab
from kg.graph.vocab import KG, RELATION_PROPERTIES, SYMMETRIC_PROPERTIES

CONTRACT_CLASSES = ["Actor", "Person", "Organization", "Country", "Place", "Region", "City", "MilitaryUnit", "Weapon",
                    "Event", "Agreement", "Statement", "Document"]
CONTRACT_PROPERTIES = ["orders", "threatens", "attacks", "captures", "annexes", "defends", "withdrawsFrom", "evacuates",
                       "deploys", "visits", "meets", "negotiatesWith", "praises", "condemns", "accuses", "denies",
                       "demands", "rejects", "agreesTo", "violates", "supports", "warns", "claims", "disputes",
                       "estimates", "leaderOf", "memberOf", "commands", "locatedIn", "borders", "controls"]


def test_generated_vocab_is_in_sync_with_the_ontology():
    assert VOCAB_PATH.read_text(encoding="utf-8") == render_vocab(load_ontology())


def test_every_contract_class_is_a_labelled_defined_class():
    onto = load_ontology()
    for name in CONTRACT_CLASSES:
        assert (KG[name], RDF.type, OWL.Class) in onto, name
        assert onto.value(KG[name], RDFS.label) is not None, name
        assert onto.value(KG[name], SKOS.definition) is not None, name


def test_every_contract_property_is_a_relation_with_label_and_definition():
    onto = load_ontology()
    for name in CONTRACT_PROPERTIES:
        assert name in RELATION_PROPERTIES, name
        assert onto.value(KG[name], RDFS.label) is not None, name
        assert onto.value(KG[name], SKOS.definition) is not None, name


def test_hierarchy_symmetry_and_modalities():
    onto = load_ontology()
    assert (KG.invades, RDFS.subPropertyOf, KG.attacks) in onto
    assert set(SYMMETRIC_PROPERTIES) == {"meets", "negotiatesWith", "borders"}
    assert (KG.Country, RDFS.subClassOf, KG.Actor) in onto and (KG.Country, RDFS.subClassOf, KG.Place) in onto
    modalities = {str(m).split("#")[1] for m in onto.subjects(RDF.type, KG.Modality)}
    assert modalities == {"Asserted", "Claimed", "Planned", "Hypothetical", "Negated", "Denied"}
    ranks = {str(m).split("#")[1]: int(onto.value(m, KG.precedence)) for m in onto.subjects(RDF.type, KG.Modality)}
    assert sorted(ranks, key=ranks.get) == ["Denied", "Negated", "Hypothetical", "Planned", "Claimed", "Asserted"]
    assert (KG.Statement, RDFS.subClassOf, RDF.Statement) in onto


def test_unknown_terms_raise_instead_of_minting_iris():
    import pytest

    with pytest.raises(AttributeError):
        KG.captured  # noqa: B018  (a typo of kg:captures)


def test_every_property_the_lexicon_names_is_a_relation_of_the_ontology():
    import json

    from kg.lexicon.gazetteer import PATTERNS_DIR

    lexicon = json.loads((PATTERNS_DIR / "lexicon.json").read_text(encoding="utf-8"))
    named = {(section, lemma, entry[key]) for section in ("verbs", "nouns") for lemma, entry in lexicon[section].items()
             for key in ("p", "event_obj") if key in entry}
    assert len(named) > 100
    assert [n for n in named if n[2] not in RELATION_PROPERTIES] == []
