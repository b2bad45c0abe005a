"""Convert the open treebanks (UD English EWT and GUM, Universal NER EWT) into spaCy DocBin files.

What goes into each token:

* the syntactic words of UD (a multiword token such as ``don't`` becomes ``do`` + ``n't``, as
  spaCy's English tokenizer splits it too), with ``spaces`` taken from ``SpaceAfter=No``
  (inside a multiword token no space follows the inner words);
* ``tag`` = XPOS (Penn Treebank tag), ``pos`` = UPOS, ``lemma``, ``morph`` = FEATS;
* ``head`` / ``dep`` = the basic UD tree with full labels (``nsubj:pass``, ``compound:prt``...);
  the UD ``root`` label becomes spaCy's ``ROOT``;
* sentence starts (sentences are grouped into multi-sentence docs by ``# newdoc id``, so that
  the parser learns where sentences end);
* named entities, label set ``PERSON``, ``ORG``, ``LOC``:
  - EWT: the Universal NER annotation, joined by ``sent_id`` (PER->PERSON, ORG->ORG, LOC->LOC,
    OTH and anything else -> O); a sentence without a matching UNER sentence is left missing;
  - GUM: the ``Entity=`` bracket annotation of MISC (person/place/organization mentions whose
    head is a PROPN), trimmed to the proper-name part around the head.

GUM documents with a non-commercial licence (``GUM_whow_*``, ``GUM_fiction_*``) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from ..lexicon.words import rule_words

#: GUM document-id prefixes whose texts are CC BY-NC-SA (excluded from training and selection).
NONCOMMERCIAL_PREFIXES = ("GUM_whow_", "GUM_fiction_")

#: Universal NER labels -> pipeline labels (others, e.g. OTH, become O).
UNER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}

#: GUM entity types -> pipeline labels (event is not annotated in UNER, so it is not used).
GUM_LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC"}

NER_LABELS = ("PERSON", "ORG", "LOC")


@dataclass
class Word:
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    misc: str
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str
    text: str
    newdoc: Optional[str]
    words: List[Word] = field(default_factory=list)
    ents: Optional[List[Optional[str]]] = None  # IOB2 strings per word, None = not annotated


def _misc_dict(misc: str) -> Dict[str, str]:
    out = {}
    if misc and misc != "_":
        for part in misc.split("|"):
            key, _, value = part.partition("=")
            out[key] = value
    return out


def parse_conllu(lines: Iterable[str]) -> Iterator[Sentence]:
    """Read CoNLL-U sentences: syntactic words, with ``space_after`` resolved for multiword tokens."""
    comments: Dict[str, str] = {}
    words: List[Word] = []
    mwt_end = 0
    mwt_space = True
    newdoc: Optional[str] = None

    def flush() -> Optional[Sentence]:
        nonlocal comments, words, newdoc
        if not words:
            comments = {}
            return None
        sent = Sentence(comments.get("sent_id", ""), comments.get("text", ""), newdoc, words)
        comments, words, newdoc = {}, [], None
        return sent

    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            mwt_end, mwt_space = 0, True
            sent = flush()
            if sent is not None:
                yield sent
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            key, sep, value = body.partition("=")
            key = key.strip()
            if sep:
                if key == "newdoc id":
                    newdoc = value.strip()
                else:
                    comments[key] = value.strip()
            elif key == "newdoc":
                newdoc = ""
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"bad CoNLL-U line (expected 10 columns): {line!r}")
        tid = cols[0]
        if "." in tid:  # empty node of enhanced UD
            continue
        if "-" in tid:  # multiword token: its SpaceAfter applies to its last word
            start, end = tid.split("-")
            mwt_end = int(end)
            mwt_space = _misc_dict(cols[9]).get("SpaceAfter") != "No"
            continue
        wid = int(tid)
        misc = cols[9]
        if wid <= mwt_end:
            space = mwt_space if wid == mwt_end else False
        else:
            space = _misc_dict(misc).get("SpaceAfter") != "No"
        words.append(
            Word(
                id=wid,
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                xpos=cols[4],
                feats="" if cols[5] == "_" else cols[5],
                head=int(cols[6]) if cols[6] not in ("_", "") else 0,
                deprel=cols[7],
                misc=misc,
                space_after=space,
            )
        )
    sent = flush()
    if sent is not None:
        yield sent


def read_conllu(path: Path) -> List[Sentence]:
    with open(path, encoding="utf8") as fh:
        return list(parse_conllu(fh))


def group_documents(sentences: Iterable[Sentence]) -> List[Tuple[str, List[Sentence]]]:
    """Group sentences by ``# newdoc id`` (a sentence without one continues the current doc)."""
    docs: List[Tuple[str, List[Sentence]]] = []
    for sent in sentences:
        if sent.newdoc is not None or not docs:
            docs.append((sent.newdoc or sent.sent_id, []))
        docs[-1][1].append(sent)
    return docs


def is_noncommercial(doc_id: str) -> bool:
    return doc_id.startswith(NONCOMMERCIAL_PREFIXES)


def filter_licence(docs: Sequence[Tuple[str, List[Sentence]]]) -> List[Tuple[str, List[Sentence]]]:
    """Drop GUM documents under a non-commercial licence (wikiHow, fiction)."""
    return [(doc_id, sents) for doc_id, sents in docs if not is_noncommercial(doc_id)]


# ---------------------------------------------------------------- Universal NER (EWT)


def parse_iob2(lines: Iterable[str]) -> Dict[str, List[Tuple[str, str]]]:
    """Read a UNER ``.iob2`` file: ``{sent_id: [(token, tag), ...]}``."""
    out: Dict[str, List[Tuple[str, str]]] = {}
    sent_id: Optional[str] = None
    toks: List[Tuple[str, str]] = []
    for raw in list(lines) + [""]:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            if sent_id is not None and toks:
                out[sent_id] = toks
            sent_id, toks = None, []
            continue
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition("=")
            if key.strip() == "sent_id":
                sent_id = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) >= 3:
            toks.append((cols[1], cols[2]))
    return out


def uner_to_iob(tags: Sequence[str]) -> List[str]:
    """Map UNER IOB2 tags to the pipeline labels; OTH and malformed tags (``B-O``) become O."""
    out: List[str] = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        mapped = UNER_LABELS.get(label)
        if prefix not in ("B", "I") or mapped is None:
            out.append("O")
            continue
        if prefix == "I" and (not out or out[-1] == "O" or out[-1][2:] != mapped):
            prefix = "B"
        out.append(f"{prefix}-{mapped}")
    return out


def merge_uner(sentences: Iterable[Sentence], uner: Dict[str, List[Tuple[str, str]]]) -> Tuple[int, int]:
    """Attach UNER tags to sentences with the same sent_id and the same words.

    Returns ``(matched, unmatched)``; unmatched sentences keep ``ents = None`` (missing)."""
    matched = unmatched = 0
    for sent in sentences:
        toks = uner.get(sent.sent_id)
        if toks is not None and [t for t, _ in toks] == [w.form for w in sent.words]:
            sent.ents = uner_to_iob([tag for _, tag in toks])
            matched += 1
        else:
            sent.ents = None
            unmatched += 1
    return matched, unmatched


# ---------------------------------------------------------------- GUM Entity= brackets

_CLOSE = re.compile(r"(\d+)\)")


def parse_entity_field(value: str) -> List[Tuple[str, str, Optional[List[str]]]]:
    """Split one ``Entity=`` value into events: ``("open", id, fields)``, ``("close", id, None)``,
    or ``("single", id, fields)`` for a one-token mention ``(ID-...)``."""
    events: List[Tuple[str, str, Optional[List[str]]]] = []
    i = 0
    n = len(value)
    while i < n:
        if value[i] == "(":
            j = i + 1
            while j < n and value[j] not in "()":
                j += 1
            body = value[i + 1 : j]
            fields = body.split("-", 7)
            if j < n and value[j] == ")":
                events.append(("single", fields[0], fields))
                i = j + 1
            else:
                events.append(("open", fields[0], fields))
                i = j
        else:
            m = _CLOSE.match(value, i)
            if not m:
                raise ValueError(f"cannot parse Entity={value!r} at {i}")
            events.append(("close", m.group(1), None))
            i = m.end()
    return events


@dataclass
class Mention:
    start: int  # word index in sentence (0-based, inclusive)
    end: int  # exclusive
    etype: str
    identity: Optional[str]


def gum_mentions(sent: Sentence) -> List[Mention]:
    """All mentions of a sentence, bracket pairs matched with a stack per entity id."""
    stacks: Dict[str, List[Tuple[int, List[str]]]] = {}
    mentions: List[Mention] = []

    def make(start: int, end: int, fields: List[str]) -> Mention:
        etype = fields[1] if len(fields) > 1 else ""
        identity = fields[7] if len(fields) > 7 and fields[7] else None
        return Mention(start, end, etype, identity)

    for i, word in enumerate(sent.words):
        value = _misc_dict(word.misc).get("Entity")
        if not value:
            continue
        for kind, eid, fields in parse_entity_field(value):
            if kind == "single":
                mentions.append(make(i, i + 1, fields or []))
            elif kind == "open":
                stacks.setdefault(eid, []).append((i, fields or []))
            else:
                stack = stacks.get(eid)
                if stack:
                    start, f = stack.pop()
                    mentions.append(make(start, i + 1, f))
    return mentions


#: words that may join proper nouns inside one name ("University of the Arts", "Bosnia-Herzegovina",
#: "Universidad de Chile", "Association for Computational Linguistics", "AT&T")
_CONNECTORS = rule_words().name_connectors


def _is_connector(word: Word) -> bool:
    return word.xpos == "HYPH" or (word.form.lower() in _CONNECTORS and word.upos in ("ADP", "DET", "PUNCT", "CCONJ", "PROPN", "X"))


def trim_to_name(sent: Sentence, mention: Mention) -> Optional[Tuple[int, int]]:
    """The proper-name part of a mention: the PROPN run around its head, allowing inner
    connectors (``of``, ``the``, ``-``, ``&``) between proper nouns; None if the head is not PROPN."""
    words = sent.words
    start, end = mention.start, mention.end
    # head: first word whose head lies outside the mention
    head = None
    for i in range(start, end):
        h = words[i].head
        if h == 0 or not (start <= h - 1 < end):
            head = i
            break
    if head is None or words[head].upos != "PROPN":
        return None
    if mention.etype == "person" and words[head].xpos == "NNPS":  # "Germans", "Thais": groups, not names
        return None
    left = head
    while left - 1 >= start:
        prev = words[left - 1]
        if prev.upos == "PROPN":
            left -= 1
        elif prev.xpos == "HYPH" and left - 2 >= start and words[left - 2].upos == "PROPN":
            left -= 2
        else:
            break
    right = head + 1
    while right < end:
        nxt = words[right]
        if nxt.upos == "PROPN":
            right += 1
            continue
        # connectors followed (possibly after more connectors) by a PROPN inside the mention
        k = right
        while k < end and _is_connector(words[k]):
            k += 1
        if k > right and k < end and words[k].upos == "PROPN":
            right = k + 1
            continue
        break
    return left, right


def gum_entities(sent: Sentence) -> List[str]:
    """IOB2 tags from GUM's Entity annotation (named person/place/organization mentions,
    trimmed; overlapping spans resolved in favour of the longer, then the earlier)."""
    spans: List[Tuple[int, int, str]] = []
    for m in gum_mentions(sent):
        label = GUM_LABELS.get(m.etype)
        if label is None:
            continue
        trimmed = trim_to_name(sent, m)
        if trimmed is None:
            continue
        spans.append((trimmed[0], trimmed[1], label))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken = [False] * len(sent.words)
    chosen = []
    for s, e, label in spans:
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        chosen.append((s, e, label))
    tags = ["O"] * len(sent.words)
    for s, e, label in chosen:
        tags[s] = f"B-{label}"
        for i in range(s + 1, e):
            tags[i] = f"I-{label}"
    return tags


def add_gum_entities(sentences: Iterable[Sentence]) -> None:
    for sent in sentences:
        sent.ents = gum_entities(sent)


# ---------------------------------------------------------------- Doc building


def sentences_to_doc(vocab: Vocab, sentences: Sequence[Sentence]) -> Doc:
    words: List[str] = []
    spaces: List[bool] = []
    tags: List[str] = []
    pos: List[str] = []
    morphs: List[str] = []
    lemmas: List[str] = []
    heads: List[int] = []
    deps: List[str] = []
    sent_starts: List[bool] = []
    ents: List[Optional[str]] = []
    any_ents = any(s.ents is not None for s in sentences)
    for sent in sentences:
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            spaces.append(w.space_after)
            tags.append(w.xpos if w.xpos != "_" else "")
            pos.append(w.upos if w.upos != "_" else "")
            morphs.append(w.feats)
            lemmas.append(w.lemma if w.lemma != "_" or w.form == "_" else w.form)
            heads.append(offset + w.head - 1 if w.head > 0 else offset + i)
            deps.append("ROOT" if w.deprel == "root" or w.head == 0 else w.deprel)
            sent_starts.append(i == 0)
        if any_ents:
            ents.extend(sent.ents if sent.ents is not None else [None] * len(sent.words))
    if spaces:
        spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
        ents=ents if any_ents else None,
    )


def chunk(sentences: Sequence[Sentence], max_sents: Optional[int]) -> List[List[Sentence]]:
    if not max_sents or len(sentences) <= max_sents:
        return [list(sentences)]
    n_chunks = -(-len(sentences) // max_sents)
    size = -(-len(sentences) // n_chunks)
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def build_docbin(
    docs: Sequence[Tuple[str, List[Sentence]]], max_sents: Optional[int] = None, vocab: Optional[Vocab] = None
) -> DocBin:
    vocab = vocab or Vocab()
    db = DocBin(store_user_data=False)
    for _doc_id, sents in docs:
        for part in chunk(sents, max_sents):
            db.add(sentences_to_doc(vocab, part))
    return db


# ---------------------------------------------------------------- whole treebanks

SPLITS = ("train", "dev", "test")


def load_ewt(data_dir: Path, split: str, with_ner: bool = True) -> List[Tuple[str, List[Sentence]]]:
    sents = read_conllu(data_dir / "ud" / "en_ewt" / f"{split}.conllu")
    if with_ner:
        iob = data_dir / "ner" / "uner_en_ewt" / f"{split}.iob2"
        if iob.exists():
            with open(iob, encoding="utf8") as fh:
                merge_uner(sents, parse_iob2(fh))
    return group_documents(sents)


def load_gum(data_dir: Path, split: str, noncommercial: bool = False) -> List[Tuple[str, List[Sentence]]]:
    sents = read_conllu(data_dir / "ud" / "en_gum" / f"{split}.conllu")
    add_gum_entities(sents)
    docs = group_documents(sents)
    return docs if noncommercial else filter_licence(docs)


def check_data_dir(data_dir: Path) -> None:
    needed = [data_dir / "ud" / "en_ewt" / "train.conllu", data_dir / "ud" / "en_gum" / "train.conllu"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        raise FileNotFoundError(f"treebank data not found: {', '.join(missing)}")


def convert_all(data_dir: Path, work_dir: Path, max_sents: int = 20) -> Dict[str, Dict[str, int]]:
    """Write ``{work}/corpus/{train,dev}/{ewt,gum}.spacy`` (training docs: chunks of at most
    ``max_sents`` sentences of one document) and ``{work}/corpus/test/...`` (whole documents).

    Licence filter applies to every GUM split; ``test/gum_all.spacy`` keeps all GUM test
    documents for reference evaluation only. Returns counts per written file."""
    data_dir = Path(data_dir)
    check_data_dir(data_dir)
    out = Path(work_dir) / "corpus"
    stats: Dict[str, Dict[str, int]] = {}
    for split in SPLITS:
        (out / split).mkdir(parents=True, exist_ok=True)
        size = max_sents if split == "train" else None
        sets = {
            "ewt": load_ewt(data_dir, split),
            "gum": load_gum(data_dir, split),
        }
        if split == "test":
            sets["gum_all"] = load_gum(data_dir, split, noncommercial=True)
        for name, docs in sets.items():
            db = build_docbin(docs, max_sents=size)
            path = out / split / f"{name}.spacy"
            if split == "test" and name == "gum_all":
                path = out / "test_extra" / "gum_all.spacy"
                path.parent.mkdir(parents=True, exist_ok=True)
            db.to_disk(path)
            n_sents = sum(len(s) for _, s in docs)
            n_words = sum(len(x.words) for _, s in docs for x in s)
            stats[f"{split}/{name}"] = {"docs": len(db), "sentences": n_sents, "words": n_words}
    return stats
