"""Articles in other formats: Markdown, HTML pages, JSON Lines and CSV tables; ids stable and unique."""

import json
import logging

import pytest
import spacy
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import CorpusError
from kg.inputs.corpus import file_ids, parse_fields, read_corpus, read_texts
from kg.inputs.formats import front_matter, html_article, markdown_article, normalize_date

runner = CliRunner()
ONE = "The northern brigade moved its tanks to the river on Monday, officials in Northtown said."
TWO = "The coastal guard sent two boats to the harbour on Tuesday, the mayor of Southport said."
THREE = "The air wing moved four jets to the old base on Friday, a spokesman for the ministry said."


def write(folder, name, content):
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def messages(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


# --- Markdown ---------------------------------------------------------------------------------------------

MARKDOWN = """---
title: "Tanks at the river"
date: 2024-05-06T08:30:00Z
tags:
  - north
---
# Brigade *moves* north

The northern brigade moved its [tanks](https://example.org/tanks) to the river on **Monday**,
officials in `Northtown` said.

- Two bridges were closed.
- Schools stayed open.

```
print("code is not article text")
```

| town | troops |
|---|---|
| Northtown | 300 |

> The mayor called for calm.

![a map](map.png)
"""


def test_markdown_is_reduced_to_lines_of_text_with_its_front_matter_as_metadata():
    found = markdown_article(MARKDOWN)
    assert found.text == ("Brigade moves north\n"
                          "The northern brigade moved its tanks to the river on Monday, officials in Northtown said.\n"
                          "Two bridges were closed.\nSchools stayed open.\nThe mayor called for calm.")
    assert (found.title, found.date) == ("Tanks at the river", "2024-05-06")


def test_markdown_without_front_matter_takes_its_title_from_an_opening_heading(tmp_path):
    write(tmp_path, "brigade.md", "# Brigade moves north\n\n" + ONE + "\n")
    [doc] = list(read_corpus(tmp_path))
    assert (doc.doc_id, doc.file_name, doc.title) == ("brigade", "brigade.md", "Brigade moves north")
    assert doc.text == "Brigade moves north\n" + ONE


def test_front_matter_reads_simple_keys_only():
    meta, rest = front_matter("---\ntitle: 'A: B'\nurl: https://example.org/x\nauthor: Someone\n---\nBody\n")
    assert meta == {"title": "A: B", "url": "https://example.org/x"} and rest == "Body\n"
    assert front_matter("No front matter\n---\n") == ({}, "No front matter\n---\n")


def test_markdown_notes_about_the_corpus_are_not_articles(tmp_path):
    write(tmp_path, "README.md", "# About this folder\n\n" + TWO)
    write(tmp_path, "a.txt", ONE)
    assert [d.doc_id for d in read_corpus(tmp_path)] == ["a"]


# --- HTML -------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="windows-1252">
<title>Harbour boats | Southport Courier</title>
<meta property="og:title" content="Boats sent to the harbour">
<meta property="og:site_name" content="Southport Courier">
<meta property="article:published_time" content="2023-11-14T09:00:00+01:00">
<link rel="canonical" href="https://courier.example/news/boats">
<script>var tracking = "pageview";</script></head><body>
<header><div class="logo">Southport Courier</div><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header>
<div class="content"><div class="main">
<h1>Boats sent to the harbour</h1>
<p>The coastal guard sent two boats to the harbour on Tuesday, the mayor of Southport said in a statement.</p>
<p>Fishermen were told to stay ashore until the storm has passed, and the ferry to the islands was cancelled.</p>
<p>The guard said the boats would stay in the harbour for a week while the caf\xe9 on the pier stays closed.</p>
</div><aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Singer weds in secret</a></li>
<li><a href="/b">Prices rise again</a></li></ul></aside></div>
<footer>All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""


def test_an_html_page_gives_its_main_text_and_the_metadata_of_the_page(tmp_path, caplog):
    write(tmp_path, "boats.html", PAGE.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="kg"):
        [doc] = list(read_corpus(tmp_path))
    assert doc.text.splitlines() == [
        "Boats sent to the harbour",
        "The coastal guard sent two boats to the harbour on Tuesday, the mayor of Southport said in a statement.",
        "Fishermen were told to stay ashore until the storm has passed, and the ferry to the islands was cancelled.",
        "The guard said the boats would stay in the harbour for a week while the café on the pier stays closed."]
    assert (doc.doc_id, doc.file_name, doc.title, doc.date, doc.source, doc.url) == (
        "boats", "boats.html", "Boats sent to the harbour", "2023-11-14", "Southport Courier",
        "https://courier.example/news/boats")
    assert messages(caplog) == []


def test_the_index_row_comes_before_the_page_metadata(tmp_path):
    write(tmp_path, "boats.htm", PAGE.encode("cp1252"))
    write(tmp_path, "index.jsonl", json.dumps({"file": "boats.htm", "title": "Indexed", "date": "2023-11-20"}) + "\n")
    [doc] = list(read_corpus(tmp_path))
    assert (doc.title, doc.date, doc.source) == ("Indexed", "2023-11-20", "Southport Courier")


def test_a_page_without_a_main_text_falls_back_on_the_page_text():
    found = html_article("<html><body><p>" + ONE + "</p></body></html>")
    assert found.text == ONE


# --- tables of articles ----------------------------------------------------------------------------------


def test_json_lines_rows_are_articles_and_bad_rows_are_skipped_with_a_warning(tmp_path, caplog):
    rows = [
        json.dumps({"text": ONE, "title": "Tanks", "date": "2024-01-02T10:00:00Z", "author": "A. Writer",
                    "tags": ["north"], "html": "<p>" + "x" * 2000 + "</p>"}),
        json.dumps({"text": TWO, "id": "boats-7", "source": "Courier", "url": "https://courier.example/7",
                    "date": "yesterday"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": ONE}),  # the same text as the first row
        "",
        json.dumps({"text": THREE, "date": "Fri, 05 Jan 2024 10:00:00 GMT"}),
    ]
    write(tmp_path, "feed.jsonl", "\n".join(rows) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [(d.doc_id, d.file_name, d.title, d.date, d.source, d.url) for d in docs] == [
        ("feed-1", "feed.jsonl", "Tanks", "2024-01-02", None, None),
        ("boats-7", "feed.jsonl", None, None, "Courier", "https://courier.example/7"),
        ("feed-9", "feed.jsonl", None, "2024-01-05", None, None)]
    assert docs[0].metadata == (("author", "A. Writer"), ("row", "1"), ("tags", '["north"]'))
    assert docs[0].text == ONE
    assert messages(caplog) == [
        "feed.jsonl row 2 date 'yesterday' is not a date (YYYY-MM-DD, an ISO date and time or an RFC 2822 date); "
        "ignored",
        "feed.jsonl line 3 is not JSON (Expecting property name enclosed in double quotes); skipped",
        "feed.jsonl line 4 is not a JSON object; skipped",
        "feed.jsonl row 5 has no text (field 'text'); skipped",
        "feed.jsonl row 6 has no text (field 'text'); skipped",
        "feed.jsonl row 7 has the same text as feed.jsonl row 1; skipped as a duplicate"]


def test_csv_rows_with_mapped_columns_a_semicolon_header_and_quoted_line_breaks(tmp_path, caplog):
    write(tmp_path, "export.csv", 'Headline;Body;Published;Link\n'
                                  f'Tanks;"{ONE}\nThe river crossing was closed.";2024-02-03;https://example.org/1\n'
                                  f'Boats;{TWO};03/04/2024;\n'
                                  'Short;row\n'
                                  f'Jets;{THREE};2024-02-05T11:00;https://example.org/3\n')
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path, fields=parse_fields(["text=body", "title=HEADLINE", "date=published",
                                                                "url=Link"])))
    assert [(d.doc_id, d.title, d.date, d.url) for d in docs] == [
        ("export-1", "Tanks", "2024-02-03", "https://example.org/1"), ("export-2", "Boats", None, None),
        ("export-4", "Jets", "2024-02-05", "https://example.org/3")]
    assert docs[0].text == ONE + "\nThe river crossing was closed."
    assert messages(caplog) == [
        "export.csv row 2 date '03/04/2024' is not a date (YYYY-MM-DD, an ISO date and time or an RFC 2822 date); "
        "ignored",
        "export.csv row 3 has 2 cells, the header 4; skipped"]


def test_a_table_without_its_text_column_is_skipped_with_one_warning(tmp_path, caplog):
    write(tmp_path, "a.txt", ONE)
    write(tmp_path, "scores.csv", "name,score\n" + "\n".join(f"n{i},{i}" for i in range(50)) + "\n")
    write(tmp_path, "labels.jsonl", "\n".join(json.dumps({"label": i}) for i in range(50)) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        assert [d.doc_id for d in read_corpus(tmp_path)] == ["a"]
    assert messages(caplog) == [
        "labels.jsonl has no 'text' field in its first row (name another with --field text=NAME); skipped",
        "scores.csv has no 'text' column (name another with --field text=NAME); skipped"]


def test_many_bad_rows_give_a_bounded_number_of_warnings(tmp_path, caplog):
    write(tmp_path, "feed.jsonl", json.dumps({"text": ONE}) + "\n" + "{bad\n" * 100)
    with caplog.at_level(logging.WARNING, logger="kg"):
        assert len(list(read_corpus(tmp_path))) == 1
    assert len(messages(caplog)) == 21
    assert messages(caplog)[-1] == "feed.jsonl: 80 more rows skipped or changed (the first 20 are named above)"


def test_a_utf16_tab_separated_table_is_read(tmp_path):
    write(tmp_path, "sheet.tsv", f"text\ttitle\n{ONE}\tTanks\n".encode("utf-16"))
    [doc] = list(read_corpus(tmp_path))
    assert (doc.doc_id, doc.title, doc.text) == ("sheet-1", "Tanks", ONE)


def test_html_in_a_row_is_reduced_to_its_text(tmp_path):
    write(tmp_path, "feed.jsonl", json.dumps({"text": f"<div><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div>"}) + "\n")
    [doc] = list(read_corpus(tmp_path))
    assert doc.text.splitlines() == [ONE, TWO, THREE]


# --- ids ----------------------------------------------------------------------------------------------------


def test_ids_are_unique_and_a_txt_article_keeps_its_stem(tmp_path, caplog):
    write(tmp_path, "a.txt", ONE)
    write(tmp_path, "a.html", f"<html><body><article><p>{TWO}</p></article></body></html>")
    write(tmp_path, "a.md", THREE)
    write(tmp_path, "b.jsonl", json.dumps({"text": ONE.replace("Monday", "Sunday"), "id": "a"}) + "\n"
          + json.dumps({"text": TWO.replace("Tuesday", "Sunday"), "id": "a"}) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [(d.doc_id, d.file_name) for d in docs] == [("a.html", "a.html"), ("a.md", "a.md"), ("a", "a.txt"),
                                                        ("a-2", "b.jsonl"), ("a-3", "b.jsonl")]
    assert messages(caplog) == ["b.jsonl row 1 has the id 'a' of an earlier article; its id is 'a-2'",
                                "b.jsonl row 2 has the id 'a' of an earlier article; its id is 'a-3'"]


def test_file_ids_do_not_depend_on_the_other_kinds_of_files(tmp_path):
    from pathlib import Path

    alone = file_ids([Path("x/a.txt"), Path("x/b.txt")])
    mixed = file_ids([Path("x/a.htm"), Path("x/a.txt"), Path("x/b.txt"), Path("x/b.md"), Path("x/c.md")])
    assert alone == {Path("x/a.txt"): "a", Path("x/b.txt"): "b"}
    assert mixed == {Path("x/a.txt"): "a", Path("x/b.txt"): "b", Path("x/a.htm"): "a.htm", Path("x/b.md"): "b.md",
                     Path("x/c.md"): "c"}


def test_texts_in_memory_become_documents():
    docs = list(read_texts([ONE, ("Boats", TWO), {"text": THREE, "id": "jets", "date": "2024-03-01"}, 7, ONE]))
    assert [(d.doc_id, d.title, d.date) for d in docs] == [("text-1", None, None), ("text-2", "Boats", None),
                                                           ("jets", None, "2024-03-01")]
    with pytest.raises(CorpusError, match="none of the texts"):
        list(read_texts(["", "    "]))


def test_dates_are_normalized_or_refused():
    assert [normalize_date(v) for v in ("2024-02-03", "2024-02-03T10:00:00Z", "2024-02-03 10:00",
                                        "Tue, 04 Mar 2025 10:00:00 GMT", "2024-02-30", "03/04/2024", "2024-02-03x",
                                        "", None, 20240203)] == [
        "2024-02-03", "2024-02-03", "2024-02-03", "2025-03-04", None, None, None, None, None, None]


def test_a_bad_field_mapping_is_a_one_line_error():
    with pytest.raises(CorpusError, match="--field takes FIELD=NAME"):
        parse_fields(["text"])
    with pytest.raises(CorpusError, match="the fields are text, title, date, source, url, id"):
        parse_fields(["body=text"])
    result = runner.invoke(app, ["build", "nowhere", "--field", "body"])
    assert result.exit_code == 1 and "error: --field takes FIELD=NAME" in result.stderr


# --- the build -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("blank") / "pipeline"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


def test_kg_build_reads_a_folder_of_every_kind(tmp_path, blank_model):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "one.txt", ONE)
    write(corpus, "two.html", PAGE.replace("\xe9", "e"))
    write(corpus, "three.md", "# Jets\n\n" + THREE)
    write(corpus, "rows.csv", "body,published\n" + f'"{ONE.replace("Monday", "Sunday")}",2024-06-01\n')
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--model", blank_model, "-q",
                                 "--field", "text=body", "--field", "date=published"])
    assert result.exit_code == 0, result.output
    assert "built 4 documents" in result.stdout
    nt = (out / "graph.nt").read_text(encoding="utf-8")
    for doc_id, file_name in (("one", "one.txt"), ("two", "two.html"), ("three", "three.md"), ("rows-1", "rows.csv")):
        assert (f'<https://w3id.org/kg-conflict/id/document/{doc_id}> '
                f'<https://w3id.org/kg-conflict/ontology#fileName> "{file_name}" .') in nt
    assert ('<https://w3id.org/kg-conflict/id/document/rows-1> <https://w3id.org/kg-conflict/ontology#published> '
            '"2024-06-01"^^<http://www.w3.org/2001/XMLSchema#date> .') in nt
