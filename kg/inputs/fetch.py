"""`kg fetch`: download a list of web pages politely into a corpus folder.

Each page is asked for with a User-Agent naming kg, only over http and https (redirects included), after
the host's robots.txt allows it (urllib.robotparser, with its Crawl-delay honoured), at most once per
`delay` seconds per host, with a timeout and a size limit. The article's text is taken from the page as
`kg build` takes it from a saved `.html` file (`kg.inputs.formats.html_article`), and written as a `.txt` file (or
the page itself as `.html`) with a row of `index.jsonl` (title, date, source, url). A page that cannot be
had is skipped with a one-line warning; a page already in the folder is not fetched again.
"""

from __future__ import annotations

import codecs
import hashlib
import http.client
import json
import logging
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__, errors
from ..build import interrupt
from .corpus import INDEX_NAME, MAX_BYTES, read_index

log = logging.getLogger("kg")

AGENT_TOKEN = "kg"
USER_AGENT = f"{AGENT_TOKEN}/{__version__} (knowledge-graph builder for conflict reporting; python-urllib)"
"""What kg says it is; robots.txt rules for `User-agent: kg` apply to it (and those for `*`)."""
DEFAULT_DELAY = 2.0
"""Seconds between two requests to the same host (a robots.txt Crawl-delay may ask for more)."""
DEFAULT_TIMEOUT = 20.0
DOWNLOAD_TIMEOUTS = 4
"""A page must arrive within this many timeouts in all (each read waits at most one)."""
MAX_ROBOTS_BYTES = 500_000
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class Skip(Exception):
    """A page that is not fetched, with the reason (one line)."""


def read_url_list(path: Path) -> list[str]:
    """The URLs of a list file, one a line (the first word of it), without blank lines, `#` comments and
    repeats; a missing or unreadable list is an error."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise errors.KGError(f"URL list not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.KGError(f"cannot read the URL list {path}: {errors.one_line(str(exc))}") from None
    urls = []
    for line in text.splitlines():
        words = line.split()
        if words and not words[0].startswith("#") and words[0] not in urls:
            urls.append(words[0])
    return urls


def file_stem(url: str) -> str:
    """A file name for a page, stable for its URL: its host and path as words, and a short hash of the URL
    ('courier-example-news-boats-1a2b3c4d')."""
    parts = urllib.parse.urlsplit(url)
    words = re.sub(r"[^a-z0-9]+", "-", f"{parts.hostname or ''} {parts.path}".lower()).strip("-")
    words = re.sub(r"-(?:html?|php|aspx?)$", "", words)[:60].rstrip("-")
    return f"{words or 'page'}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"


@dataclass
class FetchReport:
    fetched: list[str] = field(default_factory=list)  # file names written
    present: int = 0  # pages already in the folder
    skipped: int = 0


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to http and https URLs that robots.txt allows."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, fetcher: Fetcher):
        super().__init__()
        self.fetcher = fetcher

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urljoin(req.full_url, newurl)
        if urllib.parse.urlsplit(target).scheme not in SCHEMES:
            raise Skip(f"redirected to {target}, not an http or https URL")
        robots = getattr(req, "kg_robots", False)  # a robots.txt is fetched wherever it leads
        if not robots:
            self.fetcher.check_robots(target)
        self.fetcher.wait(target)
        new = super().redirect_request(req, fp, code, msg, headers, target)
        if new is not None:
            new.kg_robots = robots
        return new


class Fetcher:
    """Polite HTTP: robots.txt per host, a delay per host, timeouts and a size limit.

    `clock` and `sleep` are those of the time module unless a caller gives its own."""

    def __init__(self, *, delay: float = DEFAULT_DELAY, timeout: float = DEFAULT_TIMEOUT,
                 max_bytes: int = MAX_BYTES, user_agent: str = USER_AGENT,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.delay, self.timeout, self.max_bytes, self.user_agent = delay, timeout, max_bytes, user_agent
        self.clock, self.sleep = clock, sleep
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.last: dict[str, float] = {}
        self.opener = urllib.request.build_opener(_Redirects(self))

    @staticmethod
    def host(url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        return f"{parts.scheme}://{parts.netloc.lower()}"

    def host_delay(self, url: str) -> float:
        rules = self.robots.get(self.host(url))
        asked = rules.crawl_delay(AGENT_TOKEN) if rules is not None else None
        return max(self.delay, float(asked or 0))

    def wait(self, url: str) -> None:
        """Sleep until the host of `url` may be asked again, and note the time of this request."""
        host = self.host(url)
        if host in self.last:
            pause = self.last[host] + self.host_delay(url) - self.clock()
            if pause > 0:
                self.sleep(pause)
        self.last[host] = self.clock()

    def _open(self, url: str, accept: str, robots: bool = False):
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": accept,
                                                       "Accept-Encoding": "gzip, identity"})
        request.kg_robots = robots
        return self.opener.open(request, timeout=self.timeout)

    def check_robots(self, url: str) -> None:
        """Raise Skip when the host's robots.txt disallows `url` for kg, or cannot be read."""
        host = self.host(url)
        if host not in self.robots:
            self.robots[host] = self._read_robots(host)
        rules = self.robots[host]
        if rules is None:
            raise Skip(f"the robots.txt of {host} could not be read, so none of its pages is fetched")
        if not rules.can_fetch(AGENT_TOKEN, url):
            raise Skip(f"{host}/robots.txt disallows it")

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        """The rules of a host: those of its robots.txt; none (all allowed) when it has none (a 4xx answer
        other than 401 and 403); all disallowed for 401 and 403; None when it cannot be read (5xx, network)."""
        rules = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        self.wait(f"{host}/")
        try:
            with self._open(f"{host}/robots.txt", "text/plain", robots=True) as response:
                body = _read_body(response, MAX_ROBOTS_BYTES, self.timeout * DOWNLOAD_TIMEOUTS)
        except urllib.error.HTTPError as exc:
            if exc.code in (401, 403):
                rules.disallow_all = True
                return rules
            if 400 <= exc.code < 500:
                rules.allow_all = True
                return rules
            log.warning("%s/robots.txt: HTTP %d %s", host, exc.code, exc.reason)
            return None
        except Skip as exc:
            log.warning("%s/robots.txt: %s", host, exc)
            return None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            log.warning("%s/robots.txt: %s", host, _reason(exc))
            return None
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    def get(self, url: str) -> tuple[str, str, bytes, str | None]:
        """(final URL, media type, body, charset) of a page; raises Skip with the reason."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in SCHEMES:
            raise Skip("not an http or https URL")
        if not parts.hostname:
            raise Skip("no host in the URL")
        self.check_robots(url)
        self.wait(url)
        try:
            return self._page(url)
        except urllib.error.HTTPError as exc:
            pause = _retry_after(exc) if exc.code in (429, 503) else None
            if pause is None:
                raise Skip(f"HTTP {exc.code} {exc.reason}") from None
        log.info("%s: the server asks to wait %g s; asking once more then", url, pause)
        self.sleep(pause)
        self.wait(url)
        try:
            return self._page(url)
        except urllib.error.HTTPError as exc:
            raise Skip(f"HTTP {exc.code} {exc.reason}") from None

    def _page(self, url: str) -> tuple[str, str, bytes, str | None]:
        try:
            with self._open(url, "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8") as response:
                kind = response.headers.get_content_type()
                if kind not in PAGE_TYPES:
                    raise Skip(f"it is {kind}, not an HTML page or text")
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise Skip(f"it is {size_text(int(length))}, over the {size_text(self.max_bytes)} limit "
                               "(--max-bytes)")
                body = _read_body(response, self.max_bytes, self.timeout * DOWNLOAD_TIMEOUTS)
                return response.geturl(), kind, body, response.headers.get_content_charset()
        except urllib.error.HTTPError:
            raise
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise Skip(_reason(exc)) from None


MAX_RETRY_AFTER = 120
"""A server answering 429 or 503 with a Retry-After of at most this many seconds is asked once more then."""


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    """The seconds a 429 or 503 answer asks to wait (Retry-After in seconds or as a date), if at most
    `MAX_RETRY_AFTER`; None otherwise."""
    import email.utils

    value = (exc.headers.get("Retry-After") or "").strip() if exc.headers else ""
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None or when.tzinfo is None:
            return None
        import datetime

        seconds = max(0.0, (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds())
    return seconds if seconds <= MAX_RETRY_AFTER else None


def size_text(size: int) -> str:
    """A size in bytes as people write it: '850 bytes', '12.5 kB', '3.1 MB'."""
    if size < 1000:
        return f"{size} bytes"
    return f"{size / 1e3:.1f} kB" if size < 1_000_000 else f"{size / 1e6:.1f} MB"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "timed out"
    return errors.one_line(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)


def _read_body(response, limit: int, seconds: float) -> bytes:
    """The body of a response, unpacked if the server compressed it; Skip when it holds more than `limit`
    or takes more than `seconds` to arrive (the timeout of each read does not bound a server that sends a
    few bytes at a time)."""
    deadline = time.monotonic() + seconds
    chunks, size = [], 0
    while size <= limit:
        chunk = response.read(min(65536, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise Skip(f"it took more than {seconds:g} s to download")
    raw = b"".join(chunks)
    too_big = Skip(f"it is over the {size_text(limit)} limit (--max-bytes)")
    if len(raw) > limit:
        raise too_big
    encoding = (response.headers.get("Content-Encoding") or "identity").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        unpack = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
        try:
            raw = unpack.decompress(raw, limit + 1)
        except zlib.error as exc:
            raise Skip(f"its compressed body is broken ({exc})") from None
        if len(raw) > limit or unpack.unconsumed_tail:
            raise too_big
    elif encoding != "identity":
        raise Skip(f"it is sent with a {encoding} encoding kg cannot read")
    return raw


def _page_text(body: bytes, charset: str | None) -> str:
    from .formats import declared_charset

    for encoding in (charset, declared_charset(body), "utf-8"):
        if encoding:
            try:
                return body.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", errors="replace")


def fetch_urls(urls: Iterable[str], out: Path, *, keep_html: bool = False, fetcher: Fetcher | None = None,
               on_page: Callable[[int, int, str], None] | None = None) -> FetchReport:
    """Fetch pages into the corpus folder `out` (see the module's docstring); `on_page(i, n, url)` is called
    before each. Pages whose file is in the folder's `index.jsonl` already are not fetched again."""
    urls = list(urls)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise errors.KGError(f"not a folder: {out}")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.write_failed(out, exc) from None
    fetcher = fetcher or Fetcher()
    index = {name: row for name, row in read_index(out).items()}
    rows: dict[str, dict] = {}
    for name, row in index.items():
        data = {"file": name, "title": row.title, "date": row.date, "source": row.source, "url": row.url}
        data.update(dict(row.extra))
        rows[name] = {k: v for k, v in data.items() if v is not None}
    report = FetchReport()
    try:
        _fetch_all(urls, out, rows, report, fetcher, keep_html, on_page)
    finally:  # on an error or Ctrl-C too: the index names every page written
        with interrupt.deferred():
            _write_index(out, rows)
    return report


INDEX_EVERY = 50
"""The index is rewritten after this many new pages (and at the end, however the fetch ends)."""


def _fetch_all(urls: list[str], out: Path, rows: dict[str, dict], report: FetchReport, fetcher: Fetcher,
               keep_html: bool, on_page: Callable[[int, int, str], None] | None) -> None:
    from .formats import html_article

    for number, url in enumerate(urls, 1):
        interrupt.check()
        if on_page is not None:
            on_page(number, len(urls), url)
        stem = file_stem(url)
        present = [n for n in (f"{stem}.txt", f"{stem}.html") if n in rows and (out / n).exists()]
        if present:
            log.info("%s is in %s already (%s); not fetched again", url, out, present[0])
            report.present += 1
            continue
        try:
            final, kind, body, charset = fetcher.get(url)
            page = _page_text(body, charset)
            if kind == "text/plain":
                text, title, date, source, canonical = page.strip(), None, None, None, None
            else:
                found = html_article(page, url=final)
                text, title, date, source, canonical = found.text, found.title, found.date, found.source, found.url
            if not text.strip():
                raise Skip("no article text found in it")
        except Skip as exc:
            log.warning("%s: %s; skipped", url, exc)
            report.skipped += 1
            continue
        name = f"{stem}.html" if keep_html and kind != "text/plain" else f"{stem}.txt"
        if name.endswith(".html"):  # in UTF-8 with its mark, which comes before any charset the page declares
            content = codecs.BOM_UTF8 + page.encode("utf-8")
        else:
            content = (text.rstrip("\n") + "\n").encode("utf-8")
        _write_atomically(out / name, content)
        host = urllib.parse.urlsplit(final).hostname or ""
        row = {"file": name, "title": title, "date": date, "source": source or host, "url": canonical or final}
        rows[name] = {k: v for k, v in row.items() if v}
        report.fetched.append(name)
        log.info("[%d/%d] %s -> %s (%d words)", number, len(urls), url, name, len(text.split()))
        if len(report.fetched) % INDEX_EVERY == 0:
            _write_index(out, rows)


def _write_atomically(path: Path, content: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise errors.write_failed(path, exc) from None


def _write_index(out: Path, rows: dict[str, dict]) -> None:
    lines = [json.dumps(rows[name], ensure_ascii=False) for name in sorted(rows)]
    _write_atomically(out / INDEX_NAME, ("\n".join(lines) + "\n" if lines else "").encode("utf-8"))
