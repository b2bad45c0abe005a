"""References: what pronouns, descriptions and groups refer to.

`_resolve_references` maps, sentence by sentence, pronouns ('they', 'its'), definite descriptions ('the
city', 'the region'), metonyms ('Lima' for the government), a document's own voice ('we') and group
nouns ('the two leaders') to earlier mentions; the helpers find participants, principals and own forces.
`resolve_pronoun` and `resolve_description` search a pronoun's or a description's antecedent among the earlier
mentions: all reference resolution is in this module.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon.gazetteer import load_gazetteer
from ..lexicon.words import AGENT_PREP, COMITATIVE_PREP, DEFINITE_ARTICLE, GENITIVE_PREP, GOAL_PREP, rule_words
from ..model import Mention
from ..nlp import syntax as sx
from .arguments import _listed_after, _listed_before
from .context import Context, _entry_mention, _forces_of
from .mentions import AMBIGUOUS as AMBIGUOUS_PREFIX
from .mentions import FEMALE, LEADER_NOUN, MALE, NEUTER, PLURAL, MentionFinder
from .voice import voice_words

THIRD_PERSON_PRONOUNS = rule_words().third_person_pronouns
SPEAKER_PRONOUNS = rule_words().speaker_pronouns
COUNTRY_NOUN = rule_words().country_noun
LEADER_POSSESSIVES = rule_words().leader_possessives
HOMELAND_NOUNS = rule_words().homeland_nouns
HYPHENS = rule_words().hyphens
FORCES_POSSESSIVES = rule_words().forces_possessives
ARMED = rule_words().armed_adjective
SMALL_COUNT_WORDS = rule_words().small_count_words
PRESIDENT_TITLE = rule_words().president_title
VICE_PRESIDENT = rule_words().vice_prefix + " " + PRESIDENT_TITLE
GROUP_PRONOUNS = rule_words().group_pronouns
PERSON_PRONOUNS = rule_words().male_pronouns | rule_words().female_pronouns


# --- references ------------------------------------------------------------------------------------

def _resolve_references(ctx: Context, sent: Span) -> None:
    """Pronouns, definite descriptions and metonyms of a sentence, resolved to earlier mentions."""
    w = ctx.words
    by_token = ctx.index.by_token
    if ctx.reference_words is None:
        ctx.reference_words = _reference_words(ctx)
    candidates = ctx.reference_words
    for i in range(sent.start, sent.end):
        # only the tokens one of the cases below can take: mentions, and the words `_reference_words` finds
        if not (i in by_token or i in candidates):
            continue
        tok = w.tokens[i]
        own = _own_forces(ctx, tok)
        if own is not None:
            continue
        if tok.i in ctx.index.by_token:
            ment = ctx.index.by_token[tok.i]
            seat = ment.key.startswith("seat:")
            country = ctx.gaz.country_of_metonym(ment.surface) if seat or ment.type == "City" else None
            if country is None and ment.type == "City" and (capital := ctx.gaz.capital(ment.surface)) is not None:
                country = ctx.gaz.country(capital.country)  # a capital's other spelling ("Teheran")
            if country is not None and _is_agent_position(tok):
                new = Mention(doc_id=ment.doc_id, start=ment.start, end=ment.end, surface=ment.surface,
                              type="Country", key=country.key, name=None, wikidata=country.wikidata)
                for i, m in list(ctx.index.by_token.items()):
                    if m is ment:
                        ctx.index.by_token[i] = new
            continue
        if _group_reference(ctx, tok):
            continue
        if tok.tag_ in sx.PRONOUN_TAGS or tok.lower_ in THIRD_PERSON_PRONOUNS:
            if tok.lower_ in REFLEXIVE_PRONOUNS:
                continue  # "defend itself": its own clause's subject, read where the clause is (kg.extract.frames)
            if tok.lower_ in SPEAKER_PRONOUNS:
                if ctx.voice is not None and tok.i not in ctx.finder.quoted:
                    speaker = ctx.voice.first_person(tok)
                    if speaker is not None:
                        ctx.index.by_token[tok.i] = speaker
                continue
            if tok.lower_ in PLURAL and _unnamed_pair_before(ctx, tok):
                continue  # "Mr. X and President Y discussed… They…": the pair the text names, not someone further back
            ref = _cataphoric_subject(ctx, tok) or resolve_pronoun(ctx.finder, tok)
            if ref is not None:
                ctx.index.by_token[tok.i] = replace(ref, start=tok.idx, end=tok.idx + len(tok.text),
                                                    surface=tok.text, name=None)
            continue
        if tok.lower_ in SURROUNDING_REGION_NOUNS and any(c.lower_ == DEFINITE_ARTICLE for c in tok.children) \
                and any(c.lower_ in SURROUNDING_WORDS for c in tok.children):
            city = _recent_city(ctx, tok)
            region = ctx.gaz.region_for_base(city.name or city.surface) if city is not None else None
            if region is not None:
                # "take the city of Cusco and annex the surrounding region": the region around that city
                ctx.index.by_token[tok.i] = _entry_mention(ctx, tok, region)
                ctx.wider[tok.i] = city
                continue
        if tok.lower_ in BARE_DESCRIPTIONS and [c.lower_ for c in tok.children
                                                if sx.dep(c) not in ("punct", "case", "prep")] == [DEFINITE_ARTICLE]:
            # "fighting in the region", "the alliance would continue…": the region, city or organisation last named
            ref = _recent_place(ctx, tok, BARE_DESCRIPTIONS[tok.lower_])
            if ref is not None:
                ctx.index.by_token[tok.i] = replace(ref, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                                                    name=None)
                continue
        if (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in ctx.finder.all_titles) \
                and any(c.lower_ == DEFINITE_ARTICLE or sx.dep(c) in sx.POSS and _country_at(ctx, c) is not None
                        for c in tok.children):
            ref = resolve_description(ctx.finder, tok) or _author_by_title(ctx, tok) or _titled_body(ctx, tok) \
                or _titled_state(ctx, tok)
            if ref is not None:
                ctx.index.by_token[tok.i] = replace(ref, start=tok.idx, end=tok.idx + len(tok.text),
                                                    surface=tok.text, name=None)
        if tok.lower_ in ctx.finder.military_nouns and tok.pos_ == "NOUN" and \
                [c.lower_ for c in tok.children if sx.dep(c) not in ("punct",)] == [DEFINITE_ARTICLE]:
            forces = _bare_forces(ctx, tok)
            if forces is not None:
                ctx.index.by_token[tok.i] = forces
            continue
        if tok.lower_ in HOMELAND_NOUNS:
            country = _homeland(ctx, tok)
            if country is not None:
                ctx.index.by_token[tok.i] = Mention(doc_id=ctx.document.doc_id, start=tok.idx,
                                                    end=tok.idx + len(tok.text), surface=tok.text,
                                                    type="Country", key=country.key, wikidata=country.wikidata)


def _reference_words(ctx: Context) -> frozenset[int]:
    """The tokens of the document besides mentions that `_resolve_references` may resolve: pronouns, reference
    words, forces and group nouns, plural acronyms, and titles or bare nouns after 'the' (read off the token lists
    once per document)."""
    w = ctx.words
    lower, tag = w.lower, w.tag
    with_the = w.heads_of("the")
    finder = ctx.finder
    group_nouns = voice_words().group_nouns
    return frozenset(
        i for i, word in enumerate(lower)
        if tag[i] in sx.PRONOUN_TAGS or word in REFERENCE_WORDS or word in finder.military_nouns or word in group_nouns
        or w.text[i][-1:] == "s" and _acronym_plural(w.tokens[i])
        # titles with or without 'the' ("Kenya's President"), and bare nouns after 'the'
        or w.pos[i] in ("NOUN", "PROPN") and (word in finder.all_titles or word in finder.title_heads
                                              or i in with_the and w.tokens[i].is_punct))


def _country_at(ctx: Context, tok: Token) -> Mention | None:
    """The country a token names as a mention ('Kenya' in "Kenya's President"), or None."""
    ment = ctx.index.get(tok)
    return ment if ment is not None and ment.type == "Country" else None


def _titled_state(ctx: Context, tok: Token) -> Mention | None:
    """"Kenya's President", 'the Chadian Foreign Minister', 'the President of Niger' with no name anywhere: an
    office holder of a state the text never names acts for the state, and a commander ('the Sudanese army
    chief') for its armed forces. None where a name goes with the title, for a former holder, or where the title
    names no country."""
    finder = ctx.finder
    if tok.i in ctx.index.by_token:
        return None
    lower = ctx.words.lower
    titles = {" ".join(lower[k:tok.i + 1]) for k in range(max(tok.i - 2, 0), tok.i + 1)}  # 'minister', 'foreign minister'
    military = not titles.isdisjoint(finder.military_titles)
    if titles.isdisjoint(finder.leader_titles | finder.other_titles) and not military:
        return None
    subtree = list(tok.subtree)
    if any(t.lower_ in finder.former for t in subtree if t.i < tok.i) \
            or any(sx.dep(c) in sx.APPOS | sx.COMPOUND and c.i > tok.i for c in tok.children) \
            or any((m := ctx.index.by_token.get(t.i)) is not None and m.type == "Person" for t in subtree):
        return None
    for i in range(tok.i):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "Person" and finder.index.titles.get(ment.key, set()) & titles \
                and ment.key not in finder.index.leads:
            return None  # 'President X … the Kenyan President': maybe X, whose country the text does not say
    state = None
    for c in tok.children:
        if sx.dep(c) in sx.POSS and (country := _country_at(ctx, c)) is not None:
            state = country
            break
    if state is None:
        named = description_country(finder, tok)
        state = _entry_mention(ctx, tok, named[0]) if named is not None else None
    # a commander acts for the state's armed forces ("Sudan's army chief vowed to defeat…")
    return _forces_of(state) if state is not None and military else state


def _titled_body(ctx: Context, tok: Token) -> Mention | None:
    """'The UN Secretary-General', 'the EU foreign policy chief' with no name anywhere: the office holder speaks and
    acts for the organisation the title names; None otherwise (a former holder, or no organisation)."""
    finder = ctx.finder
    if tok.lower_ not in finder.all_titles or tok.i in ctx.index.by_token:
        return None
    before = tok.doc[tok.left_edge.i:tok.i]
    if any(t.lower_ in finder.former or t.pos_ in ("ADP", "VERB", "AUX") or t.is_punct and t.text not in HYPHENS
           for t in before) or any(sx.dep(c) in sx.APPOS | sx.COMPOUND and c.i > tok.i for c in tok.children):
        return None
    bodies = {m.key: m for t in before for m in [ctx.index.get(t)] if m is not None and m.type == "Organization"}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _homeland(ctx: Context, tok: Token):
    """The country 'his country' or 'their homeland' names: the country the person leads, or the state whose
    armed forces the possessive stands for; None otherwise."""
    owners = LEADER_POSSESSIVES | FORCES_POSSESSIVES
    owner = next((c for c in tok.children if sx.dep(c) in sx.POSS and c.lower_ in owners), None)
    if owner is None:
        return None
    ment = resolve_pronoun(ctx.finder, owner)
    if ment is None:
        return None
    if owner.lower_ in LEADER_POSSESSIVES:
        return ctx.gaz.entries.get(ctx.index.leads[ment.key]) if ment.key in ctx.index.leads else None
    return ctx.gaz.country(ment.key.split(":", 1)[1]) if ment.key.startswith("forces:") else None


def _cataphoric_subject(ctx: Context, tok: Token) -> Mention | None:
    """'Since launching his war, Jane Roe has…': a personal possessive in an opening adverbial clause whose own
    subject is left out stands for the named person the main clause then takes as subject; None otherwise."""
    if sx.dep(tok) not in sx.POSS or tok.lower_ not in PERSON_PRONOUNS:
        return None
    clause = next((a for a in tok.ancestors if sx.dep(a) == "advcl"), None)
    sent = tok.sent
    if clause is None or clause.head.i < clause.i or sx.subjects(clause) or clause.left_edge.i != sent.start:
        return None
    # the name right after the comma that closes the opening clause (the parse may hang it anywhere)
    comma = next((t for t in sent if t.i > tok.i and t.is_punct and t.text == ","), None)
    if comma is None:
        return None
    for k in range(comma.i + 1, min(comma.i + 6, sent.end)):
        t = tok.doc[k]
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return None
        ment = ctx.index.get(t)
        if ment is not None and ment.type == "Person" and ment.name is not None:
            return ment
    return None


def _own_forces(ctx: Context, tok: Token) -> Mention | None:
    """'Our Armed Forces', 'our troops' in a state's statement: that state's armed forces. Records and returns the
    mention, or None."""
    if tok.lower_ not in ctx.finder.military_nouns or ctx.voice is None or ctx.voice.body is None \
            or tok.i in ctx.finder.quoted:
        return None  # (the head noun is a military noun: checked first, this runs for every reference word)
    words = [t for t in tok.subtree if t.i <= tok.i]
    if not words or words[0].lower_ not in voice_words().first_plural or sx.dep(words[0]) not in sx.POSS:
        return None
    rest = [t.lower_ for t in words[1:]]
    if not rest or " ".join(rest) not in ctx.finder.military_nouns and not all(
            r in ctx.finder.military_nouns or r == ARMED for r in rest):
        return None
    body = ctx.voice.first_person(words[0])
    if body is None or not body.key.startswith("country:"):
        return None
    code = body.key.split(":", 1)[1]
    mention = Mention(doc_id=ctx.document.doc_id, start=words[0].idx, end=tok.idx + len(tok.text),
                      surface=ctx.doc.text[words[0].idx:tok.idx + len(tok.text)], type="MilitaryUnit",
                      key=f"forces:{code}", name=None)
    for t in words:
        ctx.index.by_token[t.i] = mention
    return mention


GROUP_TYPES = frozenset({"Person", "Country", "Organization"})


def _participants(ctx: Context, tok: Token, pronoun: bool = False) -> list[Mention]:
    """The participants a plural reference stands for: the coordinated actors ('X and Y discussed…', 'a call
    between X and Y') of the sentence before it or earlier in its own, or the two people of a meeting or call
    ('X met with Y'). Empty when no such pair is near."""
    # "the delegation", "the two FMs": people, not countries
    people_only = tok.lower_ in voice_words().person_group_nouns or _acronym_plural(tok)
    doc = tok.doc
    sent = tok.sent
    spans = [(sent.start, tok.i)]
    back = 1 if pronoun else 8  # "the delegation" may take up a list named paragraphs before
    start = sent.start
    for _ in range(back):
        previous = sx.previous_sentence_start(doc, start)  # a paragraph break parsed as a sentence left out
        if previous == start:
            break
        prev = doc[previous].sent
        spans.append((prev.start, prev.end))
        start = prev.start
    for lo, hi in spans:
        for i in range(lo, hi):
            if i in ctx.groups and sx.dep(doc[i]) in sx.SUBJ | sx.SUBJ_PASS:
                return ctx.groups[i]  # "The delegation traveled to X. They met…": the group taken up again
            ment = ctx.index.by_token.get(i)
            if ment is None or ment.type not in GROUP_TYPES or people_only and ment.type != "Person":
                continue
            t = doc[i]
            if pronoun and sx.dep(t) not in sx.SUBJ | sx.SUBJ_PASS:
                continue  # the pair 'they' takes up is a clause's subject ('X and Y met… They…')
            members = [ment]
            for c in sx.with_conjuncts(t)[1:]:
                m = ctx.index.get(c)
                if m is not None and m.type in GROUP_TYPES and m.key not in {x.key for x in members}:
                    members.append(m)
            if ment.type in ("Person", "Country") and ment.name is not None:
                # "A, B of X, and C met…" however the parse hung the list (B an apposition of A, C coordinated)
                members += [m for m in _listed_before(ctx, t, ment) + _listed_after(ctx, t, ment)
                            if m.key not in {x.key for x in members}]
            if len(members) >= 2 and len({m.type for m in members}) == 1:
                return members
        people = []
        root = doc[lo].sent.root.i if hi > lo else lo
        for i in range(lo, hi):
            ment = ctx.index.by_token.get(i)
            if ment is not None and ment.type == "Person" and ment.name is not None \
                    and ment.key not in {m.key for _i, m in people}:
                people.append((i, ment))
        if len(people) == 2:
            return [m for _i, m in people]
        if not pronoun and 2 < len(people) <= 6 and all(i < root for i, _m in people):
            # "A, B and C traveled to…" however the parse hung the list: the people named before the verb
            return [m for _i, m in people]
    return []


def _unnamed_pair_before(ctx: Context, tok: Token) -> bool:
    """Whether the nearest subject before a plural pronoun (in its sentence or the one before) is a coordination
    of names or nouns that are not all mentions: 'they' takes it up, and nothing is known of whom it names
    (`_participants` takes up the pairs whose members are all mentions)."""
    doc = tok.doc
    start = sx.previous_sentence_start(doc, tok.sent.start)
    for i in range(tok.i - 1, start - 1, -1):
        t = doc[i]
        if sx.dep(t) not in sx.SUBJ | sx.SUBJ_PASS or t.pos_ not in ("PROPN", "NOUN"):
            continue
        members = sx.with_conjuncts(t)
        return len(members) >= 2 and any(ctx.index.get(m) is None for m in members)
    return False


def _acronym_plural(tok: Token) -> bool:
    """'The four FMs': the plural of an office's acronym, counted, names the office holders."""
    text = tok.text
    return 3 <= len(text) <= 7 and text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha() \
        and any(sx.dep(c) in sx.NUMMOD or c.lower_ in SMALL_COUNT_WORDS for c in tok.children)


def _author_by_title(ctx: Context, tok: Token) -> Mention | None:
    """'The President' in a text by a president, or the Prime Minister in one by a prime minister: the author."""
    voice = ctx.voice
    if voice is None:
        return None
    phrase = " ".join(t.lower_ for t in tok.subtree if t.i <= tok.i and t.lower_ != DEFINITE_ARTICLE and not t.is_punct)
    if voice.author is None or not voice.role:
        # the issuing state's office holder of that title, named somewhere in the text
        country = voice.body.key.split(":", 1)[1] if voice.body is not None and voice.body.key.startswith("country:") \
            else None
        if country is None or not phrase:
            return None
        named = {m.key: m for m in ctx.index.by_token.values() if m.type == "Person" and m.name}
        for key, ment in named.items():
            entry = ctx.gaz.entries.get(key)
            if entry is not None and entry.country == country and entry.office and entry.office.lower() == phrase:
                return replace(ment, name=None)
        return None
    if phrase and (voice.role == phrase or voice.role.endswith(" " + phrase)) and \
            not (phrase == PRESIDENT_TITLE and voice.role.endswith(VICE_PRESIDENT)):
        return voice.author
    return None


def _principal(ctx: Context, tok: Token) -> Mention | None:
    """Who speaks where a readout names no speaker: the author, else the issuing state's head named in the text,
    else the issuing state."""
    voice = ctx.voice
    if voice is None or tok.i in ctx.finder.quoted:
        return None
    speaker = voice.speaker_at(tok.idx)
    if speaker is not None:
        return replace(speaker, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)
    if voice.body is None:
        return None
    country = voice.body.key.split(":", 1)[1] if voice.body.key.startswith("country:") else None
    if country is not None:
        for ment in ctx.index.by_token.values():
            entry = ctx.gaz.entries.get(ment.key) if ment.type == "Person" else None
            if entry is not None and entry.country == country and (entry.office or "").lower() in \
                    ctx.finder.leader_titles:
                return replace(ment, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)
    return replace(voice.body, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text)


def _group_reference(ctx: Context, tok: Token) -> bool:
    """'The two leaders', 'both sides', 'the parties' and a subject 'they' after a pair of actors: each of them.
    Records the group and returns True when resolved."""
    words = voice_words()
    lower = tok.lower_
    if lower in GROUP_PRONOUNS:
        if tok.i in ctx.finder.quoted:
            return False
    elif (lower in words.group_nouns or _acronym_plural(tok)) and tok.pos_ in ("NOUN", "PROPN"):
        dets = [c.lower_ for c in tok.children if sx.dep(c) in ("det", "nummod", "predet", "amod", "det:predet")]
        if not dets or not all(d in words.group_determiners for d in dets) or \
                any(sx.dep(c) in sx.COMPOUND | sx.AMOD | {"nmod", "prep"} and c.lower_ not in words.group_determiners
                    for c in tok.children if c.i != tok.i and sx.dep(c) not in ("det", "nummod", "punct")):
            return False
    else:
        return False
    members = _participants(ctx, tok, pronoun=lower in GROUP_PRONOUNS)
    if len(members) < 2:
        return False
    ctx.groups[tok.i] = members
    ctx.index.by_token[tok.i] = replace(members[0], start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                                        name=None)
    return True


REFLEXIVE_PRONOUNS = rule_words().reflexive_pronouns
SURROUNDING_REGION_NOUNS = rule_words().surrounding_region_nouns
SURROUNDING_WORDS = rule_words().surrounding_words


BARE_DESCRIPTIONS = rule_words().bare_descriptions
REFERENCE_WORDS = (THIRD_PERSON_PRONOUNS | {COUNTRY_NOUN} | HOMELAND_NOUNS | SURROUNDING_REGION_NOUNS
                   | set(BARE_DESCRIPTIONS))


def _recent_place(ctx: Context, tok: Token, type_: str) -> Mention | None:
    """The place (or organisation) of a type named last, in this sentence or the three before."""
    start = tok.sent.start
    for _ in range(3):
        start = sx.previous_sentence_start(tok.doc, start)
    for i in range(tok.i - 1, start - 1, -1):
        ment = ctx.index.by_token.get(i)
        if ment is None or ment.name is None:
            continue
        if ment.type == type_:
            return ment
        if type_ == "Region" and ment.key.startswith(AMBIGUOUS_PREFIX):
            # "Cusco ... the region": the bare name read as the region
            region = ctx.gaz.entries.get(ment.key.rsplit("|", 1)[-1])
            return _entry_mention(ctx, tok, region) if region is not None else None
        if type_ == "Region" and ment.type == "City" and ctx.gaz.region_for_base(ment.name) is not None:
            return _entry_mention(ctx, tok, ctx.gaz.region_for_base(ment.name))  # the region around that city
    return None


def _recent_city(ctx: Context, tok: Token) -> Mention | None:
    """The nearest city named before a token, in its sentence or the one before."""
    start = tok.sent.start
    first = sx.previous_sentence_start(tok.doc, start)
    for i in range(tok.i - 1, first - 1, -1):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "City":
            return ment
    return None


def _bare_forces(ctx: Context, tok: Token) -> Mention | None:
    """'the military': the forces of the country the clause's subject leads, else the last forces named."""
    verb = tok.head
    for subj in sx.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []:
        ment = ctx.index.get(subj)
        if ment is not None and ment.type == "Person" and ment.key in ctx.index.leads:
            code = ctx.index.leads[ment.key].split(":", 1)[1]
            return Mention(doc_id=ctx.document.doc_id, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text,
                           type="MilitaryUnit", key=f"forces:{code}")
    for i in range(tok.i - 1, max(-1, tok.i - 300), -1):
        ment = ctx.index.by_token.get(i)
        if ment is not None and ment.type == "MilitaryUnit" and ment.key.startswith("forces:"):
            return replace(ment, start=tok.idx, end=tok.idx + len(tok.text), surface=tok.text, name=None)
    return None


SUPPORT_WORDS = rule_words().support_words
MONEY_PROMISE_VERBS = rule_words().money_promise_verbs
PARTNER_PREPS = rule_words().partner_preps
PRESSURE_NOUNS = rule_words().pressure_nouns
GOVERNMENT_NOUNS = rule_words().government_nouns
PLACE_ACTS = frozenset({"attacks", "strikes", "invades", "captures", "annexes", "defends", "withdrawsFrom", "evacuates",
                        "visits", "deploys"})


def _is_agent_position(tok: Token) -> bool:
    """Whether a capital or seat of government acts ('Lima refused', 'Santiago's allies', 'talks with Brasília')."""
    label = sx.dep(tok)
    prep = sx.prep_of(tok)
    if label in sx.SUBJ or label in sx.POSS or prep == AGENT_PREP:
        return True
    if label in ("iobj", "dative"):
        return True  # "warned Paris against…", "told Lima": the addressee is the government
    if label in sx.OBJ:
        # "pressure Lima", "accused Santiago": the government; "shelled Lima", "visited Lima": the city
        verbs = load_gazetteer().lexicon["verbs"]
        entry = sx.lookup(tok.head, verbs)[1] if tok.head.i != tok.i else None
        # "kept shelling Lima" with the gerund parsed as a modifier of 'Lima': the act's verb is the gerund
        gerunds = [c for c in tok.children if c.tag_ == "VBG" and sx.dep(c) in sx.AMOD | sx.COMPOUND and c.i < tok.i]
        return not (entry and entry.get("p") in PLACE_ACTS
                    or any((sx.lookup(c, verbs)[1] or {}).get("p") in PLACE_ACTS for c in gerunds))
    if prep == GOAL_PREP and (sx.lemma_in(tok.head, SUPPORT_WORDS | MONEY_PROMISE_VERBS) or tok.head.ent_type_ == "MONEY"):
        return True  # "aid to Lima", "delivered tanks to Lima", "pledged $5 million to Lima": to the government
    if prep in PARTNER_PREPS and tok.head.pos_ in ("VERB", "NOUN"):
        return prep == COMITATIVE_PREP or sx.lemma_in(tok.head, PRESSURE_NOUNS) is not None
    if label in sx.COMPOUND and tok.head.lower_ in GOVERNMENT_NOUNS:
        return True
    if label == "conj":
        return _is_agent_position(tok.head)
    return False


# --- antecedents ------------------------------------------------------------------------------------

def resolve_pronoun(finder: MentionFinder, tok: Token) -> Mention | None:
    """The nearest earlier mention a pronoun can refer to."""
    lower = tok.lower_
    if lower in MALE | FEMALE:
        wanted = {"Person"}
    elif lower in NEUTER:
        wanted = {"Country", "Organization", "MilitaryUnit"}  # "the army said it had retaken…"
    elif lower in PLURAL:
        wanted = {"MilitaryUnit", "Actor", "Organization"}
    else:
        return None
    ahead = _cataphor(finder, tok, wanted)
    if ahead is not None:
        return ahead
    bound = _bound_possessive(finder, tok, wanted | ({"Country"} if lower in PLURAL else set()))
    if bound is not None:
        return bound
    best = None
    sent_start = tok.sent.start
    # the sentence before, unless a paragraph break parted them: a subject there is not preferred to a nearer
    # mention in this sentence ("X's vow to retaliate for what it called an attack" opening a paragraph)
    doc = finder.doc
    parted = sent_start > 0 and (doc[sent_start - 1].is_space or "\n" in doc[sent_start - 1].whitespace_)
    prev_start = sent_start if parted else sx.previous_sentence_start(doc, sent_start)
    for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
        ment = finder.index.by_token.get(i)
        if ment is None or ment.type not in wanted:
            continue
        if i >= sent_start and i in finder.quoted and tok.i not in finder.quoted:
            continue  # '"Brandt is not interested in peace," she wrote': not someone inside the quotation
        if best is not None and i < prev_start:
            break  # a subject is preferred within this sentence and the one before; further back, the nearest
        if best is None:
            best = ment
        t = finder.doc[i]
        if sx.dep(t) in sx.SUBJ | sx.SUBJ_PASS or sx.dep(t.head) in sx.SUBJ:
            return ment
    return best

def _bound_possessive(finder: MentionFinder, tok: Token, wanted: set[str]) -> Mention | None:
    """'Ukrainian officials said their forces…': a possessive refers to the subject of a clause above it."""
    if tok.tag_ != "PRP$" and sx.dep(tok) not in sx.POSS:
        return None
    for anc in tok.ancestors:
        if anc.pos_ in ("NOUN",) and anc.i != tok.head.i:
            # "Ruritania's attempt to give cover to its abuses": the owner of an event noun above
            owner = sx.possessor(anc)
            ment = finder.index.get(owner) if owner is not None and owner.i < tok.i else None
            if ment is not None and ment.type in wanted:
                return ment
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for subj in sx.children(anc, sx.SUBJ):
            if subj.i < tok.i and tok not in list(subj.subtree):
                ment = finder.index.by_token.get(subj.i)
                if ment is not None and ment.type in wanted:
                    return ment
    return None

def _cataphor(finder: MentionFinder, tok: Token, wanted: set[str]) -> Mention | None:
    """'During his address, Brandt claimed…': a possessive in a phrase put before the clause's subject
    refers to that subject."""
    if tok.tag_ != "PRP$" and sx.dep(tok) not in sx.POSS:
        return None
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for subj in sx.children(verb, sx.SUBJ):
        if subj.i > tok.i and tok not in list(subj.subtree):
            ment = finder.index.by_token.get(subj.i)
            if ment is not None and ment.type in wanted:
                return ment
    return None

def description_country(finder: MentionFinder, tok: Token):
    """The country a description names, and the word that names it: 'the President of France', else its demonym
    ('the French president'); (gazetteer entry, token), or None."""
    for p, n in sx.prep_args(tok):
        named = finder.index.get(n) if p == GENITIVE_PREP else None
        if named is not None and named.type == "Country" and named.key in finder.gaz.entries:
            return finder.gaz.entries[named.key], n
    found = None
    for c in tok.children:
        if sx.dep(c) in sx.AMOD | sx.COMPOUND:
            entry = finder.gaz.country_of_demonym(c.text)
            found = (entry, c) if entry is not None else found
    return found


def resolve_description(finder: MentionFinder, tok: Token) -> Mention | None:
    """'the Peruvian president', 'the dictator', 'the Chief of Staff': a person named earlier."""
    lower = tok.lower_
    words = {lower}
    phrase = " ".join(t.lower_ for t in tok.subtree if t.i >= tok.i and not t.is_punct)
    words.add(phrase)
    if not (words & finder.all_titles or lower == LEADER_NOUN):
        return None
    named = description_country(finder, tok)
    country = named[0].key if named is not None else None
    for i in range(tok.i - 1, -1, -1):
        ment = finder.index.by_token.get(i)
        if ment is None or ment.type != "Person":
            continue
        titles = finder.index.titles.get(ment.key, set())
        if country and finder.index.leads.get(ment.key) != country:
            entry = finder.gaz.entries.get(ment.key)
            if not (entry and entry.country and f"country:{entry.country}" == country):
                continue
        if country or titles & words or (phrase in finder.all_titles and titles & set(phrase.split())):
            return ment
    return None
