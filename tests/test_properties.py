"""Property-based tests: arbitrary parses never crash the extractor, arbitrary text never breaks an export."""

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.build.run import assemble
from kg.extract import extract_document
from kg.graph.export import render_exports
from kg.model import Content, DocExtraction, Document, Mention, Quantity, Relation, Sentence
from tests.conftest import document, parse

WORDS = ["Russia", "Ukraine", "Putin", "Zelensky", "Kyiv", "Moscow", "Kharkiv", "Sumy", "forces", "troops", "military",
         "region", "regions", "city", "attacked", "captured", "said", "claimed", "denied", "plans", "to", "seize", "if",
         "would", "not", "the", "his", "its", "he", "it", "that", "which", "of", "in", "on", "with", "by", "and", ",",
         ".", "offensive", "launched", "ceasefire", "30-day", "President", "Russian", "Ukrainian", "officials", "talks",
         "meet", "border", "near", "“", "”", "'s", "700", "square", "kilometers", "December", "ordered", "refused"]
UD = ["nsubj", "obj", "obl", "nmod", "amod", "compound", "flat", "conj", "cc", "det", "case", "mark", "aux", "advcl",
      "ccomp", "xcomp", "acl", "acl:relcl", "appos", "nmod:poss", "nsubj:pass", "aux:pass", "advmod", "punct", "parataxis"]
CLEAR = ["nsubj", "dobj", "prep", "pobj", "pcomp", "poss", "nsubjpass", "auxpass", "agent", "neg", "relcl", "dative",
         "npadvmod", "attr", "prt"]
POS = ["NOUN", "PROPN", "VERB", "AUX", "ADP", "DET", "ADJ", "PRON", "PUNCT", "CCONJ", "SCONJ", "NUM", "PART", "ADV"]
TAGS = {"NOUN": "NN", "PROPN": "NNP", "VERB": "VBD", "AUX": "MD", "ADP": "IN", "DET": "DT", "ADJ": "JJ", "PRON": "PRP",
        "PUNCT": ".", "CCONJ": "CC", "SCONJ": "IN", "NUM": "CD", "PART": "RP", "ADV": "RB"}
LABELS = ["PERSON", "GPE", "ORG", "NORP", "LOC", "DATE", "QUANTITY"]


@st.composite
def parses(draw):
    n = draw(st.integers(min_value=1, max_value=18))
    rows = []
    for i in range(n):
        word = draw(st.sampled_from(WORDS))
        head = i if i == 0 else draw(st.integers(min_value=0, max_value=i - 1))
        label = "ROOT" if i == 0 else draw(st.sampled_from(UD + CLEAR))
        pos = draw(st.sampled_from(POS))
        rows.append((word, head, label, pos, TAGS[pos], word.lower()))
    ents = []
    i = 0
    while i < n:
        if draw(st.booleans()):
            length = draw(st.integers(min_value=1, max_value=min(3, n - i)))
            ents.append((i, i + length, draw(st.sampled_from(LABELS))))
            i += length
        i += 1
    return rows, ents


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parses())
def test_arbitrary_parses_never_crash_the_extractor(case):
    rows, ents = case
    doc = parse(rows, ents)
    ex = extract_document(doc, document(doc))
    for rel in ex.relations:
        assert rel.modality in ("Asserted", "Claimed", "Planned", "Hypothetical", "Negated", "Denied")
        assert 0 <= rel.sentence


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@st.composite
def extractions(draw):
    label = draw(TEXT)
    other = draw(TEXT)
    content = draw(TEXT)
    text = f"{label} {other} {content}"
    doc = Document(doc_id="p1", file_name="p1.txt", text=text, checksum="c", date="2025-01-02", title=draw(TEXT),
                   source=draw(TEXT), metadata=(("note", draw(TEXT)),))
    a = Mention("p1", 0, len(label), label, "Person", "person:" + label, label)
    b = Mention("p1", 0, len(other), other, "Country", "country:" + other, other)
    rels = (
        Relation("p1", 0, a, "attacks", b, evidence=draw(TEXT)),
        Relation("p1", 0, a, "claims", Content(content), modality="Claimed", claimant=b),
        Relation("p1", 0, b, "estimates", Quantity(draw(st.floats(-1e9, 1e9, allow_nan=False)), draw(TEXT))),
    )
    return DocExtraction(document=doc, sentences=(Sentence("p1", 0, 0, len(text), text),),
                         mentions=(a, b), relations=rels, words=3)


FORMATS = {"graph.ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE), "graph.nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
           "graph.jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD), "graph.trig": ("trig", pyoxigraph.RdfFormat.TRIG),
           "graph.nq": ("nquads", pyoxigraph.RdfFormat.N_QUADS)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_every_export_parses_whatever_the_text(ex):
    files = render_exports(assemble([ex])[2])
    sizes = set()
    for name, (rdflib_fmt, oxi_fmt) in FORMATS.items():
        data = files[name].encode("utf-8")
        quads = list(pyoxigraph.parse(data, format=oxi_fmt))
        sizes.add(len({(q.subject, q.predicate, q.object) for q in quads}))
        if rdflib_fmt in ("turtle", "nt", "json-ld"):
            assert len(Graph().parse(data=files[name], format=rdflib_fmt)) == len(quads)
    assert len(sizes) == 1
