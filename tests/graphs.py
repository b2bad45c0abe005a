"""A small corpus extraction built by hand, for graph, export and evaluation tests."""

from kg.model import Content, DocExtraction, Document, Mention, Quantity, Relation, Sentence

TEXT = ("Russian President Vladimir Putin ordered his troops to capture Kharkiv. "
        "Ukraine denied that it attacked Belgorod.")


def mention(surface, type_, key, name=None, start=0, wikidata=None):
    return Mention(doc_id="a1", start=start, end=start + len(surface), surface=surface, type=type_, key=key,
                   name=name, wikidata=wikidata)


PUTIN = mention("Russian President Vladimir Putin", "Person", "person:vladimir-putin", "Vladimir Putin", 0, "Q7747")
PUTIN_SHORT = mention("Putin", "Person", "person:putin", "Putin", 200)
RUSSIA = mention("Russian", "Country", "country:RU", None, 0, "Q159")
FORCES = mention("his troops", "MilitaryUnit", "forces:RU", None, 41)
KHARKIV = mention("Kharkiv", "City", "city:ua:kharkiv", "Kharkiv", 62)
UKRAINE = mention("Ukraine", "Country", "country:UA", "Ukraine", 71, "Q212")
BELGOROD = mention("Belgorod", "Region", "region:RU-BEL", "Belgorod", 102)


def extraction() -> DocExtraction:
    doc = Document(doc_id="a1", file_name="a1.txt", text=TEXT, checksum="c", date="2025-03-31", title="Orders",
                   source="Wire")
    sentences = (Sentence("a1", 0, 0, 70, TEXT[:70]), Sentence("a1", 1, 71, len(TEXT), TEXT[71:]))
    relations = (
        Relation("a1", 0, PUTIN, "leaderOf", RUSSIA, role="President", evidence="Russian President Vladimir Putin"),
        Relation("a1", 0, PUTIN, "orders", FORCES, evidence="ordered his troops"),
        Relation("a1", 0, FORCES, "captures", KHARKIV, modality="Planned", date="2025-04",
                 quantity=Quantity(700, "km2"), evidence="to capture Kharkiv"),
        Relation("a1", 1, UKRAINE, "denies", Content("it attacked Belgorod"), evidence="Ukraine denied"),
        Relation("a1", 1, UKRAINE, "attacks", BELGOROD, modality="Denied", claimant=UKRAINE),
        Relation("a1", 1, UKRAINE, "estimates", Quantity(6, "month", 9)),
    )
    return DocExtraction(document=doc, sentences=sentences, mentions=(PUTIN, PUTIN_SHORT, KHARKIV, UKRAINE, BELGOROD),
                         relations=relations, words=14)
