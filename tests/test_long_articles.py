"""Long articles in bounded memory: cut into parts at paragraph breaks, parsed in batches of bounded text,
joined again into one document with the same text and offsets."""

import pytest
import spacy

import kg.build.parsing
from kg.build.parsing import BATCH_SIZE, _texts, extract_stream, split_text
from kg.model import Document
from kg.nlp.language import load_pipeline

PARAGRAPH = ("The foreign ministers of France and Germany met in Geneva on Monday. They discussed the border "
             "dispute between Armenia and Azerbaijan, officials said.")


def test_a_short_text_is_one_part():
    assert split_text("One sentence. Two.\n\nThree.", 100) == ["One sentence. Two.\n\nThree."]


def test_parts_end_after_a_paragraph_break_and_its_blank():
    text = "\n\n".join(f"Paragraph {i} has a few words in it." for i in range(40))
    parts = split_text(text, 200)
    assert "".join(parts) == text
    assert all(len(p) <= 200 for p in parts) and len(parts) > 5
    assert all(p.endswith(".\n\n") for p in parts[:-1])
    assert all(p.startswith("Paragraph ") for p in parts)


def test_a_paragraph_without_breaks_is_cut_after_a_sentence_then_at_a_space():
    text = " ".join(f"Sentence {i} is here." for i in range(60))
    parts = split_text(text, 150)
    assert "".join(parts) == text and all(len(p) <= 150 for p in parts)
    assert all(p.endswith(". ") for p in parts[:-1])
    words = " ".join(["word"] * 100)  # no sentence end: cut at a space
    parts = split_text(words, 42)
    assert "".join(parts) == words and all(p.endswith(" ") and len(p) <= 42 for p in parts[:-1])
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no space at all


def test_batches_hold_a_bounded_amount_of_text(monkeypatch):
    monkeypatch.setattr(kg.build.parsing, "PART_CHARS", 100)
    monkeypatch.setattr(kg.build.parsing, "BATCH_CHARS", 250)
    docs = [Document(doc_id=f"d{i}", file_name=f"d{i}.txt", text=text, checksum="c")
            for i, text in enumerate(["short"] * 3 + ["word " * 100] + ["tiny"] * 20)]
    items = list(_texts(docs))
    batches = [items[i:i + BATCH_SIZE] for i in range(0, len(items), BATCH_SIZE)]
    for batch in batches:
        assert sum(len(text) for text, _ in batch) <= 250
    parts = [(where[0].doc_id, where[1], where[2], text) for text, where in items if where is not None]
    assert [p[0] for p in parts] == ["d0", "d1", "d2"] + ["d3"] * 5 + [f"d{i}" for i in range(4, 24)]
    assert "".join(p[3] for p in parts if p[0] == "d3") == "word " * 100
    assert all(text == "" for text, where in items if where is None)


@pytest.fixture(scope="module")
def blank_nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("blank") / "pipeline"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return load_pipeline(str(path))


def test_a_long_article_parsed_in_parts_gives_the_extraction_of_the_whole(blank_nlp, monkeypatch):
    text = "Talks in Geneva\n\n" + "\n\n".join(PARAGRAPH.replace("Monday", f"day {i}") for i in range(30))
    doc = Document(doc_id="long", file_name="long.txt", text=text, checksum="c")
    (whole,) = list(extract_stream(blank_nlp, [doc]))
    monkeypatch.setattr(kg.build.parsing, "PART_CHARS", 700)
    monkeypatch.setattr(kg.build.parsing, "BATCH_CHARS", 1500)
    assert len(split_text(text)) > 5
    (parted,) = list(extract_stream(blank_nlp, [doc]))
    assert parted.sentences == whole.sentences and len(whole.sentences) == 61
    assert all(text[s.start:s.end] == s.text for s in parted.sentences)
    assert parted.mentions == whole.mentions and len(whole.mentions) > 100
    assert all(text[m.start:m.end] == m.surface for m in parted.mentions)
    assert parted.relations == whole.relations and parted.words == whole.words
