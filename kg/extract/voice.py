"""The document's voice: who speaks as "I" and who as "we".

Official statements, readouts, remarks and transcripts speak as their author. The author comes from the title
("Statement by President X on …", "Remarks by Vice President Y", "Readout of X's Call with …"), a signature line
at the end ("X, Secretary of State") or a speaker label ("THE PRESIDENT: …", "X: …"); the issuing state or body
comes from a joint statement's opening ("We, the Members of …"), the body a joint statement's title names, the
author's country, or the official publisher in the document's source and web address. The words this reads are
data (`kg/patterns/voice.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlparse

from spacy.tokens import Token

from ..lexicon.gazetteer import Entry, Gazetteer, fold
from ..lexicon.words import DEFINITE_ARTICLE, GENITIVE_PREP, rule_words
from ..model import Document, Mention
from .mentions import INSTITUTION_WORDS, ORG_WORDS
from .voice_words import voice_words

COLLECTIVE_WE = rule_words().collective_we

BODY_WORDS = ORG_WORDS | INSTITUTION_WORDS

NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
TITLE_CUT = re.compile(r"(?:\s+(?:" + "|".join(sorted(voice_words().title_cut_words)) + r")\s|['’]s?\b|,|\s[-–—:]\s|\(|$)")


@dataclass
class Voice:
    """Who the document's first-person pronouns are."""

    author: Mention | None = None  # "I": the person the document speaks as
    role: str = ""  # the author's role as the title writes it ('vice president')
    body: Mention | None = None  # "we": the state or body the author speaks for
    names: list[Mention] = field(default_factory=list)  # the author's name, where the text itself never writes it
    turns: list[tuple[int, Mention]] = field(default_factory=list)  # (character offset, speaker) of speaker labels

    def speaker_at(self, offset: int) -> Mention | None:
        """The person speaking at a character offset: the last speaker label before it, else the author."""
        found = None
        for start, speaker in self.turns:
            if start > offset:
                break
            found = speaker
        return found or self.author

    def first_person(self, tok: Token) -> Mention | None:
        """The mention a first-person pronoun stands for, or None."""
        words = voice_words()
        lower = tok.lower_
        if lower in words.first_singular:
            who = self.speaker_at(tok.idx) or self.body
        elif lower in words.first_plural:
            speaker = self.speaker_at(tok.idx)
            who = self.body if speaker is None or speaker is self.author else None
        else:
            return None
        if who is None:
            return None
        return replace(who, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)


def _phrases(text: str, longest: int = 6) -> list[str]:
    """The word n-grams of a short text, longest first."""
    words = re.findall(r"[\w.'’-]+", text)
    words = [w.rstrip(".") if w.endswith(".") and w.count(".") == 1 else w for w in words]
    out = []
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            out.append(" ".join(words[i:i + n]))
    return out


def _known(gaz: Gazetteer, text: str, types: tuple[str, ...]) -> Entry | None:
    """The first gazetteer entry of one of these types that a phrase of the text names (longest phrase first)."""
    for phrase in _phrases(text):
        if not phrase[:1].isupper():
            continue
        for entry in gaz.lookup(phrase):
            if entry.type in types:
                return entry
        if "Country" in types:
            country = gaz.country_of_metonym(phrase)
            if country is not None and len(phrase) > 3:
                return country
    return None


_TITLE_WORDS: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _title_words(gaz: Gazetteer) -> frozenset[str]:
    """Every word of every title in the gazetteer's title table, made once per gazetteer."""
    known = _TITLE_WORDS.get(id(gaz))
    if known is None or known[0] is not gaz:
        known = _TITLE_WORDS[id(gaz)] = (gaz, _make_title_words(gaz))
    return known[1]


def _make_title_words(gaz: Gazetteer) -> frozenset[str]:
    words = set()
    for group in gaz.titles.values():
        if isinstance(group, list):
            for title in group:
                words.update(title.lower().split())
    return frozenset(words)


def title_author(title: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """(name, role) of the person a title says the text is by: 'Statement by President Jane Roe on …' ->
    ('Jane Roe', 'president'). None when the title names no person."""
    words = voice_words()
    low = title.lower()
    for genre in words.genres:
        match = re.search(rf"\b{re.escape(genre)}\s+(?:{'|'.join(words.author_preps)})\s+(?:{DEFINITE_ARTICLE}\s+)?", low)
        if match:
            break
    else:
        return None
    rest = title[match.end():]
    found = _titled_name(rest, gaz)
    if found is not None and _is_proxy(found[1]):
        # "Readout by the Spokesperson X of Y's Meeting with Z": the readout speaks for its principal, Y
        principal = re.search(rf"\b{GENITIVE_PREP}\s+(?:{DEFINITE_ARTICLE}\s+)?(.+?['’]s?)\s+\w", rest)
        if principal is not None:
            return _titled_name(principal.group(1), gaz) or found
    return found


def _titled_name(text: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """(name, role) at the start of a title fragment: 'National Security Advisor Jane Roe on …' -> ('Jane Roe',
    'national security advisor')."""
    cut = TITLE_CUT.search(text)
    phrase = text[:cut.start()] if cut else text
    tokens = phrase.split()
    titles = _title_words(gaz)
    last_title = -1
    for i, t in enumerate(tokens):
        if t.lower().strip(".,") in titles:
            last_title = i
    name_tokens = tokens[last_title + 1:]
    role = " ".join(tokens[:last_title + 1]).lower()
    if not name_tokens or not all(NAME_WORD.match(t) for t in name_tokens) or len(name_tokens) > 5:
        return None
    name = " ".join(name_tokens).rstrip(",")
    known = [e for e in gaz.lookup(name) if e.type != "Person"]
    if known or any(t.lower() in BODY_WORDS for t in name_tokens):
        return None  # a body or a place, not a person
    if len(name_tokens) == 1 and not any(e.type == "Person" for e in gaz.lookup(name)):
        return None  # a bare surname only when world knowledge knows the person
    return name, role


def joint_body(title: str, gaz: Gazetteer) -> Entry | None:
    """The body whose joint statement the title names ('Joint Statement of the X Group', 'X Leaders' Statement')."""
    low = title.lower().replace("’", "'")
    if not any(g.replace("’", "'") in low for g in voice_words().joint_genres):
        return None
    return _known(gaz, title, ("Organization",))


def joint_body_name(title: str) -> str | None:
    """The name a joint statement's title gives its body ('Joint Statement from the X Group for Y (XG)' -> 'X Group
    for Y'), when the title is a joint statement's."""
    low = title.lower().replace("’", "'")
    if not any(g.replace("’", "'") in low for g in voice_words().joint_genres):
        return None
    match = re.search(rf"\b(?:{'|'.join(sorted(voice_words().author_preps))})\s+(?:{DEFINITE_ARTICLE}\s+)?([A-Z][^(),:]*)", title)
    return match.group(1).strip() if match else None


@lru_cache(maxsize=1)
def _official_pattern() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in voice_words().official_words) + r")\b")


def issuing_state(document: Document, gaz: Gazetteer) -> Entry | None:
    """The state or body an official source speaks for: from the source's name when it is an official
    publisher ('Office of the President of X'), else from a government web address ('….gov.xx')."""
    words = voice_words()
    source = document.source or ""
    if not source and not document.url:
        return None
    low = source.lower()
    official = bool(source) and _official_pattern().search(low) is not None
    if official:
        # a state's office speaks for the state ('U.S. Department of State'); a body for itself
        found = _known(gaz, source, ("Country",)) or _known(gaz, source, ("Organization",))
        if found is not None:
            return found
    host = urlparse(document.url or "").hostname or ""
    labels = host.lower().split(".")
    if len(labels) >= 2 and any(label in words.official_hosts for label in labels[:-1] + labels[-1:]):
        tld = labels[-1]
        if tld in ("gov", "mil"):
            return gaz.country("US")
        if len(tld) == 2:
            return gaz.country("GB" if tld == "uk" else tld.upper())
    if official:
        host_code = labels[-1] if labels and len(labels[-1]) == 2 else None
        if host_code:
            return gaz.country("GB" if host_code == "uk" else host_code.upper())
    return None


SIGNATURE = re.compile(r"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}),\s+(?:the\s+)?([A-Za-z][\w .'’-]{2,80})$")
SPEAKER_LABEL = re.compile(r"(?:^[ \t]*|(?<=\* )|(?<=[.!?] ))([A-Z][\w.'’ -]{1,80}?):[ \t]+\S", re.MULTILINE)


def _entity_mention(doc_id: str, entry: Entry) -> Mention:
    return Mention(doc_id=doc_id, start=0, end=0, surface=entry.label, type=entry.type, key=entry.key, name=None,
                   wikidata=entry.wikidata)


def _person_in_text(finder, name: str) -> Mention | None:
    """A mention of the document naming this person (the full name, or its surname)."""
    target = fold(name)
    surname = target.split()[-1]
    best = None
    for ment in finder.index.by_token.values():
        if ment.type != "Person" or not ment.name:
            continue
        have = fold(ment.name)
        if have == target:
            return ment
        if best is None and (have.split()[-1] == surname):
            best = ment
    return best


def _author_mention(finder, gaz: Gazetteer, doc_id: str, name: str, voice: Voice) -> Mention:
    known = [e for e in gaz.lookup(name) if e.type == "Person"]
    if known:
        entry = known[0]
        in_text = _person_in_text(finder, name)
        if in_text is None:
            voice.names.append(Mention(doc_id=doc_id, start=0, end=0, surface=name, type="Person", key=entry.key,
                                       name=name, wikidata=entry.wikidata))
        return Mention(doc_id=doc_id, start=0, end=0, surface=name, type="Person", key=entry.key, name=None,
                       wikidata=entry.wikidata)
    in_text = _person_in_text(finder, name)
    if in_text is not None:
        return replace(in_text, name=None)
    mention = Mention(doc_id=doc_id, start=0, end=0, surface=name, type="Person", key=finder.person_key(name),
                      name=name)
    voice.names.append(mention)
    return replace(mention, name=None)


def _retype_titled_surnames(finder, author: Mention, name: str) -> None:
    """'NSA Jane Roe' read as an organisation in a text by Jane Roe ('NSA Roe'): the author, with an office's
    acronym before the surname."""
    surname = name.split()[-1]
    for i, ment in list(finder.index.by_token.items()):
        if ment.type in ("Organization", "Actor") and ment.name and len(ment.name.split()) == 2:
            first, last = ment.name.split()
            if last == surname and first.isupper() and len(first) <= 5:
                finder.index.by_token[i] = replace(author, start=ment.start, end=ment.end, surface=ment.surface,
                                                   name=ment.name)


def _is_proxy(role: str) -> bool:
    return any(re.search(rf"\b{re.escape(p)}\b", role) for p in voice_words().proxy_roles)


def find_voice(finder, document: Document, gaz: Gazetteer) -> Voice:
    """The document's voice (see the module's docstring)."""
    voice = Voice()
    doc_id = document.doc_id
    text = finder.text
    title = document.title or ""
    author = title_author(title, gaz) if title else None
    if author is None:
        lines = [ln.strip() for ln in document.text.strip().splitlines() if ln.strip()]
        for line in (lines[-1:] + lines[:1]) if lines else []:
            match = SIGNATURE.match(line)
            if match and match.group(2).split()[0].lower() in _title_words(gaz) | {t for t in gaz.titles.get("member", [])}:
                author = (match.group(1), match.group(2).lower())
                break
    state = issuing_state(document, gaz)
    body = joint_body(title, gaz) if title else None
    role = ""
    if author is not None:
        name, role = author
        if not _is_proxy(role):
            voice.author = _author_mention(finder, gaz, doc_id, name, voice)
            voice.role = role
            known = [e for e in gaz.lookup(name) if e.type == "Person" and e.country]
            if known and state is None:
                state = gaz.country(known[0].country)
            _retype_titled_surnames(finder, voice.author, name)
    # "We, the Members of X, …": the body the opening names
    w = finder.words
    for i, lower in enumerate(w.lower):
        if lower == COLLECTIVE_WE and i + 2 < len(w.lower) and w.lower[i + 1] == ",":
            for j in range(i + 2, min(i + 12, len(w.lower))):
                if w.lower[j] in (",", ".", ";"):
                    break
                ment = finder.index.by_token.get(j)
                if ment is not None and ment.type in ("Organization", "Country"):
                    body = finder.gaz.entries.get(ment.key) or body
                    if ment.key not in finder.gaz.entries:
                        voice.body = replace(ment, name=None)
                    break
            break
    if voice.body is None and body is None and title:
        named = joint_body_name(title)
        if named:
            target = fold(named)
            for ment in finder.index.by_token.values():
                if ment.type in ("Organization", "Actor") and ment.name and (fold(ment.name) == target
                                                                            or target.startswith(fold(ment.name) + " ")):
                    voice.body = replace(ment, name=None)
                    break
    if voice.body is None:
        entry = body or state
        voice.body = _entity_mention(doc_id, entry) if entry is not None else None
    # speaker labels: "THE PRESIDENT: …", "President of X Jane Roe: …"
    titles = _title_words(gaz)
    for match in SPEAKER_LABEL.finditer(text):
        label = match.group(1).strip()
        start = match.start(1)
        if len(label.split()) > 12:
            continue
        speaker = None
        last = None
        for i in range(len(w.lower)):
            tok = w.tokens[i]
            if tok.idx < start:
                continue
            if tok.idx >= match.end(1):
                break
            last = i
            ment = finder.index.by_token.get(i)
            if ment is not None and ment.type == "Person" and ment.name \
                    and not all(x.lower() in titles for x in ment.name.split()):
                speaker = replace(ment, name=None)
        if speaker is not None and (last is None or finder.index.by_token.get(last) is None
                                    or finder.index.by_token[last].key != speaker.key):
            speaker = None  # the label ends with the speaker's name: 'President of X Jane Roe:'
        if speaker is None and label.isupper() and voice.author is not None and role:
            words_ = label.lower().split()
            if words_ and words_[0] == DEFINITE_ARTICLE and " ".join(words_[1:]) and role.endswith(" ".join(words_[1:])):
                speaker = voice.author
        if speaker is not None:
            voice.turns.append((match.end(1), speaker))
    return voice
