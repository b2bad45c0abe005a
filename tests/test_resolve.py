"""Entity resolution across documents."""

from kg.extract.resolve import resolve_entities
from kg.model import DocExtraction, Document, Mention


def mention(doc, surface, type_, key, name=None):
    return Mention(doc_id=doc, start=0, end=len(surface), surface=surface, type=type_, key=key, name=name)


def corpus(*docs):
    out = []
    for doc_id, mentions, relations in docs:
        document = Document(doc_id=doc_id, file_name=f"{doc_id}.txt", text="x", checksum=doc_id)
        out.append(DocExtraction(document=document, sentences=(), mentions=tuple(mentions), relations=tuple(relations)))
    return out


AMBIGUOUS_CUSCO = "ambiguous:city:pe:cusco|region:PE-CUS"


def test_bare_name_is_the_region_when_the_corpus_names_the_region():
    cusco = mention("a", "Cusco", "City", AMBIGUOUS_CUSCO, "Cusco")
    region = mention("b", "Cusco Region", "Region", "region:PE-CUS", "Cusco Region")
    entities, key_map = resolve_entities(corpus(("a", [cusco], []), ("b", [region], [])))
    assert key_map[AMBIGUOUS_CUSCO] == "region:PE-CUS"
    assert entities["region:PE-CUS"].label == "Cusco Region"
    assert "Cusco" in entities["region:PE-CUS"].alt_labels
    assert "city:pe:cusco" not in entities


def test_bare_name_is_the_city_otherwise():
    cusco = mention("a", "Cusco", "City", AMBIGUOUS_CUSCO, "Cusco")
    entities, key_map = resolve_entities(corpus(("a", [cusco], [])))
    assert key_map[AMBIGUOUS_CUSCO] == "city:pe:cusco"
    assert entities["city:pe:cusco"].type == "City" and entities["city:pe:cusco"].label == "Cusco"


def test_surnames_and_spelling_variants_join_one_person():
    full = mention("a", "General Teodor Halvik", "Person", "person:teodor-halvik", "Teodor Halvik")
    short = mention("b", "Halvik", "Person", "person:halvik", "Halvik")
    variant = mention("b", "Theodor Halvik", "Person", "person:theodor-halvik", "Theodor Halvik")
    other = mention("b", "Marek Oswin", "Person", "person:marek-oswin", "Marek Oswin")
    entities, key_map = resolve_entities(corpus(("a", [full], []), ("b", [short, variant, other], [])))
    target = key_map["person:teodor-halvik"]
    assert key_map["person:halvik"] == target and key_map["person:theodor-halvik"] == target
    assert key_map["person:marek-oswin"] != target
    ent = entities[target]
    assert ent.label in ("Teodor Halvik", "Theodor Halvik")
    assert {"Halvik", "General Teodor Halvik"} <= set(ent.alt_labels)


def test_a_label_belongs_to_one_entity_only():
    city = mention("a", "Arequipa", "City", "city:pe:arequipa", "Arequipa")
    region = mention("b", "Arequipa", "Region", "region:PE-ARE", "Arequipa")
    region2 = mention("b", "Arequipa Region", "Region", "region:PE-ARE", "Arequipa Region")
    entities, _ = resolve_entities(corpus(("a", [city], []), ("b", [region, region2], [])))
    labels = [l.lower() for e in entities.values() for l in (e.label, *e.alt_labels)]
    assert labels.count("arequipa") == 1
    assert entities["city:pe:arequipa"].label == "Arequipa"


def test_a_short_first_name_joins_the_full_one_and_the_surname_joins_both():
    full = mention("a", "Elizabeth Moreno-Vidal", "Person", "person:elizabeth-moreno-vidal", "Elizabeth Moreno-Vidal")
    short = mention("b", "Dr. Liz Moreno-Vidal", "Person", "person:liz-moreno-vidal", "Liz Moreno-Vidal")
    bare = mention("b", "Dr. Moreno-Vidal", "Person", "person:moreno-vidal", "Moreno-Vidal")
    _entities, key_map = resolve_entities(corpus(("a", [full], []), ("b", [short, bare], [])))
    assert key_map["person:liz-moreno-vidal"] == key_map["person:elizabeth-moreno-vidal"] \
        == key_map["person:moreno-vidal"]
    # another first name is another person
    other = mention("c", "Elena Moreno-Vidal", "Person", "person:elena-moreno-vidal", "Elena Moreno-Vidal")
    _entities, key_map = resolve_entities(corpus(("a", [full], []), ("b", [short], []), ("c", [other], [])))
    assert key_map["person:liz-moreno-vidal"] == key_map["person:elizabeth-moreno-vidal"]
    assert key_map["person:elena-moreno-vidal"] == "person:elena-moreno-vidal"


def test_a_bare_first_word_of_an_institutions_name_in_the_same_document_is_the_institution():
    dept = mention("a", "the Interior Department", "Organization", "organization:interior-department",
                   "Interior Department")
    bare = mention("a", "Interior", "Place", "place:interior", "Interior")
    entities, key_map = resolve_entities(corpus(("a", [dept, bare], [])))
    assert key_map["place:interior"] == "organization:interior-department"
    assert entities["organization:interior-department"].type == "Organization"
    assert "Interior" in entities["organization:interior-department"].alt_labels
    # in a document without the institution the bare word keeps its own reading
    bare_b = mention("b", "Interior", "Place", "place:interior", "Interior")
    _entities, key_map = resolve_entities(corpus(("a", [dept], []), ("b", [bare_b], [])))
    assert key_map["place:interior"] == "place:interior"


def test_a_states_armed_forces_also_go_by_the_states_name_with_armed_forces():
    forces = mention("a", "our troops", "MilitaryUnit", "forces:PE")
    entities, _ = resolve_entities(corpus(("a", [forces], [])))
    assert entities["forces:PE"].label == "Peruvian Armed Forces"
    assert "Peru Armed Forces" in entities["forces:PE"].alt_labels
