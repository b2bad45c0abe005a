"""Rule families added for reporting in general: lists restated by a class noun, conditions, role appositives,
heads of state as agents, circumstances of speech, mistagged speech verbs, anaphoric reports, refusals,
presence of forces, free relatives, stray objects, military adjectives on event nouns (hand-built UD parses)."""

from __future__ import annotations

from kg.extract import extract_document

from .conftest import document, parse, triples

RU, UA, US = "country:RU", "country:UA", "country:US"
DONETSK_REGION, KHERSON_REGION, KHARKIV_REGION = "region:UA-14", "region:UA-65", "region:UA-63"


def run(rows, ents=()):
    doc = parse(rows, ents)
    return extract_document(doc, document(doc))


def of(ex, prop):
    return {t for t in triples(ex) if t[1] == prop}


def test_a_class_noun_after_a_dash_restates_the_list_before_it():
    # "Russia threatened Donetsk and Kherson — regions that Russia annexed."
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
            ("Donetsk", 1, "obj", "PROPN", "NNP", "Donetsk"), ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("Kherson", 2, "conj", "PROPN", "NNP", "Kherson"), ("—", 6, "punct", "PUNCT", ":", "—"),
            ("regions", 1, "xcomp", "NOUN", "NNS", "region"), ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("Russia", 9, "nsubj", "PROPN", "NNP", "Russia"), ("annexed", 6, "acl:relcl", "VERB", "VBD", "annex"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE"), (8, 9, "GPE")])
    assert of(ex, "annexes") == {(RU, "annexes", DONETSK_REGION, "Asserted"), (RU, "annexes", KHERSON_REGION, "Asserted")}
    # the bare names are read as the regions, not the cities of the same name
    assert of(ex, "threatens") == {(RU, "threatens", DONETSK_REGION, "Asserted"),
                                   (RU, "threatens", KHERSON_REGION, "Asserted")}


def test_the_consequence_of_a_condition_is_hypothetical():
    # "Russia will seize Kherson if Ukraine refuses."
    rows = [("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"), ("will", 2, "aux", "AUX", "MD", "will"),
            ("seize", 2, "ROOT", "VERB", "VB", "seize"), ("Kherson", 2, "obj", "PROPN", "NNP", "Kherson"),
            ("if", 6, "mark", "SCONJ", "IN", "if"), ("Ukraine", 6, "nsubj", "PROPN", "NNP", "Ukraine"),
            ("refuses", 2, "advcl", "VERB", "VBZ", "refuse"), (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "GPE")])
    assert {(s, p, m) for s, p, _o, m in of(ex, "captures")} == {(RU, "captures", "Hypothetical")}


def test_a_name_with_a_role_appositive_is_a_person_whatever_the_ner_said():
    # "Pavel Zolotaryov, head of the Glushkovsky district, spoke."
    rows = [("Pavel", 9, "nsubj", "PROPN", "NNP", "Pavel"), ("Zolotaryov", 0, "flat", "PROPN", "NNP", "Zolotaryov"),
            (",", 3, "punct", "PUNCT", ",", ","), ("head", 0, "appos", "NOUN", "NN", "head"),
            ("of", 7, "case", "ADP", "IN", "of"), ("the", 7, "det", "DET", "DT", "the"),
            ("Glushkovsky", 7, "compound", "PROPN", "NNP", "Glushkovsky"), ("district", 3, "nmod", "NOUN", "NN", "district"),
            (",", 3, "punct", "PUNCT", ",", ","), ("spoke", 9, "ROOT", "VERB", "VBD", "speak"),
            (".", 9, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 2, "ORG")])
    person = [m for m in ex.mentions if m.surface == "Pavel Zolotaryov"]
    assert [m.type for m in person] == ["Person"]
    assert {(r.subject.surface, r.predicate, r.object.type) for r in ex.relations} == \
        {("Pavel Zolotaryov", "leaderOf", "Region")}


def test_a_head_of_state_as_agent_of_an_act_of_war_stands_for_the_state():
    # "Putin plans to seize Kherson."
    rows = [("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"), ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
            ("to", 3, "mark", "PART", "TO", "to"), ("seize", 1, "xcomp", "VERB", "VB", "seize"),
            ("Kherson", 3, "obj", "PROPN", "NNP", "Kherson"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (4, 5, "GPE")])
    assert {(s, m) for s, _p, _o, m in of(ex, "captures")} == {(RU, "Planned")}


def test_a_visit_during_which_something_is_said_is_not_part_of_what_is_said():
    # "Gerasimov said during a visit to the post that Russia advanced."
    rows = [("Gerasimov", 1, "nsubj", "PROPN", "NNP", "Gerasimov"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("during", 4, "case", "ADP", "IN", "during"), ("a", 4, "det", "DET", "DT", "a"),
            ("visit", 1, "obl", "NOUN", "NN", "visit"), ("to", 7, "case", "ADP", "IN", "to"),
            ("the", 7, "det", "DET", "DT", "the"), ("post", 4, "nmod", "NOUN", "NN", "post"),
            ("that", 10, "mark", "SCONJ", "IN", "that"), ("Russia", 10, "nsubj", "PROPN", "NNP", "Russia"),
            ("advanced", 1, "ccomp", "VERB", "VBD", "advance"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (9, 10, "GPE")])
    visits = [(r.subject.surface, r.modality, r.claimant) for r in ex.relations if r.predicate == "visits"]
    assert visits == [("Gerasimov", "Asserted", None)]


def test_a_speech_verb_mistagged_as_a_noun_before_that_is_read_as_a_verb():
    # "The Acme Institute concludes that Russia advanced." with "concludes" tagged as a plural noun
    rows = [("The", 2, "det", "DET", "DT", "the"), ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
            ("Institute", 3, "compound", "PROPN", "NNP", "Institute"), ("concludes", 3, "ROOT", "NOUN", "NNS", "conclude"),
            ("that", 6, "mark", "SCONJ", "IN", "that"), ("Russia", 6, "nsubj", "PROPN", "NNP", "Russia"),
            ("advanced", 3, "acl", "VERB", "VBD", "advance"), (".", 3, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(1, 3, "ORG"), (5, 6, "GPE")])
    claims = [(r.subject.type, r.object.text, r.modality) for r in ex.relations if r.predicate == "claims"]
    assert claims == [("Organization", "Russia advanced", "Asserted")]


def test_information_released_by_a_source_is_what_the_previous_sentence_says():
    # "Putin met Trump. The information was released by the Acme Institute."
    rows = [("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"), ("met", 1, "ROOT", "VERB", "VBD", "meet"),
            ("Trump", 1, "obj", "PROPN", "NNP", "Trump"), (".", 1, "punct", "PUNCT", ".", "."),
            ("The", 5, "det", "DET", "DT", "the"), ("information", 7, "nsubj:pass", "NOUN", "NN", "information"),
            ("was", 7, "aux:pass", "AUX", "VBD", "be"), ("released", 7, "ROOT", "VERB", "VBN", "release"),
            ("by", 11, "case", "ADP", "IN", "by"), ("the", 11, "det", "DET", "DT", "the"),
            ("Acme", 11, "compound", "PROPN", "NNP", "Acme"), ("Institute", 7, "obl:agent", "PROPN", "NNP", "Institute"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (10, 12, "ORG")])  # two roots: two sentences
    claims = [(r.subject.surface, r.object.text) for r in ex.relations if r.predicate == "claims"]
    assert claims == [("Acme Institute", "Putin met Trump")]


def test_a_speaker_saying_they_will_not_do_something_rejects_it():
    # "Zelensky declared he will not concede territory."
    rows = [("Zelensky", 1, "nsubj", "PROPN", "NNP", "Zelensky"), ("declared", 1, "ROOT", "VERB", "VBD", "declare"),
            ("he", 5, "nsubj", "PRON", "PRP", "he"), ("will", 5, "aux", "AUX", "MD", "will"),
            ("not", 5, "advmod", "PART", "RB", "not"), ("concede", 1, "ccomp", "VERB", "VB", "concede"),
            ("territory", 5, "obj", "NOUN", "NN", "territory"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON")])
    rows_out = {(r.subject.name or r.subject.surface, r.predicate, r.object.text, r.modality) for r in ex.relations}
    zelensky = next(r.subject.key for r in ex.relations)
    assert {(p, o, m) for _s, p, o, m in rows_out} == {("claims", "he will not concede territory", "Asserted"),
                                                       ("rejects", "concede territory", "Asserted")}
    assert all(r.subject.key == zelensky for r in ex.relations)


def test_forces_present_somewhere_are_deployed_by_their_country():
    # "American forces are present in Ukraine."
    rows = [("American", 1, "amod", "ADJ", "JJ", "american"), ("forces", 3, "nsubj", "NOUN", "NNS", "force"),
            ("are", 3, "cop", "AUX", "VBP", "be"), ("present", 3, "ROOT", "ADJ", "JJ", "present"),
            ("in", 5, "case", "ADP", "IN", "in"), ("Ukraine", 3, "obl", "PROPN", "NNP", "Ukraine"),
            (".", 3, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "NORP"), (5, 6, "GPE")])
    assert of(ex, "deploys") == {(US, "deploys", "forces:US", "Asserted")}


def test_a_free_relative_is_the_content_rejected():
    # "Ukraine rejected what Russia proposed."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
            ("what", 1, "obj", "PRON", "WP", "what"), ("Russia", 4, "nsubj", "PROPN", "NNP", "Russia"),
            ("proposed", 2, "acl:relcl", "VERB", "VBD", "propose"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (3, 4, "GPE")])
    assert of(ex, "rejects") == {(UA, "rejects", "what Russia proposed", "Asserted")}


def test_a_noun_phrase_hung_on_the_wrong_head_is_still_the_verbs_object():
    # "Russia boasted of capturing 700 square kilometers." with "kilometers" attached to "boasted"
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("boasted", 1, "ROOT", "VERB", "VBD", "boast"),
            ("of", 3, "mark", "SCONJ", "IN", "of"), ("capturing", 1, "advcl", "VERB", "VBG", "capture"),
            ("700", 6, "nummod", "NUM", "CD", "700"), ("square", 6, "amod", "ADJ", "JJ", "square"),
            ("kilometers", 1, "obl", "NOUN", "NNS", "kilometer"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    assert {(s, o) for s, _p, o, _m in of(ex, "captures")} == {(RU, "700 square kilometers")}


def test_a_military_nationality_adjective_makes_the_forces_the_agent():
    # "Russia demanded a Ukrainian military withdrawal from Crimea."
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
            ("a", 5, "det", "DET", "DT", "a"), ("Ukrainian", 5, "amod", "ADJ", "JJ", "ukrainian"),
            ("military", 5, "amod", "ADJ", "JJ", "military"), ("withdrawal", 1, "obj", "NOUN", "NN", "withdrawal"),
            ("from", 7, "case", "ADP", "IN", "from"), ("Crimea", 5, "nmod", "PROPN", "NNP", "Crimea"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (3, 4, "NORP"), (7, 8, "LOC")])
    assert {(s, m) for s, _p, _o, m in of(ex, "withdrawsFrom")} == {("forces:UA", "Planned")}


def test_the_russian_army_is_the_countrys_armed_forces():
    # "The Russian Army attacked Ukraine."
    rows = [("The", 2, "det", "DET", "DT", "the"), ("Russian", 2, "amod", "ADJ", "JJ", "russian"),
            ("Army", 3, "nsubj", "PROPN", "NNP", "Army"), ("attacked", 3, "ROOT", "VERB", "VBD", "attack"),
            ("Ukraine", 3, "obj", "PROPN", "NNP", "Ukraine"), (".", 3, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(1, 2, "NORP"), (2, 3, "ORG"), (4, 5, "GPE")])
    assert of(ex, "attacks") == {("forces:RU", "attacks", UA, "Asserted")}


def test_a_passive_participle_takes_its_noun_and_the_places_it_includes_as_objects():
    # "Ukraine recognized territories seized by Russia, including Crimea."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("recognized", 1, "ROOT", "VERB", "VBD", "recognize"),
            ("territories", 1, "obj", "NOUN", "NNS", "territory"), ("seized", 2, "acl", "VERB", "VBN", "seize"),
            ("by", 5, "case", "ADP", "IN", "by"), ("Russia", 3, "obl:agent", "PROPN", "NNP", "Russia"),
            (",", 8, "punct", "PUNCT", ",", ","), ("including", 8, "case", "VERB", "VBG", "include"),
            ("Crimea", 3, "obl", "PROPN", "NNP", "Crimea"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE"), (8, 9, "LOC")])
    assert of(ex, "captures") == {(RU, "captures", "region:UA-43", "Asserted")}


def test_troops_quantified_by_any_are_hypothetical():
    # "Moscow warned that any NATO troops deployed to Ukraine would be targets."
    rows = [("Moscow", 1, "nsubj", "PROPN", "NNP", "Moscow"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
            ("that", 6, "mark", "SCONJ", "IN", "that"), ("any", 5, "det", "DET", "DT", "any"),
            ("NATO", 5, "compound", "PROPN", "NNP", "NATO"), ("troops", 6, "nsubj", "NOUN", "NNS", "troop"),
            ("deployed", 1, "ccomp", "VERB", "VBD", "deploy"), ("to", 8, "case", "ADP", "IN", "to"),
            ("Ukraine", 6, "obl", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "ORG"), (8, 9, "GPE")])
    deploys = [(r.subject.surface, r.object.text, r.modality, r.claimant.key) for r in ex.relations
               if r.predicate == "deploys"]
    assert deploys == [("NATO", "any NATO troops", "Hypothetical", RU)]


def test_adding_that_continues_the_speech_verb_it_follows():
    # "Zelensky said that Kyiv will talk, adding that Ukraine is ready." with "adding" hung on "talk"
    rows = [("Zelensky", 1, "nsubj", "PROPN", "NNP", "Zelensky"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("that", 5, "mark", "SCONJ", "IN", "that"), ("Kyiv", 5, "nsubj", "PROPN", "NNP", "Kyiv"),
            ("will", 5, "aux", "AUX", "MD", "will"), ("talk", 1, "ccomp", "VERB", "VB", "talk"),
            (",", 7, "punct", "PUNCT", ",", ","), ("adding", 5, "advcl", "VERB", "VBG", "add"),
            ("that", 11, "mark", "SCONJ", "IN", "that"), ("Ukraine", 11, "nsubj", "PROPN", "NNP", "Ukraine"),
            ("is", 11, "cop", "AUX", "VBZ", "be"), ("ready", 7, "ccomp", "ADJ", "JJ", "ready"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (3, 4, "GPE"), (9, 10, "GPE")])
    claims = {(r.subject.surface, r.object.text, r.modality) for r in ex.relations if r.predicate == "claims"}
    assert claims == {("Zelensky", "Kyiv will talk, adding that Ukraine is ready", "Asserted"),
                      ("Zelensky", "Ukraine is ready", "Asserted")}


def test_for_x_to_do_gives_the_infinitive_its_subject():
    # "Putin is buying time for Russian troops to secure land."
    rows = [("Putin", 2, "nsubj", "PROPN", "NNP", "Putin"), ("is", 2, "aux", "AUX", "VBZ", "be"),
            ("buying", 2, "ROOT", "VERB", "VBG", "buy"), ("time", 2, "obj", "NOUN", "NN", "time"),
            ("for", 6, "case", "ADP", "IN", "for"), ("Russian", 6, "amod", "ADJ", "JJ", "russian"),
            ("troops", 2, "obl", "NOUN", "NNS", "troops"), ("to", 8, "mark", "PART", "TO", "to"),
            ("secure", 2, "advcl", "VERB", "VB", "secure"), ("land", 8, "obj", "NOUN", "NN", "land"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (5, 6, "NORP")])
    assert {(s, o) for s, _p, o, _m in of(ex, "captures")} == {("forces:RU", "land")}


def test_an_act_of_war_without_agent_goes_to_the_articles_main_belligerent():
    # "Russia attacked Kharkiv. Capturing Sumy would help."
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Kharkiv", 1, "obj", "PROPN", "NNP", "Kharkiv"), (".", 1, "punct", "PUNCT", ".", "."),
            ("Capturing", 7, "csubj", "VERB", "VBG", "capture"), ("Sumy", 4, "obj", "PROPN", "NNP", "Sumy"),
            ("would", 7, "aux", "AUX", "MD", "would"), ("help", 7, "ROOT", "VERB", "VB", "help"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE")])
    # the bare name "Sumy" stays open between the city and the region until the corpus settles it
    assert of(ex, "captures") == {(RU, "captures", "ambiguous:city:ua:sumy|region:UA-59", "Hypothetical")}


def test_no_agent_is_guessed_for_an_act_against_the_belligerents_own_territory():
    # "Ukraine attacked Belgorod. Capturing Kharkiv would help."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Belgorod", 1, "obj", "PROPN", "NNP", "Belgorod"), (".", 1, "punct", "PUNCT", ".", "."),
            ("Capturing", 7, "csubj", "VERB", "VBG", "capture"), ("Kharkiv", 4, "obj", "PROPN", "NNP", "Kharkiv"),
            ("would", 7, "aux", "AUX", "MD", "would"), ("help", 7, "ROOT", "VERB", "VB", "help"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE")])
    assert {p for _s, p, _o, _m in triples(ex)} == {"attacks"}


def test_a_comma_phrase_after_a_city_names_its_country_however_it_was_attached():
    # "Russia shelled Kharkiv, Ukraine's second-largest city." with "city" hung on the verb
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("shelled", 1, "ROOT", "VERB", "VBD", "shell"),
            ("Kharkiv", 1, "obj", "PROPN", "NNP", "Kharkiv"), (",", 8, "punct", "PUNCT", ",", ","),
            ("Ukraine", 8, "nmod:poss", "PROPN", "NNP", "Ukraine"), ("'s", 4, "case", "PART", "POS", "'s"),
            ("second", 7, "advmod", "ADV", "RB", "second"), ("largest", 8, "amod", "ADJ", "JJS", "large"),
            ("city", 1, "parataxis", "NOUN", "NN", "city"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")])
    located = [(r.subject.surface, r.object.key) for r in ex.relations if r.predicate == "locatedIn"]
    assert located == [("Kharkiv", UA)]


def test_the_wider_region_is_the_region_around_the_city_just_named():
    # "Russia plans to seize the city of Sumy and annex the wider region."
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
            ("to", 3, "mark", "PART", "TO", "to"), ("seize", 1, "xcomp", "VERB", "VB", "seize"),
            ("the", 5, "det", "DET", "DT", "the"), ("city", 3, "obj", "NOUN", "NN", "city"),
            ("of", 7, "case", "ADP", "IN", "of"), ("Sumy", 5, "nmod", "PROPN", "NNP", "Sumy"),
            ("and", 9, "cc", "CCONJ", "CC", "and"), ("annex", 3, "conj", "VERB", "VB", "annex"),
            ("the", 12, "det", "DET", "DT", "the"), ("wider", 12, "amod", "ADJ", "JJR", "wide"),
            ("region", 9, "obj", "NOUN", "NN", "region"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (7, 8, "GPE")])
    assert of(ex, "annexes") == {(RU, "annexes", "region:UA-59", "Planned")}
    assert of(ex, "locatedIn") == {("city:ua:sumy", "locatedIn", "region:UA-59", "Asserted")}


def test_repelling_assaults_near_a_place_defends_it():
    # "Ukraine's General Staff said its forces repelled 35 assaults near Pokrovsk."
    rows = [("Ukraine", 2, "nmod:poss", "PROPN", "NNP", "Ukraine"), ("'s", 0, "case", "PART", "POS", "'s"),
            ("Staff", 3, "nsubj", "PROPN", "NNP", "Staff"), ("said", 3, "ROOT", "VERB", "VBD", "say"),
            ("its", 5, "nmod:poss", "PRON", "PRP$", "its"), ("forces", 6, "nsubj", "NOUN", "NNS", "force"),
            ("repelled", 3, "ccomp", "VERB", "VBD", "repel"), ("35", 8, "nummod", "NUM", "CD", "35"),
            ("assaults", 6, "obj", "NOUN", "NNS", "assault"), ("near", 10, "case", "ADP", "IN", "near"),
            ("Pokrovsk", 8, "nmod", "PROPN", "NNP", "Pokrovsk"), (".", 3, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (10, 11, "GPE")])
    assert {(s, p, m) for s, p, _o, m in triples(ex) if p != "claims"} == {("forces:UA", "defends", "Claimed")}
    assert not of(ex, "attacks")


def test_a_ministry_named_with_its_countrys_possessive_is_the_known_ministry():
    # "Russia's Defence Ministry said that Ukraine attacked."
    rows = [("Russia", 3, "nmod:poss", "PROPN", "NNP", "Russia"), ("'s", 0, "case", "PART", "POS", "'s"),
            ("Defence", 3, "compound", "PROPN", "NNP", "Defence"), ("Ministry", 4, "nsubj", "PROPN", "NNP", "Ministry"),
            ("said", 4, "ROOT", "VERB", "VBD", "say"), ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("Ukraine", 7, "nsubj", "PROPN", "NNP", "Ukraine"), ("attacked", 4, "ccomp", "VERB", "VBD", "attack"),
            (".", 4, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (6, 7, "GPE")])
    assert {r.subject.key for r in ex.relations if r.predicate == "claims"} == {"org:russian-ministry-of-defence"}


def test_a_village_named_after_of_is_a_place_inside_the_region_that_follows():
    # "Russian troops captured the village of Novoselivka in the Donetsk region."
    rows = [("Russian", 1, "amod", "ADJ", "JJ", "russian"), ("troops", 2, "nsubj", "NOUN", "NNS", "troops"),
            ("captured", 2, "ROOT", "VERB", "VBD", "capture"), ("the", 4, "det", "DET", "DT", "the"),
            ("village", 2, "obj", "NOUN", "NN", "village"), ("of", 6, "case", "ADP", "IN", "of"),
            ("Novoselivka", 4, "nmod", "PROPN", "NNP", "Novoselivka"), ("in", 10, "case", "ADP", "IN", "in"),
            ("the", 10, "det", "DET", "DT", "the"), ("Donetsk", 10, "compound", "PROPN", "NNP", "Donetsk"),
            ("region", 4, "nmod", "NOUN", "NN", "region"), (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "NORP"), (9, 11, "GPE")])
    assert of(ex, "captures") == {("forces:RU", "captures", "city:novoselivka", "Asserted")}
    assert of(ex, "locatedIn") == {("city:novoselivka", "locatedIn", DONETSK_REGION, "Asserted")}


def test_would_in_reported_speech_is_the_future_of_a_plan():
    # "Poland announced it would deploy soldiers to Belarus." / "Deploying soldiers would be costly."
    rows = [("Poland", 1, "nsubj", "PROPN", "NNP", "Poland"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
            ("it", 4, "nsubj", "PRON", "PRP", "it"), ("would", 4, "aux", "AUX", "MD", "would"),
            ("deploy", 1, "ccomp", "VERB", "VB", "deploy"), ("soldiers", 4, "obj", "NOUN", "NNS", "soldier"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    assert {(p, m) for _s, p, _o, m in triples(ex) if p != "claims"} == {("deploys", "Planned")}
    # not reported: a hypothesis
    rows = [("Poland", 2, "nsubj", "PROPN", "NNP", "Poland"), ("would", 2, "aux", "AUX", "MD", "would"),
            ("deploy", 2, "ROOT", "VERB", "VB", "deploy"), ("soldiers", 2, "obj", "NOUN", "NNS", "soldier"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    assert {(p, m) for _s, p, _o, m in triples(ex)} == {("deploys", "Hypothetical")}


def test_told_hearers_that_is_reported_speech_even_when_read_as_a_relative_clause():
    # "Peskov told reporters that Russia would not accept a ceasefire." ("accept" hung on "reporters")
    rows = [("Peskov", 1, "nsubj", "PROPN", "NNP", "Peskov"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
            ("reporters", 1, "iobj", "NOUN", "NNS", "reporter"), ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("Russia", 7, "nsubj", "PROPN", "NNP", "Russia"), ("would", 7, "aux", "AUX", "MD", "would"),
            ("not", 7, "advmod", "PART", "RB", "not"), ("accept", 2, "acl:relcl", "VERB", "VB", "accept"),
            ("a", 9, "det", "DET", "DT", "a"), ("ceasefire", 7, "obj", "NOUN", "NN", "ceasefire"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (4, 5, "GPE")])
    got = {(r.predicate, r.modality, r.claimant.surface if r.claimant else None) for r in ex.relations}
    # a refusal is a rejection, reported here: claimed by the speaker
    assert got == {("claims", "Asserted", None), ("rejects", "Claimed", "Peskov")}


def test_a_paragraph_break_is_never_an_argument():
    # "Russia accused NATO.\n\n" with the paragraph break parsed as a second object
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
            ("NATO", 1, "obj", "PROPN", "NNP", "NATO"), (".", 1, "punct", "PUNCT", ".", "."),
            ("\n\n", 1, "obj", "SPACE", "_SP", "\n\n")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert [(r.predicate, type(r.object).__name__, r.object.surface) for r in ex.relations] == \
        [("accuses", "Mention", "NATO")]


def test_a_title_parsed_as_the_head_of_the_name_still_names_the_person():
    # "Secretary of State Marco Rubio met Sergei Lavrov." with "Secretary" as the subject
    rows = [("Secretary", 5, "nsubj", "PROPN", "NNP", "Secretary"), ("of", 3, "case", "ADP", "IN", "of"),
            ("State", 3, "compound", "PROPN", "NNP", "State"), ("Marco", 0, "nmod", "PROPN", "NNP", "Marco"),
            ("Rubio", 3, "flat", "PROPN", "NNP", "Rubio"), ("met", 5, "ROOT", "VERB", "VBD", "meet"),
            ("Sergei", 5, "obj", "PROPN", "NNP", "Sergei"), ("Lavrov", 6, "flat", "PROPN", "NNP", "Lavrov"),
            (".", 5, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(3, 5, "PERSON"), (6, 8, "PERSON")])
    assert [(r.subject.name, r.predicate, r.object.name) for r in ex.relations] == \
        [("Marco Rubio", "meets", "Sergei Lavrov")]


def test_an_attack_launched_by_an_agent_against_a_target():
    # "Ukraine condemns the attack launched by Russia against Odesa."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("condemns", 1, "ROOT", "VERB", "VBZ", "condemn"),
            ("the", 3, "det", "DET", "DT", "the"), ("attack", 1, "obj", "NOUN", "NN", "attack"),
            ("launched", 3, "acl", "VERB", "VBN", "launch"), ("by", 6, "case", "ADP", "IN", "by"),
            ("Russia", 4, "obl:agent", "PROPN", "NNP", "Russia"), ("against", 8, "case", "ADP", "IN", "against"),
            ("Odesa", 4, "obl", "PROPN", "NNP", "Odesa"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")])
    assert {(s, p, m) for s, p, _o, m in triples(ex)} == {(UA, "condemns", "Asserted"), (RU, "attacks", "Asserted")}
    assert [o for _s, p, o, _m in triples(ex) if p == "attacks"] == ["ambiguous:city:ua:odesa|region:UA-51"]


def test_their_forces_belong_to_the_subject_of_the_clause_above_and_two_word_demonyms():
    # "Ukrainian officials said their forces killed dozens of North Korean soldiers."
    rows = [("Ukrainian", 1, "amod", "ADJ", "JJ", "ukrainian"), ("officials", 2, "nsubj", "NOUN", "NNS", "official"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"), ("their", 4, "nmod:poss", "PRON", "PRP$", "their"),
            ("forces", 5, "nsubj", "NOUN", "NNS", "force"), ("killed", 2, "ccomp", "VERB", "VBD", "kill"),
            ("dozens", 5, "obj", "NOUN", "NNS", "dozen"), ("of", 10, "case", "ADP", "IN", "of"),
            ("North", 9, "compound", "PROPN", "NNP", "North"), ("Korean", 10, "amod", "ADJ", "JJ", "korean"),
            ("soldiers", 6, "nmod", "NOUN", "NNS", "soldier"), (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "NORP"), (8, 10, "NORP")])
    assert of(ex, "attacks") == {("forces:UA", "attacks", "forces:KP", "Claimed")}


def test_a_denied_clause_is_not_a_denial_of_earlier_claims():
    # "Ukraine said its forces struck Belgorod. Russia denied that troops were fighting."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("its", 3, "nmod:poss", "PRON", "PRP$", "its"), ("forces", 4, "nsubj", "NOUN", "NNS", "force"),
            ("struck", 1, "ccomp", "VERB", "VBD", "strike"), ("Belgorod", 4, "obj", "PROPN", "NNP", "Belgorod"),
            (".", 1, "punct", "PUNCT", ".", "."),
            ("Russia", 8, "nsubj", "PROPN", "NNP", "Russia"), ("denied", 8, "ROOT", "VERB", "VBD", "deny"),
            ("that", 12, "mark", "SCONJ", "IN", "that"), ("troops", 12, "nsubj", "NOUN", "NNS", "troops"),
            ("were", 12, "aux", "AUX", "VBD", "be"), ("fighting", 8, "ccomp", "VERB", "VBG", "fight"),
            (".", 8, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")])
    assert {m for _s, p, _o, m in triples(ex) if p == "strikes"} == {"Claimed"}


def test_capitals_are_entity_ruler_patterns():
    from kg.gazetteer import load_gazetteer
    patterns = {p["pattern"]: p for p in load_gazetteer().ruler_patterns()}
    assert patterns["Pyongyang"]["label"] == "GPE" and "id" not in patterns["Pyongyang"]


def test_rejecting_an_allegation_denies_it_in_the_articles_voice():
    # "Hamas accused Israel, an allegation Israel rejected."
    rows = [("Hamas", 1, "nsubj", "PROPN", "NNP", "Hamas"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
            ("Israel", 1, "obj", "PROPN", "NNP", "Israel"), (",", 5, "punct", "PUNCT", ",", ","),
            ("an", 5, "det", "DET", "DT", "a"), ("allegation", 2, "appos", "NOUN", "NN", "allegation"),
            ("Israel", 7, "nsubj", "PROPN", "NNP", "Israel"), ("rejected", 5, "acl:relcl", "VERB", "VBD", "reject"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "ORG"), (2, 3, "GPE"), (6, 7, "GPE")])
    assert {(p, o, m) for _s, p, o, m in triples(ex)} == {("accuses", "country:IL", "Asserted"),
                                                          ("denies", "an allegation", "Asserted")}


def test_calling_on_someone_to_act_is_a_demand():
    # "Sybiha called on allies to provide air defence."
    rows = [("Sybiha", 1, "nsubj", "PROPN", "NNP", "Sybiha"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("on", 3, "case", "ADP", "IN", "on"), ("allies", 1, "obl", "NOUN", "NNS", "ally"),
            ("to", 5, "mark", "PART", "TO", "to"), ("provide", 1, "advcl", "VERB", "VB", "provide"),
            ("air", 7, "compound", "NOUN", "NN", "air"), ("defence", 5, "obj", "NOUN", "NN", "defence"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON")])
    assert [(r.predicate, r.object.text, r.modality) for r in ex.relations if r.predicate == "demands"] == \
        [("demands", "allies to provide air defence", "Asserted")]


def test_a_country_before_a_title_is_not_a_second_subject():
    # "US President Joe Biden welcomed the agreement." with "US" parsed as a subject too
    rows = [("US", 4, "nsubj", "PROPN", "NNP", "US"), ("President", 2, "nmod:desc", "PROPN", "NNP", "President"),
            ("Joe", 4, "nsubj", "PROPN", "NNP", "Joe"), ("Biden", 2, "flat", "PROPN", "NNP", "Biden"),
            ("welcomed", 4, "ROOT", "VERB", "VBD", "welcome"), ("the", 6, "det", "DET", "DT", "the"),
            ("agreement", 4, "obj", "NOUN", "NN", "agreement"), (".", 4, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 4, "PERSON")])
    assert {(r.subject.name, r.predicate) for r in ex.relations if r.predicate == "praises"} == {("Joe Biden", "praises")}


def test_a_pronoun_after_a_quotation_does_not_refer_inside_it():
    # "Sybiha spoke. “Putin lies,” he wrote."
    rows = [("Sybiha", 1, "nsubj", "PROPN", "NNP", "Sybiha"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            (".", 1, "punct", "PUNCT", ".", "."),
            ("“", 5, "punct", "PUNCT", "``", "“"), ("Putin", 5, "nsubj", "PROPN", "NNP", "Putin"),
            ("lies", 9, "parataxis", "VERB", "VBZ", "lie"), (",", 5, "punct", "PUNCT", ",", ","),
            ("”", 5, "punct", "PUNCT", "''", "”"), ("he", 9, "nsubj", "PRON", "PRP", "he"),
            ("wrote", 9, "ROOT", "VERB", "VBD", "write"), (".", 9, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (4, 5, "PERSON")])
    sybiha = next(m.key for m in ex.mentions if m.surface == "Sybiha")
    assert [(r.subject.key, r.predicate, r.object.text) for r in ex.relations] == [(sybiha, "claims", "Putin lies")]


def test_a_capital_visited_or_shelled_is_the_city_but_pressured_it_is_the_government():
    # "Scholz visited Kyiv." / "Russia pressured Kyiv."
    visit = [("Scholz", 1, "nsubj", "PROPN", "NNP", "Scholz"), ("visited", 1, "ROOT", "VERB", "VBD", "visit"),
             ("Kyiv", 1, "obj", "PROPN", "NNP", "Kyiv"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(visit, [(0, 1, "PERSON"), (2, 3, "GPE")])
    assert [o for _s, p, o, _m in triples(ex)] == ["city:ua:kyiv"]
    accuse = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
              ("Kyiv", 1, "obj", "PROPN", "NNP", "Kyiv"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(accuse, [(0, 1, "GPE"), (2, 3, "GPE")])
    assert of(ex, "accuses") == {(RU, "accuses", UA, "Asserted")}


def test_evacuation_is_from_a_place_and_aid_to_a_capital_goes_to_its_government():
    # "Ukraine evacuated civilians from Vovchansk." / "The US provided $2 billion in aid to Kyiv."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("evacuated", 1, "ROOT", "VERB", "VBD", "evacuate"),
            ("civilians", 1, "obj", "NOUN", "NNS", "civilian"), ("from", 4, "case", "ADP", "IN", "from"),
            ("Vovchansk", 1, "obl", "PROPN", "NNP", "Vovchansk"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert of(ex, "evacuates") == {(UA, "evacuates", "city:ua:vovchansk", "Asserted")}
    rows = [("US", 1, "nsubj", "PROPN", "NNP", "US"), ("provided", 1, "ROOT", "VERB", "VBD", "provide"),
            ("$", 1, "obj", "SYM", "$", "$"), ("2", 4, "compound", "NUM", "CD", "2"),
            ("billion", 2, "nummod", "NUM", "CD", "billion"), ("in", 6, "case", "ADP", "IN", "in"),
            ("aid", 2, "nmod", "NOUN", "NN", "aid"), ("to", 8, "case", "ADP", "IN", "to"),
            ("Kyiv", 6, "nmod", "PROPN", "NNP", "Kyiv"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 5, "MONEY"), (8, 9, "GPE")])
    assert of(ex, "supports") == {(US, "supports", UA, "Asserted")}


def test_an_organisation_name_runs_on_through_of_the():
    # "Advisors from the Alliance of the Willing met."
    rows = [("Advisors", 7, "nsubj", "NOUN", "NNS", "advisor"), ("from", 3, "case", "ADP", "IN", "from"),
            ("the", 3, "det", "DET", "DT", "the"), ("Alliance", 0, "nmod", "PROPN", "NNP", "Alliance"),
            ("of", 6, "case", "ADP", "IN", "of"), ("the", 6, "det", "DET", "DT", "the"),
            ("Willing", 3, "nmod", "PROPN", "NNP", "Willing"), ("met", 7, "ROOT", "VERB", "VBD", "meet"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows)
    assert [(m.surface, m.type) for m in ex.mentions] == [("Alliance of the Willing", "Organization")]


def test_operations_in_a_country_are_attacks_but_rescue_operations_are_not():
    # "Russia expanded operations in Ukraine." / "Russia expanded rescue operations in Ukraine."
    def rows(extra):
        words = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("expanded", 1, "ROOT", "VERB", "VBD", "expand")]
        if extra:
            words.append(("rescue", 3, "compound", "NOUN", "NN", "rescue"))
        n = len(words)
        return words + [("operations", 1, "obj", "NOUN", "NNS", "operation"), ("in", n + 2, "case", "ADP", "IN", "in"),
                        ("Ukraine", n, "nmod", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows(False), [(0, 1, "GPE"), (4, 5, "GPE")])
    assert of(ex, "attacks") == {(RU, "attacks", UA, "Asserted")}
    ex = run(rows(True), [(0, 1, "GPE"), (5, 6, "GPE")])
    assert not of(ex, "attacks")


def test_directing_someone_to_act_makes_them_the_agent_and_a_meeting_spoken_at_is_asserted():
    # "Putin directed his military to expand operations in Ukraine." ("expand" read as an adverbial clause)
    rows = [("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"), ("directed", 1, "ROOT", "VERB", "VBD", "direct"),
            ("his", 3, "nmod:poss", "PRON", "PRP$", "his"), ("military", 1, "obj", "NOUN", "NN", "military"),
            ("to", 5, "mark", "PART", "TO", "to"), ("expand", 1, "advcl", "VERB", "VB", "expand"),
            ("operations", 5, "obj", "NOUN", "NNS", "operation"), ("in", 8, "case", "ADP", "IN", "in"),
            ("Ukraine", 6, "nmod", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (8, 9, "GPE")])
    assert of(ex, "attacks") == {("forces:RU", "attacks", UA, "Planned")}
    # "Speaking at a meeting with officials, Putin stated that Russia advanced."
    rows = [("Speaking", 8, "advcl", "VERB", "VBG", "speak"), ("at", 3, "case", "ADP", "IN", "at"),
            ("a", 3, "det", "DET", "DT", "a"), ("meeting", 0, "obl", "NOUN", "NN", "meeting"),
            ("with", 5, "case", "ADP", "IN", "with"), ("officials", 3, "nmod", "NOUN", "NNS", "official"),
            (",", 0, "punct", "PUNCT", ",", ","), ("Putin", 8, "nsubj", "PROPN", "NNP", "Putin"),
            ("stated", 8, "ROOT", "VERB", "VBD", "state"), ("that", 11, "mark", "SCONJ", "IN", "that"),
            ("Russia", 11, "nsubj", "PROPN", "NNP", "Russia"), ("advanced", 8, "ccomp", "VERB", "VBD", "advance"),
            (".", 8, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(7, 8, "PERSON"), (10, 11, "GPE")])
    assert {(p, o, m) for _s, p, o, m in of(ex, "meets")} == {("meets", "officials", "Asserted")}


def test_a_verbs_including_list_adds_the_named_objects():
    # "Putin gathered leaders, including Pavel Zolotaryov."
    rows = [("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"), ("gathered", 1, "ROOT", "VERB", "VBD", "gather"),
            ("leaders", 1, "obj", "NOUN", "NNS", "leader"), (",", 5, "punct", "PUNCT", ",", ","),
            ("including", 5, "case", "VERB", "VBG", "include"), ("Pavel", 1, "obl", "PROPN", "NNP", "Pavel"),
            ("Zolotaryov", 5, "flat", "PROPN", "NNP", "Zolotaryov"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (5, 7, "PERSON")])
    assert {(r.predicate, getattr(r.object, "name", None)) for r in ex.relations} == {("meets", "Pavel Zolotaryov")}


def test_western_officials_speak_as_a_group_and_talks_between_two_sides():
    # "Russia will attack Kramatorsk, Western officials warned."
    rows = [("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"), ("will", 2, "aux", "AUX", "MD", "will"),
            ("attack", 7, "ccomp", "VERB", "VB", "attack"), ("Kramatorsk", 2, "obj", "PROPN", "NNP", "Kramatorsk"),
            (",", 7, "punct", "PUNCT", ",", ","), ("Western", 6, "amod", "ADJ", "JJ", "western"),
            ("officials", 7, "nsubj", "NOUN", "NNS", "official"), ("warned", 7, "ROOT", "VERB", "VBD", "warn"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (3, 4, "GPE")])
    assert {(r.subject.key, r.predicate, r.modality, r.claimant.key if r.claimant else None) for r in ex.relations} \
        == {("group:western", "warns", "Asserted", None), (RU, "attacks", "Planned", "group:western")}
    # "Turkey hosted talks between Russia and Ukraine."
    rows = [("Turkey", 1, "nsubj", "PROPN", "NNP", "Turkey"), ("hosted", 1, "ROOT", "VERB", "VBD", "host"),
            ("talks", 1, "obj", "NOUN", "NNS", "talk"), ("between", 4, "case", "ADP", "IN", "between"),
            ("Russia", 2, "nmod", "PROPN", "NNP", "Russia"), ("and", 6, "cc", "CCONJ", "CC", "and"),
            ("Ukraine", 4, "conj", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")])
    assert of(ex, "negotiatesWith") == {(RU, "negotiatesWith", UA, "Asserted")}


def test_supplying_names_the_recipient_and_moving_troops_deploys_them():
    # "Iran supplied drones to Russia." / "Russia moved troops toward Zaporizhzhia."
    rows = [("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"), ("supplied", 1, "ROOT", "VERB", "VBD", "supply"),
            ("drones", 1, "obj", "NOUN", "NNS", "drone"), ("to", 4, "case", "ADP", "IN", "to"),
            ("Russia", 1, "obl", "PROPN", "NNP", "Russia"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert of(ex, "supports") == {("country:IR", "supports", RU, "Asserted")}
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("moved", 1, "ROOT", "VERB", "VBD", "move"),
            ("troops", 1, "obj", "NOUN", "NNS", "troops"), ("toward", 4, "case", "ADP", "IN", "toward"),
            ("Zaporizhzhia", 1, "obl", "PROPN", "NNP", "Zaporizhzhia"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert of(ex, "deploys") == {(RU, "deploys", "troops", "Asserted")}


def test_no_agent_is_guessed_when_the_act_happens_on_the_belligerents_own_soil():
    # "Russia attacked Kharkiv. Drones struck a refinery in the Belgorod region." ("struck" without its subject)
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Kharkiv", 1, "obj", "PROPN", "NNP", "Kharkiv"), (".", 1, "punct", "PUNCT", ".", "."),
            ("struck", 4, "ROOT", "VERB", "VBD", "strike"), ("a", 6, "det", "DET", "DT", "a"),
            ("refinery", 4, "obj", "NOUN", "NN", "refinery"), ("in", 10, "case", "ADP", "IN", "in"),
            ("the", 10, "det", "DET", "DT", "the"), ("Belgorod", 10, "compound", "PROPN", "NNP", "Belgorod"),
            ("region", 6, "nmod", "NOUN", "NN", "region"), (".", 4, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (9, 11, "GPE")])
    assert {p for _s, p, _o, _m in triples(ex)} == {"attacks"}
    # the same strike in Ukraine is the belligerent's
    rows[9] = ("Sumy", 10, "compound", "PROPN", "NNP", "Sumy")
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (9, 11, "GPE")])
    assert {(s, o) for s, p, o, _m in triples(ex) if p == "strikes"} == {(RU, "a refinery")}


def test_the_region_is_the_region_last_named_or_around_the_city_last_named():
    # "Russia attacked Kharkiv Oblast. Ukraine evacuated civilians from the region."
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Kharkiv", 3, "compound", "PROPN", "NNP", "Kharkiv"), ("Oblast", 1, "obj", "PROPN", "NNP", "Oblast"),
            (".", 1, "punct", "PUNCT", ".", "."),
            ("Ukraine", 6, "nsubj", "PROPN", "NNP", "Ukraine"), ("evacuated", 6, "ROOT", "VERB", "VBD", "evacuate"),
            ("civilians", 6, "obj", "NOUN", "NNS", "civilian"), ("from", 10, "case", "ADP", "IN", "from"),
            ("the", 10, "det", "DET", "DT", "the"), ("region", 6, "obl", "NOUN", "NN", "region"),
            (".", 6, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 4, "GPE"), (5, 6, "GPE")])
    assert of(ex, "evacuates") == {(UA, "evacuates", KHARKIV_REGION, "Asserted")}


def test_the_name_right_before_a_speech_verb_speaks_and_the_alliance_is_the_organisation_named():
    # "Speaking in Kyiv, NATO chief Rutte said the alliance would support Ukraine." with "Rutte" misparsed as
    # the object of "Speaking"
    rows = [("Speaking", 7, "csubj", "VERB", "VBG", "speak"), ("in", 2, "case", "ADP", "IN", "in"),
            ("Kyiv", 0, "obl", "PROPN", "NNP", "Kyiv"), (",", 0, "punct", "PUNCT", ",", ","),
            ("NATO", 5, "compound", "PROPN", "NNP", "NATO"), ("chief", 6, "compound", "NOUN", "NN", "chief"),
            ("Rutte", 0, "obj", "PROPN", "NNP", "Rutte"), ("said", 7, "ROOT", "VERB", "VBD", "say"),
            ("the", 9, "det", "DET", "DT", "the"), ("alliance", 11, "nsubj", "NOUN", "NN", "alliance"),
            ("would", 11, "aux", "AUX", "MD", "would"), ("support", 7, "ccomp", "VERB", "VB", "support"),
            ("Ukraine", 11, "obj", "PROPN", "NNP", "Ukraine"), (".", 7, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(2, 3, "GPE"), (4, 5, "ORG"), (6, 7, "PERSON"), (12, 13, "GPE")])
    rutte = next(m.key for m in ex.mentions if m.name == "Rutte")
    nato = next(m.key for m in ex.mentions if m.surface == "NATO")
    got = {(r.subject.key, r.predicate, r.modality, r.claimant.key if r.claimant else None) for r in ex.relations}
    assert got == {(rutte, "claims", "Asserted", None), (nato, "supports", "Planned", rutte)}


def test_urging_someone_to_act_demands_the_act_and_sanctions_targeting_something_are_no_attack():
    # "Rutte urged member states to increase spending."
    rows = [("Rutte", 1, "nsubj", "PROPN", "NNP", "Rutte"), ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
            ("member", 3, "compound", "NOUN", "NN", "member"), ("states", 1, "obj", "NOUN", "NNS", "state"),
            ("to", 5, "mark", "PART", "TO", "to"), ("increase", 1, "xcomp", "VERB", "VB", "increase"),
            ("spending", 5, "obj", "NOUN", "NN", "spending"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON")])
    assert [(r.predicate, r.object.text) for r in ex.relations] == [("demands", "member states to increase spending")]
    # "The EU proposed sanctions against Russia, targeting its fleet."
    rows = [("The", 1, "det", "DET", "DT", "the"), ("EU", 2, "nsubj", "PROPN", "NNP", "EU"),
            ("proposed", 2, "ROOT", "VERB", "VBD", "propose"), ("sanctions", 2, "obj", "NOUN", "NNS", "sanction"),
            ("against", 5, "case", "ADP", "IN", "against"), ("Russia", 3, "nmod", "PROPN", "NNP", "Russia"),
            (",", 7, "punct", "PUNCT", ",", ","), ("targeting", 2, "advcl", "VERB", "VBG", "target"),
            ("its", 9, "nmod:poss", "PRON", "PRP$", "its"), ("fleet", 7, "obj", "NOUN", "NN", "fleet"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(1, 2, "ORG"), (5, 6, "GPE")])
    assert not of(ex, "attacks") and not of(ex, "strikes")


def test_a_countrys_agency_speaks_for_it_but_a_news_agency_for_itself():
    # "Ukraine's intelligence agency said that Russia advanced." / "The Russian news agency reported that Russia advanced."
    rows = [("Ukraine", 3, "nmod:poss", "PROPN", "NNP", "Ukraine"), ("'s", 0, "case", "PART", "POS", "'s"),
            ("intelligence", 3, "compound", "NOUN", "NN", "intelligence"), ("agency", 4, "nsubj", "NOUN", "NN", "agency"),
            ("said", 4, "ROOT", "VERB", "VBD", "say"), ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("Russia", 7, "nsubj", "PROPN", "NNP", "Russia"), ("advanced", 4, "ccomp", "VERB", "VBD", "advance"),
            (".", 4, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (6, 7, "GPE")])
    assert {r.subject.key for r in ex.relations if r.predicate == "claims"} == {UA}
    rows = [("The", 3, "det", "DET", "DT", "the"), ("Russian", 3, "amod", "ADJ", "JJ", "russian"),
            ("news", 3, "compound", "NOUN", "NN", "news"), ("agency", 4, "nsubj", "NOUN", "NN", "agency"),
            ("reported", 4, "ROOT", "VERB", "VBD", "report"), ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("Russia", 7, "nsubj", "PROPN", "NNP", "Russia"), ("advanced", 4, "ccomp", "VERB", "VBD", "advance"),
            (".", 4, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(1, 2, "NORP"), (6, 7, "GPE")])
    assert {r.subject.type for r in ex.relations if r.predicate == "claims"} == {"Organization"}


def test_a_weapon_of_a_country_as_agent_and_weapons_sent_to_a_country_support_it():
    # "A Russian missile struck Dnipro."
    rows = [("A", 2, "det", "DET", "DT", "a"), ("Russian", 2, "amod", "ADJ", "JJ", "russian"),
            ("missile", 3, "nsubj", "NOUN", "NN", "missile"), ("struck", 3, "ROOT", "VERB", "VBD", "strike"),
            ("Dnipro", 3, "obj", "PROPN", "NNP", "Dnipro"), (".", 3, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(1, 2, "NORP"), (4, 5, "GPE")])
    assert {(s, p) for s, p, _o, _m in triples(ex)} == {(RU, "strikes")}
    # "France sent fighter jets to Ukraine." / "Moscow warned Paris against escalation."
    rows = [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
            ("fighter", 3, "compound", "NOUN", "NN", "fighter"), ("jets", 1, "obj", "NOUN", "NNS", "jet"),
            ("to", 5, "case", "ADP", "IN", "to"), ("Ukraine", 1, "obl", "PROPN", "NNP", "Ukraine"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert triples(ex) == {("country:FR", "supports", UA, "Asserted")}
    rows = [("Moscow", 1, "nsubj", "PROPN", "NNP", "Moscow"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
            ("Paris", 1, "iobj", "PROPN", "NNP", "Paris"), ("against", 4, "case", "ADP", "IN", "against"),
            ("escalation", 1, "obl", "NOUN", "NN", "escalation"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE")])
    assert triples(ex) == {(RU, "warns", "country:FR", "Asserted")}


def test_a_temporal_clause_on_a_speech_verb_is_when_not_what_was_said():
    # "Zelensky spoke after Russia attacked Odesa." with "said" as the speech verb
    rows = [("Zelensky", 1, "nsubj", "PROPN", "NNP", "Zelensky"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("that", 4, "mark", "SCONJ", "IN", "that"), ("Kyiv", 4, "nsubj", "PROPN", "NNP", "Kyiv"),
            ("resisted", 1, "ccomp", "VERB", "VBD", "resist"), ("after", 7, "mark", "SCONJ", "IN", "after"),
            ("Russia", 7, "nsubj", "PROPN", "NNP", "Russia"), ("attacked", 1, "advcl", "VERB", "VBD", "attack"),
            ("Odesa", 7, "obj", "PROPN", "NNP", "Odesa"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "PERSON"), (3, 4, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")])
    assert [(r.modality, r.claimant) for r in ex.relations if r.predicate == "attacks"] == [("Asserted", None)]


def test_a_speech_verb_after_the_clause_makes_it_a_claim_of_its_speaker():
    # "Israel attacked Lebanon, the Acme agency said."
    rows = [("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Lebanon", 1, "obj", "PROPN", "NNP", "Lebanon"), (",", 6, "punct", "PUNCT", ",", ","),
            ("the", 5, "det", "DET", "DT", "the"), ("Acme", 6, "nsubj", "PROPN", "NNP", "Acme"),
            ("said", 1, "parataxis", "VERB", "VBD", "say"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "ORG")])
    assert [(r.modality, r.claimant.surface) for r in ex.relations if r.predicate == "attacks"] == [("Claimed", "Acme")]


def test_a_participle_with_its_own_object_is_active_and_its_noun_the_subject():
    # "Israeli warplanes struck Sidon and Tyre." parsed with "struck" as a participle on "warplanes"
    rows = [("Israeli", 1, "amod", "ADJ", "JJ", "israeli"), ("warplanes", 1, "ROOT", "NOUN", "NNS", "warplane"),
            ("struck", 1, "acl", "VERB", "VBN", "strike"), ("Sidon", 2, "obj", "PROPN", "NNP", "Sidon"),
            ("and", 5, "cc", "CCONJ", "CC", "and"), ("Tyre", 3, "conj", "PROPN", "NNP", "Tyre"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "NORP"), (3, 4, "GPE"), (5, 6, "GPE")])
    assert {(s, p, m) for s, p, _o, m in triples(ex)} == {("country:IL", "strikes", "Asserted")}
    assert len(of(ex, "strikes")) == 2
    # "territories seized by Russia": a participle without an object stays passive, its noun the object
    rows = [("territories", 0, "ROOT", "NOUN", "NNS", "territory"), ("seized", 0, "acl", "VERB", "VBN", "seize"),
            ("by", 3, "case", "ADP", "IN", "by"), ("Russia", 1, "obl:agent", "PROPN", "NNP", "Russia"),
            (".", 0, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(3, 4, "GPE")])
    assert {(s, p, m) for s, p, _o, m in triples(ex)} == {(RU, "captures", "Asserted")}


def test_it_can_be_an_army():
    # "Ukraine's army said it had recaptured Kupiansk."
    rows = [("Ukraine", 2, "nmod:poss", "PROPN", "NNP", "Ukraine"), ("'s", 0, "case", "PART", "POS", "'s"),
            ("army", 3, "nsubj", "NOUN", "NN", "army"), ("said", 3, "ROOT", "VERB", "VBD", "say"),
            ("it", 6, "nsubj", "PRON", "PRP", "it"), ("had", 6, "aux", "AUX", "VBD", "have"),
            ("recaptured", 3, "ccomp", "VERB", "VBN", "recapture"), ("Kupiansk", 6, "obj", "PROPN", "NNP", "Kupiansk"),
            (".", 3, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (7, 8, "GPE")])
    [capture] = [r for r in ex.relations if r.predicate == "captures"]
    assert (capture.subject.key, capture.modality, capture.claimant.key) == ("forces:UA", "Claimed", "forces:UA")


def test_an_offensive_being_prepared_is_planned_and_rejecting_a_claim_denies_it():
    # "Russia is preparing an offensive in the Kharkiv region."
    rows = [("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"), ("is", 2, "aux", "AUX", "VBZ", "be"),
            ("preparing", 2, "ROOT", "VERB", "VBG", "prepare"), ("an", 4, "det", "DET", "DT", "a"),
            ("offensive", 2, "obj", "NOUN", "NN", "offensive"), ("in", 8, "case", "ADP", "IN", "in"),
            ("the", 8, "det", "DET", "DT", "the"), ("Kharkiv", 8, "compound", "PROPN", "NNP", "Kharkiv"),
            ("region", 4, "nmod", "NOUN", "NN", "region"), (".", 2, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (7, 9, "GPE")])
    assert of(ex, "attacks") == {(RU, "attacks", KHARKIV_REGION, "Planned")}
    # "Ukraine rejected the claim."
    rows = [("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
            ("the", 3, "det", "DET", "DT", "the"), ("claim", 1, "obj", "NOUN", "NN", "claim"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    assert {(s, p, m) for s, p, _o, m in triples(ex)} == {(UA, "denies", "Asserted")}


def test_a_trailing_speech_verb_parsed_as_a_conjunct_still_makes_a_claim():
    # "Russia struck Odesa, governor Oleh Kiper said." with "said" read as a conjunct of "struck"
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
            ("Odesa", 1, "obj", "PROPN", "NNP", "Odesa"), (",", 7, "punct", "PUNCT", ",", ","),
            ("governor", 5, "compound", "NOUN", "NN", "governor"), ("Oleh", 7, "nsubj", "PROPN", "NNP", "Oleh"),
            ("Kiper", 5, "flat", "PROPN", "NNP", "Kiper"), ("said", 1, "conj", "VERB", "VBD", "say"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (5, 7, "PERSON")])
    [strike] = [r for r in ex.relations if r.predicate == "strikes"]
    assert (strike.modality, strike.claimant.type, strike.claimant.name) == ("Claimed", "Person", "Oleh Kiper")
    # "Russia struck Odesa and Zelensky spoke.": a conjunct with its own conjunction is a second event
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
            ("Odesa", 1, "obj", "PROPN", "NNP", "Odesa"), ("and", 5, "cc", "CCONJ", "CC", "and"),
            ("Zelensky", 5, "nsubj", "PROPN", "NNP", "Zelensky"), ("said", 1, "conj", "VERB", "VBD", "say"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "PERSON")])
    [strike] = [r for r in ex.relations if r.predicate == "strikes"]
    assert (strike.modality, strike.claimant) == ("Asserted", None)


def test_expressing_or_pledging_support_supports():
    # "Estonia expressed support for Finland's decision."
    rows = [("Estonia", 1, "nsubj", "PROPN", "NNP", "Estonia"), ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
            ("support", 1, "obj", "NOUN", "NN", "support"), ("for", 6, "case", "ADP", "IN", "for"),
            ("Finland", 6, "nmod:poss", "PROPN", "NNP", "Finland"), ("'s", 4, "case", "PART", "POS", "'s"),
            ("decision", 2, "nmod", "NOUN", "NN", "decision"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert triples(ex) == {("country:EE", "supports", "country:FI", "Asserted")}
    # "Germany pledged support to Ukraine.": not given yet
    rows = [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("pledged", 1, "ROOT", "VERB", "VBD", "pledge"),
            ("support", 1, "obj", "NOUN", "NN", "support"), ("to", 4, "case", "ADP", "IN", "to"),
            ("Ukraine", 2, "nmod", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    assert triples(ex) == {("country:DE", "supports", UA, "Planned")}


def test_urging_with_the_to_clause_hung_on_the_object():
    # "Qatar urged both sides to accept a truce." with "accept" parsed as a clause on "sides"
    rows = [("Qatar", 1, "nsubj", "PROPN", "NNP", "Qatar"), ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
            ("both", 3, "det", "DET", "DT", "both"), ("sides", 1, "obj", "NOUN", "NNS", "side"),
            ("to", 5, "mark", "PART", "TO", "to"), ("accept", 3, "acl", "VERB", "VB", "accept"),
            ("a", 7, "det", "DET", "DT", "a"), ("truce", 5, "obj", "NOUN", "NN", "truce"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE")])
    [demand] = [r for r in ex.relations if r.predicate == "demands"]
    assert (demand.subject.key, demand.object.text, demand.modality) == ("country:QA", "both sides to accept a truce",
                                                                         "Asserted")


def test_an_organisation_in_a_leaders_title_is_led_by_the_person():
    # "NATO Secretary General Mark Rutte spoke."
    rows = [("NATO", 2, "compound", "PROPN", "NNP", "NATO"), ("Secretary", 2, "compound", "PROPN", "NNP", "Secretary"),
            ("General", 3, "compound", "PROPN", "NNP", "General"), ("Mark", 5, "nsubj", "PROPN", "NNP", "Mark"),
            ("Rutte", 3, "flat", "PROPN", "NNP", "Rutte"), ("spoke", 5, "ROOT", "VERB", "VBD", "speak"),
            (".", 5, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "ORG"), (3, 5, "PERSON")])
    [lead] = [r for r in ex.relations if r.predicate == "leaderOf"]
    assert (lead.subject.name, lead.object.key, lead.role) == ("Mark Rutte", "org:north-atlantic-treaty-organization",
                                                               "Secretary General")


def test_a_border_with_or_between_places():
    # "Finland closed its border with Russia."
    rows = [("Finland", 1, "nsubj", "PROPN", "NNP", "Finland"), ("closed", 1, "ROOT", "VERB", "VBD", "close"),
            ("its", 3, "nmod:poss", "PRON", "PRP$", "its"), ("border", 1, "obj", "NOUN", "NN", "border"),
            ("with", 5, "case", "ADP", "IN", "with"), ("Russia", 3, "nmod", "PROPN", "NNP", "Russia"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert triples(ex) == {("country:FI", "borders", RU, "Asserted")}
    # "Troops gathered at the border between Poland and Belarus."
    rows = [("Troops", 1, "nsubj", "NOUN", "NNS", "troop"), ("gathered", 1, "ROOT", "VERB", "VBD", "gather"),
            ("at", 4, "case", "ADP", "IN", "at"), ("the", 4, "det", "DET", "DT", "the"),
            ("border", 1, "obl", "NOUN", "NN", "border"), ("between", 6, "case", "ADP", "IN", "between"),
            ("Poland", 4, "nmod", "PROPN", "NNP", "Poland"), ("and", 8, "cc", "CCONJ", "CC", "and"),
            ("Belarus", 6, "conj", "PROPN", "NNP", "Belarus"), (".", 1, "punct", "PUNCT", ".", ".")]
    ex = run(rows, [(6, 7, "GPE"), (8, 9, "GPE")])
    assert of(ex, "borders") == {("country:PL", "borders", "country:BY", "Asserted")}
