"""Read a corpus folder: `*.txt` articles plus an optional `index.jsonl`.

Bad input is skipped with a warning (empty, binary, non-UTF-8, oversized,
non-English or duplicate articles; broken index lines); a missing or empty
corpus is an error.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from . import errors
from .model import Document

log = logging.getLogger("kg")

INDEX_NAME = "index.jsonl"
MAX_BYTES = 5_000_000
KNOWN_KEYS = {"file", "title", "date", "source", "url"}

_DATELINE = re.compile(r"^\s*(?:date|dated|published)[:\s]+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TAG = re.compile(r"<\s*(?:html|body|div|p|br|script|style|span|a|img|table|h[1-6])\b", re.IGNORECASE)
_STOPWORDS = frozenset(
    "the of and to in a is that for on with as by was at from has have it are be said an this which "
    "will not or its were their his after but who they been had more than also".split()
)


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
    if not path.exists():
        return {}
    rows: dict[str, IndexRow] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        log.warning("cannot read %s: %s; reading the articles without it", path, exc.strerror)
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


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML page, dropping scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("p", "br", "div", "h1", "h2", "h3", "h4", "li", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """The visible text of an article that was saved as HTML."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    return re.sub(r"\n\s*\n+", "\n\n", out).strip()


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
        size = path.stat().st_size
        if size > max_bytes:
            log.warning("%s is %.1f MB, over the %.1f MB limit (--max-bytes); skipped", name, size / 1e6, max_bytes / 1e6)
            return None
        raw = path.read_bytes()
    except OSError as exc:
        log.warning("cannot read %s: %s; skipped", name, exc.strerror or exc)
        return None
    if b"\x00" in raw[:65536]:
        log.warning("%s is a binary file, not text; skipped", name)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log.warning("%s is not UTF-8 text (bad byte at %d); skipped", name, exc.start)
        return None
    if _TAG.search(text[:5000]):
        text = strip_html(text)
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
