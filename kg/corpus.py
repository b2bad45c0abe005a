"""Read a corpus folder: `*.txt` articles plus an optional `index.jsonl`.

Bad input is skipped with a warning (empty, binary, undecodable, oversized,
not a regular file (a FIFO, device or folder is never read),
non-English or duplicate articles; broken index lines, impossible dates); a
missing or empty corpus is an error. Articles are read as UTF-8 (with or
without a byte order mark), UTF-16 or UTF-32; an article saved as HTML is
reduced to the text of its <article> (or <main>, or the page less its
navigation, header and footer) with a warning.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
import html
import json
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from . import errors
from .model import Document

log = logging.getLogger("kg")

INDEX_NAME = "index.jsonl"
MAX_BYTES = 5_000_000
MAX_INDEX_BYTES = 200_000_000
KNOWN_KEYS = {"file", "title", "date", "source", "url"}

_DATELINE = re.compile(r"^\s*(?:date|dated|published)[:\s]+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STOPWORDS = frozenset(
    "the of and to in a is that for on with as by was at from has have it are be said an this which "
    "will not or its were their his after but who they been had more than also".split()
)


class NotRegularFile(OSError):
    """A path that is a FIFO, socket, device or folder: reading it could block or never end."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


class TooLarge(OSError):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; never blocks on a FIFO or a device.

    The file is opened without blocking (O_NONBLOCK: opening a FIFO with no writer returns at once) and its
    type is checked on the open descriptor, so a file swapped for a pipe after a check cannot block the read.
    Raises NotRegularFile, TooLarge or another OSError.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((k for test, k in _KINDS if test(info.st_mode)), "a special file")
            raise NotRegularFile(kind)
        if info.st_size > max_bytes:
            raise TooLarge(info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise TooLarge(len(raw))
        return raw
    finally:
        os.close(fd)


@dataclass(frozen=True)
class IndexRow:
    file: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


def read_index(folder: Path) -> dict[str, IndexRow]:
    """Rows of `index.jsonl` by file name; broken lines are skipped with a warning."""
    path = folder / INDEX_NAME
    if not os.path.lexists(path):
        return {}
    rows: dict[str, IndexRow] = {}
    try:
        lines = read_regular_file(path, MAX_INDEX_BYTES).decode("utf-8-sig", errors="replace").splitlines()
    except NotRegularFile as exc:
        log.warning("%s is %s, not a regular file; reading the articles without it", path, exc.kind)
        return {}
    except TooLarge as exc:
        log.warning("%s is %.1f MB, over the %.0f MB limit; reading the articles without it", path, exc.size / 1e6,
                    MAX_INDEX_BYTES / 1e6)
        return {}
    except OSError as exc:
        log.warning("cannot read %s: %s; reading the articles without it", path, exc.strerror or exc)
        return {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            log.warning("%s line %d is not JSON (%s); skipped", INDEX_NAME, number, exc.msg)
            continue
        if not isinstance(data, dict) or not isinstance(data.get("file"), str):
            log.warning("%s line %d has no \"file\" name; skipped", INDEX_NAME, number)
            continue
        date = data.get("date")
        if date is not None and not (isinstance(date, str) and _ISO_DATE.match(date)):
            log.warning("%s line %d: date %r is not YYYY-MM-DD; ignored", INDEX_NAME, number, date)
            date = None
        elif date is not None and not valid_date(date):
            log.warning("%s line %d: date %r is not a calendar date; ignored", INDEX_NAME, number, date)
            date = None
        extra = tuple(
            sorted((str(k), json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                   for k, v in data.items() if k not in KNOWN_KEYS)
        )
        rows[data["file"]] = IndexRow(
            file=data["file"],
            title=_text_or_none(data.get("title")),
            date=date,
            source=_text_or_none(data.get("source")),
            url=_text_or_none(data.get("url")),
            extra=extra,
        )
    return rows


def valid_date(text: str) -> bool:
    """True for a YYYY-MM-DD string that names a real day (not 2025-13-45 or 2025-02-30)."""
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _text_or_none(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:html|head|body|title|meta|link|div|p|br|span|a|img|table|tr|td|ul|ol|li|h[1-6]|"
                       r"script|style|article|main|section|nav|header|footer|aside|form|noscript|iframe|figure|"
                       r"blockquote|em|strong|b|i)\b[^<>]*>", re.I)
MIN_HTML_TAGS = 3
"""Tags of HTML elements in the first 20,000 characters that make a text HTML (besides a doctype or <html>)."""
_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "button", "select",
                      "form", "head", "nav", "aside", "dialog", "menu"})
_BOILERPLATE = frozenset({"header", "footer"})  # dropped outside <article> and <main>, where they hold headlines
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr", "param", "keygen"})
_BLOCK = frozenset({"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section", "main",
                    "blockquote", "header", "footer", "figcaption", "pre", "table", "ul", "ol", "dd", "dt", "hr"})


def looks_like_html(text: str) -> bool:
    """A doctype or <html> at the start, or several HTML tags near it."""
    head = text[:20000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= MIN_HTML_TAGS


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML page by where it stands: in an <article>, in <main>, or elsewhere;
    scripts, styles, navigation, forms and the like are dropped, and page headers and footers outside
    the article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, str]] = []  # (where, text): "article", "main" or "page"
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK:
            self._add("\n")
        if tag not in _VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._add("\n")

    def handle_endtag(self, tag):
        if tag in self._open:  # close it and whatever was left open inside it
            while self._open and self._open.pop() != tag:
                pass
        if tag in _BLOCK:
            self._add("\n")

    def handle_data(self, data):
        self._add(data)

    def _add(self, text: str) -> None:
        if any(tag in _DROPPED for tag in self._open):
            return
        where = "article" if "article" in self._open else "main" if "main" in self._open else "page"
        if where == "page" and any(tag in _BOILERPLATE for tag in self._open):
            return
        self.parts.append((where, text))


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t\r\f\v]+", " ", html.unescape(text))
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def strip_html(text: str) -> tuple[str, str]:
    """The text of an article saved as HTML, and where it came from: the page's <article> elements if
    they hold text, else its <main>, else the whole page less its navigation, header and footer."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    for where, label in (("article", "<article>"), ("main", "<main>")):
        found = _tidy("".join(t for w, t in parser.parts if w == where))
        if found:
            return found, label
    return _tidy("".join(t for _, t in parser.parts)), "page"


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00
          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def text_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 when the bytes say so (a byte order mark, or UTF-16 without one: a zero byte in every
    other place of mostly-ASCII text); None for UTF-8 (with or without its mark), which is what is tried."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    head = raw[:4096]
    if len(head) >= 16:
        pairs = len(head) // 2
        even = sum(1 for i in range(0, 2 * pairs, 2) if head[i] == 0)
        odd = sum(1 for i in range(1, 2 * pairs, 2) if head[i] == 0)
        if odd >= 0.9 * pairs and even <= 0.01 * pairs and _mostly_ascii_text(head[0::2]):
            return "utf-16-le"
        if even >= 0.9 * pairs and odd <= 0.01 * pairs and _mostly_ascii_text(head[1::2]):
            return "utf-16-be"
    return None


def _mostly_ascii_text(data: bytes) -> bool:
    printable = sum(1 for b in data if 32 <= b < 127 or b in (9, 10, 13))
    return printable >= 0.9 * len(data)


def looks_english(text: str) -> bool:
    """A cheap check: enough common English function words among the first words."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 8:
        return bool(words) and all(w.isascii() for w in words)
    hits = sum(1 for w in words if w in _STOPWORDS)
    return hits / len(words) >= 0.08


def load_document(path: Path, row: IndexRow | None = None, max_bytes: int = MAX_BYTES) -> Document | None:
    """Read one article; None (with a warning) if it cannot be used."""
    name = path.name
    try:
        raw = read_regular_file(path, max_bytes)
    except NotRegularFile as exc:
        log.warning("%s is %s, not a regular file; skipped", name, exc.kind)
        return None
    except TooLarge as exc:
        log.warning("%s is %.1f MB, over the %.1f MB limit (--max-bytes); skipped", name, exc.size / 1e6, max_bytes / 1e6)
        return None
    except OSError as exc:
        log.warning("cannot read %s: %s; skipped", name, exc.strerror or exc)
        return None
    encoding = text_encoding(raw)
    if encoding is None and b"\x00" in raw[:65536]:
        log.warning("%s is a binary file, not text; skipped", name)
        return None
    try:
        text = raw.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        label = (encoding or "utf-8")[:6].upper()  # UTF-8, UTF-16 or UTF-32
        log.warning("%s is not %s text (bad byte at %d); skipped", name, label, exc.start)
        return None
    if "\x00" in text:
        log.warning("%s is a binary file, not text; skipped", name)
        return None
    if looks_like_html(text):
        text, where = strip_html(text)
        log.warning("%s is HTML, not plain text: %s; scripts, styles, navigation and forms dropped", name,
                    f"the text of its {where} kept" if where != "page" else "its text kept, without the page's "
                                                                             "header and footer")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.warning("%s is empty; skipped", name)
        return None
    if not looks_english(text):
        log.warning("%s does not look like English text; skipped", name)
        return None
    date = row.date if row else None
    match = _DATELINE.match(text)
    if match and not date:
        if valid_date(match.group(1)):
            date = match.group(1)
        else:
            log.warning("%s: dateline date %s is not a calendar date; ignored", name, match.group(1))
    return Document(
        doc_id=path.stem,
        file_name=name,
        text=text,
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        date=date,
        title=row.title if row else None,
        source=row.source if row else None,
        url=row.url if row else None,
        metadata=row.extra if row else (),
    )


def list_articles(folder: Path) -> list[Path]:
    """The corpus's `.txt` files in a stable order; errors for a missing folder."""
    if not folder.exists():
        raise errors.corpus_missing(folder)
    if not folder.is_dir():
        raise errors.corpus_not_a_folder(folder)
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".txt" and not p.name.startswith("."))
    except OSError as exc:
        raise errors.CorpusError(f"cannot list {folder}: {exc.strerror}") from None


def read_corpus(folder: Path, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Yield the usable documents of a corpus folder, in file-name order.

    Duplicate articles (same text as an earlier file) are skipped with a warning.
    """
    folder = Path(folder)
    paths = list_articles(folder)
    index = read_index(folder)
    for name in sorted(set(index) - {p.name for p in paths}):
        log.warning("%s lists %s, which is not in the corpus; ignored", INDEX_NAME, name)
    seen: dict[str, str] = {}
    produced = 0
    for path in paths:
        doc = load_document(path, index.get(path.name), max_bytes=max_bytes)
        if doc is None:
            continue
        if doc.checksum in seen:
            log.warning("%s has the same text as %s; skipped as a duplicate", path.name, seen[doc.checksum])
            continue
        seen[doc.checksum] = path.name
        produced += 1
        yield doc
    if produced == 0:
        raise errors.corpus_empty(folder)
