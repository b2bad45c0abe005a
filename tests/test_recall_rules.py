"""Controllers of a clause in the passive ('X is committed to…'), standing up for and standing with someone, on
invented sentences parsed by the shipped pipeline."""

from __future__ import annotations

import pytest

from kg.extract import extract_document
from kg.nlp.language import load_pipeline
from tests.conftest import document, extract_text, parse, relation_rows, text_triples


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def triples(nlp, text, prop=None):
    return text_triples(nlp, text, prop)


@pytest.mark.parametrize("text, prop, expected", [
    # the one committed (prepared, determined) to an act is its agent, and the act is intended
    ("Chile is committed to supplying rifles to Peru.", "supports",
     {("country:CL", "supports", "country:PE", "Planned")}),
    ("Brazil is firmly committed to continuing its talks with Peru.", "negotiatesWith",
     {("country:BR", "negotiatesWith", "country:PE", "Planned")}),
    ("Chile is committed to helping Peru, drawing on old ties and working closely with the African Union.",
     "negotiatesWith", {("country:CL", "negotiatesWith", "org:african-union", "Planned")}),
])
def test_the_subject_of_a_passive_commitment_acts_in_its_clause(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    ("Brazil will always stand up for free elections wherever they are threatened.",
     {("country:BR", "supports", "free elections", "Planned")}),
    ("Chile stands with the relatives of the hostages.",
     {("country:CL", "supports", "the relatives", "Asserted")}),
    ("Chile will stand firmly with Peru.", {("country:CL", "supports", "country:PE", "Planned")}),
])
def test_standing_up_for_or_standing_with_someone_supports_them(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


def test_standing_ready_or_at_a_figure_supports_nothing(nlp):
    assert triples(nlp, "Chile stands ready to talk, and the toll stands at 300.", "supports") == set()


@pytest.mark.parametrize("text, expected", [
    # a country's forces defending themselves defend the country; the helper's object acts in its to-clause
    ("Chile will keep supporting the Peruvian armed forces to defend themselves.",
     {("forces:PE", "defends", "country:PE", "Planned")}),
    # anyone else defending itself is named by the pronoun, never by an earlier actor
    ("Bolivia sent no troops. Peru must be able to defend itself.",
     {("country:PE", "defends", "itself", "Planned")}),
])
def test_a_reflexive_object_stands_for_its_own_subject(nlp, text, expected):
    assert triples(nlp, text, "defends") == expected


def test_the_one_helped_acts_in_the_to_clause(nlp):
    found = triples(nlp, "Chile will keep supporting the Peruvian armed forces to defend themselves.")
    assert ("country:CL", "supports", "forces:PE", "Planned") in found
    assert not any(t[0] == "country:CL" and t[1] == "defends" for t in found)


def test_envoys_meeting_officials_of_their_own_issuing_state_meet_no_one(nlp):
    text = ("Special Envoy Ana Souza traveled to Lima and Quito. In Lima, she met with Chilean Embassy officials "
            "and with Peruvian officials.")
    found = {t[:3] for t in text_triples(nlp, text, "meets", source="Ministry of Foreign Affairs of Chile")}
    # the Chilean ministry's envoy meeting Chile's own embassy is no meeting of two sides; Peru's officials are
    assert found == {("person:ana-souza", "meets", "country:PE")}


def test_a_list_whose_middle_item_the_parse_made_an_apposition_is_taken_up_whole(nlp):
    text = ("Foreign Minister Tomas Ekdahl, Defence Minister Kenji Morita of Japan, and Defence Minister Rodrigo "
            "Peña of Indonesia held a video call on Friday. The three ministers stressed the need for "
            "closer maritime cooperation.")
    assert triples(nlp, text, "demands") == {
        (who, "demands", "closer maritime cooperation", "Asserted")
        for who in ("person:tomas-ekdahl", "person:kenji-morita", "person:rodrigo-pena")}



@pytest.mark.parametrize("text, prop, expected", [
    # the leaders of states, as the officials of one are, stand for those states: each of them
    ("Ana Souza held talks with the leaders of Chile and Peru.", "negotiatesWith",
     {("person:ana-souza", "negotiatesWith", "country:CL", "Asserted"),
      ("person:ana-souza", "negotiatesWith", "country:PE", "Asserted")}),
    # (not the two who held the contacts with each other)
    ("The talks took into account the contacts held lately by Tomas Brandt and Ana Souza with the leaders of "
     "Chile and Peru.", "negotiatesWith",
     {(who, "negotiatesWith", state, "Asserted") for who in ("person:tomas-brandt", "person:ana-souza")
      for state in ("country:CL", "country:PE")}),
])
def test_the_leaders_of_states_stand_for_each_state(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # each party to a named accord 'between' them agrees to it
    ("The council also welcomes the prisoner swap agreement between Chile and the ELN as a useful step.",
     {("country:CL", "agreesTo", "agreement:prisoner-swap-agreement", "Asserted"),
      ("org:national-liberation-army-of-colombia", "agreesTo", "agreement:prisoner-swap-agreement", "Asserted")}),
    # an accord with no name of its own is no entity to agree to
    ("Chile calls for a ceasefire between Peru and Bolivia.", set()),
])
def test_the_parties_between_whom_an_accord_is_agree_to_it(nlp, text, expected):
    assert triples(nlp, text, "agreesTo") == expected


def test_a_finite_verb_the_parse_coordinated_with_a_gerund_shares_the_main_subject(nlp):
    text = ("Chile stressed the value of deepening regional cooperation and committed to keep carrying out "
            "the plans it had drawn up with Peru.")
    assert {t[:3] for t in triples(nlp, text, "agreesTo")} == {
        ("country:CL", "agreesTo", "to keep carrying out the plans it had drawn up with Peru")}


@pytest.mark.parametrize("text, expected", [
    # a decision to act agrees to the act; reaffirmed by those who own it, it is their stance, not a claim
    ("Chile and Peru reaffirmed their decision to hold regular consultations over the next year.",
     {("country:CL", "agreesTo", "to hold regular consultations over the next year", "Asserted"),
      ("country:PE", "agreesTo", "to hold regular consultations over the next year", "Asserted")}),
    ("The decision was widely criticised.", set()),
])
def test_a_decision_to_act_agrees_to_the_act(nlp, text, expected):
    found = triples(nlp, text)
    assert {t for t in found if t[1] == "agreesTo"} == expected
    assert not any(t[1] == "claims" for t in found)



def test_thanking_someone_for_their_deeds_praises_them_not_the_pronoun_owner(nlp):
    # 'their' is the nations thanked, not the speaking state: the praise goes to the nations
    text = "We thank those nations for their leadership in the crisis."
    found = {t[:3] for t in text_triples(nlp, text, "praises", source="Ministry of Foreign Affairs of Chile")}
    assert found == {("country:CL", "praises", "those nations")}


def test_money_in_aid_whose_purpose_is_to_help_a_people_supports_their_state(nlp):
    text = "Chile lately announced over $40 million in new relief assistance to help the Peruvian people."
    assert {t[:3] for t in triples(nlp, text, "supports")} == {("country:CL", "supports", "country:PE")}


def test_a_states_forces_named_in_a_place_are_deployed_there_by_the_state(nlp):
    text = "The envoys met with Chilean forces in Peru, Bolivia, and Ecuador who run the training mission."
    assert triples(nlp, text, "deploys") == {("country:CL", "deploys", "forces:CL", "Asserted")}
    # the agent of an act done somewhere is not thereby deployed there
    assert triples(nlp, "Abuses had been committed by Chilean forces in Peru.", "deploys") == set()


@pytest.mark.parametrize("text, expected", [
    # a member, official or commander of a body set beside a name belongs to it
    ("Ahmed Karimi, a member of Hamas, was killed in the strike.",
     {("person:ahmed-karimi", "memberOf", "org:hamas", "Asserted")}),
    ("Ahmed Karimi, a deputy commander of Hezbollah, was killed in the strike.",
     {("person:ahmed-karimi", "memberOf", "org:hezbollah", "Asserted")}),
])
def test_a_member_or_commander_set_beside_a_name_is_a_member_of_the_body(nlp, text, expected):
    assert triples(nlp, text, "memberOf") == expected


def test_a_bodys_leader_before_a_name_leads_it_and_a_deputy_does_not(nlp):
    assert triples(nlp, "Hezbollah's leader Ahmed Karimi was killed in the strike.", "leaderOf") == \
        {("person:ahmed-karimi", "leaderOf", "org:hezbollah", "Asserted")}
    assert triples(nlp, "Hamas's deputy leader Ahmed Karimi was killed in the strike.", "leaderOf") == set()


@pytest.mark.parametrize("text, expected", [
    # a gerund right after 'continue', 'keep', 'resume' that the parse made a modifier of its object
    ("Al-Shabaab continued attacking Mogadishu.", {("org:al-shabaab", "attacks", "city:so:mogadishu", "Asserted")}),
    ("Al-Shabaab continued shelling Mogadishu.", {("org:al-shabaab", "strikes", "city:so:mogadishu", "Asserted")}),
    ("Al-Shabaab kept attacking Kenyan troops.", {("org:al-shabaab", "attacks", "forces:KE", "Asserted")}),
])
def test_an_act_of_war_going_on_after_an_aspectual_verb_has_its_agent_and_target(nlp, text, expected):
    assert {t for t in triples(nlp, text) if t[1] in ("attacks", "strikes")} == expected


@pytest.mark.parametrize("text, expected", [
    # the object the parse hung on a count of occurrences ('N times') is the verb's object
    ("Al-Shabaab attacked commercial vessels 12 times.",
     {("org:al-shabaab", "attacks", "commercial vessels", "Asserted")}),
    # object control with the one allowed parsed as an indirect object
    ("Peru allowed Hezbollah to attack Chilean patrol boats.",
     {("org:hezbollah", "attacks", "Chilean patrol boats", "Asserted")}),
])
def test_acts_of_war_keep_their_agent_and_object_through_misparses(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


def test_a_participle_after_an_attack_noun_describes_the_attacks_not_the_speaker(nlp):
    assert triples(nlp, "Chile has seen reports of assaults knowingly targeting hospitals.", "attacks") == set()
    assert triples(nlp, "Chile condemned Peru's assaults knowingly targeting hospitals.", "attacks") == \
        {("country:PE", "attacks", "hospitals", "Asserted")}


def test_a_possessive_in_an_opening_clause_is_the_person_named_after_it(nlp):
    text = ("Tomas Brandt spoke first. After ending his talks with Chile, Peruvian President Ahmed Karimi "
            "flew home.")
    assert triples(nlp, text, "negotiatesWith") == {("person:ahmed-karimi", "negotiatesWith", "country:CL", "Asserted")}


def test_the_object_after_a_manner_phrase_is_what_is_condemned(nlp):
    text = "Peru and Chile condemn yet again in very clear words these brutal acts of violence."
    assert triples(nlp, text, "condemns") == {("country:PE", "condemns", "these brutal acts", "Asserted"),
                                             ("country:CL", "condemns", "these brutal acts", "Asserted")}


def test_a_body_named_after_its_organisation_is_a_member_of_it_and_a_principal_organ_is_not(nlp):
    assert triples(nlp, "Chile thanked the United Nations Mission in South Sudan for its work.", "memberOf") == \
        {("org:united-nations-mission-in-south-sudan", "memberOf", "org:united-nations", "Asserted")}
    assert triples(nlp, "The United Nations General Assembly met on Monday.", "memberOf") == set()


def test_an_armed_advance_attacks_its_target_and_an_advance_team_attacks_nothing(nlp):
    assert triples(nlp, "Peru's advance toward Arica continued.", "attacks") == \
        {("country:PE", "attacks", "city:cl:arica", "Asserted")}
    assert triples(nlp, "Chile sent its advance team to Lima.", "attacks") == set()


def test_opening_fire_on_someone_attacks_them_and_a_fire_at_a_port_attacks_nothing(nlp):
    assert triples(nlp, "Chilean forces opened fire on Peruvian troops.", "attacks") == \
        {("forces:CL", "attacks", "forces:PE", "Asserted")}
    text = "Chile is at war with Peru. A fire at the Arica port destroyed two warehouses."
    assert not any(t[2] == "place:t1:arica-port" for t in triples(nlp, text, "attacks"))


def test_a_name_hyphenated_before_led_is_the_agent_and_before_backed_is_not(nlp):
    assert triples(nlp, "Chile condemned the recent Hezbollah-led massacre in Arica.", "attacks") == \
        {("org:hezbollah", "attacks", "city:cl:arica", "Asserted")}
    assert triples(nlp, "Chile condemned the Iran-backed attack on Arica.", "attacks") == set()


@pytest.mark.parametrize("text, expected", [
    # the gerund a need noun governs, without its preposition or a finite verb the parse coordinated with it
    ("Chile and Peru underscored the importance of deepening regional cooperation and committed to meet "
     "again in June.", "deepening regional cooperation"),
    ("Chile stressed the importance of strengthening border controls.", "strengthening border controls"),
])
def test_what_a_speaker_says_is_important_to_do_is_demanded_without_the_preposition(nlp, text, expected):
    assert expected in {t[2] for t in triples(nlp, text, "demands")}


@pytest.mark.parametrize("text, expected", [
    # a withdrawal written as text must name territory
    ("Chile must relinquish all authority it took in May.", set()),
    ("Chile announced that it withdrew from the occupied areas.", {"the occupied areas"}),
])
def test_a_withdrawal_from_text_names_territory(nlp, text, expected):
    assert {t[2] for t in triples(nlp, text, "withdrawsFrom")} == expected


@pytest.mark.parametrize("text", [
    "President Adama Kollie's order for Mali's army to withdraw from Kayes was read on state radio.",
    # the for-phrase and the to-clause hung on the verb that governs the noun
    "We welcome President Adama Kollie's order for the Malian army to leave Kayes.",
])
def test_a_directive_noun_orders_the_subject_its_to_clause_names_with_for(nlp, text):
    assert triples(nlp, text, "orders") == {("person:adama-kollie", "orders", "forces:ML", "Asserted")}


def test_a_to_clause_with_a_for_subject_of_its_own_does_not_take_the_owner_of_its_noun(nlp):
    # the army, not the president, is to withdraw; an army of no named state is no entity
    assert triples(nlp, "President Adama Kollie's order for the army to withdraw from Kayes was read on state "
                        "radio.") == set()
    assert triples(nlp, "President Adama Kollie's order for Mali's army to withdraw from Kayes was read on state "
                        "radio.", "withdrawsFrom") == {("forces:ML", "withdrawsFrom",
                                                        "ambiguous:city:ml:kayes|region:ML-1", "Planned")}


@pytest.mark.parametrize("text", [
    "France provided Chad with weapons.",  # the with-phrase parsed onto the one provided
    "France has provided Chad with the fuel it needs.",
])
def test_the_one_provided_with_something_is_supported(nlp, text):
    assert triples(nlp, text, "supports") == {("country:FR", "supports", "country:TD", "Asserted")}


def test_a_relative_clause_of_needing_describes_its_noun_and_demands_nothing(nlp):
    assert triples(nlp, "France has provided Chad with the fuel it needs.", "demands") == set()


@pytest.mark.parametrize("text", ["French support for Chad is strong.", "France's support for Chad is unwavering."])
def test_the_phrase_of_a_subject_noun_parsed_beside_it_gives_its_object(nlp, text):
    assert triples(nlp, text, "supports") == {("country:FR", "supports", "country:TD", "Asserted")}


def test_money_to_help_what_a_state_owns_supports_the_state(nlp):
    assert triples(nlp, "Japan will provide $20 million to support the rebuilding of Chad's power grid.",
                   "supports") == {("country:JP", "supports", "country:TD", "Planned")}


@pytest.mark.parametrize("text", [
    "Foreign Minister Maria Okafor held a call with her Ghanaian counterpart.",
    "Foreign Minister Maria Okafor spoke by phone with her Ghanaian counterpart on Tuesday.",
])
def test_a_counterpart_named_by_nationality_stands_for_the_state_whatever_its_possessive(nlp, text):
    assert triples(nlp, text, "negotiatesWith") == {("person:maria-okafor", "negotiatesWith", "country:GH",
                                                     "Asserted")}


def test_a_branch_of_a_state_forces_before_a_weapon_noun_is_no_weapon_name(nlp):
    ex = extract_text(nlp, "Chad condemned the raid on French Navy warships.")
    assert relation_rows(ex, "condemns") == {("country:TD", "condemns", "the raid", "Asserted")}
    assert not [m.key for m in ex.mentions if m.key.startswith("weapon:")]


def test_the_content_of_a_coordinated_clause_leaves_out_its_conjunction(nlp):
    from kg.extract.arguments import _clause_content

    doc = nlp("The door to talks is open, but Niger must withdraw its troops.")
    verb = next(t for t in doc if t.lower_ == "withdraw")
    assert _clause_content(verb).text == "Niger must withdraw its troops"


@pytest.mark.parametrize("text, expected", [
    # a verb of emphasis claims its nominal object, and demands what its need noun names
    ("Chad and Niger underscored their deep economic ties.",
     {("country:TD", "claims", "their deep economic ties", "Asserted"),
      ("country:NE", "claims", "their deep economic ties", "Asserted")}),
    ("Chad stressed the importance of dialogue.", {("country:TD", "demands", "dialogue", "Asserted")}),
])
def test_a_verb_of_emphasis_claims_its_nominal_object(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a predicate adjective the parse reads as a passive participle keeps its subject
    ("Chad is gravely concerned by the violence.", {("country:TD", "claims", "the violence", "Asserted")}),
    ("Chad is concerned by Niger's actions.", {("country:TD", "condemns", "country:NE", "Asserted")}),
])
def test_concern_written_with_by_is_the_subject_concern(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # recognizing or acknowledging a deed or quality of an actor praises the actor, a country included
    ("Ghana recognized the contributions of Kenya.", {("country:GH", "praises", "country:KE", "Asserted")}),
    ("Ghana acknowledged the important role of the African Union.",
     {("country:GH", "praises", "org:african-union", "Asserted")}),
    ("Ghana acknowledged Kenya's efforts.", {("country:GH", "praises", "country:KE", "Asserted")}),
    # recognizing a state is diplomatic recognition, and its sovereignty no deed
    ("Ghana recognized Kosovo.", set()),
    ("Ghana recognized the sovereignty of Kosovo.", set()),
])
def test_recognizing_a_deed_praises_its_owner(nlp, text, expected):
    assert triples(nlp, text, "praises") == expected


@pytest.mark.parametrize("text, expected", [
    # the one at whose hands the clause's subject is harmed attacks it
    ("Hundreds of prisoners died at the hands of the Syrian army.",
     {("forces:SY", "attacks", "Hundreds of prisoners", "Asserted")}),
    ("The people of Chad, who were tortured at the hands of Boko Haram, deserve peace.",
     {("org:boko-haram", "attacks", "The people of Chad", "Asserted")}),
    ("Chad fears it could be crushed at the hands of Boko Haram.",
     {("org:boko-haram", "attacks", "country:TD", "Hypothetical")}),
    ("The project is in the hands of Boko Haram.", set()),
])
def test_harm_at_the_hands_of_an_actor_is_its_attack(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    # an attack on the units, vessels or posts of an armed side attacks their owner
    ("Boko Haram attacked Nigerian army convoys.", {("org:boko-haram", "attacks", "forces:NG", "Asserted")}),
    ("Boko Haram attacked the convoys of the Nigerian army.", {("org:boko-haram", "attacks", "forces:NG", "Asserted")}),
    ("Al-Shabaab struck the positions of the African Union mission.",
     {("org:al-shabaab", "strikes", "org:african-union", "Asserted")}),
    # a noun that is no asset keeps its text
    ("Boko Haram attacked Nigerian army recruitment drives.",
     {("org:boko-haram", "attacks", "Nigerian army recruitment drives", "Asserted")}),
])
def test_an_attack_on_an_armed_sides_assets_attacks_the_side(nlp, text, expected):
    assert {t for t in triples(nlp, text) if t[1] in ("attacks", "strikes")} == expected


def test_an_act_read_by_a_property_and_its_refinement_is_stated_once(nlp):
    # launching a weapon at a target attacks it, and firing at it strikes it: one statement, the refinement
    assert triples(nlp, "Hamas fired rockets at Israel.") == {("org:hamas", "strikes", "country:IL", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # a reported clause saying that something is needed demands it
    ("Kenya said that more troops are required in the north.", {("country:KE", "demands", "more troops", "Asserted")}),
    # (the complementizer here is parsed as a determiner of the noun)
    ("President Ruto spoke with Chad's leader. He thanked Chad for the talks, and stressed that much more medicine "
     "was needed for the camps.", {("person:ruto", "demands", "much more medicine", "Asserted")}),
    # what is said not to be needed is no demand
    ("Kenya said that help was not needed.", set()),
])
def test_saying_that_something_is_needed_demands_it(nlp, text, expected):
    assert triples(nlp, text, "demands") == expected


@pytest.mark.parametrize("text, expected", [
    # reminding someone of a duty demands what the duty names
    ("Kenya reminded Chad of its obligation to protect civilians.",
     {("country:KE", "demands", "Chad of its obligation to protect civilians", "Asserted")}),
    ("The League reminded both sides of their duty to respect the truce.",
     {("organization:league", "demands", "both sides of their duty to respect the truce", "Asserted")}),
    # a reminder of anything else is none
    ("Kenya reminded Chad of the old days.", set()),
])
def test_reminding_of_a_duty_demands_it(nlp, text, expected):
    assert triples(nlp, text, "demands") == expected


@pytest.mark.parametrize("text, expected", [
    # a patron hyphenated before a named group supports the group
    ("The Venezuela-backed ELN rebels seized Arauca.",
     {("country:VE", "supports", "org:national-liberation-army-of-colombia", "Asserted")}),
    ("Iran-backed militias attacked the base.", {("country:IR", "supports", "group:ir-backed", "Asserted")}),
])
def test_a_patron_before_a_named_group_supports_it(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, expected", [
    # being unwilling, reluctant or unable to act is not acting
    ("Chad was unwilling to accept the proposal.", {("country:TD", "agreesTo", "the proposal", "Negated")}),
    ("Chad is reluctant to attack Niger.", {("country:TD", "attacks", "country:NE", "Negated")}),
])
def test_an_act_one_is_unwilling_to_do_is_negated(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_a_refusal_to_act_rejects_the_act(nlp):
    assert triples(nlp, "Niger condemned Chad's refusal to release the prisoners.", "rejects") == {
        ("country:TD", "rejects", "to release the prisoners", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # a capitalised name right after a title and the place or body it is for is a person's
    ("French Ambassador to Chad Marie Dupont met the rebels.",
     {("person:marie-dupont", "memberOf", "country:FR", "Asserted"),
      ("person:marie-dupont", "meets", "the rebels", "Asserted")}),
    ("UN Special Envoy for Sudan Jan Kubis arrived in Khartoum.",
     {("person:jan-kubis", "memberOf", "org:united-nations", "Asserted"),
      ("person:jan-kubis", "visits", "city:sd:khartoum", "Asserted")}),
    # a body's name, a title and a person's name: the person acts, however the parse hangs the phrase
    ("AFRICOM Commander General Michael Langley visited Niamey.",
     {("person:michael-langley", "commands", "org:united-states-africa-command", "Asserted"),
      ("person:michael-langley", "visits", "city:ne:niamey", "Asserted")}),
])
def test_titles_with_their_place_or_body_name_the_person(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # a title set off by commas after a name, with its state as owner or after 'of', however the parse reads it
    "Abderaman Koulamallah, the foreign minister of Chad, met William Ruto.",
    "Abderaman Koulamallah, Chad's foreign minister, met William Ruto.",
])
def test_a_title_set_off_after_a_name_gives_membership(nlp, text):
    assert triples(nlp, text) == {("person:abderaman-koulamallah", "memberOf", "country:TD", "Asserted"),
                                  ("person:abderaman-koulamallah", "meets", "person:william-ruto", "Asserted")}


def test_a_deputy_set_off_after_a_name_is_a_member_not_the_leader(nlp):
    assert triples(nlp, "Ahmed Karimi, deputy head of Hamas, was killed.") == {
        ("person:ahmed-karimi", "memberOf", "org:hamas", "Asserted")}


def test_every_name_in_a_list_of_cities_is_a_place(nlp):
    # a town the gazetteer does not know, in a list after 'the towns of', is no person ('she' then is not it)
    ex = extract_text(nlp, "Deputy Minister Jane Roe said the towns of Lviv, Kelmora and Dunavik had lost power. "
                           "\"The crews must be allowed to restore the lines,\" she urged.")
    keys = {m.key for m in ex.mentions}
    assert {"city:kelmora", "city:dunavik"} <= keys
    assert not keys & {"person:kelmora", "person:dunavik"}
    assert {r[0] for r in relation_rows(ex, "demands")} == {"person:jane-roe"}


@pytest.mark.parametrize("text, prop", [
    # a reciprocal object, or an event noun made mutual by its verb: each subject acts on each other one
    ("Chad and Sudan accused each other of arming rebels.", "accuses"),
    ("Chad and Sudan attacked one another.", "attacks"),
    ("Chad and Sudan exchanged fire along the border.", "attacks"),
    ("Chad and Sudan traded accusations over the attack.", "accuses"),
])
def test_mutual_acts_go_both_ways(nlp, text, prop):
    assert triples(nlp, text) == {("country:TD", prop, "country:SD", "Asserted"),
                                  ("country:SD", prop, "country:TD", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # a demand made of named addressees has them as objects; of unnamed ones, the words of the demand
    ("Kenya called on Chad and Niger to hold talks.",
     {("country:KE", "demands", "country:TD", "Asserted"), ("country:KE", "demands", "country:NE", "Asserted")}),
    ("Kenya called on armed groups to lay down their weapons.",
     {("country:KE", "demands", "armed groups to lay down their weapons", "Asserted")}),
])
def test_a_call_on_named_addressees_demands_of_them(nlp, text, expected):
    assert triples(nlp, text, "demands") == expected


@pytest.mark.parametrize("text, expected", [
    # asking someone to act, or asking for something, demands; asking a question does not
    ("Kenya asked Russia to withdraw.", {("country:KE", "demands", "country:RU", "Asserted")}),
    ("Kenya asked for international help.", {("country:KE", "demands", "international help", "Asserted")}),
    ("Kenya asked how many soldiers had died.", set()),
    ("Kenya asked Russia whether the talks would resume.", set()),
])
def test_asking_to_act_or_for_something_demands_it(nlp, text, expected):
    assert triples(nlp, text, "demands") == expected


def test_a_possessor_after_a_titled_name_is_not_the_office_place(nlp):
    # "of X's support" is what X owns, not the office's country
    assert triples(nlp, "William Ruto assured President Mahamat Deby of Kenya's support.", "leaderOf") == set()
    assert triples(nlp, "William Ruto met President Mahamat Deby of Chad.", "leaderOf") == {
        ("person:mahamat-deby", "leaderOf", "country:TD", "Asserted")}


@pytest.mark.parametrize("text, forces", [
    # a demonym two countries share is the one the document names, else the first the country table lists
    ("Congolese troops attacked rebels near Goma.", "forces:CD"),
    ("The Republic of the Congo said Congolese troops attacked rebels.", "forces:CG"),
])
def test_a_shared_demonym_is_the_named_countrys(nlp, text, forces):
    assert forces in {m.key for m in extract_text(nlp, text).mentions}


@pytest.mark.parametrize("text, expected", [
    # companions set off after the subject share its act; an agent of another participle does not
    ("William Ruto, accompanied by Musalia Mudavadi, visited Chad.",
     {("person:william-ruto", "visits", "country:TD", "Asserted"),
      ("person:musalia-mudavadi", "visits", "country:TD", "Asserted")}),
    ("William Ruto, elected by Musalia Mudavadi's party, visited Chad.",
     {("person:william-ruto", "visits", "country:TD", "Asserted")}),
])
def test_companions_share_the_subjects_act(nlp, text, expected):
    assert triples(nlp, text, "visits") == expected


def test_money_for_an_armed_force_supports_it_however_the_phrase_hangs(nlp):
    # the for-phrase parsed on the currency sign, not on the number or the verb
    assert triples(nlp, "Norway provided $5 million for the Malian army.", "supports") == {
        ("country:NO", "supports", "forces:ML", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # money given to pay, equip or supply an armed force supports it, whom the purpose is for included
    ("Norway gave $10 million to pay salaries of Malian soldiers.", {("country:NO", "supports", "forces:ML", "Asserted")}),
    ("Norway gave $10 million to purchase supplies for Malian forces.",
     {("country:NO", "supports", "forces:ML", "Asserted")}),
])
def test_money_to_pay_or_equip_a_force_supports_it(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, expected", [
    # a leader's title with its country, resolved to a person named before, makes the person its leader (once)
    ("Emmanuel Macron spoke with William Ruto. The President of France said the talks went well.",
     {("person:emmanuel-macron", "leaderOf", "country:FR", "Asserted")}),
    ("Emmanuel Macron spoke with William Ruto. The French President said the talks went well.",
     {("person:emmanuel-macron", "leaderOf", "country:FR", "Asserted")}),
    ("Emmanuel Macron spoke with William Ruto. The former French President said the talks went well.", set()),
])
def test_a_resolved_leader_description_gives_the_leadership(nlp, text, expected):
    assert triples(nlp, text, "leaderOf") == expected


@pytest.mark.parametrize("text, expected", [
    # troops a state keeps in another country are its own forces deployed there, not that country's forces
    ("France has 5,000 troops in Mali.", {("country:FR", "deploys", "forces:FR", "Asserted")}),
    ("France keeps troops in Chad.", {("country:FR", "deploys", "forces:FR", "Asserted")}),
])
def test_troops_a_state_keeps_abroad_are_its_own(nlp, text, expected):
    ex = extract_text(nlp, text)
    assert relation_rows(ex) == expected
    assert not any(m.key in ("forces:ML", "forces:TD") for m in ex.mentions)


@pytest.mark.parametrize("text, expected", [
    # the homeland of a state's armed forces is that state; a leader's country is the one the leader leads
    ("Kenyan soldiers will defend their homeland.", {("forces:KE", "defends", "country:KE", "Planned")}),
    ("Ethiopian forces are fighting to defend their country.", {("forces:ET", "defends", "country:ET", "Asserted")}),
    ("The rebels vowed to defend their homeland.", set()),
])
def test_the_homeland_of_an_army_is_its_state(nlp, text, expected):
    assert triples(nlp, text, "defends") == expected


@pytest.mark.parametrize("text, persons, met", [
    # a title's portfolio belongs to the title: the name only begins after it
    ("The delegation met Minister of Trade and Industry Jane Roe.", {"person:jane-roe"}, set()),
    ("Putin met with Special Presidential Representative for Human Rights, Energy, and Trade Jane Roe.",
     {"person:vladimir-putin", "person:jane-roe"},
     {("person:vladimir-putin", "meets", "person:jane-roe", "Asserted")}),
    ("Putin met with Special Representative for Climate, Ecology and Transport Jane Roe.",
     {"person:vladimir-putin", "person:jane-roe"},
     {("person:vladimir-putin", "meets", "person:jane-roe", "Asserted")}),
])
def test_a_titles_portfolio_is_not_part_of_the_name(nlp, text, persons, met):
    ex = extract_text(nlp, text)
    assert {m.key for m in ex.mentions if m.type == "Person"} == persons
    assert relation_rows(ex, "meets") == met


@pytest.mark.parametrize("text, expected", [
    # blocking places, ports or vessels is a blockade, an attack; blocking a resolution or a road is not
    ("Iran blocked the Strait of Hormuz.", {("country:IR", "attacks", "place:strait-of-hormuz", "Asserted")}),
    ("Egyptian ports are blocked by Turkey.", {("country:TR", "attacks", "Egyptian ports", "Asserted")}),
    ("Russia blocked the resolution.", set()),
    ("Protesters blocked the road.", set()),
    # a reason clause hung on a noun of threats is a statement of its own, not the threat's content
    ("The second problem is the threat of a global food crisis, as Egyptian ports are blocked by Turkey.",
     {("country:TR", "attacks", "Egyptian ports", "Asserted")}),
])
def test_a_blockade_attacks(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    # one's counterpart is from another state: the possessor gives it no country, a demonym does
    ("Blinken spoke with his Ghanaian counterpart.",
     {("person:antony-blinken", "negotiatesWith", "country:GH", "Asserted")}),
    ("Blinken spoke with his counterpart.",
     {("person:antony-blinken", "negotiatesWith", "his counterpart", "Asserted")}),
])
def test_a_counterpart_is_not_of_the_possessors_country(nlp, text, expected):
    assert triples(nlp, text, "negotiatesWith") == expected


@pytest.mark.parametrize("text, expected", [
    # a junta governs its country, as a regime does
    ("Myanmar's junta carried out air strikes on villages in Sagaing region.",
     {("country:MM", "strikes", "villages", "Asserted")}),
    # a quantifier's preposition stays in a text object; a case marker does not
    ("Al-Shabaab militants attacked a military base in southern Somalia, killing at least 20 soldiers.",
     {("org:al-shabaab", "attacks", "a military base", "Asserted"),
      ("org:al-shabaab", "attacks", "at least 20 soldiers", "Asserted")}),
])
def test_juntas_and_quantified_objects(nlp, text, expected):
    assert relation_rows(extract_text(nlp, text)) == expected


@pytest.mark.parametrize("text, keys", [
    # a capital where it acts is its country; elsewhere it is the city itself, typed as a city
    ("Fighting continued in Khartoum.", {("city:sd:khartoum", "City")}),
    ("Khartoum rejected the claims.", {("country:SD", "Country")}),
    ("Putin met Xi in Beijing.", {("person:vladimir-putin", "Person"), ("city:cn:beijing", "City")}),
])
def test_a_capital_is_a_city_where_it_does_not_act(nlp, text, keys):
    assert {(m.key, m.type) for m in extract_text(nlp, text).mentions} == keys


@pytest.mark.parametrize("text, expected", [
    # money in any currency, by sign, code or noun, given to an actor supports it; promised, it is Planned
    ("Germany provided 500 million euros in military aid to Ukraine.",
     {("country:DE", "supports", "country:UA", "Asserted")}),
    ("Britain provided £40 million for the Somali army.", {("country:GB", "supports", "forces:SO", "Asserted")}),
    ("Germany pledged EUR 500 million to Ukraine.", {("country:DE", "supports", "country:UA", "Planned")}),
    ("Germany promised $500 million to Ukraine.", {("country:DE", "supports", "country:UA", "Planned")}),
    ("Germany provided $500 million to Ukraine.", {("country:DE", "supports", "country:UA", "Asserted")}),
    ("The team won 5 games in Ukraine.", set()),
])
def test_money_in_any_currency_supports(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, expected", [
    # talks between parties are the parties' talks, whoever mediated or hosted them
    ("Qatar and Egypt mediated talks between Israel and Hamas.",
     {("country:IL", "negotiatesWith", "org:hamas", "Asserted")}),
    ("Turkey hosted talks between Russia and Ukraine in Istanbul.",
     {("country:RU", "negotiatesWith", "country:UA", "Asserted")}),
    ("Qatar and Egypt held talks.", {("country:QA", "negotiatesWith", "country:EG", "Asserted")}),
])
def test_talks_between_parties_are_theirs(nlp, text, expected):
    assert triples(nlp, text, "negotiatesWith") == expected


@pytest.mark.parametrize("text, persons", [
    # a personal name goes on through its particles where the NER cut it
    ("Sudan's army chief Abdel Fattah al-Burhan rejected the peace proposal.", {"person:abdel-fattah-al-burhan"}),
    ("General Abdel Fattah al-Burhan met Mohamed bin Zayed.",
     {"person:abdel-fattah-al-burhan", "person:mohamed-bin-zayed"}),
    ("Joseph Manogue at Tiger called me last night.", {"person:joseph-manogue"}),
])
def test_name_particles_stay_in_the_name(nlp, text, persons):
    assert {m.key for m in extract_text(nlp, text).mentions if m.type == "Person"} == persons


def test_the_village_of_a_name_read_as_a_persons_is_a_place(nlp):
    assert triples(nlp, "Ukrainian forces recaptured the village of Robotyne.", "captures") == {
        ("forces:UA", "captures", "city:robotyne", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # a country's army chief or air force commander commands its armed forces, the title written in any case
    ("Sudanese army chief Jane Roe rejected the proposal.", {("person:jane-roe", "commands", "forces:SD", "Asserted")}),
    ("Pakistani army chief General Jane Roe met Chinese officials.",
     {("person:jane-roe", "commands", "forces:PK", "Asserted")}),
    ("Kenyan Foreign Minister Jane Roe rejected the proposal.", set()),
])
def test_a_countrys_army_chief_commands_its_forces(nlp, text, expected):
    assert triples(nlp, text, "commands") == expected


@pytest.mark.parametrize("text, expected", [
    # regaining or reclaiming control of a place captures it; regaining something else does not
    ("Azerbaijan regained control of Nagorno-Karabakh.",
     {("country:AZ", "captures", "region:nagorno-karabakh", "Asserted")}),
    ("Peru regained its composure.", set()),
])
def test_regaining_control_captures(nlp, text, expected):
    assert triples(nlp, text, "captures") == expected


@pytest.mark.parametrize("text, expected", [
    # an office holder left unnamed acts for the organisation the title names; a former one does not
    ("The UN Secretary-General condemned the attack on peacekeepers in southern Lebanon.",
     {("org:united-nations", "condemns", "the attack", "Asserted")}),
    ("The NATO Secretary General condemned the attack.",
     {("org:north-atlantic-treaty-organization", "condemns", "the attack", "Asserted")}),
    ("The former NATO Secretary General condemned the attack.", set()),
    ("NATO Secretary General Mark Rutte met Zelensky. The NATO Secretary General condemned the attack.",
     {("person:mark-rutte", "condemns", "the attack", "Asserted")}),
])
def test_an_unnamed_office_holder_acts_for_the_body(nlp, text, expected):
    assert triples(nlp, text, "condemns") == expected


@pytest.mark.parametrize("text, prop, expected", [
    ("Kenya's President condemned the shelling of the port.", "condemns",
     {("country:KE", "condemns", "the shelling", "Asserted")}),
    ("The Chadian Foreign Minister accused Sudan of arming the rebels.", "accuses",
     {("country:TD", "accuses", "country:SD", "Asserted")}),
    ("The President of Niger rejected the proposal.", "rejects",
     {("country:NE", "rejects", "the proposal", "Asserted")}),
    # a named holder of the title goes to the person; a former holder to nobody; a commander to the forces
    ("Kenyan President William Ruto arrived in Kampala. The Kenyan President met Ugandan officials.", "meets",
     {("person:william-ruto", "meets", "country:UG", "Asserted")}),
    ("The former Kenyan President condemned the shelling of the port.", "condemns", set()),
    ("The Sudanese army chief rejected the truce.", "rejects", {("forces:SD", "rejects", "the truce", "Asserted")}),
    ("Sudan's army chief rejected the truce.", "rejects", {("forces:SD", "rejects", "the truce", "Asserted")}),
    # a president named with no country may be this one: no guess
    ("President Jane Doe arrived in Kampala. The Kenyan President met Ugandan officials.", "meets", set()),
])
def test_an_unnamed_office_holder_of_a_state_acts_for_the_state(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # what is received as aid, weapons or money from an actor is that actor's support
    ("Ukraine received Patriot air defence systems from Germany.",
     {("country:DE", "supports", "country:UA", "Asserted")}),
    ("Ukraine received $2 billion from the European Union.",
     {("org:european-union", "supports", "country:UA", "Asserted")}),
    ("Kenya received a letter from Somalia.", set()),
])
def test_aid_received_from_an_actor_is_its_support(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, expected", [
    # an attack noun that did harm in a place struck that place
    ("Israeli airstrikes killed 40 people in Rafah.",
     {("country:IL", "strikes", "ambiguous:city:ps:rafah|region:PS-RFH", "Asserted")}),
    ("The storm killed 40 people in Rafah.", set()),
])
def test_an_attack_that_killed_in_a_place_struck_it(nlp, text, expected):
    assert triples(nlp, text, "strikes") == expected


@pytest.mark.parametrize("text, prop, expected", [
    # fighters deployed are combatants (no support of the place), a model's fighters are jets
    ("The Wagner Group has deployed fighters to Libya.", "supports", set()),
    ("France sent Mirage fighters to Ukraine.", "supports", {("country:FR", "supports", "country:UA", "Asserted")}),
    # a clause of time is when something was declared, not what
    ("Ecuador declared a state of emergency after gangs attacked a TV station.", "claims",
     {("country:EC", "claims", "a state of emergency", "Asserted")}),
])
def test_fighters_and_clauses_of_time(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


def test_a_that_clause_misread_as_the_hearers_relative_clause_is_what_was_told(nlp):
    text = "Russian Foreign Minister Sergei Lavrov told his Turkish counterpart that Moscow was ready for talks."
    assert triples(nlp, text, "claims") == {
        ("person:sergei-lavrov", "claims", "Moscow was ready for talks", "Asserted")}


@pytest.mark.parametrize("text, keys", [
    # a capital's other spellings are the same city, and its country where it acts
    ("Fighting continued in Teheran.", {("city:ir:tehran", "City")}),
    ("Teheran rejected the claims.", {("country:IR", "Country")}),
    # a party named by a portfolio word outside any title stays an organisation
    ("Labour won the election in Britain.", {("organization:labour", "Organization"), ("country:GB", "Country")}),
])
def test_capital_spellings_and_portfolio_words_outside_titles(nlp, text, keys):
    assert {(m.key, m.type) for m in extract_text(nlp, text).mentions} == keys


@pytest.mark.parametrize("text, expected", [
    # bases and warships of a country, named by its name, abbreviation or demonym, are its armed forces'
    ("Iran-aligned militias attacked US bases in Iraq and Syria.",
     {("group:ir-aligned", "attacks", "forces:US", "Asserted")}),
    ("Houthi fighters attacked US Navy warships.", {("org:houthis", "attacks", "forces:US", "Asserted")}),
    # an irregular past form the lemmatizer kept is read by its base form
    ("Ukraine struck Russian air bases in Crimea.", {("country:UA", "strikes", "forces:RU", "Asserted")}),
])
def test_a_countrys_bases_and_ships_are_its_forces(nlp, text, expected):
    assert {r for r in relation_rows(extract_text(nlp, text)) if r[1] in ("attacks", "strikes")} == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a descriptor noun restating the named group before it: the group acts
    ("The ELN guerrilla group attacked a police station in Cauca.", "attacks",
     {("org:national-liberation-army-of-colombia", "attacks", "a police station", "Asserted")}),
    ("Colombia's government and the ELN guerrilla group signed a ceasefire agreement in Havana.", "agreesTo",
     {("country:CO", "agreesTo", "agreement:ceasefire-agreement", "Asserted"),
      ("org:national-liberation-army-of-colombia", "agreesTo", "agreement:ceasefire-agreement", "Asserted")}),
    # a group's fighters stand for the group
    ("Rebels of the Arakan Army seized the town of Paletwa.", "captures",
     {("org:arakan-army", "captures", "city:paletwa", "Asserted")}),
    # a group only described by its sympathy is not that group
    ("A pro-Hamas group attacked the embassy.", "attacks", set()),
])
def test_a_named_group_acts_through_its_descriptor_and_its_fighters(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # what was said is the clause without the speech clause the parse hangs inside it
    ("Kenya held military drills around Lamu on Saturday, President Jane Roe said.", "claims",
     {("person:jane-roe", "claims", "Kenya held military drills around Lamu on Saturday", "Asserted")}),
    ("Rebels attacked two villages overnight, Governor John Doe said.", "claims",
     {("person:john-doe", "claims", "Rebels attacked two villages overnight", "Asserted")}),
    ("The truce, Kenya said, must be respected by both sides.", "demands",
     {("country:KE", "demands", "The truce must be respected by both sides", "Planned")}),
    ("Prices did not rise, Kenya said.", "claims",
     {("country:KE", "claims", "Prices did not rise", "Asserted")}),
])
def test_the_content_of_a_quote_put_first_leaves_out_who_said_it(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a gerund right after 'deny' is what is denied, whatever clause the parse makes of it
    ("Russia has repeatedly denied targeting civilians.", "attacks",
     {("country:RU", "attacks", "civilians", "Denied")}),
    # a participle after a comma is what the denier did besides
    ("Russia denied the attack, stating that Ukraine shelled the town.", "claims",
     {("country:RU", "claims", "Ukraine shelled the town", "Asserted")}),
])
def test_a_denied_gerund_is_denied(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hezbollah fired dozens of rockets at northern Israel on Sunday.",
     {("org:hezbollah", "strikes", "country:IL", "Asserted")}),
    ("Hezbollah fired rockets on Monday night.", set()),
])
def test_a_weapon_fired_on_a_day_does_not_strike_the_day(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_one_accuses_an_actor_never_the_charge(nlp):
    text = "Russia accused Ukraine of shelling the Kursk nuclear plant, a charge Kyiv rejected."
    assert triples(nlp, text, "accuses") == {("country:RU", "accuses", "country:UA", "Asserted")}


def test_a_partly_recognised_state_is_a_country(nlp):
    assert triples(nlp, "Kosovo accused Serbia of sending armed men across the border.", "accuses") == \
        {("country:XK", "accuses", "country:RS", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # claiming responsibility for an attack claims the attack as one's own: Claimed, by the claimant
    ("Boko Haram claimed responsibility for the bombing in Maiduguri.",
     {("org:boko-haram", "strikes", "city:ng:maiduguri", "Claimed")}),
    # blaming is accusing, not a claim of one's own act
    ("Nigeria blamed Boko Haram for the bombing in Maiduguri.", set()),
])
def test_a_claim_of_responsibility_claims_the_attack(nlp, text, expected):
    assert {t for t in triples(nlp, text) if t[1] in ("attacks", "strikes")} == expected


@pytest.mark.parametrize("text, expected", [
    # taking control of an unnamed place takes the place, not 'control'
    ("Azerbaijani forces took control of the mountain corridor.",
     {("forces:AZ", "captures", "the mountain corridor", "Asserted")}),
    ("Azerbaijani forces took control of the town of Lachin.",
     {("forces:AZ", "captures", "city:lachin", "Asserted")}),
])
def test_taking_control_of_a_place_takes_the_place(nlp, text, expected):
    assert triples(nlp, text, "captures") == expected


@pytest.mark.parametrize("text, expected", [
    ("South Korea pledged 300 billion won to Ukraine.", {("country:KR", "supports", "country:UA", "Planned")}),
    ("Nigeria sent 2 billion naira to Niger.", {("country:NG", "supports", "country:NE", "Asserted")}),
    ("Nigeria won 2 billion naira in the tender.", set()),
])
def test_money_in_any_currency_noun_supports(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, expected", [
    # money pledged or sent to a capital goes to its government; troops sent there go to the city
    ("Seoul pledged 300 billion won to Kyiv.", {("country:KR", "supports", "country:UA", "Planned")}),
    ("Tokyo promised 10 million euros to Nairobi.", {("country:JP", "supports", "country:KE", "Planned")}),
    ("Tokyo sent troops to Nairobi.", set()),
])
def test_money_given_to_a_capital_goes_to_its_government(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, prop, expected", [
    # the one warned or stopped is who would act, and the act is not done
    ("The Kremlin warned NATO against sending troops to Ukraine.", "deploys",
     {("org:north-atlantic-treaty-organization", "deploys", "troops", "Hypothetical")}),
    ("Turkey stopped Sweden from joining NATO.", "memberOf",
     {("country:SE", "memberOf", "org:north-atlantic-treaty-organization", "Negated")}),
    # the accused still acts, as claimed
    ("Russia accused Ukraine of shelling the town.", "strikes",
     {("country:UA", "strikes", "the town", "Claimed")}),
])
def test_an_act_one_is_warned_against_or_kept_from_is_not_done(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # the object the parse made a second subject of the next clause
    ("If Ethiopia attacks Rwanda, the United States will respond.",
     {("country:ET", "attacks", "country:RW", "Hypothetical")}),
    ("If Egypt attacks Lebanon, the United States will respond.", {("country:EG", "attacks", "country:LB", "Hypothetical")}),
])
def test_an_object_read_as_the_next_clause_subject_is_the_object(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    ("Ethiopia used drones against civilians in Tigray.", {("country:ET", "attacks", "civilians", "Asserted")}),
    ("Ukraine used drones to map the front line.", set()),
    ("Kenya used its veto against the resolution.", set()),
])
def test_weapons_used_against_a_target_attack_it(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    # the source's phrase is left out of what it claims, and an act it closes is Claimed by it
    ("Iran supplies drones to Russia, according to US officials.",
     {("country:US", "claims", "Iran supplies drones to Russia", "Asserted"),
      ("country:IR", "supports", "country:RU", "Claimed")}),
    ("Iran supplies drones to Russia according to the agreement.",
     {("country:IR", "supports", "country:RU", "Asserted")}),
])
def test_an_attribution_closing_the_sentence_is_the_source(nlp, text, expected):
    assert {t for t in triples(nlp, text) if t[1] in ("claims", "supports")} == expected


@pytest.mark.parametrize("text, expected", [
    ("Israel vowed to destroy Hamas.", {("country:IL", "attacks", "org:hamas", "Planned")}),
    ("Nigeria vowed to eliminate Boko Haram.", {("country:NG", "attacks", "org:boko-haram", "Planned")}),
    # equipment lost, or tariffs removed, are no attack
    ("The army destroyed 12 tanks near the river.", set()),
    ("Kenya plans to eliminate tariffs on maize.", set()),
])
def test_destroying_or_eliminating_an_armed_group_attacks_it(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    ("Gambia filed a case against Myanmar at the International Court of Justice.",
     {("country:GM", "accuses", "country:MM", "Asserted")}),
    ("Ukraine lodged a complaint against Russia with the UN.", {("country:UA", "accuses", "country:RU", "Asserted")}),
    ("In this case, Kenya sent a complaint to the UN.", set()),
])
def test_a_case_or_complaint_filed_against_an_actor_accuses_it(nlp, text, expected):
    assert triples(nlp, text, "accuses") == expected


@pytest.mark.parametrize("text, expected", [
    # a mediator whose own efforts are described negotiates with each side
    ("Norway and Cuba are mediating between Colombia and the ELN.",
     {("country:NO", "negotiatesWith", "country:CO", "Asserted"),
      ("country:NO", "negotiatesWith", "org:national-liberation-army-of-colombia", "Asserted"),
      ("country:CU", "negotiatesWith", "country:CO", "Asserted"),
      ("country:CU", "negotiatesWith", "org:national-liberation-army-of-colombia", "Asserted")}),
    ("Norway mediated the release of the hostages.", set()),
])
def test_a_mediator_between_sides_negotiates_with_each(nlp, text, expected):
    assert triples(nlp, text, "negotiatesWith") == expected


def test_a_disputed_area_is_a_region_not_a_person(nlp):
    assert triples(nlp, "Venezuelan President Nicolas Maduro threatened to annex Essequibo.", "annexes") == \
        {("country:VE", "annexes", "region:essequibo", "Planned")}


@pytest.mark.parametrize("text, expected", [
    # defeating, crushing or fighting an armed group, forces or a state attacks it
    ("Boko Haram vowed to defeat the Nigerian army.", {("org:boko-haram", "attacks", "forces:NG", "Planned")}),
    ("Colombia fought the ELN for decades.",
     {("country:CO", "attacks", "org:national-liberation-army-of-colombia", "Asserted")}),
    # not a rival at the polls, not a cause, not an ally
    ("The ruling party defeated the opposition in the election.", set()),
    ("The government vowed to fight corruption.", set()),
    ("Peru fought alongside Chile.", set()),
])
def test_defeating_or_fighting_an_armed_actor_attacks_it(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a purpose clause names an aim, not a deed done
    ("Chad sent troops to Niger to fight Boko Haram.", "attacks", {("country:TD", "attacks", "org:boko-haram", "Planned")}),
    ("To defend Taiwan, the United States sold Taipei missiles.", "defends",
     {("country:US", "defends", "country:TW", "Planned")}),
    # a trip made to meet someone reports the meeting
    ("Chile sent its foreign minister to Lima to meet Peru's president.", "meets",
     {("country:CL", "meets", "country:PE", "Asserted")}),
])
def test_an_act_in_a_purpose_clause_is_planned(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a stance drawn from others is theirs toward the subject, or toward the owner of the act it names
    ("Colombia faced condemnation from Venezuela over the raid.", "condemns",
     {("country:VE", "condemns", "country:CO", "Asserted")}),
    ("Chile's raid on the port drew sharp criticism from Bolivia.", "condemns",
     {("country:BO", "condemns", "country:CL", "Asserted")}),
    ("Serbia drew praise from Hungary for its stance.", "praises", {("country:HU", "praises", "country:RS", "Asserted")}),
    ("Ethiopia won the backing of Kenya for its bid.", "supports", {("country:KE", "supports", "country:ET", "Asserted")}),
    ("Burundi faced accusations from Rwanda of arming the rebels.", "accuses",
     {("country:RW", "accuses", "country:BI", "Asserted")}),
    # not a rival met, not fire drawn
    ("Peru faced Chile in the final.", "condemns", set()),
    ("The Bolivian army drew fire from Peru.", "condemns", set()),
])
def test_a_stance_drawn_from_others_is_theirs_toward_the_subject(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a phrasal verb whose particle the parse made a preposition of the object
    ("The Houthis took over Sanaa in 2014.", "captures", {("org:houthis", "captures", "city:ye:sanaa", "Asserted")}),
    # fighters 'from' a group stand for it
    ("Militants from Boko Haram took over the town of Gwoza.", "captures",
     {("org:boko-haram", "captures", "city:gwoza", "Asserted")}),
    ("Rebels from the north attacked Gwoza.", "attacks", set()),
])
def test_taking_over_a_place_and_fighters_from_a_group(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a state's territory, airspace or soil stands for the state where an act strikes it
    ("Pakistan launched airstrikes on Afghan territory.", "strikes", {("country:PK", "strikes", "country:AF", "Asserted")}),
    ("Turkey launched strikes on Iraq's territory.", "strikes", {("country:TR", "strikes", "country:IQ", "Asserted")}),
    # territory taken is a part of the state, not the state
    ("Syria seized Lebanese territory.", "captures", {("country:SY", "captures", "Lebanese territory", "Asserted")}),
    ("Peru captured additional Chilean territory.", "captures",
     {("country:PE", "captures", "additional Chilean territory", "Asserted")}),
])
def test_a_states_territory_stands_for_the_state_where_it_is_struck(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


def test_a_weapon_noun_the_parse_made_the_root_is_the_subject_of_the_clause_after_it(nlp):
    # "Ukrainian drones struck X" parsed with 'drones' as the root and 'struck' as its complement
    assert triples(nlp, "Ukrainian drones struck Belgorod.", "strikes") == \
        {("country:UA", "strikes", "ambiguous:city:ru:belgorod|region:RU-BEL", "Asserted")}


@pytest.mark.parametrize("text, prop, expected", [
    # a group's fighters stand for the group; a port named with 'of' is the city
    ("Hamas's fighters attacked Ashkelon.", "attacks", {("org:hamas", "attacks", "city:il:ashkelon", "Asserted")}),
    ("Chile's rebels attacked Ashkelon.", "attacks", set()),
    ("Russia blockaded the port of Mykolaiv.", "attacks",
     {("country:RU", "attacks", "city:ua:mykolaiv", "Asserted")}),
])
def test_a_groups_fighters_and_a_named_port(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # coordinated nationality adjectives on one noun of forces: the forces of each state
    ("Indian and Pakistani troops exchanged fire.",
     {("forces:IN", "attacks", "forces:PK", "Asserted"), ("forces:PK", "attacks", "forces:IN", "Asserted")}),
    ("Kenyan and Ugandan troops attacked Al-Shabaab positions.",
     {("forces:KE", "attacks", "org:al-shabaab", "Asserted"), ("forces:UG", "attacks", "org:al-shabaab", "Asserted")}),
    ("French troops attacked Gao.", {("forces:FR", "attacks", "city:ml:gao", "Asserted")}),
])
def test_coordinated_nationalities_of_one_force_are_the_forces_of_each_state(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    # forces or fighters loyal to an actor stand for it
    ("Fighters loyal to Hamas attacked Ashkelon.", {("org:hamas", "attacks", "city:il:ashkelon", "Asserted")}),
    ("Troops loyal to the Taliban attacked Kandahar.",
     {("org:taliban", "attacks", "ambiguous:city:af:kandahar|region:AF-KAN", "Asserted")}),
    ("Fighters close to Hamas attacked Ashkelon.", set()),
])
def test_forces_loyal_to_an_actor_stand_for_it(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


def test_a_toll_counted_by_a_recording_verb_is_the_subjects_estimate(nlp):
    ex = extract_text(nlp, "The African Union has recorded more than 1,400 civilian casualties in Darfur.")
    rows = [(r.subject.key, r.predicate, r.object.value, r.object.unit, r.modality) for r in ex.relations
            if r.predicate == "estimates"]
    assert rows == [("org:african-union", "estimates", 1400, "person", "Asserted")]
    # not confirmed: no estimate
    assert not [r for r in extract_text(nlp, "The African Union did not confirm the 500 deaths.").relations
                if r.predicate == "estimates"]
    # a toll the parse made a bare nominal modifier of the verb (no preposition): still its object
    rows = [("The", 2, "det", "DET", "DT", "the"), ("African", 2, "compound", "PROPN", "NNP", "African"),
            ("Union", 5, "nsubj", "PROPN", "NNP", "Union"), ("has", 5, "aux", "AUX", "VBZ", "have"),
            ("officially", 5, "advmod", "ADV", "RB", "officially"), ("confirmed", 5, "ROOT", "VERB", "VBN", "confirm"),
            ("1,400", 8, "nummod", "NUM", "CD", "1400"), ("civilian", 8, "amod", "ADJ", "JJ", "civilian"),
            ("casualties", 5, "obl", "NOUN", "NNS", "casualty"), (".", 5, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(1, 3, "ORG")])
    ex = extract_document(doc, document(doc))
    assert [(r.subject.key, r.object.value) for r in ex.relations if r.predicate == "estimates"] == \
        [("org:african-union", 1400)]


@pytest.mark.parametrize("text, expected", [
    # acting with someone's support, aid or backing: they support the actor
    ("Chad, with the assistance of France, repelled the attack.", {("country:FR", "supports", "country:TD", "Asserted")}),
    ("Mali, with Russia's backing, attacked Kidal.", {("country:RU", "supports", "country:ML", "Asserted")}),
    ("Rwanda, with EU support, will deploy troops to Mozambique.",
     {("org:european-union", "supports", "country:RW", "Planned")}),
    ("Peru spoke with the support staff.", set()),
])
def test_acting_with_someones_support_is_their_support(nlp, text, expected):
    assert triples(nlp, text, "supports") == expected


@pytest.mark.parametrize("text, expected", [
    # a clause hedged by an evidential noun is claimed; a clause after another noun is not
    ("Initial indications are that Chad attacked Niger.", {("country:TD", "attacks", "country:NE", "Claimed")}),
    ("The problem is that Chad attacked Niger.", {("country:TD", "attacks", "country:NE", "Asserted")}),
])
def test_a_clause_hedged_by_initial_indications_is_claimed(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, expected", [
    # crossing into A from B: B borders A (states and regions, not a city left)
    ("Thousands of refugees crossed into Chad from Sudan.", {("country:SD", "borders", "country:TD", "Asserted")}),
    ("He crossed from Mali into Niger.", {("country:ML", "borders", "country:NE", "Asserted")}),
    ("Civilians fled into Poland from Kyiv.", set()),
])
def test_crossing_into_one_place_from_another_states_they_border(nlp, text, expected):
    assert triples(nlp, text, "borders") == expected


@pytest.mark.parametrize("text, expected", [
    # 'deny' meaning refuse: entry, access or passage withheld is a rejection, not the denial of a claim
    ("Hungary denied Ukraine access to the talks.", {("country:HU", "rejects", "Ukraine access", "Asserted")}),
    ("Russia denied the accusations.", {("country:RU", "denies", "the accusations", "Asserted")}),
])
def test_denying_entry_or_access_rejects(nlp, text, expected):
    assert triples(nlp, text, None) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a stance toward an act or conduct a nationality adjective assigns is toward the state
    ("Egypt condemned the Israeli airstrikes on Gaza.", "condemns", {("country:EG", "condemns", "country:IL", "Asserted")}),
    ("Chile praised the Peruvian efforts to end the war.", "praises", {("country:CL", "praises", "country:PE", "Asserted")}),
    # not people of the state
    ("Chile condemned the suffering of Peruvian families.", "condemns",
     {("country:CL", "condemns", "the suffering", "Asserted")}),
])
def test_a_stance_toward_a_states_conduct_named_by_its_adjective_is_toward_the_state(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # a weapon fired into a body of water attacks no one; one fired at a city attacks it
    ("Pakistan test-fired a cruise missile into the Arabian Sea.", set()),
    ("Iran fired missiles into the sea.", set()),
    ("Russia launched drones at Odesa.",
     {("country:RU", "attacks", "ambiguous:city:ua:odesa|region:UA-51", "Asserted")}),
])
def test_a_weapon_fired_into_the_sea_attacks_nothing(nlp, text, expected):
    assert triples(nlp, text, "attacks") == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a document's participle is its issuer's act
    ("The Arab League issued a statement condemning Israel.", "condemns",
     {("org:arab-league", "condemns", "country:IL", "Asserted")}),
    ("The Security Council adopted a resolution demanding a ceasefire in Yemen.", "demands",
     {("org:united-nations-security-council", "demands", "a ceasefire", "Asserted")}),
    ("Kenya read a statement condemning Israel.", "condemns", set()),
])
def test_a_participle_on_an_issued_document_is_the_issuers_act(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # a campaign of strikes, named by its modifier, strikes a place too; a campaign alone attacks only actors
    ("Mozambique launched an air campaign against Cabo Delgado.",
     {("country:MZ", "strikes", "region:MZ-P", "Asserted")}),
    ("Burkina Faso stepped up its drone campaign on Ouagadougou.",
     {("country:BF", "strikes", "city:bf:ouagadougou", "Asserted")}),
    ("Mozambique launched a campaign against Cabo Delgado.", set()),
    ("Mozambique launched an awareness campaign against Cabo Delgado.", set()),
])
def test_a_campaign_of_strikes_named_by_its_modifier_strikes_a_place(nlp, text, expected):
    assert triples(nlp, text, "strikes") == expected


@pytest.mark.parametrize("text, expected", [
    # 'pose' passes its subject on to the threat it poses
    ("Al-Shabaab posed a serious threat to Kenya.", {("org:al-shabaab", "threatens", "country:KE", "Asserted")}),
    ("The drought poses a threat to Somalia.", set()),
])
def test_posing_a_threat_threatens(nlp, text, expected):
    assert triples(nlp, text, "threatens") == expected


def test_two_names_before_a_verb_parsed_as_root_and_modifier_are_both_its_subjects():
    # "Ghana and Togo condemned the coup" parsed with 'Ghana' as the root, the verb its conjunct and 'Togo' a
    # modifier of the verb: both condemn
    rows = [("Ghana", 0, "ROOT", "PROPN", "NNP", "Ghana"), ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("Togo", 3, "advmod", "PROPN", "NNP", "Togo"), ("condemned", 0, "conj", "VERB", "VBD", "condemn"),
            ("Benin", 3, "obj", "PROPN", "NNP", "Benin"), (".", 0, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")])
    assert relation_rows(extract_document(doc, document(doc)), "condemns") == {
        ("country:GH", "condemns", "country:BJ", "Asserted"), ("country:TG", "condemns", "country:BJ", "Asserted")}
    # without an 'and' of the verb's own, a name root is no subject
    rows = [("Ghana", 0, "ROOT", "PROPN", "NNP", "Ghana"), (",", 0, "punct", "PUNCT", ",", ","),
            ("condemned", 0, "conj", "VERB", "VBD", "condemn"), ("Benin", 2, "obj", "PROPN", "NNP", "Benin"),
            (".", 0, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "GPE"), (3, 4, "GPE")])
    assert relation_rows(extract_document(doc, document(doc)), "condemns") == set()


def test_coordinated_names_the_parse_splits_both_act(nlp):
    assert triples(nlp, "Kenya and Uganda condemned the attack on Somalia.", "condemns") == {
        ("country:KE", "condemns", "the attack", "Asserted"), ("country:UG", "condemns", "the attack", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # talks wanted ('the need for talks'), the phrase hung on the verb by the parse: planned, not claimed as held
    ("Ghana emphasized the need for talks with Togo.",
     {("country:GH", "negotiatesWith", "country:TG", "Planned")}),
    ("Ghana held talks with Togo.", {("country:GH", "negotiatesWith", "country:TG", "Asserted")}),
])
def test_talks_a_speaker_says_are_needed_are_planned(nlp, text, expected):
    assert triples(nlp, text, "negotiatesWith") == expected


@pytest.mark.parametrize("text, expected", [
    # the one a request, call or appeal is addressed to would act; a plan is its owner's
    ("Following Mali's request to the African Union to deploy troops, the council met.",
     {("org:african-union", "deploys", "troops", "Planned")}),
    ("Mali's plan to deploy troops to Niger was approved.", {("country:ML", "deploys", "troops", "Planned")}),
])
def test_the_addressee_of_a_request_is_the_one_who_would_act(nlp, text, expected):
    assert triples(nlp, text, "deploys") == expected


@pytest.mark.parametrize("text, expected", [
    # called on, appealed to: the one addressed would act, not the caller
    ("Mali called on ECOWAS to withdraw its troops from Niger.",
     {("org:economic-community-of-west-african-states", "withdrawsFrom", "country:NE", "Planned")}),
    ("Mali ordered its army to withdraw from Gao.", {("forces:ML", "withdrawsFrom", "city:ml:gao", "Planned")}),
])
def test_the_one_called_on_would_act(nlp, text, expected):
    assert triples(nlp, text, "withdrawsFrom") == expected


def test_they_after_a_pair_the_text_does_not_name_resolves_to_no_one_further_back(nlp):
    text = ("Al-Shabaab attacked a base near Kismayo last week. The minister and his deputy discussed "
            "reconciliation in Somalia. They condemned Eritrea.")
    assert triples(nlp, text, "condemns") == set()
    text = "Al-Shabaab attacked a base near Kismayo. They also attacked Mogadishu."
    assert triples(nlp, text, "attacks") == {("org:al-shabaab", "attacks", "city:so:kismayo", "Asserted"),
                                             ("org:al-shabaab", "attacks", "city:so:mogadishu", "Asserted")}


def test_what_is_said_of_a_place_is_not_a_claim_to_it(nlp):
    assert triples(nlp, "Kenya voiced concern about Cabo Delgado.", "claims") == {
        ("country:KE", "claims", "Cabo Delgado", "Asserted")}


def test_they_takes_up_the_pair_of_the_paragraph_before():
    # the paragraph break between the two sentences parsed as a sentence of its own
    rows = [("Ruto", 3, "nsubj", "PROPN", "NNP", "Ruto"), ("and", 2, "cc", "CCONJ", "CC", "and"),
            ("Museveni", 0, "conj", "PROPN", "NNP", "Museveni"), ("met", 3, "ROOT", "VERB", "VBD", "meet"),
            (".", 3, "punct", "PUNCT", ".", "."), ("\n\n", 5, "ROOT", "SPACE", "_SP", "\n\n"),
            ("They", 7, "nsubj", "PRON", "PRP", "they"), ("condemned", 7, "ROOT", "VERB", "VBD", "condemn"),
            ("Eritrea", 7, "obj", "PROPN", "NNP", "Eritrea"), (".", 7, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (8, 9, "GPE")])
    assert relation_rows(extract_document(doc, document(doc)), "condemns") == {
        ("person:ruto", "condemns", "country:ER", "Asserted"), ("person:museveni", "condemns", "country:ER", "Asserted")}


def test_the_sentence_before_leaves_out_a_paragraph_break_parsed_as_a_sentence():
    from kg.nlp.syntax import previous_sentence_start

    rows = [("Kenya", 1, "nsubj", "PROPN", "NNP", "Kenya"), ("voted", 1, "ROOT", "VERB", "VBD", "vote"),
            (".", 1, "punct", "PUNCT", ".", "."), ("\n\n", 3, "ROOT", "SPACE", "_SP", "\n\n"),
            ("It", 5, "nsubj", "PRON", "PRP", "it"), ("won", 5, "ROOT", "VERB", "VBD", "win"),
            (".", 5, "punct", "PUNCT", ".", ".")]
    doc = parse(rows)
    assert [s.start for s in doc.sents] == [0, 3, 4]
    assert previous_sentence_start(doc, 4) == 0 and previous_sentence_start(doc, 0) == 0


def test_what_one_is_told_about_is_said_where_the_parse_hangs_it_on_the_hearer():
    rows = [("Ruto", 1, "nsubj", "PROPN", "NNP", "Ruto"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
            ("Museveni", 1, "iobj", "PROPN", "NNP", "Museveni"), ("about", 6, "case", "ADP", "IN", "about"),
            ("the", 6, "det", "DET", "DT", "the"), ("new", 6, "amod", "ADJ", "JJ", "new"),
            ("rules", 2, "nmod", "NOUN", "NNS", "rule"), (".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert relation_rows(extract_document(doc, document(doc)), "claims") == {
        ("person:ruto", "claims", "the new rules", "Asserted")}


@pytest.mark.parametrize("text, expected", [
    # pulling (troops) out of a place, pulling back from it, drawing forces down in it: withdrawing from it
    ("Kenya pulled its troops out of Somalia.", {("country:KE", "withdrawsFrom", "country:SO", "Asserted")}),
    ("Kenya will pull back from the border town of Mandera.",
     {("country:KE", "withdrawsFrom", "city:ke:mandera", "Planned")}),
    ("Kenya drew down its forces in Somalia.", {("country:KE", "withdrawsFrom", "country:SO", "Asserted")}),
    ("Kenya pulled out a pistol.", set()),
    ("The bank drew down its reserves in May.", set()),
])
def test_pulling_out_and_drawing_down_withdraw(nlp, text, expected):
    assert triples(nlp, text, "withdrawsFrom") == expected


def test_a_pronoun_after_a_paragraph_break_prefers_its_own_sentence(nlp):
    from kg.extract.mentions import MentionFinder
    from kg.extract.references import resolve_pronoun
    from kg.lexicon.gazetteer import load_gazetteer

    doc = nlp("The Kenya News Agency reported the visit.\n\nUganda's vow to retaliate for what it called an "
              "attack was noted.")
    finder = MentionFinder(doc, "t", load_gazetteer(), antecedent=resolve_pronoun)
    finder.find()
    assert resolve_pronoun(finder, next(t for t in doc if t.lower_ == "it")).key == "country:UG"


@pytest.mark.parametrize("text, prop, expected", [
    # holding an actor to account: announced, a threat; said as a fact with 'responsible', blame
    ("Ghana will hold Togo accountable for the raid.", "threatens",
     {("country:GH", "threatens", "country:TG", "Asserted")}),
    ("Ghana vowed to hold Togo accountable.", "threatens", {("country:GH", "threatens", "country:TG", "Asserted")}),
    ("Ghana holds Togo responsible for the raid.", "accuses", {("country:GH", "accuses", "country:TG", "Asserted")}),
    ("Ghana did not hold Togo responsible.", "accuses", {("country:GH", "accuses", "country:TG", "Negated")}),
    ("Ghana's strikes to hold Togo accountable were a success.", "threatens", set()),
    ("Ghana will hold Ghanaian forces accountable.", "threatens", set()),
])
def test_holding_an_actor_to_account(nlp, text, prop, expected):
    assert triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, expected", [
    # engaging with unnamed parties negotiates with them (as text); with the media or an issue, with no one
    ("Ghana will engage with all sides in the dispute.", {("country:GH", "negotiatesWith", "all sides", "Planned")}),
    ("Ghana engaged with the media.", set()),
])
def test_engaging_with_unnamed_parties_negotiates_with_them(nlp, text, expected):
    assert triples(nlp, text, "negotiatesWith") == expected


@pytest.mark.parametrize("text, expected", [
    # putting an actor on notice threatens it
    ("President John Mahama put Boko Haram on notice.",
     {("person:john-mahama", "threatens", "org:boko-haram", "Asserted")}),
    ("Ghana will put Togo on notice.", {("country:GH", "threatens", "country:TG", "Planned")}),
    ("Ghana put the plan on hold.", set()),
])
def test_putting_an_actor_on_notice_threatens_it(nlp, text, expected):
    assert triples(nlp, text, "threatens") == expected
