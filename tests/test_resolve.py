"""Entity resolution across documents."""

from kg.model import DocExtraction, Document, Mention, Relation
from kg.resolve import resolve_entities


def mention(doc, surface, type_, key, name=None):
    return Mention(doc_id=doc, start=0, end=len(surface), surface=surface, type=type_, key=key, name=name)


def corpus(*docs):
    out = []
    for doc_id, mentions, relations in docs:
        document = Document(doc_id=doc_id, file_name=f"{doc_id}.txt", text="x", checksum=doc_id)
        out.append(DocExtraction(document=document, sentences=(), mentions=tuple(mentions), relations=tuple(relations)))
    return out


AMBIGUOUS_SUMY = "ambiguous:city:ua:sumy|region:UA-59"


def test_bare_name_is_the_region_when_the_corpus_names_the_region():
    sumy = mention("a", "Sumy", "City", AMBIGUOUS_SUMY, "Sumy")
    region = mention("b", "Sumy Oblast", "Region", "region:UA-59", "Sumy Oblast")
    entities, key_map = resolve_entities(corpus(("a", [sumy], []), ("b", [region], [])))
    assert key_map[AMBIGUOUS_SUMY] == "region:UA-59"
    assert entities["region:UA-59"].label == "Sumy Oblast"
    assert "Sumy" in entities["region:UA-59"].alt_labels
    assert "city:ua:sumy" not in entities


def test_bare_name_is_the_city_otherwise():
    sumy = mention("a", "Sumy", "City", AMBIGUOUS_SUMY, "Sumy")
    entities, key_map = resolve_entities(corpus(("a", [sumy], [])))
    assert key_map[AMBIGUOUS_SUMY] == "city:ua:sumy"
    assert entities["city:ua:sumy"].type == "City" and entities["city:ua:sumy"].label == "Sumy"


def test_surnames_and_spelling_variants_join_one_person():
    full = mention("a", "General Valery Gerasimov", "Person", "person:valery-gerasimov", "Valery Gerasimov")
    short = mention("b", "Gerasimov", "Person", "person:gerasimov", "Gerasimov")
    variant = mention("b", "Valeriy Gerasimov", "Person", "person:valeriy-gerasimov", "Valeriy Gerasimov")
    other = mention("b", "Sergei Shoigu", "Person", "person:sergei-shoigu", "Sergei Shoigu")
    entities, key_map = resolve_entities(corpus(("a", [full], []), ("b", [short, variant, other], [])))
    target = key_map["person:valery-gerasimov"]
    assert key_map["person:gerasimov"] == target and key_map["person:valeriy-gerasimov"] == target
    assert key_map["person:sergei-shoigu"] != target
    ent = entities[target]
    assert ent.label in ("Valery Gerasimov", "Valeriy Gerasimov")
    assert {"Gerasimov", "General Valery Gerasimov"} <= set(ent.alt_labels)


def test_a_label_belongs_to_one_entity_only():
    city = mention("a", "Kharkiv", "City", "city:ua:kharkiv", "Kharkiv")
    region = mention("b", "Kharkiv", "Region", "region:UA-63", "Kharkiv")
    region2 = mention("b", "Kharkiv Oblast", "Region", "region:UA-63", "Kharkiv Oblast")
    entities, _ = resolve_entities(corpus(("a", [city], []), ("b", [region, region2], [])))
    labels = [l.lower() for e in entities.values() for l in (e.label, *e.alt_labels)]
    assert labels.count("kharkiv") == 1
    assert entities["city:ua:kharkiv"].label == "Kharkiv"


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
