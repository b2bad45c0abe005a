"""Standing relations: titles, offices, memberships and places.

The per-sentence passes that read relations which hold over time rather than happen: leaderOf and commands
from titles and appositions, offices, member lists, locatedIn for places, sites and regions, borders, held
and patron-controlled places, participants of talks, death tolls, and a document voice's demands.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon.words import (
    AGENT_PREP,
    ARTICLES,
    COMITATIVE_PREP,
    COORDINATORS,
    DEFINITE_ARTICLE,
    GENITIVE_PREP,
    LOCATIVE_PREP,
    rule_words,
)
from ..model import Mention, Quantity
from ..nlp import syntax as sx
from .arguments import (
    OWNER_PREPS,
    _clause_content,
    _content,
    _mention_at,
    _mentions_expanded,
    _mentions_of,
    _span_content,
)
from .context import (
    LOCATED_VERBS,
    SPEECH_ACTS,
    Context,
    Frame,
    _entry_mention,
    _forces_of,
    _pattern_words,
    _stance_words,
    _tokens_with,
)
from .emit import _add, _country_code, _emit, _evidence
from .mentions import ACTOR_TYPES, PLACE_TYPES
from .references import description_country
from .voice import voice_words

OFFICE_PHRASE_LINKS = rule_words().office_phrase_links
MEMBER_LIST_LEADS = rule_words().member_list_lead_words
LIST_FILLERS = rule_words().list_filler_words
CONTAINER_PREPS = rule_words().container_preps
BORDER_PREPS = rule_words().border_preps
BORDER_NOUNS = rule_words().border_nouns
RECIPROCAL_PREP = rule_words().reciprocal_preposition
SHARE_VERB = rule_words().share_verb
CROSSING_VERBS = rule_words().crossing_verbs
INTO_PREP, OUT_OF_PREP = rule_words().crossing_preps
SUB_BODY_NOUNS = rule_words().sub_body_nouns
LOCATED_OR_SHARE_VERBS = LOCATED_VERBS | {SHARE_VERB}


# --- titles and appositions -----------------------------------------------------------------------


def _titles_and_appositions(ctx: Context, sent: Span, number: int) -> None:
    """leaderOf / commands from titles ('Peruvian President Tomas Brandt', 'X, head of Y');
    locatedIn from appositions ('Arequipa, Peru's second-largest city')."""
    seen_people = set()
    for tok in ctx.heads_in(sent):  # the other tokens are no name's head
        ment = ctx.index.get(tok)
        if ment is None or ment.name is None:
            continue
        if ment.type == "Person" and ment.key not in seen_people and tok.i == ctx.index.spans.get(tok.i, (tok.i,))[0] or (
                ment.type == "Person" and tok.i in ctx.index.spans and ment.key not in seen_people):
            if tok.i not in ctx.index.spans:
                continue
            seen_people.add(ment.key)
            start, _ = ctx.index.spans[tok.i]
            pre = [t for t in ctx.doc[max(sent.start, start - 6):start]]
            _title_relations(ctx, ment, pre, number, tok)
            # the parse may hang the apposition on any word of the name ('Jane' of 'Jane Roe, a member of X')
            name_words = [ctx.doc[k] for k in range(start, ctx.index.spans[tok.i][1])] if tok.i in ctx.index.spans else [tok]
            for app in (c for w in name_words for c in w.children if sx.dep(c) in sx.APPOS):
                _appositive_title(ctx, ment, app, number)
            if sx.dep(tok) in sx.APPOS:
                _appositive_title(ctx, ment, _title_head(ctx, tok.head), number)
            set_off = _comma_phrase_root(ctx, ctx.index.spans[tok.i][1], sent.end)
            if set_off is not None and sx.dep(set_off) not in sx.APPOS and set_off.lower_ in ctx.finder.title_words:
                # "X, Chad's foreign minister, met…" with the title parsed as a second subject, not an apposition
                _appositive_title(ctx, ment, set_off, number)
        if ment.type in ("Organization", "MilitaryUnit") and tok.i in ctx.index.spans:
            _parent_body(ctx, ment, tok, number)
        if ment.type in PLACE_TYPES and tok.i in ctx.index.spans:
            for app in (c for c in tok.children if sx.dep(c) in sx.APPOS):
                container = _possessive_place(ctx, app)
                if container is not None and container.key != ment.key:
                    _add(ctx, number, ment, "locatedIn", container, evidence=_evidence(ctx, tok, app))


def _parent_body(ctx: Context, body: Mention, tok: Token, number: int) -> None:
    """'the Andean Union Mission in Peru': a body whose name opens with the name of another organisation and goes
    on with capitalised words is one of its sub-bodies (memberOf, once per document)."""
    start, end = ctx.index.spans[tok.i]
    words = [ctx.doc[k] for k in range(start, end)]
    if words and words[0].lower_ == DEFINITE_ARTICLE:
        words = words[1:]
    for n in range(len(words) - 1, 0, -1):
        if not words[n].text[:1].isupper() or not any(w.lower_ in SUB_BODY_NOUNS for w in words[n:]):
            continue
        entries = [e for e in ctx.gaz.lookup(" ".join(w.text for w in words[:n]).replace(" - ", "-"))
                   if e.type == "Organization" and e.key != body.key]
        if not entries:
            continue
        parent = _entry_mention(ctx, words[0], entries[0])
        if parent.key == body.key or (body.name or "").lower() == entries[0].label.lower():
            return
        if not _stated(ctx, body, "memberOf", parent):
            _add(ctx, number, body, "memberOf", parent, evidence=ctx.doc[start:end].text)
        return


def _title_relations(ctx: Context, person: Mention, pre: list[Token], number: int, anchor: Token) -> None:
    titles = ctx.finder
    words = [t.lower_ for t in pre]
    if not words:
        return
    # only the words directly before the name, up to a determiner or punctuation
    run = []
    owner = None  # "the X movement's leader Jane Roe": the body owning the title
    for tok in reversed(pre):
        if tok.is_punct or tok.lower_ in ARTICLES or tok.tag_ == "POS" \
                or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
            if tok.tag_ == "POS" and tok.i > 0:
                owner = ctx.index.get(ctx.doc[tok.i - 1])
            break  # "… of Brazil and President X": the title is the words after 'and'
        run.insert(0, tok)
    if not run:
        return
    lowers = [t.lower_ for t in run]
    if any(w in titles.former for w in lowers):
        return
    text = " ".join(lowers)
    country = None
    for tok in run:
        entry = titles._country_of_modifier(tok)
        if entry is not None and entry.type == "Country":
            country = entry
    leader = next((t for t in sorted(titles.leader_titles, key=len, reverse=True) if re.search(rf"\b{re.escape(t)}\b", text)), None)
    org = None
    if country is None:
        # "NATO Secretary General Mark Rutte": the organisation named in the title
        org = next((m for m in (ctx.index.get(t) for t in run) if m is not None and m.type == "Organization"
                    and m.key != person.key), None)
        if org is None and owner is not None and owner.type == "Organization" and owner.key != person.key \
                and all(ctx.index.get(t) is None or ctx.index.get(t).key == person.key for t in run) \
                and not any(w in titles.subordinate_words for w in lowers):
            org = owner
    if leader and (country is not None or org is not None):
        role = " ".join(t.text for t in run if t.lower_ in leader.split())
        if country is not None:
            obj = Mention(doc_id=ctx.document.doc_id, start=run[0].idx, end=run[-1].idx + len(run[-1].text),
                          surface=country.label, type="Country", key=country.key, wikidata=country.wikidata)
            ctx.index.leads.setdefault(person.key, country.key)
        else:
            obj = org
        _add(ctx, number, person, "leaderOf", obj, role=role or leader.title(),
             evidence=ctx.finder.text[run[0].idx:person.end])
    ctx.index.titles.setdefault(person.key, set()).update(lowers)


_TITLE_PATTERNS: dict[frozenset, re.Pattern] = {}


def _longest_title(text: str, titles) -> str | None:
    """The longest of the titles that the text contains as whole words."""
    key = frozenset(titles)
    pattern = _TITLE_PATTERNS.get(key)
    if pattern is None:
        alternatives = "|".join(re.escape(t) for t in sorted(key, key=len, reverse=True))
        pattern = _TITLE_PATTERNS[key] = re.compile(rf"(?=(?<![\w-])({alternatives})(?![\w-]))")
    found = [m.group(1) for m in pattern.finditer(text)]
    return max(found, key=len) if found else None


def _office_relations(ctx: Context, sent: Span, number: int) -> None:
    """Offices in titles: 'President of X Jane Roe', 'Prime Minister Jane Roe of X' -> leaderOf; 'X's Ambassador to
    Y Jane Roe', 'Deputy Chairman of the X Council Jane Roe', 'National Security Advisor Jane Roe of X' -> memberOf;
    'X Force Commander General Jane Roe' -> commands. Only where the title names the country or body."""
    finder = ctx.finder
    member, subordinate, target_preps = finder.member_titles, finder.subordinate_words, finder.target_preps
    doc = ctx.doc
    for tok in ctx.heads_in(sent):
        person = ctx.index.get(tok)
        if person is None or person.type != "Person" or person.name is None or tok.i not in ctx.index.spans \
                or all(w.lower() in finder.all_titles for w in person.name.split()):
            continue
        start, end = ctx.index.spans[tok.i]
        first_name = start
        while first_name < end - 1 and (doc[first_name].lower_ in finder.all_titles or doc[first_name].lower_ in member
                                        or doc[first_name].lower_ in subordinate):
            first_name += 1
        phrase: list[Token] = [doc[k] for k in range(start, first_name)]
        k = start - 1
        while k >= sent.start and len(phrase) < 16:
            t = doc[k]
            low = t.lower_
            if t.is_punct and t.text not in (".", "-"):
                break
            other = ctx.index.get(t)
            if other is not None and other.type == "Person" and other.key != person.key:
                break
            if low in OFFICE_PHRASE_LINKS or low in target_preps or t.text[:1].isupper() or t.tag_ == "POS" \
                    or ctx.index.get(t) is not None \
                    or low in finder.all_titles or low in finder.title_words or low in finder.military_nouns:
                # (a title in lower case too: "the Sudanese army chief Jane Roe")
                phrase.insert(0, t)
                k -= 1
                continue
            break
        while phrase and (phrase[0].lower_ in OFFICE_PHRASE_LINKS or phrase[0].lower_ in target_preps
                          or phrase[0].tag_ == "POS"):
            phrase = phrase[1:]
        lowers = " ".join(t.lower_ for t in phrase)
        if not phrase or any(w in finder.former for w in lowers.split()):
            continue
        leader = _longest_title(lowers, finder.leader_titles)
        office = _longest_title(lowers, member)
        military = _longest_title(lowers, finder.military_titles)
        if not (leader or office or military):
            continue
        candidates = []  # (mention, written after a target preposition)
        for j, t in enumerate(phrase):
            m = ctx.index.get(t)
            if m is None or m.key == person.key or m.type not in ("Country", "Organization", "MilitaryUnit"):
                entry = finder._country_of_modifier(t) if m is None or m.type not in PLACE_TYPES else None
                if entry is None or entry.type != "Country":
                    continue
                m = Mention(doc_id=ctx.document.doc_id, start=t.idx, end=t.idx + len(t.text), surface=entry.label,
                            type="Country", key=entry.key, wikidata=entry.wikidata)
            before = [x for x in phrase[:j] if x.lower_ != DEFINITE_ARTICLE and ctx.index.get(x) != m]
            targeted = bool(before) and before[-1].lower_ in target_preps
            if not candidates or candidates[-1][0].key != m.key:
                candidates.append((m, targeted))
        after = end
        while after < sent.end and after - end < 2 and doc[after].text.istitle() and doc[after].pos_ == "PROPN" \
                and ctx.index.get(doc[after]) is None:
            after += 1  # "Prime Minister Jane Roe Smith of X" with the name's last word left out
        if after < sent.end and doc[after].lower_ == GENITIVE_PREP:
            nxt = after + 1
            while nxt < sent.end and doc[nxt].lower_ == DEFINITE_ARTICLE:
                nxt += 1
            m = ctx.index.get(doc[nxt]) if nxt < sent.end else None
            last = nxt
            while m is not None and last + 1 < sent.end and ctx.index.get(doc[last + 1]) is m:
                last += 1
            owning = last + 1 < sent.end and doc[last + 1].tag_ == "POS"  # "of X's support": X owns what follows
            if m is not None and m.type in ("Country", "Organization") and not owning:
                candidates = [(m, False)]
        owners = [m for m, targeted in candidates if not targeted]
        if not owners:
            continue
        target = owners[0]
        evidence = ctx.text[phrase[0].idx:person.end] if phrase[0].idx < person.end else person.surface
        is_sub = any(w in subordinate for w in lowers.split())
        if military and target.type == "Country" and not is_sub and any(t.lower_ in finder.military_nouns
                                                                          for t in phrase):
            # "Sudan's army chief Jane Roe", "the Ruritanian Army commander": the country's armed forces
            prop, role, target = "commands", military, _forces_of(target)
        elif military and target.type in ("MilitaryUnit", "Organization") and not is_sub:
            prop, role = "commands", military
        elif leader and not is_sub and (not office or len(leader) >= len(office)) and target.type != "MilitaryUnit":
            prop, role = "leaderOf", leader
        elif (office or leader) and target.type in ("Country", "Organization"):
            prop, role = "memberOf", office or leader
        else:
            continue
        if prop == "leaderOf" and target.type == "Country":
            ctx.index.leads.setdefault(person.key, target.key)
        if not _stated(ctx, person, prop, target):
            _add(ctx, number, person, prop, target, role=role, evidence=evidence)


def _member_lists(ctx: Context, sent: Span, number: int) -> None:
    """'A, B and C, as members of the X Group, …' and 'X's members A, B and C': memberOf for each listed actor."""
    for tok in _tokens_with(ctx, sent, ctx.finder.membership_nouns):
        body = next((ctx.index.get(n) for p, n in sx.prep_args(tok) if p == GENITIVE_PREP), None)
        if body is None or body.type not in ("Organization", "MilitaryUnit", "Actor"):
            continue
        members: list[Mention] = []
        k = tok.i - 1
        while k >= sent.start and (ctx.doc[k].lower_ in MEMBER_LIST_LEADS or ctx.doc[k].text == ","):
            k -= 1
        # the list written right before: mentions joined by commas, 'and' and articles
        while k >= sent.start:
            t = ctx.doc[k]
            ment = ctx.index.get(t)
            if ment is not None and ment.type in ("Country", "Organization") and ment.key != body.key:
                if ment not in members:
                    members.insert(0, ment)
            elif not (t.lower_ in LIST_FILLERS or t.text == ","):
                break
            k -= 1
        if len({m.key for m in members}) < 2:
            members = []
        if not members:
            continue
        for m in {m.key: m for m in members}.values():
            _add(ctx, number, m, "memberOf", body, evidence=_evidence(ctx, tok, tok))


def _toll_words() -> dict:
    return _pattern_words("tolls.json")


def count_of(noun: Token) -> float | None:
    """The number a count noun is written with: '1,300 civilians' -> 1300, '1.5 million people' -> 1500000."""
    scale = _toll_words()["scale_words"]
    nums = [c for c in noun.children if sx.dep(c) in sx.NUMMOD | {"nummod"} and c.i < noun.i]
    if not nums:
        return None
    num = nums[-1]
    value = None
    for tok in [*(c for c in num.children if c.i < num.i and c.like_num), num]:
        text = tok.text.replace(",", "")
        if tok.lower_ in scale:
            value = (value or 1) * scale[tok.lower_]
            continue
        try:
            value = float(text) if value is None else value * float(text)
        except ValueError:
            continue
    for c in num.children:
        if c.i > num.i and c.lower_ in scale and value is not None:
            value *= scale[c.lower_]
    return value


def _toll_estimates(ctx: Context, sent: Span, number: int) -> None:
    """'At least 17 people have been killed', '6,500 people have fled into X': a toll stated in a clause of its
    own is an estimate of its speaker: the one who says so, else the document's voice."""
    words = _toll_words()
    for tok in _tokens_with(ctx, sent, words["person_nouns"]):
        if sx.dep(tok) not in sx.SUBJ | sx.SUBJ_PASS:
            continue
        verb = tok.head
        if not sx.lemma_in(verb, words["toll_verbs"]):
            continue
        value = count_of(tok)
        if value is None or value < 2:
            continue
        speaker = None
        node = verb
        for _ in range(4):
            if node.head.i == node.i:
                break
            if sx.dep(node) in ("ccomp", "parataxis") and \
                    (sx.lookup(node.head, ctx.gaz.lexicon["verbs"])[1] or {}).get("mode") == "speech":
                speaker = next(iter(_mentions_of(ctx, sx.subjects(node.head))), None)
                if speaker is None:
                    speaker = False  # someone the text does not name says so: not the document's own estimate
                break
            node = node.head
        if speaker is None and ctx.voice is not None:
            speaker = ctx.voice.author or ctx.voice.body
        if not speaker:
            continue
        quantity = Quantity(value=value, unit="person", text=ctx.text[tok.left_edge.idx:tok.idx + len(tok.text)])
        _add(ctx, number, speaker, "estimates", quantity, quantity=quantity,
             evidence=ctx.text[tok.left_edge.idx:verb.idx + len(verb.text)] if verb.i > tok.i else tok.text)
    # "the UN has recorded more than 2,000 civilian casualties": a toll counted by the subject of a recording verb
    from .modality import modality_of

    for tok in _tokens_with(ctx, sent, words["toll_nouns"]):
        verb = tok.head
        # (the parse may make the toll a bare nominal modifier: "has officially confirmed 45 deaths")
        bare = sx.dep(tok) in sx.BARE_NOMINAL and not any(sx.dep(c) == "case" for c in tok.children)
        if sx.dep(tok) not in sx.OBJ and not bare or not sx.lemma_in(verb, words["record_verbs"]):
            continue
        value = count_of(tok)
        counters = _mentions_of(ctx, sx.subjects(verb))
        if value is None or value < 2 or not counters:
            continue
        modality, claimant = modality_of(ctx, verb)
        if modality in ("Negated", "Denied"):
            continue  # "did not confirm the 500 deaths": no estimate of theirs
        quantity = Quantity(value=value, unit="person", text=ctx.text[tok.left_edge.idx:tok.idx + len(tok.text)])
        _add(ctx, number, counters[0], "estimates", quantity, quantity=quantity, modality=modality, claimant=claimant,
             evidence=ctx.text[verb.idx:tok.idx + len(tok.text)])


def _patron_relations(ctx: Context, sent: Span, number: int) -> None:
    """'X-backed militias': the patron supports the group."""
    for head, (patron, _participle) in ctx.index.patrons.items():
        if sent.start <= head < sent.end:
            group = ctx.index.by_token.get(head)
            if group is not None:
                _add(ctx, number, patron, "supports", group, evidence=group.surface)


def _sites_in_places(ctx: Context, sent: Span, number: int) -> None:
    """'The X children’s hospital', 'a Y theater': a site named by the city or region it is in lies in it."""
    seen = set()
    for i in range(sent.start, sent.end):
        site = ctx.index.by_token.get(i)
        if site is None or site.type != "Place" or not site.key.startswith(f"place:{ctx.document.doc_id}:") or site.key in seen \
                or not site.name:
            continue
        seen.add(site.key)
        words = site.name.split()
        if len(words) < 2:
            continue
        entries = [e for e in ctx.gaz.lookup(words[0]) if e.type in ("City", "Region")]
        if not entries:
            continue
        place = ctx.gaz.best(entries, ctx.finder.doc_countries)
        _add(ctx, number, site, "locatedIn", _entry_mention(ctx, ctx.doc[i], place), evidence=site.surface)


def _held_places(ctx: Context, sent: Span, number: int) -> None:
    """'Ruritanian-controlled X', 'the occupied parts of X', 'besieged X': who holds or besieges the place (the
    hyphenated patron; else, once the article is read, its main belligerent) controls or attacks it."""
    words = _stance_words()
    participles = words["state_participles"]
    for tok in _tokens_with(ctx, sent, participles):
        if sx.dep(tok) in sx.AMOD | {"amod", "compound"} and 0 < tok.head.i - tok.i <= 3:
            head = tok.head
        elif tok.i + 1 < sent.end and not sx.subjects(tok) and not sx.objects(tok) \
                and (m := ctx.index.by_token.get(tok.i + 1)) is not None and m.type in PLACE_TYPES:
            head = ctx.doc[tok.i + 1]  # "in besieged X" however the parse hung the participle
        else:
            continue
        places = [m for m in [_mention_at(ctx, head)] if m is not None and m.type in PLACE_TYPES]
        if not places and head.lower_ in words["part_nouns"]:
            places = [m for p, n in sx.prep_args(head) if p == GENITIVE_PREP for m in _mentions_expanded(ctx, n)
                      if m.type in PLACE_TYPES]
        if not places:
            continue
        prop = participles[tok.lower_]
        patron = None
        if tok.i >= 2 and ctx.doc[tok.i - 1].text in ("-", "–") and not ctx.doc[tok.i - 2].whitespace_:
            before = ctx.doc[tok.i - 2]
            patron = ctx.index.get(before)
            entry = ctx.gaz.country_of_demonym(before.text)
            if (patron is None or patron.type not in ACTOR_TYPES) and entry is not None:
                patron = _entry_mention(ctx, before, entry)
            if patron is None or patron.type not in ACTOR_TYPES:
                continue
        frame = Frame(token=tok, prop=prop, subjects=[patron] if patron else [], objects=places, scope=tok)
        if patron is None:
            ctx.agentless.append((frame, number))
        else:
            _emit(ctx, frame, number)


def _stated(ctx: Context, subject: Mention, prop: str, obj: Mention) -> bool:
    """Whether the document's relations already state that the subject has this relation to this entity."""
    return any(r.predicate == prop and r.subject.key == subject.key and isinstance(r.object, Mention)
               and r.object.key == obj.key for r in ctx.relations)


def _described_leaders(ctx: Context, sent: Span, number: int) -> None:
    """'The President of X said…', 'the X-ian Prime Minister' resolved to a person named before: the person leads X."""
    finder = ctx.finder
    for tok in _tokens_with(ctx, sent, finder.leader_titles):
        person = ctx.index.get(tok)
        if person is None or person.type != "Person" or not any(c.lower_ == DEFINITE_ARTICLE for c in tok.children) \
                or any(c.lower_ in finder.subordinate_words or c.lower_ in finder.former for c in tok.children):
            continue
        named = description_country(finder, tok)
        if named is None:
            continue
        country, word = named
        led = ctx.index.get(word) or _entry_mention(ctx, word, country)
        if not _stated(ctx, person, "leaderOf", led):  # (a standing relation is stated once a document)
            ctx.index.leads.setdefault(person.key, led.key)
            _add(ctx, number, person, "leaderOf", led, role=tok.text,
                 evidence=ctx.doc[tok.left_edge.i:tok.right_edge.i + 1].text)


def _content_start(tok: Token) -> int:
    """Where a noun's content begins: its noun chunk's first word after any preposition."""
    span = sx.noun_chunk_span(tok)
    return span[1].i if len(span) > 1 and span[0].pos_ in ("ADP", "SCONJ") else span.start


def _inflicted_by(ctx: Context, sent: Span, number: int) -> None:
    """'prisoners tortured at the hands of X', 'Y died at the hands of X': X attacks whoever the clause
    says was harmed (its subject, or what a relative clause describes)."""
    words = _stance_words()
    for tok in _tokens_with(ctx, sent, words["infliction_nouns"]):
        if sx.prep_of(tok) not in words["infliction_preps"]:
            continue
        verb = tok.head.head if sx.dep(tok) in sx.POBJ else tok.head  # the preposition's head, in either scheme
        if verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.i == tok.i:
            continue
        agents = [m for m in _mentions_of(ctx, [n for p, n in sx.prep_args(tok) if p in OWNER_PREPS])
                  if m.type in ACTOR_TYPES]
        if not agents:
            continue
        sufferers = sx.subjects(verb) + sx.children(verb, sx.SUBJ_PASS)
        if sx.dep(verb) in sx.REL_CLAUSE and (not sufferers or all(sx.is_relative_pronoun(x) for x in sufferers)):
            sufferers = [verb.head]
        sufferers = [x for x in sufferers if not sx.is_relative_pronoun(x)]
        if not sufferers:
            continue
        victims = _mentions_of(ctx, sufferers)
        if not victims:
            victim = sufferers[0]
            if victim.tag_ in sx.PRONOUN_TAGS:
                continue  # a pronoun no mention stands for
            owned = [n for p, n in sx.prep_args(victim) if p == GENITIVE_PREP and n.i > victim.i]
            # "the people of X", "hundreds of prisoners": the noun with what it is of
            victims = [_span_content(ctx.doc, _content_start(victim), owned[0].right_edge.i) if owned
                       else _content(victim)]
        frame = Frame(token=verb, prop="attacks", subjects=agents, objects=victims, scope=verb)
        _emit(ctx, frame, number)


def _places_in_region(ctx: Context, sent: Span, number: int) -> None:
    """'A, B and C in the Z region' and 'In the Z region: … the towns of A, B and C': each listed settlement lies in
    the region (not waypoints of a route)."""
    regions = []
    for tok in ctx.heads_in(sent):
        ment = ctx.index.get(tok)
        if ment is not None and ment.type == "Region" and any(
                t.lower_ == LOCATIVE_PREP for t in ctx.doc[max(sent.start, tok.i - 3):tok.i]):
            regions.append((tok, ment))
    if len({m.key for _, m in regions}) != 1:
        return
    region_tok, region = regions[0]
    listed: list[tuple[Token, Mention]] = []
    for tok in _tokens_with(ctx, sent, ctx.finder.plural_city_words):
        for prep, noun in sx.prep_args(tok):
            if prep == GENITIVE_PREP:
                listed += [(c, ctx.index.get(c)) for c in sx.with_conjuncts(noun)]
    # "A, B and C in the Z region": the coordinated places the 'in' phrase hangs on
    head = region_tok.head.head if sx.dep(region_tok.head) in sx.PREP else region_tok.head
    if sx.dep(region_tok) in sx.POBJ | {"obl", "nmod"}:
        node = region_tok.head if sx.dep(region_tok) in sx.POBJ else head
        if sx.dep(region_tok) in ("obl", "nmod"):
            node = region_tok.head
        if ctx.index.get(node) is not None and ctx.index.get(node).type == "City":
            group = sx.with_conjuncts(node)
            if len(group) >= 2:
                listed += [(c, ctx.index.get(c)) for c in group]
    region_country = _country_code(ctx, region)
    seen = set()
    for tok, ment in listed:
        if ment is None or ment.type != "City" or ment.name is None or ment.key in seen:
            continue
        code = _country_code(ctx, ment)
        if code and region_country and code != region_country:
            continue
        seen.add(ment.key)
        _add(ctx, number, ment, "locatedIn", region, evidence=ctx.text[min(tok.idx, region.start):max(tok.idx + len(tok.text), region.end)])


def _participants_list(ctx: Context, sent: Span, number: int) -> None:
    """'Taking part in the talks were A, B and C': each person listed meets the meeting's host (the person who
    last met someone in the text, else the author)."""
    lower = ctx.lower_text(sent)
    cue = next((c for c in voice_words().participation_cues if c in lower), None)
    if cue is None:
        return
    host = next((r.subject for r in reversed(ctx.relations) if r.predicate in ("meets", "negotiatesWith")
                 and r.subject.type == "Person"), None)
    if host is None and ctx.voice is not None:
        host = ctx.voice.author
    if host is None:
        return
    cue_at = sent.start_char + lower.index(cue)
    seen = set()
    for tok in ctx.heads_in(sent):
        ment = ctx.index.get(tok)
        if ment is None or ment.type != "Person" or ment.name is None or tok.idx < cue_at or ment.key == host.key \
                or ment.key in seen:
            continue
        seen.add(ment.key)
        _add(ctx, number, host, "meets", ment, evidence=ment.surface, token=tok)


def _place_pairs(ctx: Context, sent: Span, number: int) -> None:
    """'City, Country' and 'a town in X, Y': a city or region written with the region or country that holds it."""
    doc = ctx.doc
    rank = {"City": 0, "Place": 0, "Region": 1, "Country": 2}
    for tok in ctx.heads_in(sent):
        inner = ctx.index.get(tok)
        if inner is None or inner.name is None or inner.type not in ("City", "Region", "Place") or tok.i not in ctx.index.spans:
            continue
        _, end = ctx.index.spans[tok.i]
        if end + 1 >= sent.end or doc[end].text != ",":
            continue
        outer = ctx.index.get(doc[end + 1])
        if outer is None or outer.type not in ("Region", "Country") or rank[outer.type] <= rank[inner.type]:
            continue
        k = end + 1
        while k < sent.end and ctx.index.get(doc[k]) == outer:
            k += 1
        if k < sent.end and (doc[k].lower_ in COORDINATORS or doc[k].text == "," and k + 1 < sent.end
                             and (ctx.index.get(doc[k + 1]) is not None and ctx.index.get(doc[k + 1]).type in PLACE_TYPES
                                  or doc[k + 1].lower_ in COORDINATORS)):
            continue  # a list of places, not a place and its container
        if k - end > 1 and doc[end - 1].i > sent.start and doc[tok.i].i > sent.start and \
                ctx.index.get(doc[ctx.index.spans[tok.i][0] - 1]) is not None:
            continue
        inner_country = _country_code(ctx, inner)
        outer_country = _country_code(ctx, outer)
        if inner_country and outer_country and inner_country != outer_country:
            continue
        _add(ctx, number, inner, "locatedIn", outer, evidence=ctx.text[inner.start:outer.end])


def _title_head(ctx: Context, noun: Token) -> Token:
    """The title noun a name stands beside: 'the Chief of the General Staff of the Ruritanian Army, General X'
    may attach X to 'Army'; the title is 'Chief'."""
    node = noun
    for _ in range(4):
        if node.lower_ in ctx.finder.all_titles:
            return node
        if sx.prep_of(node) == GENITIVE_PREP or sx.dep(node) in sx.POBJ:
            node = node.head if sx.dep(node) not in sx.POBJ else node.head.head
            continue
        break
    return node if node.lower_ in ctx.finder.all_titles else noun


def _appositive_title(ctx: Context, person: Mention, app: Token, number: int) -> None:
    """'Pedro X, head of the Y district' -> leaderOf; 'the Chief of the General Staff of the Ruritanian Army' -> commands."""
    finder = ctx.finder
    words = " ".join(t.lower_ for t in app.subtree if t.i <= app.i)
    if any(w in finder.former for w in words.split()):
        return
    head_word = app.lower_
    phrase_title = head_word
    ctx.index.titles.setdefault(person.key, set()).update(words.split())
    targets = []
    owner = sx.possessor(app)
    if owner is not None and (ment := ctx.index.get(owner)) is not None and ment.type in ACTOR_TYPES | PLACE_TYPES:
        targets.append(ment)  # "X, Chad's foreign minister"
    stack = [app]
    while stack:
        node = stack.pop()
        for prep, noun in sx.prep_args(node):
            if prep == GENITIVE_PREP:
                ment = ctx.index.get(noun)
                if ment is not None and ment.type in ACTOR_TYPES | PLACE_TYPES:
                    targets.append(ment)
                stack.append(noun)
    for target in targets:
        if target.type == "MilitaryUnit" and (head_word in finder.military_titles or head_word in finder.leader_titles):
            _add(ctx, number, person, "commands", target, role=phrase_title.title(), evidence=_evidence(ctx, app, app))
            return
        if head_word in finder.leader_titles and target.type != "MilitaryUnit" \
                and not any(w in finder.subordinate_words for w in words.split()):
            if target.type == "Country":
                ctx.index.leads.setdefault(person.key, target.key)
            _add(ctx, number, person, "leaderOf", target, role=phrase_title, evidence=_evidence(ctx, app, app))
            return
        # 'Jane Roe, a member of X', 'a senior commander of the X movement': a member of the body the title names
        if target.type in ("Country", "Organization") and (head_word in finder.member_titles
                                                           or head_word in finder.military_titles
                                                           or head_word in finder.leader_titles):
            # (a leader's title with 'deputy', 'vice': a member)
            _add(ctx, number, person, "memberOf", target, role=phrase_title, evidence=_evidence(ctx, app, app))
            return


def _comma_phrase_root(ctx: Context, end: int, limit: int) -> Token | None:
    """The root of a phrase set off by commas right after the token before `end` ('X, Chad's foreign minister,'):
    the one word of the phrase whose head is outside it."""
    doc = ctx.doc
    if end + 1 >= limit or doc[end].text != ",":
        return None
    close = next((k for k in range(end + 1, limit) if doc[k].text == ","), None)
    if close is None or close == end + 1:
        return None
    roots = [doc[k] for k in range(end + 1, close) if not end < doc[k].head.i < close or doc[k].head.i == k]
    return roots[0] if len(roots) == 1 else None


def _appositive_after(ctx: Context, tok: Token) -> Token | None:
    """The place noun of a comma-set phrase right after a name, however it was attached:
    'Arequipa, Peru's second-largest city' gives 'city'."""
    end = tok.i
    while end + 1 < len(tok.doc) and ctx.index.get(tok.doc[end + 1]) == ctx.index.get(tok):
        end += 1
    if end + 2 >= len(tok.doc) or tok.doc[end + 1].text != ",":
        return None
    words = ctx.finder.region_words | ctx.finder.city_words
    for k in range(end + 2, min(end + 8, len(tok.doc))):
        cand = tok.doc[k]
        if cand.lower_ in words and cand.left_edge.i in (end + 1, end + 2):
            return cand
        if cand.is_punct and cand.text not in ("-", "–"):
            return None
    return None


def _possessive_place(ctx: Context, noun: Token, exclude: str | None = None) -> Mention | None:
    """The place that contains a described place: 'Ukraine's second-largest city', 'a city in Ukraine'."""
    poss = sx.possessor(noun)
    if poss is not None:
        ment = ctx.index.get(poss)
        if ment is not None and ment.type in PLACE_TYPES and ment.key != exclude:
            return ment
    for c in noun.children:
        if sx.dep(c) in sx.AMOD | sx.COMPOUND:
            entry = ctx.gaz.country_of_demonym(c.text)
            if entry is not None and noun.lower_ in ctx.finder.city_words | ctx.finder.region_words:
                return _entry_mention(ctx, c, entry)
    for prep, obj in sx.prep_args(noun):
        if prep in CONTAINER_PREPS:
            ment = ctx.index.get(obj)
            if ment is not None and ment.type in PLACE_TYPES and ment.key != exclude:
                return ment
    return None


def _standing_noun_relations(ctx: Context, sent: Span, number: int) -> None:
    """locatedIn from 'Peru's Cusco Region', 'the Chilean city of Arica', 'the Cusco and Puno regions
    of Peru', 'a villa in the Puno region', 'situated in'; borders from 'near the Chilean border',
    'sharing a border with'."""
    done = set()
    for tok in ctx.heads_in(sent):
        ment = ctx.index.get(tok)
        if ment is None or ment.type not in PLACE_TYPES - {"Country"} or tok.i not in ctx.index.spans:
            continue
        if (ment.key, tok.i) in done:
            continue
        done.add((ment.key, tok.i))
        containers = []
        heads = [tok]
        # the noun that the name modifies or names: "Cusco [region]", "regions of [Puno]", "city of [Puno]"
        h = tok.head
        if sx.dep(tok) in sx.COMPOUND | {"amod", "nmod"} and h.lower_ in ctx.finder.region_words | ctx.finder.city_words \
                and sx.prep_of(tok) in (None, GENITIVE_PREP):
            heads.append(h)  # not "the village of X in the Puno region": that region contains the village
        if sx.dep(tok) == "conj" and h.head.i != h.i and sx.dep(h) in sx.COMPOUND and h.head.lower_ in ctx.finder.region_words:
            heads.append(h.head)
        if sx.prep_of(tok) == GENITIVE_PREP and h.lower_ in ctx.finder.region_words | ctx.finder.city_words:
            heads.append(h)
        if sx.dep(tok) == "conj" and sx.prep_of(h) == GENITIVE_PREP and h.head.lower_ in ctx.finder.region_words | ctx.finder.city_words:
            heads.append(h.head)
        if sx.dep(tok) in sx.POBJ and sx.dep(h) in sx.PREP and h.lower_ == GENITIVE_PREP and h.head.lower_ in ctx.finder.region_words | ctx.finder.city_words:
            heads.append(h.head)
        for c in tok.children:
            if sx.dep(c) in sx.APPOS and c.lower_ in ctx.finder.region_words | ctx.finder.city_words:
                heads.append(c)  # "Arequipa, Peru's second-largest city"
        after = _appositive_after(ctx, tok)
        if after is not None and after not in heads:
            heads.append(after)
        for node in heads:
            container = _possessive_place(ctx, node, exclude=ment.key)
            if container is not None and container.key != ment.key and container.type in PLACE_TYPES:
                containers.append((container, node))
        for container, node in containers[:1]:
            _add(ctx, number, ment, "locatedIn", container, evidence=_evidence(ctx, tok, node))
        # borders: "X near the Chilean border", "sharing a border with Chile"
        for node in heads:
            for prep, obj in sx.prep_args(node):
                if prep in BORDER_PREPS and obj.lower_ in BORDER_NOUNS:
                    country = next((ctx.gaz.country_of_demonym(c.text) for c in obj.children
                                    if sx.dep(c) in sx.AMOD | sx.COMPOUND and ctx.gaz.country_of_demonym(c.text)), None)
                    if country is not None:
                        _add(ctx, number, ment, "borders", _entry_mention(ctx, obj, country), evidence=_evidence(ctx, tok, obj))
    for tok in (ctx.words.tokens[i] for i in range(sent.start, sent.end) if i in ctx.wider):
        if tok.i in ctx.wider:
            _add(ctx, number, ctx.wider[tok.i], "locatedIn", ctx.index.by_token[tok.i], evidence=_evidence(ctx, tok, tok))
    # "its border with Bolivia", "Finland's border with Russia", "the border between Poland and Belarus"
    low = ctx.lower_text(sent)
    w = ctx.words
    for i in range(sent.start, sent.end) if any(n in low for n in BORDER_NOUNS) else ():
        if w.lower[i] not in BORDER_NOUNS or w.pos[i] != "NOUN":
            continue
        tok = w.tokens[i]
        owner_tok = sx.possessor(tok)
        owner = ctx.index.get(owner_tok) if owner_tok is not None else None
        # "the X-Y border": two places joined by a hyphen before the noun
        if i >= sent.start + 3 and w.text[i - 2] in ("-", "–") and not w.tokens[i - 3].whitespace_ \
                and not w.tokens[i - 2].whitespace_:
            a, b = ctx.index.by_token.get(i - 3), ctx.index.by_token.get(i - 1)
            if a is not None and b is not None and a.type in PLACE_TYPES and b.type in PLACE_TYPES and a.key != b.key:
                _add(ctx, number, a, "borders", b, evidence=_evidence(ctx, w.tokens[i - 3], tok))
        for prep, other in sx.prep_args(tok):
            target = ctx.index.get(other)
            if target is None or target.type not in PLACE_TYPES:
                continue
            if prep == COMITATIVE_PREP and owner is not None and owner.type in PLACE_TYPES and owner.key != target.key:
                _add(ctx, number, owner, "borders", target, evidence=_evidence(ctx, tok, other))
            elif prep == RECIPROCAL_PREP:
                sides = [ctx.index.get(t) for t in sx.with_conjuncts(other)]
                sides = [m for m in sides if m is not None and m.type in PLACE_TYPES]
                if len(sides) == 2 and sides[0].key != sides[1].key:
                    _add(ctx, number, sides[0], "borders", sides[1], evidence=_evidence(ctx, tok, other))
    # clauses: "Both provinces, lying in southern Peru and sharing a frontier with Chile"
    for i in range(sent.start, sent.end):
        if w.pos[i] != "VERB":
            continue
        tok = w.tokens[i]
        if sx.lemma_in(tok, CROSSING_VERBS):
            # "crossed into A from B": B borders A (states and regions: a city left need not lie on the border)
            args = list(sx.prep_args(tok))
            entered = [m for p, n in args if p == INTO_PREP for m in [ctx.index.get(n)] if m is not None]
            left = [(m, n) for p, n in args if p == OUT_OF_PREP for m in [ctx.index.get(n)] if m is not None]
            for a in entered:
                for b, node in left:
                    if a.type in ("Country", "Region") and b.type in ("Country", "Region") and a.key != b.key:
                        _add(ctx, number, b, "borders", a, evidence=_evidence(ctx, tok, node))  # not a city left
        lemma = sx.lemma_in(tok, LOCATED_OR_SHARE_VERBS)
        if lemma:
            subjects = _clause_subjects(ctx, tok)
            if not subjects:
                continue
            for prep, obj in sx.prep_args(tok):
                target = ctx.index.get(obj)
                if lemma in LOCATED_VERBS and prep == LOCATIVE_PREP and target is not None and target.type in PLACE_TYPES:
                    for s in subjects:
                        if s.type in PLACE_TYPES and s.key != target.key:
                            _add(ctx, number, s, "locatedIn", target, evidence=_evidence(ctx, tok, obj))
            if lemma == SHARE_VERB:
                for obj in sx.objects(tok):
                    if obj.lower_ in BORDER_NOUNS:
                        for prep, other in sx.prep_args(obj):
                            target = ctx.index.get(other)
                            if prep == COMITATIVE_PREP and target is not None and target.type in PLACE_TYPES:
                                for s in subjects:
                                    if s.type in PLACE_TYPES:
                                        _add(ctx, number, s, "borders", target, evidence=_evidence(ctx, tok, other))


def _clause_subjects(ctx: Context, verb: Token) -> list[Mention]:
    """Subjects of a clause, including a participle's noun ('Both provinces, lying in ...')."""
    subs = [m for s in sx.subjects(verb) for t in sx.with_conjuncts(s)
            for m in (ctx.groups.get(t.i) or [ctx.index.get(t)])]
    subs = [s for s in subs if s is not None]
    if subs:
        return subs
    if sx.dep(verb) in sx.ADJ_CLAUSE | {"acl", "advcl"} or sx.dep(verb) == "conj":
        node = verb.head
        if sx.dep(verb) == "conj":
            return _clause_subjects(ctx, node)
        ment = ctx.index.get(node)
        if ment is not None:
            return [ment]
        if node.lower_ in ctx.finder.region_words:
            return _recent_places(ctx, node)
    return []


def _recent_places(ctx: Context, tok: Token) -> list[Mention]:
    """'Both regions' -> the regions coordinated most recently before it."""
    found = []
    for i in range(tok.i - 1, max(-1, tok.i - 80), -1):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "Region" and ment.name is not None:
            if ment.key not in [m.key for m in found]:
                found.append(ment)
            if len(found) == 2:
                break
    return found


def _in_others_words(ctx: Context, tok: Token) -> bool:
    """Whether a clause is embedded under a speech, directive or speech-act verb: someone else's words, not the
    document's own voice."""
    verbs = ctx.gaz.lexicon["verbs"]
    return any((e := sx.lookup(a, verbs)[1] or {}).get("mode") in ("speech", "directive") or e.get("that_p")
               or e.get("p") in SPEECH_ACTS for a in tok.ancestors)


def _voice_demands(ctx: Context, sent: Span, number: int) -> None:
    """'All parties must allow humanitarian access', 'the forces should withdraw', in the document's own voice: the
    speaker demands it (the act itself is Planned)."""
    voice = ctx.voice
    if voice is None or (voice.author is None and voice.body is None):
        return
    deontic = _stance_words()["deontic_aux"]
    for tok in _tokens_with(ctx, sent, deontic):
        if sx.dep(tok) not in sx.AUX:
            continue
        verb = tok.head
        if _in_others_words(ctx, verb) or tok.i in ctx.finder.quoted:
            continue
        subjects = sx.subjects(verb) + sx.children(verb, sx.SUBJ_PASS)
        if not subjects or any(s.lower_ in voice_words().first_plural | voice_words().first_singular
                               for s in subjects):
            continue  # "we must…" is a commitment, not a demand of others
        speaker = voice.speaker_at(tok.idx) or voice.body
        if speaker is None:
            continue
        _add(ctx, number, speaker, "demands", _clause_content(verb), evidence=_clause_content(verb).text[:120],
             token=tok)


def _voice_judgements(ctx: Context, sent: Span, number: int) -> None:
    """'The violence in X is a tragedy', 'these attacks are unacceptable', 'X is a dangerous force', in the
    document's own voice: the speaker condemns the subject (the actor, else what the subject names)."""
    voice = ctx.voice
    if voice is None or (voice.author is None and voice.body is None):
        return
    words = _stance_words()
    predicates, modifiers = words["condemning_predicates"], words["condemning_modifiers"]
    w = ctx.words
    candidates = {w.tokens[i].head.i for i in range(sent.start, sent.end) if w.lower[i] in modifiers}
    for i in range(sent.start, sent.end):
        if w.pos[i] not in ("ADJ", "NOUN") or not (w.lower[i] in predicates or w.lemma[i] in predicates
                                                     or i in candidates):
            continue
        tok = w.tokens[i]
        if not any(sx.dep(c) == "cop" for c in tok.children) or sx.is_negated(tok) or tok.i in ctx.finder.quoted:
            continue
        judged = sx.lemma_in(tok, predicates) or tok.lower_ in predicates
        by_modifier = not judged and any(c.lower_ in modifiers for c in tok.children if sx.dep(c) in sx.AMOD)
        if not (judged or by_modifier):
            continue
        if _in_others_words(ctx, tok):
            continue
        subjects = sx.subjects(tok)
        if not subjects or subjects[0].lower_ in voice_words().first_plural | voice_words().first_singular:
            continue
        actors = [m for m in _mentions_of(ctx, subjects[:1]) if m.type in ACTOR_TYPES]
        if by_modifier and not actors:
            continue
        speaker = voice.speaker_at(tok.idx) or voice.author or voice.body
        if speaker is None:
            continue
        for obj in actors or [_clause_content(subjects[0])]:
            _add(ctx, number, speaker, "condemns", obj, evidence=ctx.doc[subjects[0].left_edge.i:tok.i + 1].text[:120],
                 token=tok)


def _crime_accusations(ctx: Context, sent: Span, number: int) -> None:
    """'X committed war crimes', 'war crimes were committed by X', 'the crimes of X': whoever says so (the
    claimant of the clause, else the document's voice) accuses X."""
    from .modality import modality_of
    from .references import _principal

    words = _stance_words()
    w = ctx.words
    crimes = words["crime_nouns"]
    if ctx.sentence_forms(sent).isdisjoint(crimes):
        return
    for i in range(sent.start, sent.end):
        if w.pos[i] != "NOUN" or not (w.lower[i] in crimes or w.lemma[i] in crimes):
            continue
        tok = w.tokens[i]
        if not (tok.lower_ in crimes or sx.lemma_in(tok, crimes)):
            continue
        head, agents = tok.head, []
        if sx.lemma_in(head, words["crime_verbs"]) and head.i != tok.i:
            if sx.dep(tok) in sx.OBJ:
                agents = _mentions_of(ctx, sx.subjects(head))
            elif sx.dep(tok) in sx.SUBJ_PASS | sx.SUBJ:
                agents = _mentions_of(ctx, [n for p, n in sx.prep_args(head) if p == AGENT_PREP])
            anchor = head
        else:
            agents = _mentions_of(ctx, [n for p, n in sx.prep_args(tok) if p in OWNER_PREPS])
            anchor = tok
        agents = [a for a in agents if a.type in ACTOR_TYPES]
        if not agents:
            continue
        _modality, claimant = modality_of(ctx, anchor)
        speaker = claimant or _principal(ctx, tok)
        if speaker is None:
            continue
        for agent in agents:
            _add(ctx, number, speaker, "accuses", agent, evidence=ctx.doc[min(tok.i, anchor.i):max(tok.i, anchor.i) + 1].text,
                 token=anchor)
