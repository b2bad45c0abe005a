"""World knowledge beyond the hand-kept core tables: ISO 3166-2 regions, the main cities of every country,
armed groups, missions and regional organisations (invented sentences, the shipped pipeline)."""

from __future__ import annotations

import pytest

from kg.lexicon.gazetteer import Gazetteer, fold, load_gazetteer
from kg.model import Document
from tests.conftest import text_triples


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.language import load_pipeline

    return load_pipeline(None)


def build(nlp, *texts: str, graph: bool = False):
    """Entities of a small corpus, after the corpus-wide resolution (key -> Entity)."""
    from kg.build.run import assemble
    from kg.extract import extract_document

    exs = []
    for i, text in enumerate(texts):
        doc = Document(doc_id=f"d{i}", file_name=f"d{i}.txt", text=text, checksum=str(i), date="2025-05-02")
        exs.append(extract_document(nlp(text), doc))
    entities, key_map, built = assemble(exs)
    return (entities, exs, built.entities) if graph else (entities, exs)


def keys_of(exs, surface: str) -> set[tuple[str, str]]:
    return {(m.key, m.type) for ex in exs for m in ex.mentions if m.surface == surface}


# -- the tables ------------------------------------------------------------------------------------------


def test_core_entries_keep_their_key_and_type(gaz):
    # a country, a capital read as its country, a core city and a core organisation named in the world tables too
    assert [e.key for e in gaz.lookup("Jordan")] == ["country:JO"]
    assert gaz.lookup("Washington") == [] and gaz.country_of_metonym("Washington").key == "country:US"
    assert [e.key for e in gaz.lookup("Kyiv")] == ["city:ua:kyiv"]
    # the core entity-ruler patterns name core entries only
    assert all(not gaz.is_world(gaz.entries[p["id"]]) for p in gaz.ruler_patterns() if p.get("id"))
    assert [(e.key, e.type) for e in gaz.lookup("ISIS")] == [("org:islamic-state", "Organization")]
    # a new alias of a core organisation joins it
    assert [(e.key, e.type) for e in gaz.lookup("Daesh")] == [("org:islamic-state", "Organization")]


def test_a_governorate_is_named_with_its_type_word_and_the_usual_words(gaz):
    for name in ("Anbar Governorate", "Anbar governorate", "Anbar province", "Anbar Province", "Anbar region"):
        assert [(e.key, e.type, e.country) for e in gaz.lookup(name)] == [("region:IQ-AN", "Region", "IQ")], name
    assert gaz.entries["region:IQ-AN"].label == "Anbar Governorate"


def test_a_region_named_after_its_seat_leaves_the_bare_name_to_the_city(gaz):
    assert [e.type for e in gaz.lookup("Kandahar")] == ["City"]
    assert gaz.region_for_base("Kandahar").key == "region:AF-KAN"
    assert [e.key for e in gaz.lookup("Kandahar Province")] == ["region:AF-KAN"]


def test_common_words_and_personal_names_are_weak_names(gaz):
    patterns = {p["pattern"] for p in gaz.world_patterns()}
    for name in ("Mobile", "Reading", "Nice"):
        assert name not in patterns and not any(e.type == "City" for e in gaz.lookup(name)), name
        assert gaz.weak_place(name).type == "City", name
    assert "Victoria" not in patterns and "Jackson" not in patterns  # personal names
    assert "Aleppo" in patterns and "Kandahar" in patterns


def test_same_name_places_are_ranked_by_the_countries_of_the_text_then_population(gaz):
    found = gaz.lookup("Punjab")
    assert {e.key for e in found} == {"region:IN-PB", "region:PK-PB"}
    assert gaz.best(found, {"PK"}).key == "region:PK-PB"
    assert gaz.best(found, {"IN"}).key == "region:IN-PB"
    cities = gaz.lookup("Hyderabad")
    assert gaz.best(cities).key == "city:in:hyderabad"  # the larger
    assert gaz.best(cities, {"PK"}).key == "city:pk:hyderabad"


def test_every_world_name_is_owned_by_one_kind_of_entity(gaz):
    # no world-table name of a group is also a core place's name, and no weak name is a ruler pattern
    weak = set(gaz.weak)
    assert not any(fold(p["pattern"]) in weak and p["id"] in gaz.weak[fold(p["pattern"])]
                   for p in gaz.world_patterns())


# -- invented articles, through the shipped pipeline --------------------------------------------------------


def test_a_provincial_city_is_one_city_node_with_its_wikidata_id(nlp):
    from rdflib import OWL, RDF, RDFS, Literal, URIRef

    entities, exs, g = build(nlp, "Rebel fighters shelled the outskirts of Aleppo on Tuesday, local officials said. "
                                  "Aid convoys later reached Aleppo from the north.", graph=True)
    aleppo = [e for e in entities.values() if e.label == "Aleppo"]
    assert [(e.key, e.type, e.wikidata) for e in aleppo] == [("city:sy:aleppo", "City", "Q41183")]
    nodes = set(g.subjects(RDFS.label, Literal("Aleppo", lang="en"))) | set(g.subjects(RDFS.label, Literal("Aleppo")))
    assert len(nodes) == 1
    node = nodes.pop()
    assert {str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in g.objects(node, RDF.type)} >= {"City"}
    assert set(g.objects(node, OWL.sameAs)) == {URIRef("http://www.wikidata.org/entity/Q41183")}


def test_a_lowercase_common_word_is_no_place(nlp):
    _, exs = build(nlp, "The mobile clinic stayed open, and reading lessons resumed in the camp after a nice day.")
    keys = {m.key for ex in exs for m in ex.mentions}
    assert not any(k.startswith("city:") for k in keys)


def test_a_personal_name_that_is_also_a_city_stays_a_person(nlp):
    _, exs = build(nlp, "Spokeswoman Victoria Marchenko said the convoy had left.")
    assert not any(m.type == "City" for ex in exs for m in ex.mentions)


def test_an_armed_group_alias_resolves_to_the_group_node(nlp):
    entities, exs = build(nlp, "Fighters of Hayat Tahrir al-Sham entered the town on Sunday. "
                               "HTS said its forces had taken the hill.")
    assert keys_of(exs, "Hayat Tahrir al-Sham") == {("org:hayat-tahrir-al-sham", "Organization")}
    assert keys_of(exs, "HTS") == {("org:hayat-tahrir-al-sham", "Organization")}
    assert entities["org:hayat-tahrir-al-sham"].type == "Organization"


def test_a_peacekeeping_mission_and_a_state_force_get_their_types(nlp):
    _, exs = build(nlp, "UNIFIL said the Israel Defense Forces had fired near its positions.")
    assert keys_of(exs, "UNIFIL") == {("org:united-nations-interim-force-in-lebanon", "Organization")}
    assert keys_of(exs, "Israel Defense Forces") == {("org:israel-defense-forces", "MilitaryUnit")}


def test_a_known_groups_fighters_are_no_weapon(nlp):
    _, exs = build(nlp, "JNIM fighters ambushed a convoy in central Mali.")
    assert keys_of(exs, "JNIM") == {("org:jamaat-nasr-al-islam-wal-muslimin", "Organization")}
    assert not any(m.type == "Weapon" for ex in exs for m in ex.mentions)


def test_a_bare_name_means_the_region_where_the_text_names_the_region_and_the_city_where_it_says_city(nlp):
    _, exs = build(nlp, "Airstrikes hit villages in the Kandahar province. Kandahar has been calm since.",
                   "Gunmen attacked a market in the city of Kandahar.")
    assert {(m.doc_id, m.key, m.type) for ex in exs for m in ex.mentions if "Kandahar" in m.surface} == {
        ("d0", "region:AF-KAN", "Region"), ("d1", "city:af:kandahar", "City")}


@pytest.mark.parametrize("text, expected", [
    # towns of 50,000 to 150,000 inhabitants are in the world table: a typed city, not a person or a bare name
    ("Israeli jets struck Tyre on Monday.", {("country:IL", "strikes", "city:lb:tyre", "Asserted")}),
    ("Hamas fired rockets at Ashkelon.", {("org:hamas", "strikes", "city:il:ashkelon", "Asserted")}),
])
def test_towns_of_fifty_thousand_are_cities(nlp, text, expected):
    assert text_triples(nlp, text, "strikes") == expected


@pytest.mark.parametrize("text, prop, expected", [
    # a lone name the NER read as a person where only a place stands: after a preposition of place, or taken
    ("Azerbaijan recaptured Shusha.", "captures", {("country:AZ", "captures", "place:shusha", "Asserted")}),
    # the surname of someone named in full stays a person
    ("Jane Shusha arrived. Azerbaijan praised Shusha.", "praises", {("country:AZ", "praises", "person:jane-shusha", "Asserted")}),
])
def test_a_lone_name_where_only_a_place_stands_is_a_place(nlp, text, prop, expected):
    assert text_triples(nlp, text, prop) == expected


@pytest.mark.parametrize("text, prop, expected", [
    # an untagged name of two or three capitalised words that visits, meets or speaks is a person's
    ("Khalifa Haftar visited Cairo.", "visits", {("person:khalifa-haftar", "visits", "city:eg:cairo", "Asserted")}),
    # not a title's words
    ("The Canadian Visa Officer said the file was incomplete.", "claims", set()),
])
def test_an_untagged_name_that_acts_as_people_do_is_a_person(nlp, text, prop, expected):
    assert text_triples(nlp, text, prop) == expected
