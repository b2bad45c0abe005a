"""Reading corpora: metadata, datelines, and bad input skipped with a warning."""

import json
import logging
from pathlib import Path

import pytest

from kg.errors import CorpusError
from kg.inputs.corpus import read_corpus, read_index

ENGLISH = "Russian forces attacked the city of Kharkiv on Monday, officials said. The strikes hit a power plant.\n"


def write(folder, name, content):
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_index_gives_metadata_and_unknown_keys_are_kept(tmp_path):
    write(tmp_path, "a.txt", ENGLISH)
    write(tmp_path, "index.jsonl", json.dumps({"file": "a.txt", "title": "Strikes", "date": "2025-03-01",
                                                "source": "Wire", "url": "https://example.org/a", "lang": "en"}) + "\n")
    [doc] = list(read_corpus(tmp_path))
    assert (doc.doc_id, doc.title, doc.date, doc.source, doc.url) == ("a", "Strikes", "2025-03-01", "Wire",
                                                                      "https://example.org/a")
    assert doc.metadata == (("lang", "en"),)


def test_broken_index_lines_are_skipped_with_a_warning(tmp_path, caplog):
    write(tmp_path, "a.txt", ENGLISH)
    write(tmp_path, "index.jsonl", '{"file": "a.txt", "date": "2025-03-01"}\n{not json\n{"title": "no file"}\n'
                                   '{"file": "a.txt", "date": "March"}\n')
    with caplog.at_level(logging.WARNING, logger="kg"):
        rows = read_index(tmp_path)
    assert rows["a.txt"].date is None  # the last row for a.txt had a bad date, which is ignored
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "line 2 is not JSON" in messages and "line 3 has no \"file\"" in messages and "not YYYY-MM-DD" in messages


def test_dateline_gives_the_date_when_the_index_has_none(tmp_path):
    write(tmp_path, "b.txt", " date 2025-12-31 " + ENGLISH)
    [doc] = list(read_corpus(tmp_path))
    assert doc.date == "2025-12-31"


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", "   \n", "is empty"),
    ("binary.txt", b"\x00\x01\x02binary\x00" * 10, "binary file"),
    ("latin1.txt", "Les forces russes ont attaqu\xe9 Kharkiv.".encode("latin-1"), "not UTF-8"),
    ("french.txt", "Les forces russes ont attaqué la ville de Kharkiv lundi, selon les autorités locales. " * 3,
     "does not look like English"),
])
def test_bad_articles_are_skipped_with_a_warning(tmp_path, caplog, name, content, message):
    write(tmp_path, "good.txt", ENGLISH)
    write(tmp_path, name, content)
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [d.doc_id for d in docs] == ["good"]
    assert any(name in r.getMessage() and message in r.getMessage() for r in caplog.records)


def test_oversized_and_duplicate_articles_are_skipped(tmp_path, caplog):
    write(tmp_path, "a.txt", ENGLISH)
    write(tmp_path, "b.txt", ENGLISH)
    write(tmp_path, "huge.txt", ENGLISH * 2000)
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path, max_bytes=100_000))
    assert [d.doc_id for d in docs] == ["a"]
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "b.txt has the same text as a.txt" in text and "huge.txt is" in text


def test_html_article_is_reduced_to_its_text(tmp_path):
    write(tmp_path, "h.txt", "<html><body><p>" + ENGLISH + "</p><script>alert(1)</script></body></html>")
    [doc] = list(read_corpus(tmp_path))
    assert "<" not in doc.text and "alert" not in doc.text and doc.text.startswith("Russian forces attacked")


def test_missing_or_empty_corpus_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        list(read_corpus(tmp_path / "nope"))
    with pytest.raises(CorpusError, match="no readable"):
        list(read_corpus(tmp_path))


def test_a_20_mb_article_is_skipped_with_a_warning(tmp_path, caplog):
    write(tmp_path, "good.txt", ENGLISH)
    with open(tmp_path / "huge.txt", "w", encoding="utf-8") as f:
        for _ in range(20 * 1024 * 1024 // len(ENGLISH) + 1):
            f.write(ENGLISH)
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [d.doc_id for d in docs] == ["good"]
    assert any("huge.txt is 21.0 MB, over the 5.0 MB limit" in r.getMessage() for r in caplog.records)


def test_unreadable_articles_are_skipped_with_a_warning(tmp_path, caplog):
    write(tmp_path, "good.txt", ENGLISH)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "folder.txt").mkdir()
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [d.doc_id for d in docs] == ["good"]
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "cannot read dangling.txt" in text and "folder.txt is a folder, not a regular file; skipped" in text


@pytest.mark.parametrize("bad", ["2025-13-45", "2025-02-30", "2025-00-10"])
def test_an_impossible_index_date_is_a_warning_and_the_rest_of_the_row_is_kept(tmp_path, caplog, bad):
    write(tmp_path, "a.txt", ENGLISH)
    write(tmp_path, "b.txt", ENGLISH.replace("Monday", "Tuesday"))
    write(tmp_path, "index.jsonl", json.dumps({"file": "a.txt", "date": bad, "title": "Strikes"}) + "\n"
          + json.dumps({"file": "b.txt", "date": "2024-02-29"}) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [(d.doc_id, d.title, d.date) for d in docs] == [("a", "Strikes", None), ("b", None, "2024-02-29")]
    assert any(f"line 1: date '{bad}' is not a calendar date" in r.getMessage() for r in caplog.records)


def test_an_impossible_dateline_date_is_ignored_with_a_warning(tmp_path, caplog):
    write(tmp_path, "b.txt", "Date: 2025-02-30 " + ENGLISH)
    with caplog.at_level(logging.WARNING, logger="kg"):
        [doc] = list(read_corpus(tmp_path))
    assert doc.date is None
    assert any("b.txt: dateline date 2025-02-30 is not a calendar date" in r.getMessage() for r in caplog.records)


def _read_in_subprocess(folder):
    """read_corpus in a child process, so a read that blocks fails the test instead of hanging the suite."""
    import os
    import subprocess
    import sys

    code = ("import logging, sys; from pathlib import Path; from kg.inputs.corpus import read_corpus; "
            "logging.basicConfig(level=logging.WARNING, format='%(message)s', stream=sys.stderr); "
            "print([d.doc_id for d in read_corpus(Path(sys.argv[1]))])")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    try:
        return subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=60,
                              env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("reading the corpus blocked for 60 s")


def test_fifos_and_folders_named_txt_are_skipped_without_blocking(tmp_path):
    import os

    write(tmp_path, "a.txt", ENGLISH)
    os.mkfifo(tmp_path / "x.txt")
    os.mkfifo(tmp_path / "index.jsonl")
    (tmp_path / "folder.txt").mkdir()
    done = _read_in_subprocess(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['a']"
    assert "x.txt is a named pipe (FIFO), not a regular file; skipped" in done.stderr
    assert "folder.txt is a folder, not a regular file; skipped" in done.stderr
    assert "index.jsonl is a named pipe (FIFO), not a regular file; reading the articles without it" in done.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_utf16_utf32_and_utf8_with_a_byte_order_mark_are_read(tmp_path, caplog, encoding):
    write(tmp_path, "a.txt", ENGLISH.encode(encoding))
    with caplog.at_level(logging.WARNING, logger="kg"):
        [doc] = list(read_corpus(tmp_path))
    assert doc.text == ENGLISH and caplog.records == []


def test_broken_utf16_is_named_as_such(tmp_path, caplog):
    write(tmp_path, "good.txt", ENGLISH)
    write(tmp_path, "bad16.txt", b"\xff\xfe" + ENGLISH.encode("utf-16-le") + b"\x00\xdc")  # a lone low surrogate
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_corpus(tmp_path))
    assert [d.doc_id for d in docs] == ["good"]
    assert any(r.getMessage().startswith("bad16.txt is not UTF-16 text") for r in caplog.records)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Site name | Strikes</title><meta charset="utf-8">
<style>body { color: red }</style><script>var tracker = "analytics";</script></head>
<body>
<header><a href="/">Site name</a> <nav><ul><li><a href="/world">World</a></li><li>Sport</li></ul></nav></header>
<main>
<article>
<header><h1>Strikes hit the city</h1></header>
<p>Forces attacked the city of Northtown on Monday, officials said.</p>
<p>The strikes hit a power plant &amp; a depot.<br>Two people were hurt.</p>
<aside>Read more: an unrelated story</aside>
</article>
<section class="related">Related stories you may like</section>
</main>
<footer>Copyright and cookie policy <form><button>Subscribe</button></form></footer>
<noscript>Enable JavaScript</noscript>
</body></html>
"""


def test_html_page_saved_as_txt_gives_its_article_text_with_a_warning(tmp_path, caplog):
    write(tmp_path, "page.txt", PAGE)
    with caplog.at_level(logging.WARNING, logger="kg"):
        [doc] = list(read_corpus(tmp_path))
    assert doc.text == ("Strikes hit the city\n\nForces attacked the city of Northtown on Monday, officials said.\n\n"
                        "The strikes hit a power plant & a depot.\nTwo people were hurt.")
    assert [r.getMessage() for r in caplog.records] == [
        "page.txt is HTML, not plain text: the text of its <article> kept; scripts, styles, navigation and forms "
        "dropped"]


def test_html_without_an_article_drops_navigation_header_and_footer(tmp_path, caplog):
    page = PAGE.replace("<article>", "<div>").replace("</article>", "</div>").replace("<main>", "").replace(
        "</main>", "")
    write(tmp_path, "page.txt", page)
    with caplog.at_level(logging.WARNING, logger="kg"):
        [doc] = list(read_corpus(tmp_path))
    assert doc.text.startswith("Forces attacked the city of Northtown")
    for boilerplate in ("Site name", "World", "Sport", "tracker", "color", "Copyright", "Subscribe", "Read more",
                        "Enable JavaScript", "Strikes hit the city"):  # the header of a div is the page's header
        assert boilerplate not in doc.text
    assert "Related stories you may like" in doc.text
    assert "without the page's header and footer" in caplog.records[0].getMessage()


def test_plain_text_with_one_angle_bracket_tag_is_not_taken_for_html(tmp_path, caplog):
    text = "Officials said the <b> tag was not the point. " + ENGLISH
    write(tmp_path, "a.txt", text)
    with caplog.at_level(logging.WARNING, logger="kg"):
        [doc] = list(read_corpus(tmp_path))
    assert doc.text == text and caplog.records == []
