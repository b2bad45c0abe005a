"""`kg fetch` against a web server on the loopback interface (never the internet)."""

import gzip
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.inputs.corpus import read_corpus
from kg.inputs.fetch import USER_AGENT, Fetcher, fetch_urls, file_stem, read_url_list

runner = CliRunner()

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Boats | Southport Courier</title>
<meta property="og:title" content="Boats sent to the harbour">
<meta property="og:site_name" content="Southport Courier">
<meta property="article:published_time" content="2023-11-14T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article>
<h1>Boats sent to the harbour</h1>
<p>The coastal guard sent two boats to the harbour on Tuesday, the mayor of Southport said in a statement.</p>
<p>Fishermen were told to stay ashore until the storm has passed, and the ferry to the islands was cancelled.</p>
</article><footer>All rights reserved.</footer></body></html>"""

PAGES = {
    "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
    "/news/boats.html": (200, "text/html; charset=utf-8", ARTICLE.encode("utf-8")),
    "/news/packed.html": (200, "text/html", gzip.compress(ARTICLE.replace("two boats", "three boats").encode())),
    "/private/plans.html": (200, "text/html", ARTICLE.replace("two boats", "four boats").encode()),
    "/big.html": (200, "text/html", b"<html><body><p>" + b"The guard sent boats. " * 2000 + b"</p></body></html>"),
    "/stream.html": (200, "text/html", b"<html><body><p>" + b"The guard sent boats. " * 2000 + b"</p></body></html>"),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4"),
    "/notes.txt": (200, "text/plain; charset=utf-8",
                   "The mayor of Southport said the harbour would reopen on Friday after the storm.\n".encode()),
}
BUSY: dict[str, int] = {}
REDIRECTS = {"/moved": "/news/boats.html", "/to-ftp": "ftp://127.0.0.1/file.txt", "/to-private": "/private/plans.html"}


class Handler(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def do_GET(self):
        Handler.requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path in BUSY and BUSY[self.path] > 0:  # busy: asks to come back later
            BUSY[self.path] -= 1
            self.send_response(429)
            self.send_header("Retry-After", "5")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path in REDIRECTS:
            self.send_response(301)
            self.send_header("Location", REDIRECTS[self.path])
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        status, kind, body = PAGES[self.path]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if self.path == "/news/packed.html":
            self.send_header("Content-Encoding", "gzip")
        if self.path != "/stream.html":  # sent without its length: read up to the limit only
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def warnings_of(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_pages_are_fetched_politely_and_bad_ones_skipped_with_a_warning(server, tmp_path, caplog):
    urls = [f"{server}{path}" for path in ("/news/boats.html", "/private/plans.html", "/big.html", "/stream.html", "/missing",
                                           "/report.pdf", "/to-ftp", "/to-private", "/notes.txt", "/news/packed.html")]
    urls.append("file:///etc/hostname")
    out = tmp_path / "corpus"
    with caplog.at_level(logging.INFO, logger="kg"):
        report = fetch_urls(urls, out, fetcher=Fetcher(delay=0, max_bytes=10_000))
    boats, notes, packed = (file_stem(f"{server}{p}") for p in ("/news/boats.html", "/notes.txt", "/news/packed.html"))
    assert sorted(report.fetched) == sorted([f"{boats}.txt", f"{notes}.txt", f"{packed}.txt"])
    assert report.skipped == 8
    assert warnings_of(caplog) == [
        f"{server}/private/plans.html: {server}/robots.txt disallows it; skipped",
        f"{server}/big.html: it is 44.0 kB, over the 10.0 kB limit (--max-bytes); skipped",
        f"{server}/stream.html: it is over the 10.0 kB limit (--max-bytes); skipped",
        f"{server}/missing: HTTP 404 Not Found; skipped",
        f"{server}/report.pdf: it is application/pdf, not an HTML page or text; skipped",
        f"{server}/to-ftp: redirected to ftp://127.0.0.1/file.txt, not an http or https URL; skipped",
        f"{server}/to-private: {server}/robots.txt disallows it; skipped",
        "file:///etc/hostname: not an http or https URL; skipped"]
    paths = [path for path, _agent in Handler.requests]
    assert "/private/plans.html" not in paths and paths.count("/robots.txt") == 1
    assert {agent for _path, agent in Handler.requests} == {USER_AGENT}
    assert (out / f"{boats}.txt").read_text(encoding="utf-8") == (
        "Boats sent to the harbour\n"
        "The coastal guard sent two boats to the harbour on Tuesday, the mayor of Southport said in a statement.\n"
        "Fishermen were told to stay ashore until the storm has passed, and the ferry to the islands was "
        "cancelled.\n")
    index = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {row["file"]: row for row in index}[f"{boats}.txt"] == {
        "file": f"{boats}.txt", "title": "Boats sent to the harbour", "date": "2023-11-14",
        "source": "Southport Courier", "url": f"{server}/news/boats.html"}
    assert {row["file"]: row for row in index}[f"{notes}.txt"] == {
        "file": f"{notes}.txt", "source": "127.0.0.1", "url": f"{server}/notes.txt"}
    docs = {d.doc_id: d for d in read_corpus(out)}
    assert (docs[boats].title, docs[boats].date, docs[boats].url) == ("Boats sent to the harbour", "2023-11-14",
                                                                      f"{server}/news/boats.html")
    assert "three boats" in docs[packed].text


def test_a_second_run_fetches_only_what_is_new_and_html_can_be_kept(server, tmp_path):
    out = tmp_path / "corpus"
    fetch_urls([f"{server}/news/boats.html"], out, fetcher=Fetcher(delay=0))
    Handler.requests = []
    report = fetch_urls([f"{server}/news/boats.html", f"{server}/moved"], out, keep_html=True,
                        fetcher=Fetcher(delay=0))
    assert report.present == 1 and report.fetched == [f"{file_stem(server + '/moved')}.html"]
    assert [p for p, _ in Handler.requests] == ["/robots.txt", "/moved", "/news/boats.html"]
    assert (out / report.fetched[0]).read_bytes() == b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 and rows[1 - [r["file"] for r in rows].index(report.fetched[0])]["url"].endswith(
        "/news/boats.html")
    text, html = sorted(read_corpus(out), key=lambda d: d.file_name.endswith(".html"))
    assert text.text.rstrip("\n") == html.text  # the page kept is read as the page fetched was


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def test_requests_to_one_host_wait_the_delay_or_the_crawl_delay(server, tmp_path):
    clock = FakeClock()
    fetch_urls([f"{server}/news/boats.html", f"{server}/notes.txt"], tmp_path / "a",
               fetcher=Fetcher(delay=3, clock=clock, sleep=clock.sleep))
    assert clock.sleeps == [3.0, 3.0]  # robots.txt, then each page 3 s after the one before
    PAGES["/robots.txt"] = (200, "text/plain", b"User-agent: kg\nCrawl-delay: 7\nDisallow: /news/packed\n")
    try:
        clock = FakeClock()
        report = fetch_urls([f"{server}/news/boats.html", f"{server}/news/packed.html", f"{server}/notes.txt"],
                            tmp_path / "b", fetcher=Fetcher(delay=3, clock=clock, sleep=clock.sleep))
    finally:
        PAGES["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
    assert clock.sleeps == [7.0, 7.0] and report.skipped == 1


def test_a_host_whose_robots_txt_fails_is_not_fetched(server, tmp_path, caplog):
    saved = PAGES.pop("/robots.txt")
    try:
        fetch_urls([f"{server}/news/boats.html"], tmp_path / "none", fetcher=Fetcher(delay=0))
        assert [p for p, _ in Handler.requests] == ["/robots.txt", "/news/boats.html"]  # 404: everything allowed
        PAGES["/robots.txt"] = (503, "text/plain", b"busy")
        with caplog.at_level(logging.WARNING, logger="kg"):
            report = fetch_urls([f"{server}/news/notes.txt"], tmp_path / "busy", fetcher=Fetcher(delay=0))
    finally:
        PAGES["/robots.txt"] = saved
    assert report.fetched == [] and report.skipped == 1
    assert warnings_of(caplog)[-1] == (f"{server}/news/notes.txt: the robots.txt of {server} could not be read, so "
                                       "none of its pages is fetched; skipped")


def test_the_url_list_skips_comments_blanks_and_repeats(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# news\nhttps://a.example/1  first\n\nhttps://a.example/2\nhttps://a.example/1\n", encoding="utf-8")
    assert read_url_list(path) == ["https://a.example/1", "https://a.example/2"]


def test_kg_fetch_prints_a_summary_and_one_line_errors(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/news/boats.html\n{server}/missing\n", encoding="utf-8")
    result = runner.invoke(app, ["fetch", str(urls), "--out", str(tmp_path / "c"), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert f"fetched 1 of 2 pages, 1 skipped -> {tmp_path / 'c'}/" in result.stdout
    assert f"warning: {server}/missing: HTTP 404 Not Found; skipped" in result.stderr
    assert f"[1/2] {server}/news/boats.html -> " in result.stderr

    urls.write_text(f"{server}/missing\n", encoding="utf-8")
    result = runner.invoke(app, ["fetch", str(urls), "--out", str(tmp_path / "d"), "--delay", "0", "-q"])
    assert result.exit_code == 1 and "error: none of the 1 pages could be fetched" in result.stderr
    result = runner.invoke(app, ["fetch", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "e")])
    assert result.exit_code == 1 and result.stderr.strip() == f"error: URL list not found: {tmp_path / 'nope.txt'}"
    assert "Traceback" not in result.output


def test_a_page_kept_as_html_is_read_in_the_encoding_the_server_named(server, tmp_path):
    page = ARTICLE.replace("two boats", "two boats to the café").encode("cp1252")
    PAGES["/latin.html"] = (200, "text/html; charset=windows-1252", page)
    try:
        report = fetch_urls([f"{server}/latin.html"], tmp_path / "c", keep_html=True, fetcher=Fetcher(delay=0))
    finally:
        del PAGES["/latin.html"]
    [doc] = read_corpus(tmp_path / "c")
    assert doc.file_name == report.fetched[0] and "two boats to the café" in doc.text


def test_an_interrupted_fetch_keeps_the_index_of_the_pages_it_wrote(server, tmp_path):
    def stop_at_the_second(number, total, url):
        if number == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_urls([f"{server}/news/boats.html", f"{server}/notes.txt"], tmp_path / "c", fetcher=Fetcher(delay=0),
                   on_page=stop_at_the_second)
    rows = [json.loads(line) for line in (tmp_path / "c" / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in rows] == [f"{file_stem(server + '/news/boats.html')}.txt"]


def test_a_busy_server_is_asked_once_more_after_the_wait_it_names(server, tmp_path, caplog):
    BUSY.update({"/news/boats.html": 1, "/notes.txt": 2})
    clock = FakeClock()
    try:
        with caplog.at_level(logging.WARNING, logger="kg"):
            report = fetch_urls([f"{server}/news/boats.html", f"{server}/notes.txt"], tmp_path / "c",
                                fetcher=Fetcher(delay=1, clock=clock, sleep=clock.sleep))
    finally:
        BUSY.clear()
    assert report.fetched == [f"{file_stem(server + '/news/boats.html')}.txt"] and report.skipped == 1
    assert clock.sleeps == [1.0, 5.0, 1.0, 5.0]  # the page 1 s after robots.txt, 5 s after its 429; the next alike
    assert warnings_of(caplog) == [f"{server}/notes.txt: HTTP 429 Too Many Requests; skipped"]
