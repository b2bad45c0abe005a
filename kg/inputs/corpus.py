"""Read a corpus folder: articles plus an optional `index.jsonl`.

An article is a `.txt` file, a Markdown file (`.md`, `.markdown`) or an HTML page (`.html`, `.htm`),
reduced to its text by `kg.inputs.formats`; a table of articles is a JSON Lines (`.jsonl`, other than
`index.jsonl`), CSV or TSV file with one article per row (`text`, and optional `title`, `date`,
`source`, `url` and `id` fields, whose names `fields` can map). Every document gets a stable id unique
in the corpus (`file_ids`, `row_document`). `read_texts` makes documents of texts held in memory.

Bad input is skipped with a warning (empty, binary, undecodable, oversized,
not a regular file (a FIFO, device or folder is never read),
non-English or duplicate articles; broken index lines and rows, impossible dates); a
missing or empty corpus is an error. Articles are read as UTF-8 (with or
without a byte order mark), UTF-16 or UTF-32 (an HTML page also in the encoding its
<meta> declares); a `.txt` article saved as HTML is
reduced to the text of its <article> (or <main>, or the page less its
navigation, header and footer) with a warning.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime
import hashlib
import html
import io
import itertools
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .. import errors
from ..model import Document

log = logging.getLogger("kg")

INDEX_NAME = "index.jsonl"
MAX_BYTES = 5_000_000
MAX_INDEX_BYTES = 200_000_000
KNOWN_KEYS = {"file", "title", "date", "source", "url"}

TEXT_SUFFIXES = frozenset({".txt"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
TABLE_DELIMITERS = {".jsonl": None, ".csv": ",", ".tsv": "\t"}
"""Tables of articles, one per row, and the delimiter of their cells (a .csv may use ';' or a tab instead,
as its header shows)."""
FIELDS = ("text", "title", "date", "source", "url", "id")
"""The fields a row of a table of articles is read from; `fields` maps them to other names."""
MAX_EXTRA_CHARS = 1000
"""Other fields of a row are kept as the document's metadata up to this length (a copy of the page's HTML
or a long summary is not)."""
MAX_ROW_WARNINGS = 20
"""Warnings about the rows of one table, before the rest are counted in one line."""
_NOTES = re.compile(r"^(?:readme|licen[cs]e|changelog|contributing)(?:\.|$)", re.I)
"""Markdown files that describe a corpus folder rather than being one of its articles."""

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


def _decode(name: str, raw: bytes, declared: str | None = None) -> str | None:
    """The text of an article's bytes (UTF-8, UTF-16 or UTF-32, or the encoding an HTML page declares);
    None (with a warning) for binary or undecodable bytes."""
    encoding = text_encoding(raw)
    if encoding is None and b"\x00" in raw[:65536]:
        log.warning("%s is a binary file, not text; skipped", name)
        return None
    if encoding is None and declared not in (None, "utf-8") and not raw.startswith(codecs.BOM_UTF8):
        encoding = declared  # a byte order mark comes before what the page declares
    try:
        text = raw.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        label = (encoding or "utf-8")[:6].upper() if (encoding or "utf")[:3] == "utf" else encoding
        log.warning("%s is not %s text (bad byte at %d); skipped", name, label, exc.start)
        return None
    if "\x00" in text:
        log.warning("%s is a binary file, not text; skipped", name)
        return None
    return text


def load_document(path: Path, row: IndexRow | None = None, max_bytes: int = MAX_BYTES,
                  doc_id: str | None = None) -> Document | None:
    """Read one article file (`.txt`, Markdown or HTML); None (with a warning) if it cannot be used.

    Its id is `doc_id`, or the file name without its extension. The title, date, source and URL of its
    `index.jsonl` row come first; a Markdown front matter or heading, or an HTML page's metadata, give
    those the row leaves out."""
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
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from .formats import declared_charset

        text = _decode(name, raw, declared_charset(raw))
    else:
        text = _decode(name, raw)
    if text is None:
        return None
    found = None
    if suffix in HTML_SUFFIXES:
        from .formats import html_article

        found = html_article(text, url=row.url if row else None)
        text = found.text
        if found.extractor != "trafilatura" and text.strip():
            log.info("%s: no main text found in the page; its text kept without navigation, header and footer",
                     name)
    elif suffix in MARKDOWN_SUFFIXES:
        from .formats import markdown_article

        found = markdown_article(text)
        text = found.text
    elif looks_like_html(text):
        text, where = strip_html(text)
        log.warning("%s is HTML, not plain text: %s; scripts, styles, navigation and forms dropped", name,
                    f"the text of its {where} kept" if where != "page" else "its text kept, without the page's "
                                                                             "header and footer")

    def pick(key: str) -> str | None:
        return (getattr(row, key) if row else None) or (getattr(found, key) if found else None)

    return make_document(name, doc_id or path.stem, text, file_name=name, title=pick("title"), date=pick("date"),
                         source=pick("source"), url=pick("url"), metadata=row.extra if row else ())


def make_document(name: str, doc_id: str, text: str, *, file_name: str, title: str | None = None,
                  date: str | None = None, source: str | None = None, url: str | None = None,
                  metadata: tuple[tuple[str, str], ...] = ()) -> Document | None:
    """A document of an article's text, or None (with a warning naming it `name`) when the text is empty
    or not English. Without a date, a leading dateline ('Date: 2025-03-04') gives it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.warning("%s is empty; skipped", name)
        return None
    if not looks_english(text):
        log.warning("%s does not look like English text; skipped", name)
        return None
    match = _DATELINE.match(text)
    if match and not date:
        if valid_date(match.group(1)):
            date = match.group(1)
        else:
            log.warning("%s: dateline date %s is not a calendar date; ignored", name, match.group(1))
    return Document(
        doc_id=doc_id,
        file_name=file_name,
        text=text,
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        date=date,
        title=title,
        source=source,
        url=url,
        metadata=metadata,
    )


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_DELIMITERS and path.name != INDEX_NAME


def list_articles(folder: Path) -> list[Path]:
    """The corpus's article files and tables of articles in a stable order; errors for a missing folder.

    Hidden files, `index.jsonl` and Markdown notes about the folder (README.md and the like) are left out."""
    if not folder.exists():
        raise errors.corpus_missing(folder)
    if not folder.is_dir():
        raise errors.corpus_not_a_folder(folder)
    try:
        names = sorted(p for p in folder.iterdir() if not p.name.startswith(".")
                       and (p.suffix.lower() in ARTICLE_SUFFIXES or is_table(p)))
    except OSError as exc:
        raise errors.CorpusError(f"cannot list {folder}: {exc.strerror}") from None
    out = []
    for path in names:
        if path.suffix.lower() in MARKDOWN_SUFFIXES and _NOTES.match(path.name):
            log.info("%s is taken for notes about the corpus, not an article; not read", path.name)
            continue
        out.append(path)
    return out


def claim_id(preferred: str, taken: set[str], *alternatives: str) -> str:
    """The first of `preferred` and `alternatives` not yet taken, else `preferred-2`, `preferred-3`, …;
    it is added to `taken`."""
    for candidate in (preferred, *alternatives):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    n = 2
    while f"{preferred}-{n}" in taken:
        n += 1
    taken.add(f"{preferred}-{n}")
    return f"{preferred}-{n}"


def file_ids(paths: Iterable[Path]) -> dict[Path, str]:
    """The document id of each article file: its name without extension, as a `.txt` article's always is;
    a Markdown or HTML file whose stem another file has keeps its whole name ('a.html' beside 'a.txt')."""
    taken: set[str] = set()
    out = {}
    for path in sorted(paths, key=lambda p: (p.suffix.lower() not in TEXT_SUFFIXES, p.name)):
        out[path] = claim_id(path.stem, taken, path.name)
    return out


def parse_fields(pairs: Iterable[str]) -> dict[str, str]:
    """`FIELD=NAME` strings (`text=body`) -> {field: the name of its column or key}; errors name the bad one."""
    out = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        field, name = field.strip().lower(), name.strip()
        if not sep or not name:
            raise errors.CorpusError(f"--field takes FIELD=NAME (such as text=body), not {pair!r}")
        if field not in FIELDS:
            raise errors.CorpusError(f"--field {pair!r}: the fields are {', '.join(FIELDS)}")
        out[field] = name
    return out


def _columns(keys: Iterable[str], fields: Mapping[str, str]) -> dict[str, str]:
    """Field -> the key of a row holding it: the name `fields` gives (or the field's own), matched exactly,
    else regardless of case and surrounding spaces."""
    keys = [k for k in keys if isinstance(k, str)]
    folded: dict[str, str] = {}
    for key in keys:
        folded.setdefault(key.strip().lower(), key)
    out = {}
    for field in FIELDS:
        wanted = fields.get(field, field)
        if wanted in keys:
            out[field] = wanted
        elif wanted.strip().lower() in folded:
            out[field] = folded[wanted.strip().lower()]
    return out


def _scalar(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


class _RowWarnings:
    """Warnings about the rows of one table, the first `MAX_ROW_WARNINGS` in full, the rest counted."""

    def __init__(self, name: str):
        self.name, self.count = name, 0

    def __call__(self, message: str, *args) -> None:
        self.count += 1
        if self.count <= MAX_ROW_WARNINGS:
            log.warning(f"{self.name} {message}", *args)

    def close(self) -> None:
        if self.count > MAX_ROW_WARNINGS:
            log.warning("%s: %d more rows skipped or changed (the first %d are named above)", self.name,
                        self.count - MAX_ROW_WARNINGS, MAX_ROW_WARNINGS)


def row_document(data: Mapping, columns: Mapping[str, str], *, label: str, default_id: str, taken: set[str],
                 file_name: str | None = None, max_bytes: int = MAX_BYTES, warn=None,
                 metadata: tuple[tuple[str, str], ...] = (), text_field: str = "text") -> Document | None:
    """The document of one row of a table (or one text given in memory), or None with a warning.

    `columns` says which key holds each field (`_columns`); its id is the row's `id` or `default_id`, made
    unique among `taken` (with a warning when the row's own id was taken). Other keys become metadata."""
    warn = warn or (lambda message, *args: log.warning(f"{label} {message}", *args))
    text = data.get(columns["text"]) if "text" in columns else None
    if not isinstance(text, str) or not text.strip():
        warn("has no text (field %r); skipped", columns.get("text", text_field))
        return None
    size = len(text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        warn("is %.1f MB, over the %.1f MB limit (--max-bytes); skipped", size / 1e6, max_bytes / 1e6)
        return None
    if "\x00" in text:
        warn("holds binary data, not text; skipped")
        return None
    values = {field: _scalar(data.get(key)) for field, key in columns.items() if field != "text"}
    if looks_like_html(text):
        from .formats import html_article

        page = html_article(text, url=values.get("url"))
        text = page.text
        for field in ("title", "date", "source"):
            values[field] = values.get(field) or getattr(page, field)
    date = values.get("date")
    if date is not None:
        from .formats import normalize_date

        normal = normalize_date(date)
        if normal is None:
            warn("date %r is not a date (YYYY-MM-DD, an ISO date and time or an RFC 2822 date); ignored", date)
        date = normal
    doc_id = values.get("id") or default_id
    given = values.get("id") is not None
    used = set(columns.values())
    extra = []
    for key, value in data.items():
        if key in used or not isinstance(key, str) or value is None or value == "":
            continue
        value = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
        if len(value) <= MAX_EXTRA_CHARS:
            extra.append((key, value))
    doc = make_document(label, doc_id, text, file_name=file_name or doc_id, title=values.get("title"), date=date,
                        source=values.get("source"), url=values.get("url"),
                        metadata=tuple(sorted(set(extra) | set(metadata))))
    if doc is None:
        return None
    unique = claim_id(doc_id, taken)
    if unique != doc_id:
        if given:
            warn("has the id %r of an earlier article; its id is %r", doc_id, unique)
        doc = dataclasses.replace(doc, doc_id=unique)
    return doc


def open_regular_file(path: Path):
    """A binary file object of a regular file, opened without blocking as `read_regular_file` does."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((k for test, k in _KINDS if test(info.st_mode)), "a special file")
            raise NotRegularFile(kind)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _table_rows(path: Path, stream, warn) -> Iterator[tuple[int, dict, bool]]:
    """(row number, row, whether its keys are the table's header) of a table: the line number of a JSON
    Lines row, the record number (header not counted) of a CSV row."""
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                warn("line %d is not JSON (%s); skipped", number, exc.msg)
                continue
            if not isinstance(data, dict):
                warn("line %d is not a JSON object; skipped", number)
                continue
            yield number, data, False
        return
    first = stream.readline()
    delimiter = TABLE_DELIMITERS[path.suffix.lower()]
    if delimiter == ",":  # the header says which: a comma, a semicolon or a tab
        delimiter = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(itertools.chain([first], stream), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        return
    header = [h.strip() for h in header]
    number = 0
    for cells in reader:
        if not cells or not any(c.strip() for c in cells):
            continue
        number += 1
        if len(cells) != len(header):
            warn("row %d has %d cells, the header %d; skipped", number, len(cells), len(header))
            continue
        yield number, dict(zip(header, cells)), True


def read_table(path: Path, fields: Mapping[str, str], taken: set[str],
               max_bytes: int = MAX_BYTES) -> Iterator[tuple[str, Document]]:
    """(label, document) of each usable row of a table of articles; bad rows are skipped with a warning.

    A row's id is its `id` field, else the table's name without extension and the row's number
    ('news-12': line 12 of news.jsonl, or the 12th row under the header of news.csv)."""
    name = path.name
    try:
        handle = open_regular_file(path)
    except NotRegularFile as exc:
        log.warning("%s is %s, not a regular file; skipped", name, exc.kind)
        return
    except OSError as exc:
        log.warning("cannot read %s: %s; skipped", name, exc.strerror or exc)
        return
    warn = _RowWarnings(name)
    with handle:
        head = handle.read(4096)
        handle.seek(0)
        encoding = text_encoding(head) or "utf-8-sig"
        stream = io.TextIOWrapper(handle, encoding=encoding, newline="" if path.suffix.lower() != ".jsonl" else None)
        if csv.field_size_limit() < max_bytes + 1:
            csv.field_size_limit(max_bytes + 1)
        rows = _table_rows(path, stream, warn)
        seen_text = False
        number = 0
        try:
            for number, data, is_header in rows:
                columns = _columns(data.keys(), fields)
                if "text" not in columns and not seen_text:
                    wanted = fields.get("text", "text")
                    log.warning("%s has no %r %s%s; skipped", name, wanted,
                                "column" if is_header else "field in its first row",
                                "" if "text" in fields else " (name another with --field text=NAME)")
                    return
                seen_text = True
                doc = row_document(data, columns, label=f"{name} row {number}", default_id=f"{path.stem}-{number}",
                                   taken=taken, file_name=name, max_bytes=max_bytes, warn=_prefixed(warn, number),
                                   metadata=(("row", str(number)),), text_field=fields.get("text", "text"))
                if doc is not None:
                    yield f"{name} row {number}", doc
        except UnicodeDecodeError:
            log.warning("%s is not %s text after row %d; the rest of it skipped", name,
                        encoding[:6].upper().replace("-SIG", ""), number)
        except csv.Error as exc:
            log.warning("%s is not well-formed CSV after row %d (%s); the rest of it skipped", name, number, exc)
        finally:
            warn.close()


def _prefixed(warn, number: int):
    return lambda message, *args: warn(f"row %d {message}", number, *args)


def read_corpus(folder: Path, max_bytes: int = MAX_BYTES, fields: Mapping[str, str] | None = None
                ) -> Iterator[Document]:
    """Yield the usable documents of a corpus folder, in file-name order (the rows of a table in order).

    Duplicate articles (same text as an earlier file or row) are skipped with a warning. `fields` maps
    the fields of the tables' rows to other column names ({"text": "body"})."""
    folder = Path(folder)
    fields = dict(fields or {})
    paths = list_articles(folder)
    index = read_index(folder)
    articles = [p for p in paths if not is_table(p)]
    for name in sorted(set(index) - {p.name for p in articles}):
        log.warning("%s lists %s, which is not in the corpus; ignored", INDEX_NAME, name)
    ids = file_ids(articles)
    taken = set(ids.values())
    seen: dict[str, str] = {}
    produced = 0
    for path in paths:
        if is_table(path):
            found = read_table(path, fields, taken, max_bytes)
        else:
            doc = load_document(path, index.get(path.name), max_bytes=max_bytes, doc_id=ids[path])
            found = [(path.name, doc)] if doc is not None else []
        for label, doc in found:
            if doc.checksum in seen:
                log.warning("%s has the same text as %s; skipped as a duplicate", label, seen[doc.checksum])
                continue
            seen[doc.checksum] = label
            produced += 1
            yield doc
    if produced == 0:
        raise errors.corpus_empty(folder)


def read_texts(items: Iterable, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Documents of texts held in memory: each item a string, a (title, text) pair, a mapping with the
    fields of a table's row (`text`, and optional `title`, `date`, `source`, `url`, `id`) or a Document.

    Ids are the items' own, else `text-1`, `text-2`, … by position; unusable and duplicate texts are
    skipped with a warning, as in a corpus folder."""
    taken: set[str] = set()
    seen: dict[str, str] = {}
    produced = 0
    for number, item in enumerate(items, 1):
        label = f"text {number}"
        if isinstance(item, Document):
            doc = item if claim_id(item.doc_id, taken) == item.doc_id else None
            if doc is None:
                log.warning("%s has the id %r of an earlier text; skipped", label, item.doc_id)
                continue
        else:
            if isinstance(item, str):
                data = {"text": item}
            elif isinstance(item, tuple) and len(item) == 2 and all(isinstance(v, str) for v in item):
                data = {"title": item[0], "text": item[1]}
            elif isinstance(item, Mapping):
                data = dict(item)
            else:
                log.warning("%s is a %s, not a string, a (title, text) pair or a mapping; skipped", label,
                            type(item).__name__)
                continue
            doc = row_document(data, _columns(data.keys(), {}), label=label, default_id=f"text-{number}",
                               taken=taken, max_bytes=max_bytes)
            if doc is None:
                continue
        if doc.checksum in seen:
            log.warning("%s has the same text as %s; skipped as a duplicate", label, seen[doc.checksum])
            continue
        seen[doc.checksum] = label
        produced += 1
        yield doc
    if produced == 0:
        raise errors.CorpusError("none of the texts given is a usable English article")
