"""Families of the predicate lexicon taken from CAMEO and PropBank (kg/patterns/lexicon_derived.json): reporting
verbs, warnings, light verb + event noun constructions, predicate adjectives, attitude nouns whose property
depends on their object, nouns reported by a speech verb (hand-built UD parses of invented sentences)."""

from __future__ import annotations

import json

from kg.extract import extract_document
from kg.graph.ontology import load_ontology, relation_properties
from kg.lexicon.gazetteer import PATTERNS_DIR, load_gazetteer
from tests.conftest import document, parse, triples

RU, DE, FR, JP, CN, UA, CL, GB, IR, CA, PL, LT = ("country:RU", "country:DE", "country:FR", "country:JP", "country:CN",
                                                  "country:UA", "country:CL", "country:GB", "country:IR", "country:CA",
                                                  "country:PL", "country:LT")


def run(rows, ents=()):
    doc = parse(rows, ents)
    return extract_document(doc, document(doc))


def test_derived_entries_use_ontology_properties_and_the_hand_written_entries_win():
    derived = json.loads((PATTERNS_DIR / "lexicon_derived.json").read_text(encoding="utf-8"))
    hand = json.loads((PATTERNS_DIR / "lexicon.json").read_text(encoding="utf-8"))
    props = set(relation_properties(load_ontology()))
    modes = {"speech", "plan", "directive", "hypothetical", "negative", "deny", "allege"}
    for table in ("verbs", "nouns"):
        for word, entry in derived[table].items():
            assert entry.get("mode") in modes | {None}, word
            assert entry["p"] in props and entry.get("actor_p", entry["p"]) in props, word
    lexicon = load_gazetteer().lexicon
    assert lexicon["verbs"]["caution"]["p"] == "warns"  # derived
    assert lexicon["verbs"]["warn"] == hand["verbs"]["warn"]  # hand-written
    assert "pay" in lexicon["light_verbs"] and "express" in lexicon["light_verbs"]


def test_a_reporting_verb_of_the_emphasis_family_claims_its_clause():
    # "Germany underscored that Russia had violated the treaty."
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("underscored", 1, "ROOT", "VERB", "VBD", "underscore"),
            ("that", 5, "mark", "SCONJ", "IN", "that"), ("Russia", 5, "nsubj", "PROPN", "NNP", "Russia"),
            ("had", 5, "aux", "AUX", "VBD", "have"), ("violated", 1, "ccomp", "VERB", "VBN", "violate"),
            ("the", 7, "det", "DET", "DT", "the"), ("treaty", 5, "obj", "NOUN", "NN", "treaty"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (3, 4, "GPE")])
    assert triples(ex) == {(DE, "claims", "Russia had violated the treaty", "Asserted"),
                           (RU, "violates", "the treaty", "Claimed")}


def test_a_caution_against_something_warns_the_one_cautioned():
    # "Japan cautioned China against escalation."
    rows = [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("cautioned", 1, "ROOT", "VERB", "VBD", "caution"),
            ("China", 1, "obj", "PROPN", "NNP", "China"), ("against", 4, "case", "ADP", "IN", "against"),
            ("escalation", 1, "obl", "NOUN", "NN", "escalation"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE")])
    assert triples(ex) == {(JP, "warns", CN, "Asserted")}


def test_talks_held_with_a_partner_named_on_the_light_verb():
    # "France held talks in Paris with Germany." with "with Germany" hung on "held"
    rows = [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("held", 1, "ROOT", "VERB", "VBD", "hold"),
            ("talks", 1, "obj", "NOUN", "NNS", "talk"), ("in", 4, "case", "ADP", "IN", "in"),
            ("Paris", 2, "nmod", "PROPN", "NNP", "Paris"), ("with", 6, "case", "ADP", "IN", "with"),
            ("Germany", 1, "obl", "PROPN", "NNP", "Germany"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")])
    assert {t for t in triples(ex) if t[1] == "negotiatesWith"} == {(FR, "negotiatesWith", DE, "Asserted")}


def test_a_visit_paid_and_pressure_stepped_up_take_the_light_verbs_subject():
    # "Poland paid a visit to Lithuania."
    rows = [("Poland", 1, "nsubj", "PROPN", "NNP", "Poland"), ("paid", 1, "ROOT", "VERB", "VBD", "pay"),
            ("a", 3, "det", "DET", "DT", "a"), ("visit", 1, "obj", "NOUN", "NN", "visit"),
            ("to", 5, "case", "ADP", "IN", "to"), ("Lithuania", 3, "nmod", "PROPN", "NNP", "Lithuania"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert triples(ex) == {(PL, "visits", LT, "Asserted")}
    # "Britain stepped up pressure on Iran."
    rows = [("Britain", 1, "nsubj", "PROPN", "NNP", "Britain"), ("stepped", 1, "ROOT", "VERB", "VBD", "step"),
            ("up", 1, "compound:prt", "ADP", "RP", "up"), ("pressure", 1, "obj", "NOUN", "NN", "pressure"),
            ("on", 5, "case", "ADP", "IN", "on"), ("Iran", 3, "nmod", "PROPN", "NNP", "Iran"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert triples(ex) == {(GB, "demands", IR, "Asserted")}


def test_a_predicate_adjective_of_gratitude_praises():
    # "Ukraine is grateful to Chile."
    rows = [("Ukraine", 2, "nsubj", "PROPN", "NNP", "Ukraine"), ("is", 2, "cop", "AUX", "VBZ", "be"),
            ("grateful", 2, "ROOT", "ADJ", "JJ", "grateful"), ("to", 4, "case", "ADP", "IN", "to"),
            ("Chile", 2, "obl", "PROPN", "NNP", "Chile"), (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert triples(ex) == {(UA, "praises", CL, "Asserted")}


def test_concern_about_an_actors_conduct_condemns_it_and_over_a_situation_claims_it():
    # "Germany expressed concern about Russia's conduct."
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
            ("concern", 1, "obj", "NOUN", "NN", "concern"), ("about", 6, "case", "ADP", "IN", "about"),
            ("Russia", 6, "nmod:poss", "PROPN", "NNP", "Russia"), ("'s", 4, "case", "PART", "POS", "'s"),
            ("conduct", 2, "nmod", "NOUN", "NN", "conduct"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert triples(ex) == {(DE, "condemns", RU, "Asserted")}
    # "Germany expressed concern over the violence."
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
            ("concern", 1, "obj", "NOUN", "NN", "concern"), ("over", 5, "case", "ADP", "IN", "over"),
            ("the", 5, "det", "DET", "DT", "the"), ("violence", 2, "nmod", "NOUN", "NN", "violence"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    assert triples(ex) == {(DE, "claims", "the violence", "Asserted")}


def test_the_need_stressed_by_a_speaker_is_the_speakers_demand():
    # "France stressed the need for talks."
    rows = [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("stressed", 1, "ROOT", "VERB", "VBD", "stress"),
            ("the", 3, "det", "DET", "DT", "the"), ("need", 1, "obj", "NOUN", "NN", "need"),
            ("for", 5, "case", "ADP", "IN", "for"), ("talks", 3, "nmod", "NOUN", "NNS", "talk"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    assert triples(ex) == {(FR, "demands", "talks", "Asserted")}


def test_called_upon_names_whom_the_demand_is_made_of():
    # "Canada called upon Russia to withdraw."
    rows = [("Canada", 1, "nsubj", "PROPN", "NNP", "Canada"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("upon", 3, "case", "ADP", "IN", "upon"), ("Russia", 1, "obl", "PROPN", "NNP", "Russia"),
            ("to", 5, "mark", "PART", "TO", "to"), ("withdraw", 1, "xcomp", "VERB", "VB", "withdraw"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (3, 4, "GPE")])
    # the addressee named as an entity is the demand's object (what is asked of it is reported as its own act)
    assert triples(ex) == {(CA, "demands", RU, "Asserted")}


def test_a_verb_with_its_particle_reads_the_phrasal_entry_and_without_it_nothing():
    # "Ukraine turned down the proposal."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("turned", 1, "ROOT", "VERB", "VBD", "turn"),
            ("down", 1, "compound:prt", "ADP", "RP", "down"), ("the", 4, "det", "DET", "DT", "the"),
            ("proposal", 1, "obj", "NOUN", "NN", "proposal"), (".", 1, "punct", "PUNCT", ".", ".")]
    assert triples(run(rows, [(0, 1, "GPE")])) == {(UA, "rejects", "the proposal", "Asserted")}
    # "Ukraine turned the proposal." (no particle)
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("turned", 1, "ROOT", "VERB", "VBD", "turn"),
            ("the", 3, "det", "DET", "DT", "the"), ("proposal", 1, "obj", "NOUN", "NN", "proposal"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    assert triples(run(rows, [(0, 1, "GPE")])) == set()


def test_a_person_welcomed_to_a_place_is_met_and_a_country_welcomed_is_praised():
    # "Sweden welcomed Olaf Scholz to Stockholm."
    rows = [("Sweden", 1, "nsubj", "PROPN", "NNP", "Sweden"), ("welcomed", 1, "ROOT", "VERB", "VBD", "welcome"),
            ("Olaf", 3, "compound", "PROPN", "NNP", "Olaf"), ("Scholz", 1, "obj", "PROPN", "NNP", "Scholz"),
            ("to", 5, "case", "ADP", "IN", "to"), ("Stockholm", 3, "nmod", "PROPN", "NNP", "Stockholm"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 4, "PERSON"), (5, 6, "GPE")])
    assert {(s, p) for s, p, _o, _m in triples(ex)} == {("country:SE", "meets")}
    # "Sweden welcomed Finland to NATO."
    rows = [("Sweden", 1, "nsubj", "PROPN", "NNP", "Sweden"), ("welcomed", 1, "ROOT", "VERB", "VBD", "welcome"),
            ("Finland", 1, "obj", "PROPN", "NNP", "Finland"), ("to", 4, "case", "ADP", "IN", "to"),
            ("NATO", 2, "nmod", "PROPN", "NNP", "NATO"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "ORG")])
    assert triples(ex) == {("country:SE", "praises", "country:FI", "Asserted")}


def test_a_call_for_something_demands_it_and_a_call_with_someone_negotiates():
    # "Germany renewed its call for a ceasefire." ("for" hung on the light verb)
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("renewed", 1, "ROOT", "VERB", "VBD", "renew"),
            ("its", 3, "nmod:poss", "PRON", "PRP$", "its"), ("call", 1, "obj", "NOUN", "NN", "call"),
            ("for", 6, "case", "ADP", "IN", "for"), ("a", 6, "det", "DET", "DT", "a"),
            ("ceasefire", 1, "obl", "NOUN", "NN", "ceasefire"), (".", 1, "punct", "PUNCT", ".", ".")]
    assert triples(run(rows, [(0, 1, "GPE")])) == {(DE, "demands", "a ceasefire", "Asserted")}
    # "Germany had a call with France."
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("had", 1, "ROOT", "VERB", "VBD", "have"),
            ("a", 3, "det", "DET", "DT", "a"), ("call", 1, "obj", "NOUN", "NN", "call"),
            ("with", 5, "case", "ADP", "IN", "with"), ("France", 3, "nmod", "PROPN", "NNP", "France"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    assert triples(run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])) == {(DE, "negotiatesWith", FR, "Asserted")}


def test_the_agent_of_a_participle_owns_the_role_praised_and_a_relative_clause_noun_must_fit_the_entry():
    # "Germany praised the role played by Qatar."
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
            ("the", 3, "det", "DET", "DT", "the"), ("role", 1, "obj", "NOUN", "NN", "role"),
            ("played", 3, "acl", "VERB", "VBN", "play"), ("by", 6, "case", "ADP", "IN", "by"),
            ("Qatar", 4, "obl:agent", "PROPN", "NNP", "Qatar"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (6, 7, "GPE")])
    assert triples(ex) == {(DE, "praises", "country:QA", "Asserted")}
    # "The weapons Ukraine receives are modern." ('receive' meets persons only)
    rows = [("The", 1, "det", "DET", "DT", "the"), ("weapons", 5, "nsubj", "NOUN", "NNS", "weapon"),
            ("Ukraine", 3, "nsubj", "PROPN", "NNP", "Ukraine"), ("receives", 1, "acl:relcl", "VERB", "VBZ", "receive"),
            ("are", 5, "cop", "AUX", "VBP", "be"), ("modern", 5, "ROOT", "ADJ", "JJ", "modern"),
            (".", 5, "punct", "PUNCT", ".", ".")]
    assert triples(run(rows, [(2, 3, "GPE")])) == set()


def test_countering_an_armed_group_attacks_it_and_a_disinformation_campaign_does_not():
    from kg.extract import extract_document
    from kg.model import Document
    from kg.nlp.language import load_pipeline

    nlp = load_pipeline()

    def found(text):
        doc = Document(doc_id="t", file_name="t.txt", text=text, checksum="x")
        return {(r.subject.key, r.predicate, getattr(r.object, "key", None))
                for r in extract_document(nlp(text), doc).relations}

    assert ("country:SO", "attacks", "org:al-shabaab") in found("Somalia vowed to counter al-Shabaab.")
    assert ("country:KE", "attacks", "org:al-shabaab") in found("Kenya waged a campaign against al-Shabaab.")
    assert not any(p == "attacks" for _s, p, _o in found("Russia waged a disinformation campaign against Ukraine."))
