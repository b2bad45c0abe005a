"""Mentions: which tokens of a parsed document refer to which entity.

Names come from the NER and the gazetteer ruler; descriptions that designate
an entity ("Russian forces", "officials in Lima", "Brandt's regime", "the
20-day truce", "the Condor ballistic missile") from noun-phrase rules.
Pronouns and titles ("he", "the Peruvian president") are resolved to the
document's earlier mentions by kg/extract/references.py, whose `resolve_pronoun`
the finder is handed for the possessives a description needs ("its forces",
"her counterpart"). Metonyms ("Lima refused", "La Moneda") acting as agents
resolve to the state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..graph.vocab import ACTOR_CLASSES, PLACE_CLASSES
from ..lexicon.gazetteer import Entry, Gazetteer, fold, slug
from ..lexicon.words import (
    AND,
    ARTICLES,
    COORDINATORS,
    DEFINITE_ARTICLE,
    GENITIVE_PREP,
    LISTING_PREPS,
    LOCATIVE_PREP,
    pattern_words,
    rule_words,
)
from ..model import Mention
from ..nlp import syntax as sx
from .voice_words import voice_words

ACTOR_TYPES = frozenset(ACTOR_CLASSES)
PLACE_TYPES = frozenset(PLACE_CLASSES)
AMBIGUOUS = "ambiguous:"  # key prefix of a bare name that may be a city or a region: "ambiguous:<city>|<region>"

PEOPLE_NOUNS = rule_words().people_nouns
GROUP_ADJECTIVES = rule_words().group_adjectives
GENERIC_MODIFIERS = rule_words().generic_modifiers
ENTOURAGE_NOUNS = rule_words().entourage_nouns
MEDIA_NOUNS = rule_words().media_nouns
PLACE_ONLY_PREPS = rule_words().place_only_preps
# acts that take territory (stance.json): their object is a place, whatever the NER read
TERRITORY_TAKING_PROPS = pattern_words("stance.json")["part_taking_acts"]
PERSON_ACTS = pattern_words("stance.json")["person_acts"]  # acts people do (stance.json)
INSTITUTION_WORDS = rule_words().institution_words
ORG_WORDS = rule_words().org_words
CALENDAR_WORDS = frozenset(rule_words().months) | rule_words().weekdays
MALE = rule_words().male_pronouns
FEMALE = rule_words().female_pronouns
NEUTER = rule_words().neuter_pronouns
PLURAL = rule_words().plural_pronouns
DISTRICT_NOUNS = rule_words().district_nouns
POSSESSIVE_CLITICS = rule_words().possessive_clitics
TITLE_FUNCTION_WORDS = rule_words().title_function_words
TITLE_LINKS = rule_words().title_link_words
TITLE_PLACE_PREPS = rule_words().title_place_preps
LEADER_NOUN = rule_words().leader_noun
CITY_NOUN = rule_words().city_noun
CITY_NOUNS = rule_words().city_nouns
PLURAL_SETTLEMENT_NOUNS = rule_words().plural_settlement_nouns
CONTROL_PARTICIPLE = rule_words().control_participle
MILITARY_UNIT_WORDS = rule_words().military_unit_words
US_ABBREVIATIONS = rule_words().us_abbreviations
INSTITUTION_NAME_PREPS = rule_words().institution_name_preps
ARMED = rule_words().armed_adjective
REGION_NAMING_PREPS = LISTING_PREPS | {GENITIVE_PREP, rule_words().example_preposition}
NAME_BOUNDARY_ARTICLES = rule_words().name_boundary_articles
NEWS_MODIFIERS = rule_words().news_modifiers
STATE_MEDIA_MODIFIERS = rule_words().state_media_modifiers
COLLECTIVE_POSSESSIVES = rule_words().collective_possessives
COUNTERPART_NOUNS = rule_words().counterpart_nouns
NAME_PARTICLES = rule_words().name_particles
HYPHENED_NAME_PARTICLES = rule_words().hyphened_name_particles
HYPHENS = rule_words().hyphens
AFFILIATION_PREPS = rule_words().affiliation_preps
LOCATION_OR_ORIGIN_PREPS = rule_words().location_or_origin_preps


@dataclass
class MentionIndex:
    """Mentions of one document, by token index."""

    by_token: dict[int, Mention] = field(default_factory=dict)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # head token -> (start, end) token span
    titles: dict[str, set[str]] = field(default_factory=dict)  # person key -> title words seen
    leads: dict[str, str] = field(default_factory=dict)  # person key -> country key it leads (from titles)
    patrons: dict[int, tuple[Mention, str]] = field(default_factory=dict)  # group head -> (patron, participle)

    def get(self, token: Token | None) -> Mention | None:
        return None if token is None else self.by_token.get(token.i)

    def put(self, span: Span | list[Token], mention: Mention, head: Token | None = None) -> None:
        tokens = list(span)
        for tok in tokens:
            self.by_token[tok.i] = mention
        if head is not None:
            self.spans[head.i] = (tokens[0].i, tokens[-1].i + 1)


def _strip_det(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_ in ARTICLES or span.doc[start].is_punct):
        start += 1
    end = span.end
    while end > start + 1 and (span.doc[end - 1].is_punct or span.doc[end - 1].tag_ == "POS"
                               or span.doc[end - 1].lower_ in POSSESSIVE_CLITICS
                               or span.doc[end - 1].is_lower and span.doc[end - 1].pos_ in TRAILING_POS):
        end -= 1  # "Jane Roe of", "the Defence Ministry of bombing": words the NER ran on into
    return span.doc[start:end]


TRAILING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "VERB", "AUX", "PART", "PRON"})


QUOTE_MARKS = frozenset({"“", "``", "”", "''", '"'})


def _quoted_tokens(words: sx.Words) -> frozenset[int]:
    """Indices of the tokens inside quotation marks (read from the word list: no Token objects)."""
    text = words.text
    if not any(t in QUOTE_MARKS for t in text):
        return frozenset()
    inside, out = False, set()
    for i, word in enumerate(text):
        if word in ("“", "``") or word == '"' and not inside:
            inside = True
        elif word in ("”", "''") or word == '"' and inside:
            inside = False
        elif inside:
            out.add(i)
        if "\n" in word and word.isspace():
            inside = False  # a quotation does not run on past its paragraph
    return frozenset(out)


_TITLE_SETS: dict[int, tuple[Gazetteer, dict[str, frozenset[str]]]] = {}


def _title_sets(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    """The word sets of the gazetteer's title table, made once per gazetteer."""
    known = _TITLE_SETS.get(id(gaz))
    if known is None or known[0] is not gaz:
        titles = gaz.titles
        sets = {name: frozenset(titles[key]) for name, key in (
            ("leader_titles", "leader"), ("military_titles", "military"), ("other_titles", "other"),
            ("former", "former"), ("military_nouns", "military_nouns"), ("official_nouns", "official_nouns"),
            ("group_nouns", "group_nouns"), ("agreement_nouns", "agreement_nouns"), ("weapon_nouns", "weapon_nouns"),
            ("place_nouns", "place_nouns"), ("region_words", "region_words"), ("city_words", "city_words"),
            ("member_titles", "member"), ("subordinate_words", "subordinate"), ("target_preps", "target_preps"),
            ("membership_nouns", "membership_nouns"), ("title_suffixes", "suffixes"), ("nation_nouns", "nation_nouns"),
            ("portfolio_nouns", "portfolio_nouns"))}
        sets["all_titles"] = sets["leader_titles"] | sets["military_titles"] | sets["other_titles"]
        # the plurals of the settlement nouns ('the towns of A, B and C')
        sets["plural_city_words"] = frozenset(w + "s" for w in sets["city_words"]) | PLURAL_SETTLEMENT_NOUNS
        # every word of a title of several words ('prime', 'minister'): a title's words before a name
        sets["title_words"] = frozenset(w for t in sets["all_titles"] | frozenset(titles.get("member", ()))
                                        for w in t.split() if len(t.split()) > 1 and w not in TITLE_FUNCTION_WORDS)
        # the first words of the titles, and 'leader': the nouns `resolve_description` can resolve
        sets["title_heads"] = frozenset(t.split()[0] for t in sets["all_titles"] if t.split()) | {LEADER_NOUN}
        # the nouns `_noun_phrase` reads
        sets["phrase_nouns"] = (sets["military_nouns"] | sets["official_nouns"] | PEOPLE_NOUNS | sets["group_nouns"]
                                | sets["agreement_nouns"] | ENTOURAGE_NOUNS | MEDIA_NOUNS | sets["weapon_nouns"]
                                | sets["place_nouns"] | DISTRICT_NOUNS | sets["nation_nouns"])
        known = _TITLE_SETS[id(gaz)] = (gaz, sets)
    return known[1]


# a region's or a city's name, by the word written with it ('X Oblast', 'the city of Y', 'Y, a port city')
_REGION_WORDS = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(rule_words().region_words_of_names))
_REGION_WORD = re.compile(_REGION_WORDS)
_REGION_NAME = re.compile(rf"\b([A-Z][\w'-]+) (?:{_REGION_WORDS})\b")
_CITY_OF = re.compile(rf"\b{CITY_NOUN} {GENITIVE_PREP} ([A-Z][\w'-]+)")
_NAME_THEN_CITY = re.compile(rf"\b([A-Z][\w'-]+), [^.,;]{{0,40}}\b{CITY_NOUN}\b")


class MentionFinder:
    """Finds the mentions of one parsed document."""

    def __init__(self, doc: Doc, doc_id: str, gazetteer: Gazetteer,
                 antecedent: Callable[[MentionFinder, Token], Mention | None] | None = None):
        self.doc = doc
        # what a pronoun refers to (kg.extract.references.resolve_pronoun), for 'its forces', 'her counterpart'
        self.antecedent = antecedent or (lambda _finder, _tok: None)
        self.doc_id = doc_id
        self.gaz = gazetteer
        self.index = MentionIndex()
        self.__dict__.update(_title_sets(gazetteer))
        self.words = sx.Words(doc)
        self.quoted = _quoted_tokens(self.words)
        self.text = text = self.words.doc_text()
        self.ents = list(doc.ents)
        self.entity_tokens = {i for ent in self.ents for i in range(ent.start, ent.end)}
        self.city_evidence = set()
        self.region_evidence = set()
        self._doc_countries = None
        if CITY_NOUN in text:
            self.city_evidence = {fold(m.group(1)) for m in _CITY_OF.finditer(text)}
            self.city_evidence |= {fold(m.group(1)) for m in _NAME_THEN_CITY.finditer(text)}
        if _REGION_WORD.search(text):
            self.region_evidence = {fold(m.group(1)) for m in _REGION_NAME.finditer(text)}

    # -- entry points ---------------------------------------------------------

    def find(self) -> MentionIndex:
        for ent in self.ents:
            self._entity(ent)
        self._rule_names()
        self._acting_names()
        self._settlement_names()
        self._surnames()
        self._acronyms()
        w = self.words
        by_token = self.index.by_token
        for i, lower in enumerate(w.lower):
            if lower in self.phrase_nouns and i not in by_token \
                    and (w.pos[i] in ("NOUN", "PROPN") or w.tag[i] in ("NNS", "NN", "NNP", "NNPS")):
                self._noun_phrase(w.tokens[i])
        self._backed_groups()
        self._group_members()
        return self.index

    def _acting_names(self) -> None:
        """A name of two or three capitalised words the NER left untagged, the subject of a verb of speech or of
        an act people do ('X Y visited Z', 'X Y said'), is a personal name (the NER misses many non-English
        names); not where a word of it is a known place, group, demonym, title or organisation word."""
        w = self.words
        verbs = self.gaz.lexicon["verbs"]
        for i in range(len(w.lower)):
            if w.pos[i] != "PROPN" or i in self.index.by_token or i in self.entity_tokens:
                continue
            tok = w.tokens[i]
            if sx.dep(tok) not in sx.SUBJ or tok.head.i == i:
                continue
            parts = [c for c in tok.children if sx.dep(c) in sx.COMPOUND | {"flat", "flat:name"}]
            span = sorted([tok, *parts], key=lambda t: t.i)
            if not 2 <= len(span) <= 3 or span[-1].i - span[0].i != len(span) - 1:
                continue
            if not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.i not in self.index.by_token
                       and t.i not in self.entity_tokens for t in span):
                continue
            if any(self.gaz.lookup(t.text) or self.gaz.country_of_demonym(t.text) or t.lower_ in self.all_titles
                   or t.lower_ in ORG_WORDS or t.lower_ in INSTITUTION_WORDS or t.lower_ in self.official_nouns
                   or t.lower_ in PEOPLE_NOUNS or t.lower_ in self.military_nouns for t in span):
                continue
            name = self.text[span[0].idx:span[-1].idx + len(span[-1].text)]
            if any(m.group(1).lower() not in self.all_titles and m.group(1).lower() not in self.title_words
                   and not self.gaz.lookup(m.group(1))
                   for m in re.finditer(rf"\b([A-Z][\w'-]+) {re.escape(name)}\b", self.text)):
                continue  # the end of a longer name the text gives elsewhere (not a title or place before it)
            entry = sx.lookup(tok.head, verbs)[1] or {}
            if entry.get("mode") == "speech" or entry.get("p") in PERSON_ACTS:
                self._person(self.doc[span[0].i:span[-1].i + 1], None)

    def _group_members(self) -> None:
        """'X fighters', 'X militants', where X names a known group: members named by their group are the
        group."""
        w = self.words
        groups = frozenset(self.gaz.titles.get("armed_group_nouns", ()))
        for i, lower in enumerate(w.lower):
            if lower not in groups or i in self.index.by_token or i == 0:
                continue
            tok = w.tokens[i]
            mods = [c for c in tok.children if c.i < tok.i and sx.dep(c) in sx.AMOD | sx.COMPOUND and c.is_title]
            for mod in mods:
                found = self.index.get(mod)
                entry = None
                if found is None or found.type not in ("Organization", "MilitaryUnit", "Actor"):
                    entry = next((e for name in (mod.text, mod.text + "s", mod.text + "is")
                                  for e in self.gaz.lookup(name) if e.type in ("Organization", "MilitaryUnit")), None)
                    if entry is None:
                        continue
                    found = self.entry_mention([mod], entry, None)
                span = self.doc[mod.i:tok.i + 1]
                self.index.put(span, replace(found, start=span.start_char, end=span.end_char, surface=span.text,
                                             name=None), tok)
                break

    def _backed_groups(self) -> None:
        """'Iran-backed militias', 'X-backed separatists': a group named by its patron; the patron is
        recorded for the relation it states (supports, or controls for '-controlled')."""
        w = self.words
        table = self.gaz.titles
        participles = frozenset(table.get("patron_participles", ()))
        groups = frozenset(table.get("armed_group_nouns", ()))
        for i, lower in enumerate(w.lower):
            if lower not in participles or i < 2 or w.text[i - 1] not in ("-", "–"):
                continue
            tok = w.tokens[i]
            head = tok.head
            if head.i <= i or head.lower_ not in groups or head.i - i > 3:
                continue
            patron_tok = w.tokens[i - 2]
            patron = self.index.get(patron_tok)
            entry = None
            if patron is None or patron.type not in ("Country", "Organization"):
                entry = self.gaz.country_of_demonym(patron_tok.text) or next(
                    (e for e in self.gaz.lookup(patron_tok.text) if e.type in ("Country", "Organization")), None)
                if entry is None:
                    continue
                patron = self.entry_mention([patron_tok], entry, None)
            if lower == CONTROL_PARTICIPLE:
                continue  # 'Russian-controlled territory' is a place, not a group
            span = self.doc[patron_tok.i:head.i + 1]
            if any(t.i in self.index.by_token and t.i != patron_tok.i for t in span):
                # "X-backed ELN rebels": the group is named, and the patron stands with the name
                named = next((t.i for t in span[3:] if (m := self.index.by_token.get(t.i)) is not None
                              and m.type in ("Organization", "Actor", "MilitaryUnit", "Person")), None)
                if named is not None and lower != CONTROL_PARTICIPLE:
                    self.index.by_token[patron_tok.i] = patron
                    self.index.patrons[named] = (patron, lower)
                continue
            key = f"group:{slug(patron.key.split(':')[-1])}-{lower}"  # one group per patron, however named
            self.index.put(span, self.mention(span, "Actor", key, span.text), head)
            self.index.by_token[patron_tok.i] = patron
            self.index.patrons[head.i] = (patron, lower)

    def _free(self, tok: Token) -> bool:
        return tok.i not in self.index.by_token and not tok.ent_type_

    def _rule_names(self) -> None:
        """Names the statistical NER missed, found by their shape and context:
        a capitalised name after a title ('General Tomas Brandt', 'analyst Jane Roe') or before
        an appositive title ('Pedro Quispe, head of…'); an organisation's capitalised name with an
        organisation word ('Institute for Andean Studies', 'Southern Group of Forces'); a bare acronym."""
        doc = self.doc
        w = self.words
        n = len(doc)
        by_token = self.index.by_token
        text, lower, pos = w.text, w.lower, w.pos
        in_entity = self.entity_tokens

        def free(k: int) -> bool:
            return k not in by_token and k not in in_entity

        i = 0
        while i < n:
            # (str.istitle and str.isalpha are spaCy's is_title and is_alpha)
            if not (text[i].istitle() and text[i].isalpha() and pos[i] in ("PROPN", "NOUN", "ADJ") and free(i)):
                i += 1
                continue
            j = i
            while j + 1 < n and free(j + 1) and (text[j + 1].istitle() and text[j + 1].isalpha()
                                                 or text[j + 1] == "," and lower[j] in self.portfolio_nouns
                                                 and self._portfolio_follows(j + 2)
                                                 or text[j + 1] == "-" and j + 2 < n and text[j + 2].istitle()
                                                 and text[j + 2].isalpha() and not w.tokens[j + 1].whitespace_
                                                 or lower[j + 1] in TITLE_LINKS
                                                 and j + 2 < n and not (lower[j + 1] == AND
                                                                        and (lower[j + 2] in self.all_titles
                                                                             or lower[j + 2] in self.title_words))
                                                 and (text[j + 2].istitle()
                                                                    or lower[j + 2] == DEFINITE_ARTICLE
                                                                    and j + 3 < n and text[j + 3].istitle())):
                j += 1
            while j > i and lower[j] in TITLE_LINKS:
                j -= 1
            start = i
            while start < j and (lower[start] in self.all_titles or lower[start] in self.title_words
                                 and lower[start + 1] in self.title_words):
                start += 1  # "General Tomas Brandt", "Prime Minister X": the title is context, not name
            span = doc[i:j + 1]
            words = [t.lower_ for t in span]
            if i > 0 and any(w in INSTITUTION_WORDS for w in words) and len(span) >= 2 \
                    and self.gaz.country_of_demonym(text[i - 1]) is not None and (i - 1) not in by_token:
                span = doc[i - 1:j + 1]  # "the Ruritanian Defence Ministry": the state's adjective is part of the name
            holder = self._holder_start(span) if len(span) >= 4 and lower[i] in self.all_titles else None
            if holder is not None:
                self._person(doc[holder:span.end], None)
            elif any(w in ORG_WORDS for w in words) and len(span) >= 2:
                type_ = "MilitaryUnit" if any(w in MILITARY_UNIT_WORDS for w in words) else "Organization"
                name = span.text
                entry = self._gazetteer_entry(span, "")
                if entry is not None:
                    self.index.put(span, self.entry_mention(span, entry, name), span.root)
                else:
                    self.index.put(span, self.mention(span, type_, f"{type_.lower()}:{slug(name)}", name), span.root)
            elif (2 <= j + 1 - start <= 3 or j == start and self._titled_single(start)) \
                    and (span := doc[start:j + 1]) is not None and all(self._name_word(t, titled=start > i or self._after_title(start))
                                                                       or t.text in ("-", "‑") for t in span) \
                    and span[-1].text not in ("-", "‑") and self._person_context(span):
                self._person(span, None)
            elif j - i >= 2:
                # "President for National Security Affairs Jane Roe": a name at the end of a title's run of
                # capitalised words
                k = j
                while k > i and pos[k] == "PROPN" and text[k].istitle() and lower[k] not in self.all_titles \
                        and lower[k] not in self.title_words and lower[k] not in ORG_WORDS \
                        and lower[k] not in self.portfolio_nouns \
                        and lower[k] not in INSTITUTION_WORDS and not self.gaz.lookup(text[k]) \
                        and not self.gaz.country_of_demonym(text[k]) and lower[k] not in CALENDAR_WORDS:
                    k -= 1
                tail = doc[k + 1:j + 1]
                titled = any(lower[x] in self.all_titles or lower[x] in self.member_titles
                             or " ".join(lower[x:x + 2]) in self.all_titles for x in range(i, k + 1))
                if 2 <= len(tail) <= 3 and titled and (text[k].istitle() or lower[k] in self.all_titles):
                    self._person(tail, None)
            i = j + 1
        for i, word in enumerate(text):
            if 2 <= len(word) <= 6 and word.isupper() and word.isalpha() and pos[i] == "PROPN" and free(i) \
                    and not self.gaz.lookup(word):
                tok = w.tokens[i]
                self.index.put([tok], self.mention([tok], "Organization", f"org:{slug(word)}", word), tok)

    def _in_title_run(self, k: int) -> bool:
        """Whether the words before k are a title and its portfolio ('Minister for Energy, ' before k)."""
        lower = self.words.lower
        j = k - 1
        while j >= 0 and (lower[j] in self.portfolio_nouns or lower[j] in TITLE_LINKS or lower[j] == ","
                          or lower[j] in HYPHENS):
            j -= 1
        return j >= 0 and j < k - 1 and (lower[j] in self.all_titles or lower[j] in self.member_titles
                                         or lower[j] in self.title_words)

    def _portfolio_follows(self, k: int) -> bool:
        """Whether a title's portfolio goes on at k after a comma ('for Energy, Trade…', 'for Energy, and Trade')."""
        lower = self.words.lower
        if k < len(lower) and lower[k] == AND:
            k += 1
        return k < len(lower) and lower[k] in self.portfolio_nouns and self.words.text[k].istitle()

    def _after_title(self, k: int) -> bool:
        """Whether the word at k follows a title ('President Roe', 'President-elect Roe', 'Mr. Roe')."""
        if k == 0:
            return False
        before = self.doc[k - 1].lower_
        if before in self.title_suffixes and k >= 3 and self.doc[k - 2].text in ("-", "‑"):
            before = self.doc[k - 3].lower_
        place = self.index.by_token.get(k - 1)
        if place is not None and place.type in PLACE_TYPES | {"Organization"}:
            # "Ambassador to X Jane Roe", "Envoy for Y Jan Novak": a title, the place or body it is for, the name
            start = k - 1
            while start > 0 and self.index.by_token.get(start - 1) is place:
                start -= 1
            return start >= 2 and self.doc[start - 1].lower_ in TITLE_PLACE_PREPS \
                and self.doc[start - 2].lower_ in self.all_titles
        return before in self.all_titles or before.rstrip(".") in self.gaz.titles.get("honorifics", ())

    def _name_word(self, tok: Token, titled: bool) -> bool:
        """Whether a capitalised word can be part of a personal name: a proper noun that is no title, month or
        demonym, nor a known name; right after a title ('Advisor Jane Roe') a world table's town or an
        adjective reading does not count against it."""
        if tok.lower_ in self.all_titles or tok.lower_ in CALENDAR_WORDS or self.gaz.country_of_demonym(tok.text):
            return False
        if not titled:
            return tok.pos_ == "PROPN" and not self.gaz.lookup(tok.text)
        return tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.lower_ not in ORG_WORDS and tok.lower_ not in \
            INSTITUTION_WORDS and all(self.gaz.is_world(e) and e.type in ("City", "Place") for e in self.gaz.lookup(tok.text))

    def _settlement_names(self) -> None:
        """'the village of Novoselivka', 'the town of Chasiv Yar': a capitalised name after a settlement noun
        and 'of' is a place the NER and the gazetteer may not know."""
        doc = self.doc
        lower = self.words.lower
        for i, word in enumerate(lower):
            if word in self.plural_city_words and i + 2 < len(doc) and lower[i + 1] == GENITIVE_PREP:
                self._settlement_list(i + 2)
                continue
            if word not in self.city_words or i + 2 >= len(doc) or lower[i + 1] != GENITIVE_PREP:
                continue
            tok = doc[i]
            start = end = tok.i + 2
            # (a name the NER took for a person's is a town the gazetteer does not know: "the village of X")
            person = self.index.by_token.get(start)
            person = person if person is not None and person.type == "Person" else None
            while end < len(doc) and (self._free(doc[end]) or person is not None
                                      and self.index.by_token.get(end) is person) \
                    and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
            if end == start or end - start > 3:
                continue
            span = doc[start:end]
            name = span.text
            self.index.put(span, self.mention(span, "City", f"city:{slug(name)}", name), span.root)

    def _settlement_list(self, k: int) -> None:
        """'the cities of A, B and C': each capitalised name of the list is a place; one the NER took for a person's
        name is a town the gazetteer does not know."""
        doc = self.doc
        while k < len(doc):
            end = k
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" \
                    and (self._free(doc[end]) or (m := self.index.by_token.get(end)) is not None and m.type == "Person"
                         and self.index.by_token.get(k) is m):
                end += 1
            if end > k and end - k <= 3:
                span = doc[k:end]
                self.index.put(span, self.mention(span, "City", f"city:{slug(span.text)}", span.text), span.root)
            elif (m := self.index.by_token.get(k)) is not None and m.type in PLACE_TYPES \
                    or m is not None and m.key.startswith(AMBIGUOUS):
                while end < len(doc) and self.index.by_token.get(end) is m:
                    end += 1  # a place already known
            else:
                return
            if end < len(doc) and (doc[end].text == "," or doc[end].lower_ in COORDINATORS):
                end += 1
                if end < len(doc) and doc[end].lower_ in COORDINATORS:
                    end += 1  # the serial comma: "A, B, and C"
            else:
                return
            k = end

    def _title_run_end(self, span: Span) -> int | None:
        """Where a name of two or three words begins after a run of title words that opens the span
        ('National Security Advisor Jane Roe'), or None."""
        doc = span.doc
        k = span.start
        while k < span.end and (doc[k].lower_ in self.title_words or doc[k].lower_ in self.all_titles):
            k += 1
        if k == span.start or doc[k - 1].lower_ not in self.all_titles and \
                " ".join(t.lower_ for t in doc[span.start:k]) not in self.all_titles:
            return None
        name = doc[k:span.end]
        if 2 <= len(name) <= 3 and all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in ORG_WORDS
                                       and t.lower_ not in INSTITUTION_WORDS and not self.gaz.lookup(t.text)
                                       and not self.gaz.country_of_demonym(t.text) for t in name):
            return k
        return None

    def _holder_start(self, span: Span) -> int | None:
        """Where the name of the holder begins in a title run that ends with a body's name and a person's
        ('Director of the X Service Jane Roe'), or None."""
        doc = span.doc
        k = span.end
        while k > span.start and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title \
                and doc[k - 1].lower_ not in ORG_WORDS and doc[k - 1].lower_ not in INSTITUTION_WORDS \
                and doc[k - 1].lower_ not in self.portfolio_nouns \
                and doc[k - 1].lower_ not in self.all_titles and not self.gaz.lookup(doc[k - 1].text):
            k -= 1
        if 2 <= span.end - k <= 3 and k - 1 > span.start and (doc[k - 1].lower_ in ORG_WORDS
                                                              or doc[k - 1].lower_ in INSTITUTION_WORDS
                                                              or doc[k - 1].lower_ in self.portfolio_nouns):
            return k
        return None

    def _titled_single(self, k: int) -> bool:
        """Whether the single capitalised word at k follows an honorific or a person's title ('Mr. Roe',
        'President Roe'), which makes it a surname."""
        if k == 0:
            return False
        before = self.doc[k - 1].lower_
        honorifics = {h + "." for h in self.gaz.titles.get("honorifics", ())} | set(self.gaz.titles.get("honorifics", ()))
        return before in honorifics or before in self.leader_titles or before in self.military_titles

    def _person_context(self, span: Span) -> bool:
        before = self.doc[span.start - 1] if span.start > 0 else None
        if before is not None and (before.lower_ in self.all_titles or before.lower_ in ("mr.", "mrs.", "ms.", "dr.")
                                   or self._after_title(span.start)):
            return True
        after = self.doc[span.end:span.end + 4]
        if len(after) >= 2 and after[0].text == "," and any(t.lower_ in self.all_titles for t in after[1:]):
            return True
        # "Jane Roe and John Doe met": coordinated with a name the NER read as a person's
        root = span.root
        if any(c.ent_type_ == "PERSON" for c in sx.with_conjuncts(root)[1:]) or \
                sx.dep(root) == "conj" and root.head.ent_type_ == "PERSON":
            return True
        return any(sx.dep(c) == "appos" and c.lower_ in self.all_titles for t in span for c in t.children)

    def _acronyms(self) -> None:
        """'Institute for Andean Studies (IAS)': the acronym names the same entity wherever it appears."""
        aliases: dict[str, Mention] = {}
        doc = self.doc
        text = self.words.text
        for i in range(1, len(doc) - 2):
            if text[i] != "(" or text[i + 2] != ")":
                continue
            acro = text[i + 1]
            ment = self.index.by_token.get(i - 1)
            if ment is None or ment.type not in ("Organization", "MilitaryUnit", "Country", "Actor"):
                continue
            words = [w for w in re.findall(r"[A-Za-z][\w-]*", ment.surface) if w[0].isupper()]
            if acro.isupper() and 2 <= len(acro) <= 8 and "".join(w[0] for w in words).upper() == acro:
                aliases[acro] = ment
        if not aliases:
            return
        for i, word in enumerate(text):
            ment = aliases.get(word)
            if ment is None:
                continue
            tok = doc[i]
            current = self.index.by_token.get(tok.i)
            if current is not None and current.key == ment.key:
                continue
            start, end = self.index.spans.get(tok.i, (tok.i, tok.i + 1)) if current is not None else (tok.i, tok.i + 1)
            span = doc[start:end] if current is not None and current.surface == tok.text else doc[tok.i:tok.i + 1]
            self.index.put(span, self.mention(span, ment.type, ment.key, tok.text, ment.wikidata), tok)

    def _surnames(self) -> None:
        """Proper nouns the NER missed that repeat the surname of a person named in the document."""
        people = {}
        for m in self.index.by_token.values():
            if m.type == "Person" and m.name and len(m.name.split()) > 1:
                people.setdefault(m.name.split()[-1], m)
        if not people:
            return
        strings = self.doc.vocab.strings
        surnames = {strings[name] for name in people if name in strings}
        candidates = [i for i, orth in enumerate(self.doc.to_array(ORTH).tolist()) if orth in surnames]
        for tok in (self.doc[i] for i in candidates):  # only tokens spelled like a surname can be one
            if tok.i in self.index.by_token or tok.pos_ != "PROPN" and not tok.is_title:
                continue
            person = people.get(tok.text)
            if person is not None and not (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN"
                                           and self.doc[tok.i + 1].i not in self.index.by_token):
                mention = self.mention([tok], "Person", person.key, tok.text, person.wikidata)
                self.index.put([tok], mention, tok)

    # -- helpers ----------------------------------------------------------------

    def mention(self, span: Span | list[Token], type_: str, key: str, name: str | None,
                wikidata: str | None = None) -> Mention:
        tokens = list(span)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return Mention(doc_id=self.doc_id, start=start, end=end, surface=self.text[start:end], type=type_,
                       key=key, name=name, wikidata=wikidata)

    def entry_mention(self, span, entry: Entry, name: str | None) -> Mention:
        return self.mention(span, entry.type, entry.key, name, entry.wikidata)

    def _country_of_modifier(self, tok: Token) -> Entry | None:
        """The country a modifier token designates: 'Peruvian', 'Peru's', 'Lima' (metonym)."""
        if tok.text.lower() in US_ABBREVIATIONS or tok.text in ("U.S.", "US", "UK", "U.K."):
            found = self.gaz.lookup(tok.text)
            return found[0] if found else None
        # two-word demonyms: "North Korean", "South African", "New Zealand"
        parts = [c for c in tok.lefts if sx.dep(c) in sx.COMPOUND | sx.AMOD and c.i == tok.i - 1 and c.is_title]
        if parts:
            entry = self.gaz.country_of_demonym(f"{parts[0].text} {tok.text}")
            if entry:
                return entry
        entry = self.gaz.country_of_demonym(tok.text, self.doc_countries)
        if entry:
            return entry
        ment = self.index.get(tok)
        if ment and ment.type == "Country":
            return self.gaz.entries.get(ment.key)
        if ment and ment.key.startswith("country:"):
            return self.gaz.entries.get(ment.key)
        found = [e for e in self.gaz.lookup(tok.text) if e.type == "Country"]
        if found:
            return found[0]
        return self.gaz.country_of_metonym(tok.text)

    # -- named entities -------------------------------------------------------------

    def _entity(self, ent: Span) -> None:
        label = ent.label_
        if any((m := self.index.by_token.get(i)) is not None and m.type == "Person" for i in range(ent.start, ent.end)):
            return  # "Ana Costa-Lima": the end of a double-barrelled name already taken, not the city
        if label in ("DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "LANGUAGE", "LAW",
                     "WORK_OF_ART", "PRODUCT") and not ent.ent_id_:
            return
        span = _strip_det(ent)
        if label in ("ORG", "FAC", "EVENT", "LOC") and not ent.ent_id_:
            # "Southern Group" + "of Forces": the name goes on through 'of'/'for' and capitalised words
            end = span.end
            # "Ministry of Foreign" + "Affairs": capitalised words the NER left out
            while end < len(self.doc) and self.doc[end].is_title and self.doc[end].is_alpha \
                    and not self.doc[end].ent_type_ and end not in self.index.by_token \
                    and self.doc[end].lower_ not in self.all_titles and self.doc[end].pos_ in ("PROPN", "NOUN"):
                end += 1
            while end + 1 < len(self.doc) and self.doc[end].lower_ in INSTITUTION_NAME_PREPS:
                nxt = end + 2 if self.doc[end + 1].lower_ == DEFINITE_ARTICLE and end + 2 < len(self.doc) else end + 1
                institution = any(t.lower_ in INSTITUTION_WORDS for t in self.doc[span.start:end])
                if institution and self.doc[nxt].ent_type_ == "GPE" and self.gaz.country_of_demonym(
                        self.doc[nxt].text) is None and any(e.type == "Country" for e in self.gaz.lookup(self.doc[nxt].text)):
                    end = nxt + 1  # "Ministry of Foreign Affairs of Ukraine": the country is part of the name
                    break
                if not self.doc[nxt].is_title or nxt in self.index.by_token or self.doc[nxt].ent_type_ \
                        and self.doc[nxt].ent_type_ not in ("ORG", "EVENT"):
                    break
                end = nxt + 1
                while end < len(self.doc) and self.doc[end].is_title and not self.doc[end].ent_type_:
                    end += 1
            start = span.start
            # "Defence" + "Ministry": capitalised compounds the NER left out on the left
            while start > 0 and self.doc[start - 1].is_title and not self.doc[start - 1].ent_type_ \
                    and sx.dep(self.doc[start - 1]) in sx.COMPOUND and span.start <= self.doc[start - 1].head.i < end \
                    and self.doc[start - 1].lower_ not in self.all_titles and start - 1 not in self.index.by_token:
                start -= 1
            # "the Ruritanian Defence Ministry": a state's institution keeps the state's adjective in its name, so
            # that two states' ministries stay two entities
            if start > 0 and any(t.lower_ in INSTITUTION_WORDS for t in self.doc[start:end]) \
                    and self.gaz.country_of_demonym(self.doc[start - 1].text) is not None \
                    and start - 1 not in self.index.by_token:
                start -= 1
            span = self.doc[start:end]
        if not any(c.isalpha() for c in span.text):
            return
        head = span.root
        if label == "NORP":
            return  # adjectives: used by the noun-phrase rules
        text = span.text
        if all(t.lower_ in self.military_nouns or t.lower_ == ARMED for t in span):
            return  # "the Peruvian Army": a country's armed forces, found by the noun-phrase rules
        if self._forces_branch(span):
            return  # "French Navy gunships": the branch of a country's forces, not the name of a weapon
        # a weapon named by a proper noun before a weapon noun: "Condor ballistic missile"
        entry = self._gazetteer_entry(span, ent.ent_id_)
        nxt = self._head_noun_after(span)
        if nxt is not None and nxt.lower_ in self.weapon_nouns and label not in ("GPE",) \
                and not (entry is not None and entry.type in ("Organization", "MilitaryUnit")):
            self._weapon(span, nxt)  # ("JNIM fighters": a known group's members, not a weapon)
            return
        if entry is None and label in ("GPE", "LOC"):
            entry = self.gaz.weak_place(text)  # "Nice", "Victoria": a common word or name read as a place
        if label in ("ORG", "LOC", "GPE", "FAC", "NORP") and entry is None and len(span) >= 2 \
                and span[0].lower_ in self.all_titles and not any(t.lower_ in ORG_WORDS for t in span[1:]) \
                and all(t.pos_ == "PROPN" for t in span[1:]):
            label = "PERSON"  # "General Tomas Brandt" read as an organisation by the NER
        if label in ("ORG", "LOC", "FAC", "GPE") and entry is None and len(span) >= 3:
            k = self._title_run_end(span)
            if k is not None:
                # "National Security Advisor Jane Roe" read as one organisation: a title's words, then a name
                self._person(span.doc[k:span.end], None)
                return
        if label in ("ORG", "LOC", "FAC") and entry is None and len(span) >= 4 and span[0].lower_ in self.all_titles:
            # "Director of the Foreign Intelligence Service Jane Roe" read as one organisation: the title's
            # holder closes it
            k = self._holder_start(span)
            if k is not None:
                self._person(span.doc[k:span.end], None)
                return
        if label in ("ORG", "LOC", "FAC", "GPE") and entry is None and 2 <= len(span) <= 3 \
                and all(t.pos_ == "PROPN" and t.is_title for t in span) \
                and not any(t.lower_ in ORG_WORDS or t.lower_ in INSTITUTION_WORDS for t in span) \
                and not any(self.gaz.lookup(t.text) or self.gaz.country_of_demonym(t.text) for t in span) \
                and self._speaks(span.root):
            label = "PERSON"  # "said Jane Roe", "Jane Roe noted": a name that speaks is a person's
        if label in ("ORG", "LOC", "FAC") and entry is None and len(span) >= 2 and span[0].is_upper \
                and len(span[0]) <= 5 and not any(t.lower_ in ORG_WORDS for t in span) \
                and any(e.label_ == "PERSON" and e[-1].text == span[-1].text for e in self.ents):
            label = "PERSON"  # "NSA Roe": an office's acronym before a surname the text names elsewhere
        if label in ("ORG", "LOC", "GPE", "FAC", "NORP") and entry is None and len(span) >= 2 \
                and all(t.pos_ == "PROPN" for t in span) and not any(t.lower_ in ORG_WORDS for t in span) \
                and self._person_role_appositive(span):
            label = "PERSON"  # "Anna Petrova, head of the district" read as an organisation by the NER
        capital = self.gaz.capital(text) if entry is None else None
        if entry is None and (capital is not None or self.gaz.country_of_metonym(text) is not None):
            # a capital is the city (read as its country where it acts: kg.extract.references); "La Moneda",
            # "the White House": a seat of government, whatever label the NER gave it
            if capital is not None:
                self.index.put(span, self.entry_mention(span, capital, text), head)
            else:
                self.index.put(span, self.mention(span, "Place", f"seat:{slug(text)}", text), head)
            return
        if label == "PERSON" and entry is None and all(t.lower_ in self.all_titles or t.lower_ in self.former
                                                       or not t.is_alpha for t in span):
            return  # "President" alone is a title, not a name
        if label in ("ORG", "PERSON") and entry is None and all(t.lower_ in self.portfolio_nouns for t in span) \
                and self._in_title_run(span.start):
            self.entity_tokens.difference_update(range(ent.start, ent.end))
            return  # "Ecology" in "Representative for Climate, Ecology and Transport": a title's portfolio
        if label == "PERSON" and entry is None and span[0].lower_ in self.all_titles \
                and any(t.is_lower and t.lower_ in TITLE_LINKS for t in span[1:]):
            # "Minister of Trade": a title and its portfolio; the name after it is found with the title's run
            self.entity_tokens.difference_update(range(ent.start, ent.end))
            return
        if entry is None and span.text.lower() in voice_words().office_aliases:
            return  # "the Head of State": an office, not a body
        if label == "PERSON" and entry is not None and entry.type != "Person" and self.gaz.is_world(entry) \
                and (len(span) > 1 or not re.search(rf"\b[A-Z][\w'-]+ {re.escape(text)}\b|\b{re.escape(text)} [A-Z][a-z]",
                                                     self.text)):
            label = "GPE"  # a name the world tables know as a place or group, not a personal name: the NER erred
        if label == "PERSON" and entry is None and len(span) == 1 and self._place_position(span.root) \
                and not re.search(rf"\b[A-Z][\w'-]+ {re.escape(text)}\b", self.text):
            label = "LOC"  # "shelling in X", "captured X": a lone name where only places stand, no one's surname
        if label == "PERSON" or (entry and entry.type == "Person"):
            if entry is None:
                span = self._with_particles(span)
            self._person(span, entry)
            return
        if entry is not None:
            if entry.type == "City" and self.gaz.region_for_base(text) is not None \
                    and self.gaz.country_of_metonym(text) is None:
                reading = self._region_reading(span, entry)
                region = self.gaz.region_for_base(text)
                if reading is True:
                    self.index.put(span, self.entry_mention(span, region, text), head)
                    return
                if reading is None:
                    # neither reading is marked here: the corpus decides (kg.extract.resolve)
                    mention = self.entry_mention(span, entry, text)
                    self.index.put(span, replace(mention, key=f"{AMBIGUOUS}{entry.key}|{region.key}"), head)
                    return
            self.index.put(span, self.entry_mention(span, entry, text), head)
            return
        metonym = self.gaz.country_of_metonym(text)
        if metonym:
            self.index.put(span, self.mention(span, "City", f"seat:{slug(text)}", text), head)
            return
        type_ = {"GPE": "City", "LOC": "Place", "FAC": "Place", "ORG": "Organization", "NORP": "Actor",
                 "EVENT": "Event"}.get(label, "Organization")
        if type_ == "Organization" and any(t.lower_ in MILITARY_UNIT_WORDS for t in span):
            type_ = "MilitaryUnit"
        if type_ == "Place" and span[-1].lower_ in self.region_words:
            type_ = "Region"
        name = text
        key = f"{type_.lower()}:{slug(name)}"
        self.index.put(span, self.mention(span, type_, key, name), head)

    def _place_position(self, tok: Token) -> bool:
        """Whether a name stands where only a place can: after a preposition of place ('in X', 'near X'), or as
        the object of a verb that takes territory ('captured X')."""
        if sx.prep_of(tok) in PLACE_ONLY_PREPS:
            return True
        if sx.dep(tok) in sx.OBJ and tok.head.i != tok.i:
            entry = sx.lookup(tok.head, self.gaz.lexicon["verbs"])[1] or {}
            return entry.get("p") in TERRITORY_TAKING_PROPS
        return False

    def _with_particles(self, span: Span) -> Span:
        """A personal name with the particles and words the NER cut off its end ('Jane al-Roe', 'John bin Doe'),
        where the parse keeps them in the name."""
        doc = span.doc
        end = span.end
        while end + 1 < len(doc) and end not in self.index.by_token:
            nxt = end + 1
            if doc[end].lower_ in HYPHENED_NAME_PARTICLES and doc[nxt].text in HYPHENS \
                    and not doc[end].whitespace_ and not doc[nxt].whitespace_:
                nxt += 1  # "al-Roe"
            elif doc[end].lower_ not in NAME_PARTICLES:
                break
            if nxt >= len(doc) or not doc[nxt].is_title or not doc[nxt].is_alpha or nxt in self.index.by_token \
                    or not all(span.start <= doc[k].head.i <= nxt for k in range(end, nxt + 1)):
                break
            end = nxt + 1
        return doc[span.start:end] if end > span.end else span

    def _head_noun_after(self, span: Span) -> Token | None:
        root = span.root
        if sx.dep(root) in sx.COMPOUND | {"amod", "nmod"} and root.head.i > span.end - 1 and root.head.pos_ == "NOUN":
            return root.head
        if span.end < len(self.doc) and self.doc[span.end].lower_ in self.weapon_nouns:
            return self.doc[span.end]
        return None

    def _gazetteer_entry(self, span: Span, ent_id: str) -> Entry | None:
        if ent_id and ent_id in self.gaz.entries:
            return self.gaz.entries[ent_id]
        found = self.gaz.lookup(span.text)
        if not found and (span.root.pos_ == "PROPN" or span[-1].tag_ == "NNP"):
            # "Russia's Defence Ministry", "the Ukrainian Defence Ministry": the name with the country's demonym
            owner = next((sx.possessor(t) for t in span if sx.possessor(t) is not None), None)
            mods = [owner] if owner is not None else []
            mods += [t for t in self.doc[max(0, span.start - 2):span.start] if self.gaz.country_of_demonym(t.text)]
            for mod in mods:
                country = self._country_of_modifier(mod)
                if country is not None and country.demonyms and not span.text.startswith(country.demonyms[0]):
                    found = self.gaz.lookup(f"{country.demonyms[0]} {_strip_det(span).text}")
                    if found:
                        break
        if not found:
            return None
        return self.gaz.best(found, self.doc_countries) if len(found) > 1 else found[0]

    @property
    def doc_countries(self) -> set[str]:
        """The countries the document names, which decide between same-name places ("Hyderabad")."""
        if self._doc_countries is None:
            self._doc_countries = {k.split(":", 1)[1] for e in self.ents if (k := e.ent_id_).startswith("country:")}
        return self._doc_countries

    def _speaks(self, tok: Token) -> bool:
        """Whether a name is the subject of a reporting verb ('said X', 'X noted that')."""
        if sx.dep(tok) not in sx.SUBJ:
            return False
        entry = sx.lookup(tok.head, self.gaz.lexicon["verbs"])[1] or {}
        return entry.get("mode") == "speech"

    def _person_role_appositive(self, span: Span) -> bool:
        """Whether the name is followed by an appositive role noun that only a person holds ("…, head of")."""
        for c in span.root.children:
            if sx.dep(c) in sx.APPOS and c.lower_ in self.all_titles:
                return True
        nxt = span.end
        return nxt + 1 < len(self.doc) and self.doc[nxt].text == "," and self.doc[nxt + 1].lower_ in self.all_titles \
            and nxt + 2 < len(self.doc) and self.doc[nxt + 2].lower_ == GENITIVE_PREP

    def _region_reading(self, span: Span, city: Entry) -> bool | None:
        """Whether a bare name that is both a city and a region's name means the region here:
        True (region), False (city), None (the text does not say)."""
        if self.gaz.region_for_base(span.text) is None:
            return False
        root = span.root
        head = root.head
        chain = [root] + ([head] if sx.dep(root) == "conj" else [])
        for tok in chain:
            h = tok.head
            if sx.dep(tok) in sx.COMPOUND | {"amod", "nmod"} and h.lower_ in self.region_words and h.i > tok.i:
                return True
            if h.lower_ in self.region_words and sx.prep_of(tok) in REGION_NAMING_PREPS:
                return True
            if any(sx.dep(c) == "appos" and c.lower_ in self.region_words for c in tok.children):
                return True
            if h.lower_ in self.city_words and sx.prep_of(tok) == GENITIVE_PREP:
                return False
        if span.start > 0 and self.doc[span.start - 1].lower_ in CITY_NOUNS:
            return False
        name = fold(span.text)
        if name in self.city_evidence:
            return False
        if name in self.region_evidence:
            return True
        # a list of names one of which is a region: "Cusco, Puno, Tacna and Arequipa — regions that"
        for tok in [root.head] if sx.dep(root) == "conj" else [root]:
            for c in [tok, *tok.conjuncts]:
                if any(sx.dep(x) == "appos" and x.lower_ in self.region_words for x in c.children):
                    return True
            # "the Cusco and Puno regions": a plural class noun closing the list covers every name in it
            if any(c.lower_ in self.region_words and c.tag_ == "NNS" for c in tok.conjuncts):
                return True
            # the same list followed by a dash or colon and the class noun, however the parser attached it
            if sx.class_noun_after(tok, self.region_words) is not None:
                return True
        return None

    # -- persons ---------------------------------------------------------------------

    def _person(self, span: Span, entry: Entry | None) -> None:
        end = span.end
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and self.doc[end].is_title \
                and sx.dep(self.doc[end]) in ("flat", "flat:name") and span.start <= self.doc[end].head.i < end \
                and not self.doc[end].ent_type_ and end not in self.index.by_token:
            end += 1  # "Jane Roe Smith": the name's last word the NER left out
        while end + 1 < len(self.doc) and self.doc[end].text in ("-", "‑") and not self.doc[end - 1].whitespace_ \
                and not self.doc[end].whitespace_ and self.doc[end + 1].is_title and self.doc[end + 1].is_alpha \
                and end + 1 not in self.index.by_token:
            end += 2  # "Jane Roe-Smith": a double-barrelled surname the tokenizer split
        if end != span.end:
            span = self.doc[span.start:end]
        tokens = list(span)
        # strip leading title words that NER may include ("General Tomas Brandt")
        while len(tokens) > 1 and (tokens[0].lower_ in self.all_titles or tokens[0].lower_ in self.former
                                   or tokens[0].lower_ in self.title_words and len(tokens) > 2
                                   or self.gaz.country_of_demonym(tokens[0].text)
                                   or tokens[0].lower_ in self.title_suffixes and tokens[0].i > 0
                                   and self.doc[tokens[0].i - 1].text in ("-", "‑")):
            tokens = tokens[1:]  # ("President-elect Jane Roe": 'elect' ends the title)
        while len(tokens) > 1 and (tokens[-1].tag_ == "POS" or tokens[-1].lower_ in POSSESSIVE_CLITICS):
            tokens = tokens[:-1]
        name = self.doc[tokens[0].i:tokens[-1].i + 1].text
        if entry is None and (all(t.lower_ in self.all_titles or t.lower_ in self.title_words for t in tokens)
                              or tokens[-1].lower_ in self.leader_titles | self.military_titles):
            return  # "the Vice President", "X Commander General": a title without a name is no person's name
        if entry is None:
            found = [e for e in self.gaz.lookup(name) if e.type == "Person"]
            entry = found[0] if found else None
        if entry is not None:
            key, wikidata = entry.key, entry.wikidata
        else:
            key, wikidata = self.person_key(name), None
        surface_span = self._titled_span(span)
        mention = Mention(doc_id=self.doc_id, start=surface_span[0].idx,
                          end=surface_span[-1].idx + len(surface_span[-1].text),
                          surface=self.text[surface_span[0].idx:surface_span[-1].idx + len(surface_span[-1].text)],
                          type="Person", key=key, name=name, wikidata=wikidata)
        self.index.put(span, mention, span.root)
        titles = self.index.titles.setdefault(key, set())
        before = [tok for tok in surface_span if tok.i < span.start]
        for tok in before:
            titles.add(tok.lower_)
        if key not in self.index.leads:
            words = " ".join(t.lower_ for t in before)
            if not any(w in self.former for w in words.split()):
                country = next((self._country_of_modifier(t) for t in before if self._country_of_modifier(t)), None)
                if country is not None and any(re.search(rf"\b{re.escape(t)}\b", words) for t in self.leader_titles):
                    self.index.leads[key] = country.key
            if key not in self.index.leads and entry is not None and entry.country:
                self.index.leads[key] = f"country:{entry.country}"

    def person_key(self, name: str) -> str:
        """Persons known by surname: a bare surname joins an earlier full name of the document."""
        parts = name.split()
        if len(parts) == 1:
            for mention in self.index.by_token.values():
                if mention.type == "Person" and mention.name and mention.name.split()[-1] == name:
                    return mention.key
        return f"person:{slug(name)}"

    def _titled_span(self, span: Span) -> list[Token]:
        """The person's name with the title and nationality words written before it."""
        tokens = list(span)
        i = span.start - 1
        while i >= 0:
            tok = self.doc[i]
            if tok.head.i >= span.start and tok.head.i < span.end or tok.head.i in [t.i for t in tokens]:
                if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.lower_ in self.all_titles or tok.lower_ in self.former \
                        or tok.text in ("U.S.", "US", "UK"):
                    if tok.lower_ in NAME_BOUNDARY_ARTICLES or tok.tag_ == "POS":
                        break
                    tokens.insert(0, tok)
                    i -= 1
                    continue
            break
        return tokens

    # -- descriptions --------------------------------------------------------------

    def _forces_branch(self, span: Span) -> bool:
        """Whether a name is a country's armed forces or one of their branches ("French Navy"): military words
        after the country's demonym."""
        return len(span) > 1 and span[-1].lower_ in self.military_nouns and all(
            t.lower_ in self.military_nouns or self.gaz.country_of_demonym(t.text) is not None
            or any(e.type == "Country" for e in self.gaz.lookup(t.text)) for t in span[:-1])  # ("US Navy")

    def _weapon(self, span: Span, noun: Token) -> None:
        name = _strip_det(span).text
        tokens = [t for t in self.doc[span.start:noun.i + 1]]
        surface = self.doc[span.start:noun.i + 1]
        key = f"weapon:{slug(name)}"
        mention = Mention(doc_id=self.doc_id, start=span[0].idx, end=noun.idx + len(noun.text),
                          surface=surface.text, type="Weapon", key=key, name=name)
        self.index.put(tokens, mention, noun)

    def _noun_phrase(self, tok: Token) -> None:
        lower = tok.lower_
        mods = [c for c in tok.children if sx.dep(c) in sx.AMOD | sx.COMPOUND | sx.POSS | sx.NUMMOD | {"nmod"}
                and c.i < tok.i]
        if lower in self.military_nouns:
            if not mods and sx.dep(tok) in sx.COMPOUND and tok.head.i > tok.i:
                # "Ruritanian army convoys": the demonym the parse hung on the noun the army word modifies
                mods = [c for c in tok.head.children if c.i < tok.i and sx.dep(c) in sx.AMOD | sx.COMPOUND]
            country = self._modifier_country(tok, mods)
            if country is not None:
                self._armed_forces(tok, mods, country)
            return
        institution = next((self.index.get(c) for c in mods if self.index.get(c) is not None
                            and self.index.get(c).type == "Organization"), None)
        if lower in self.official_nouns and institution is not None:
            # "a Defence Ministry spokesman": the ministry speaks
            self.index.put([tok], replace(institution, name=None, start=tok.idx, end=tok.idx + len(tok.text),
                                          surface=tok.text), tok)
            return
        if (lower in self.official_nouns or lower in PEOPLE_NOUNS) \
                and not any(c.lower_ in NEWS_MODIFIERS for c in tok.lefts):
            # a news agency speaks for itself, not for its country ("the state news agency reported")
            entry = self._modifier_country(tok, mods, people=lower in PEOPLE_NOUNS)
            if entry is not None:
                mention = self.entry_mention([tok], entry, None)
                self.index.put([tok], mention, tok)
            elif lower in self.official_nouns:
                # "Western officials", "European diplomats": the group of countries speaks
                adjs = [c for c in mods if c.lower_ in GROUP_ADJECTIVES and sx.dep(c) in sx.AMOD | sx.COMPOUND]
                if adjs:
                    adj = adjs[0]
                    span = self.doc[adj.i:tok.i + 1]
                    self.index.put(span, self.mention(span, "Actor", f"group:{slug(adj.text)}", None), tok)
            return
        if lower in self.group_nouns:
            adjs = [c for c in mods if c.lower_ in GROUP_ADJECTIVES]
            orgs = [c for c in mods if self.index.get(c) and self.index.get(c).type == "Organization"]
            if orgs:
                self.index.put([tok], replace(self.index.get(orgs[0]), name=None), tok)
            elif adjs:
                adj = adjs[0]
                name = f"{adj.text} {tok.text}"
                mention = self.mention(self.doc[adj.i:tok.i + 1], "Actor", f"group:{slug(adj.text)}", name)
                self.index.put(self.doc[adj.i:tok.i + 1], mention, tok)
            return
        if lower in self.nation_nouns:
            self._nation(tok, mods)
            return
        if lower in self.agreement_nouns:
            self._agreement(tok)
            return
        if lower in ENTOURAGE_NOUNS:
            self._entourage(tok, mods)
            return
        if lower in MEDIA_NOUNS:
            self._unnamed_media(tok, mods)
            return
        if lower in self.weapon_nouns:
            props = [c for c in tok.children if c.i < tok.i and c.pos_ == "PROPN" and sx.dep(c) in sx.COMPOUND]
            if props and not self._forces_branch(self.doc[props[0].left_edge.i:props[-1].i + 1]):
                self._weapon(self.doc[props[0].left_edge.i:props[-1].i + 1], tok)
            return
        if lower in self.place_nouns:
            self._described_place(tok, mods)
            return
        if lower in DISTRICT_NOUNS:
            self._named_district(tok, mods)

    def _nation(self, tok: Token, mods: list[Token]) -> None:
        """'The Ruritanian people', 'the people of Ruritania': the country, as a whole people; not a counted or
        qualified part of it ('200 Ruritanian people', 'many people of Ruritania'); only as an object, since a people
        as subject or owner ('the Ruritanian people's demand') is not its state acting."""
        if sx.dep(tok) in sx.SUBJ | sx.SUBJ_PASS | sx.POSS:
            return
        if any(sx.dep(c) in sx.NUMMOD or c.lower_ != DEFINITE_ARTICLE and sx.dep(c) in ("det", "det:predet", "predet")
               for c in tok.children) or any(c.pos_ == "ADJ" and not self.gaz.country_of_demonym(c.text) for c in mods):
            return
        country = next((e for c in mods if sx.dep(c) in sx.AMOD | sx.COMPOUND
                        and (e := self.gaz.country_of_demonym(c.text)) is not None), None)
        if country is None:
            for prep, noun in sx.prep_args(tok):
                ment = self.index.get(noun) if prep == GENITIVE_PREP else None
                if ment is not None and ment.type == "Country":
                    country = self.gaz.entries.get(ment.key)
                break
        if country is not None and country.type == "Country":
            self.index.put([tok], self.entry_mention([tok], country, None), tok)

    def _modifier_country(self, tok: Token, mods: list[Token], people: bool = False) -> Entry | None:
        """The country a military/official noun belongs to: 'Russian forces', 'Ukraine's military',
        'officials in Lima', 'his military' (the leader's country)."""
        for mod in mods:
            if people and sx.dep(mod) in sx.AMOD and tok.lower_ not in self.official_nouns:
                continue  # "Ukrainian analysts": nationality, not affiliation ("Russian officials" speak for Russia)
            if mod.lower_ in self.former:
                return None
            if sx.dep(mod) in sx.POSS and tok.lower_ in COUNTERPART_NOUNS:
                continue  # "his counterpart" is from another country than his
            if sx.dep(mod) in sx.POSS and mod.lower_ in MALE | FEMALE:
                person = self.antecedent(self, mod)
                country = self.index.leads.get(person.key) if person is not None else None
                if country:
                    return self.gaz.entries.get(country)
                continue  # "her Ghanaian counterpart": another modifier may still name the country
            if sx.dep(mod) in sx.POSS and mod.lower_ in COLLECTIVE_POSSESSIVES and tok.lower_ in self.military_nouns:
                owner = self.antecedent(self, mod)  # "Ukraine's General Staff said its forces…"
                if owner is not None and owner.type == "Country":
                    return self.gaz.entries.get(owner.key)
                continue
            entry = self._country_of_modifier(mod)
            if entry is not None:
                return entry
            ment = self.index.get(mod)
            if ment is not None and ment.type == "Person":
                country = self.index.leads.get(ment.key)
                if country:
                    return self.gaz.entries.get(country)
            if people and ment is not None and ment.type == "Organization":
                return self.gaz.entries.get(ment.key) or _AdHoc(ment)
        for prep, noun in sx.prep_args(tok):
            if prep in AFFILIATION_PREPS:
                ment = self.index.get(noun)
                if ment is None:
                    continue
                if ment.type == "Organization" and people:
                    return _AdHoc(ment)
                entry = self._country_of_modifier(noun)
                if entry is not None and not (people and prep == LOCATIVE_PREP and ment.type == "Country") \
                        and not (tok.lower_ in self.military_nouns and tok.tag_ == "NNS" and prep == LOCATIVE_PREP):
                    # (troops in a country are not its forces: "X has 5,000 troops in Y"; "the army in Y" is Y's)
                    return entry
                if prep in LOCATION_OR_ORIGIN_PREPS and tok.lower_ in self.official_nouns and ment.type in ("City", "Region"):
                    # "officials in X": the authorities of the country X lies in
                    key = ment.key.split("|", 1)[0].removeprefix(AMBIGUOUS)
                    place = self.gaz.entries.get(key)
                    if place is not None and place.country:
                        return self.gaz.country(place.country)
        return None

    def _armed_forces(self, tok: Token, mods: list[Token], country: Entry) -> None:
        named = [m for m in mods if sx.dep(m) in sx.AMOD | sx.COMPOUND and self.gaz.country_of_demonym(m.text)]
        key = f"forces:{country.country}"
        if named:
            span = self.doc[named[0].i:tok.i + 1]
            name = span.text
        else:
            span = [tok]
            name = None
        mention = Mention(doc_id=self.doc_id, start=list(span)[0].idx, end=tok.idx + len(tok.text),
                          surface=self.text[list(span)[0].idx:tok.idx + len(tok.text)], type="MilitaryUnit",
                          key=key, name=name)
        self.index.put(span, mention, tok)

    def _agreement(self, tok: Token) -> None:
        mods = sorted((c for c in tok.children if c.i < tok.i and sx.dep(c) in sx.AMOD | sx.COMPOUND | sx.NUMMOD
                       | {"nmod", "npadvmod", "obl:npmod", "nmod:npmod"}), key=lambda t: t.i)
        kept = []
        for mod in mods:
            words = [t for t in mod.subtree if t.i < tok.i]
            if mod.tag_ in ("VBN", "VBD") or mod.lower_.endswith("-mediated") or mod.lower_ in GENERIC_MODIFIERS:
                continue
            if sx.dep(mod) in sx.POSS:
                continue
            kept.extend(words)
        kept = sorted({t.i: t for t in kept}.values(), key=lambda t: t.i)
        if not kept:
            return
        distinctive = any(t.like_num or t.pos_ == "PROPN" or "-" in t.text or t.lower_ not in GENERIC_MODIFIERS
                          for t in kept)
        if not distinctive:
            return
        tokens = self.doc[kept[0].i:tok.i + 1]
        # a following noun of the same kind: "truce agreement"
        end = tok.i + 1
        if end < len(self.doc) and self.doc[end].lower_ in self.agreement_nouns and self.doc[end].head.i == end:
            tokens = self.doc[kept[0].i:end + 1]
        name = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        self.index.put(tokens, self.mention(tokens, "Agreement", f"agreement:{slug(name)}", name), tok)

    def _named_district(self, tok: Token, mods: list[Token]) -> None:
        """'the Vorsk district': a region the gazetteer does not know, named by its proper modifier."""
        names = [m for m in mods if sx.dep(m) in sx.AMOD | sx.COMPOUND and m.i == tok.i - 1 and m.text[:1].isupper()
                 and m.i not in self.index.by_token and not self.gaz.country_of_demonym(m.text)]
        if not names:
            return
        tokens = self.doc[names[0].i:tok.i + 1]
        name = self.text[tokens[0].idx:tok.idx + len(tok.text)]
        self.index.put(tokens, self.mention(tokens, "Region", f"region:{slug(name)}", name), tok)

    def _entourage(self, tok: Token, mods: list[Token]) -> None:
        """'Roe's team', 'the Brandt administration': an organization named after its leader."""
        for mod in mods:
            ment = self.index.get(mod)
            if ment is None or ment.type != "Person" or sx.dep(mod) not in sx.POSS | sx.COMPOUND:
                continue
            surname = (ment.name or mod.text).split()[-1]
            possessive = sx.dep(mod) in sx.POSS
            name = f"{surname}'s {tok.text}" if possessive else f"{surname} {tok.text}"
            key = f"org:{slug(surname)}-{slug(tok.lemma_ or tok.text)}"
            mention = self.mention([tok], "Organization", key, name)
            self.index.put([tok], mention, tok)
            return

    def _unnamed_media(self, tok: Token, mods: list[Token]) -> None:
        """'the Peruvian news agency': an outlet known only by its description, within one document."""
        words = [t for t in tok.subtree if t.i < tok.i and t.pos_ in ("ADJ", "NOUN", "PROPN")]
        country = next((self.gaz.country_of_demonym(m.text) for m in words if self.gaz.country_of_demonym(m.text)), None)
        if country is None or not any(m.lower_ in STATE_MEDIA_MODIFIERS for m in words):
            return
        first = min(words, key=lambda t: t.i)
        tokens = self.doc[first.i:tok.i + 1]
        name = self.text[tokens[0].idx:tok.idx + len(tok.text)]
        self.index.put(tokens, self.mention(tokens, "Organization", f"org:{self.doc_id}:{slug(name)}", name), tok)

    def _described_place(self, tok: Token, mods: list[Token]) -> None:
        # ("the X children’s hospital": the name may hang on a modifier of the noun)
        near = [t for m in mods for t in m.subtree if t.i < tok.i and sx.dep(t) in sx.COMPOUND | sx.AMOD | sx.POSS]
        signs = [m for m in dict.fromkeys(mods + near) if m.pos_ == "PROPN" or self.gaz.country_of_demonym(m.text)
                 or (sx.dep(m) in sx.POSS and self.index.get(m) is not None)]
        if not signs:
            return
        first = min(signs, key=lambda t: t.left_edge.i)
        start = first.left_edge.i
        tokens = self.doc[start:tok.i + 1]
        name = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        if tokens[0].tag_ == "PRP$":
            return  # "their children's hospital": a description, not a name
        self.index.put(tokens, self.mention(tokens, "Place", f"place:{self.doc_id}:{slug(name)}", name), tok)

@dataclass
class _AdHoc:
    """An organization found in the document, used where a gazetteer entry is expected."""

    mention: Mention

    @property
    def key(self):
        return self.mention.key

    @property
    def type(self):
        return self.mention.type

    @property
    def wikidata(self):
        return self.mention.wikidata

    @property
    def country(self):
        return None

    demonyms = ()
    label = ""
