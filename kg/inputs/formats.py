"""Articles kept in other formats than plain text, reduced to the text the pipeline reads.

- HTML pages (`.html`, `.htm`, and pages `kg fetch` downloads): the article's main text is found by
  trafilatura (without comments, tables or images), with its title, date, site name and canonical URL
  from the page's metadata; a page where trafilatura finds no text falls back on `corpus.strip_html`.
- Markdown (`.md`, `.markdown`): parsed with markdown-it-py; headings, paragraphs, list items and quotes
  become lines of text, with links, emphasis and inline code reduced to their words; code blocks, tables,
  images and raw HTML are dropped. A YAML-style front matter block gives the title, date, source and URL.
- Dates written in several ways (ISO dates and times, RFC 2822 dates of feeds) become YYYY-MM-DD.
"""

from __future__ import annotations

import datetime
import email.utils
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

log = logging.getLogger("kg")

_ISO_PREFIX = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ]\d{2}:\d{2}|\s*$)")
_LATEST_DATE = "2099-12-31"
"""The latest page date trafilatura accepts: a fixed bound, so that a build does not depend on the day it runs."""


def normalize_date(value) -> str | None:
    """A date as YYYY-MM-DD from an ISO date or date-time ('2025-03-04', '2025-03-04T10:00:00Z') or an
    RFC 2822 date ('Tue, 04 Mar 2025 10:00:00 GMT'); None when it is none of these or no calendar day.
    (Dates like 03/04/2025 are refused: day and month cannot be told apart.)"""
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return datetime.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed is not None else None


# --- HTML -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    source: str | None = None  # the site's name
    url: str | None = None  # the page's canonical URL
    extractor: str = "trafilatura"  # or "fallback" when trafilatura found no text


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The encoding a page declares in a <meta> tag near its start, if Python knows it."""
    import codecs

    match = _CHARSET.search(raw[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _clean(value) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def html_article(page: str, url: str | None = None) -> HtmlArticle:
    """The main text of an HTML page and its metadata (see the module's docstring)."""
    import trafilatura

    found = None
    for precision in (True, False):  # precision first: boilerplate read as the article would cost statements
        try:
            found = trafilatura.bare_extraction(
                page, url=url, with_metadata=True, include_comments=False, include_tables=False,
                include_images=False, include_links=False, deduplicate=False, favor_precision=precision,
                date_extraction_params={"original_date": True, "extensive_search": False, "max_date": _LATEST_DATE})
        except Exception as exc:  # a page lxml cannot parse at all: the fallback reads what it can
            log.debug("trafilatura failed on a page: %s", exc)
        if getattr(found, "text", None):
            break
    text = _tidy_lines(getattr(found, "text", None) or "")
    title = _clean(getattr(found, "title", None))
    date = normalize_date(getattr(found, "date", None))
    source = _clean(getattr(found, "sitename", None))
    canonical = _clean(getattr(found, "url", None))
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = None
    if text:
        return HtmlArticle(text, title, date, source, canonical or url)
    from .corpus import strip_html

    text, _where = strip_html(page)
    return HtmlArticle(text, title, date, source, canonical or url, extractor="fallback")


def _tidy_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# --- Markdown -------------------------------------------------------------------------------------------


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEYS = {"title": "title", "date": "date", "published": "date", "source": "source", "url": "url",
               "link": "url"}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The simple `key: value` lines of a front matter block opening a Markdown file (title, date, source,
    url), and the text after it. Other keys, lists and nested values are ignored."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _FRONT_KEYS or line[:1].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value and _FRONT_KEYS[key] not in meta:
            meta[_FRONT_KEYS[key]] = value
    return meta, text[match.end():]


@lru_cache(maxsize=1)
def _markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_SKIPPED_BLOCKS = {"table_open": "table_close"}


@dataclass(frozen=True)
class MarkdownArticle:
    text: str
    title: str | None = None  # the first level-1 heading when it opens the text
    date: str | None = None
    source: str | None = None
    url: str | None = None


def markdown_article(text: str) -> MarkdownArticle:
    """The text of a Markdown article (see the module's docstring): one line per heading, paragraph,
    list item or quoted paragraph."""
    meta, body = front_matter(text)
    tokens = _markdown_parser().parse(body)
    lines: list[str] = []
    title = None
    skip_until = None
    heading = None
    for token in tokens:
        if skip_until is not None:
            if token.type == skip_until:
                skip_until = None
            continue
        if token.type in _SKIPPED_BLOCKS:
            skip_until = _SKIPPED_BLOCKS[token.type]
            continue
        if token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline":
            line = _inline_text(token.children or [])
            if line:
                if heading == "h1" and not lines and title is None:
                    title = " ".join(line.split())
                lines.extend(part for part in line.split("\n") if part.strip())
    out = "\n".join(" ".join(line.split()) for line in lines)
    return MarkdownArticle(out, title=_clean(meta.get("title")) or title, date=normalize_date(meta.get("date")),
                           source=_clean(meta.get("source")), url=_clean(meta.get("url")))


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")  # a line break inside a paragraph is not the end of a sentence
        elif child.type == "hardbreak":
            parts.append("\n")
        # images, raw inline HTML and the markup of links and emphasis are left out
    return "".join(parts).strip()
