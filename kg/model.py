"""Typed data passed between the stages of the pipeline.

corpus -> Document; extract -> DocExtraction (sentences, mentions, relations);
resolve -> Entity. Everything here is frozen and JSON-serialisable through
`to_dict`/`from_dict`, so per-document extractions can be cached and merged.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Union

MODALITIES = ("Denied", "Negated", "Hypothetical", "Planned", "Claimed", "Asserted")
"""Modality names in order of precedence: where several apply, the first wins."""


@dataclass(frozen=True)
class Document:
    """One article of the corpus with its metadata."""

    doc_id: str
    file_name: str
    text: str
    checksum: str
    date: str | None = None  # ISO date, from the index or a dateline
    title: str | None = None
    source: str | None = None
    url: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A reference to an entity in a document.

    `name` is the entity's proper name as this mention writes it (title
    stripped); it is None for references that are not names (pronouns,
    descriptions, metonyms). `key` is the resolution key: a gazetteer id
    ("country:RU") or a normalized name; `surface` is the text as written,
    with any title ("Peruvian President Tomas Brandt").
    """

    doc_id: str
    start: int
    end: int
    surface: str
    type: str
    key: str
    name: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    max_value: float | None = None
    text: str = ""


@dataclass(frozen=True)
class Content:
    """An object that is not an entity: the words of a clause or phrase."""

    text: str


Argument = Union[Mention, Content, Quantity]


@dataclass(frozen=True)
class Relation:
    """One extracted relation with its modality, qualifiers and provenance."""

    doc_id: str
    sentence: int
    subject: Mention
    predicate: str
    object: Argument
    modality: str = "Asserted"
    claimant: Mention | None = None
    date: str | None = None
    place: Mention | None = None
    quantity: Quantity | None = None
    role: str | None = None
    evidence: str = ""
    reports: tuple[int, ...] = ()  # indices (in the document's relation list) of reported relations


@dataclass(frozen=True)
class DocExtraction:
    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    words: int = 0


@dataclass(frozen=True)
class Entity:
    """A resolved real-world entity: one node of the graph."""

    key: str
    label: str
    type: str
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None
    mentions: int = 0


# --- serialisation -----------------------------------------------------------

_TYPES = {cls.__name__: cls for cls in (Document, Sentence, Mention, Quantity, Content, Relation, DocExtraction)}


_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TYPES.values()}
_FIELDS_BY_NAME = {cls.__name__: (cls, names) for cls, names in _FIELDS.items()}


_LEAVES = frozenset({str, int, float, bool, type(None)})


def to_dict(obj: Any) -> Any:
    """A JSON-ready form of a dataclass tree (with a `_t` tag on unions)."""
    if type(obj) in _LEAVES:
        return obj
    names = _FIELDS.get(type(obj))
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        out = {"_t": type(obj).__name__}
        for name in names:
            out[name] = to_dict(getattr(obj, name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    return obj


def from_dict(data: Any) -> Any:
    """Inverse of `to_dict`."""
    if isinstance(data, dict) and "_t" in data:
        cls, names = _FIELDS_BY_NAME[data["_t"]]
        kwargs = {}
        for name in names:
            if name not in data:
                continue
            value = from_dict(data[name])
            if isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            kwargs[name] = value
        return cls(**kwargs)
    if isinstance(data, list):
        return [from_dict(x) for x in data]
    return data
