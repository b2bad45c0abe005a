"""Subjects and objects: who does what to whom.

A predicate's subjects, inherited through coordination, relative clauses and control verbs
(`_inherited_subjects`); the mentions a token stands for, lists expanded (`_mentions_of`,
`_mentions_expanded`, `_listed_before`, `_listed_after`); the objects a lexicon entry's slots take
(`_objects_for`, `_owners`); and quoted or reported content (`_content`, `_clause_content`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.words import (
    AGENT_PREP,
    AND,
    COMPLEMENTIZER,
    DEFINITE_ARTICLE,
    GENITIVE_PREP,
    GOAL_PREP,
    INFINITIVE_MARKER,
    LISTING_PREPS,
    SOURCE_PREP,
    rule_words,
)
from ..model import Content, Mention
from ..nlp import syntax as sx
from .context import (
    CONTENT_LIMIT,
    RULE_NOUNS,
    SPEECH_PROPS,
    TERRITORY_NOUNS,
    TIME_NOUNS,
    Context,
    _entry_mention,
    _forces_of,
    _lexicon_entry,
    _stance_words,
)
from .mentions import ACTOR_TYPES, PEOPLE_NOUNS, PLACE_TYPES
from .qualifiers import parse_quantities

TITLE_LINKS = rule_words().title_link_words | rule_words().hyphens
LIST_FILLERS = rule_words().list_filler_words
ORIGIN_PREPS = rule_words().origin_preps
ELECT_SUFFIXES = rule_words().elect_suffixes
PARTITIVE_HEADS = rule_words().partitive_heads
GROUP_DESCRIPTORS = rule_words().group_descriptors
FIGHTER_NOUNS = rule_words().fighter_nouns
ISSUED_DOCUMENT_NOUNS = rule_words().issued_document_nouns
ISSUING_VERBS = rule_words().issuing_verbs
CONDUCT_NOUNS = rule_words().conduct_nouns
ALLEGIANCE_ADJECTIVES = rule_words().allegiance_adjectives
STATE_TERRITORY_NOUNS = rule_words().state_territory_nouns
CHARGE_NOUNS = rule_words().charge_nouns
CONTROL_OF_NOUNS = rule_words().control_of_nouns
ACCUSES = "accuses"
GROUP_TYPES = frozenset({"Organization", "MilitaryUnit"})
HYPHENS = rule_words().hyphens
NAMING_PREPS = LISTING_PREPS | {GENITIVE_PREP}
AREA_PART_NOUNS = rule_words().area_part_nouns
PURPOSE_SUBJECT_PREP = rule_words().purpose_subject_preposition
ACCUSATION_VERBS = rule_words().accusation_verbs
ACCUSATION_OR_CHARGE_VERBS = ACCUSATION_VERBS | {rule_words().charge_verb}
COMMITMENT_VERBS = rule_words().commitment_verbs
GERUND_PREPS = rule_words().gerund_preps
OBJECT_CONTROL_PREPS = rule_words().object_control_preps
OWNER_PREPS = rule_words().owner_preps
ADDRESSEE_PREPS = rule_words().addressee_preps
PARTY_NOUNS = rule_words().party_nouns
OWNED_NOUN_PREPS = rule_words().owned_noun_preps
FREE_RELATIVE_PRONOUNS = rule_words().free_relative_pronouns
DEMONSTRATIVE_PRONOUNS = rule_words().demonstrative_pronouns
ENABLING_VERBS = rule_words().enabling_verbs
ATTACK_EVENT_NOUNS = rule_words().attack_event_nouns
FINITE_TAGS = ("VBD", "VBZ", "VBP")


def _title_country(ctx: Context, tok: Token) -> bool:
    """'US President Jane Roe': a country name that only qualifies the title of the person after it."""
    ment = ctx.index.get(tok)
    if ment is None or ment.type != "Country" or tok.i + 2 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    after = ctx.index.get(nxt) or ctx.index.get(tok.doc[tok.i + 2])
    return nxt.lower_ in ctx.finder.all_titles and after is not None and after.type == "Person"


def _listed_before(ctx: Context, tok: Token, ment: Mention) -> list[Mention]:
    """The mentions of the same type written before a name in a list ('A, B, and C met…' where the parse hangs only
    C on the verb)."""
    doc = ctx.doc
    out: list[Mention] = []
    titles = ctx.word_sets["list_titles"]

    def start_of(k: int, m: Mention) -> int:
        while k > tok.sent.start and (ctx.index.by_token.get(k - 1) == m or doc[k - 1].lower_ in titles):
            k -= 1
        # "…, and Deputy Minister for Coastal Affairs and Inland Waters Jane Roe": a long title of capitalised
        # words back to the list's comma
        j = k
        while j > tok.sent.start and k - j < 16 and doc[j - 1].text != "," and ctx.index.by_token.get(j - 1) is None \
                and (doc[j - 1].is_title or doc[j - 1].is_upper and doc[j - 1].is_alpha
                     or doc[j - 1].lower_ in TITLE_LINKS):
            j -= 1
        if j < k and j > tok.sent.start and doc[j - 1].text == "," and doc[j].lower_ != DEFINITE_ARTICLE \
                and any(t.lower_ in titles for t in doc[j:k + 1]):
            return j + (doc[j].lower_ == AND)
        return k

    k = start_of(tok.i, ment)
    while k - 1 > tok.sent.start:
        j = k - 1
        if doc[j].lower_ == AND:
            j -= 1
        if j < tok.sent.start or doc[j].text != ",":
            if doc[k - 1].lower_ != AND:
                break
            j = k - 1
        prev = ctx.index.by_token.get(j - 1)
        if prev is None or prev.type != ment.type or prev.key == ment.key or prev.name is None:
            break
        # "after a meeting with A, B said…": a name in a prepositional phrase before the comma is not a list item
        first = j - 1
        while first > tok.sent.start and ctx.index.by_token.get(first - 1) == prev:
            first -= 1
        if any(sx.prep_of(doc[x]) for x in range(first, j) if ctx.index.by_token.get(x) == prev) \
                or first > tok.sent.start and doc[first - 1].pos_ == "ADP":
            break
        if prev not in out:
            out.insert(0, prev)
        k = start_of(j - 1, prev)
    return out


def _listed_after(ctx: Context, tok: Token, ment: Mention) -> list[Mention]:
    """The mentions of the same type written after a name in a list that the parse did not coordinate
    ('A of X, B of Y, and C of Z held a call' with only A as the subject). The list must end before its head
    verb and each item after a comma or 'and'; an item's 'of'-phrase ('of Japan') is skipped."""
    doc = ctx.doc
    sent_end = tok.sent.end
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.i != head.head.i:
        head = head.head
    limit = head.i if head.i > tok.i else sent_end
    titles = ctx.word_sets["list_titles"]
    out: list[Mention] = []
    k = tok.i
    while k < limit and ctx.index.by_token.get(k) == ment:
        k += 1
    current = ment
    while k < limit:
        if doc[k].lower_ == GENITIVE_PREP:  # "of Brazil", "of the Bahamas": the item's own attachment
            j = k + 1 + (doc[k + 1].lower_ == DEFINITE_ARTICLE if k + 1 < limit else 0)
            attached = ctx.index.by_token.get(j)
            if attached is None or attached.type not in ("Country", "Organization"):
                break
            while j < limit and ctx.index.by_token.get(j) == attached:
                j += 1
            k = j
            continue
        if doc[k].text != "," and doc[k].lower_ != AND:
            break
        while k < limit and (doc[k].text == "," or doc[k].lower_ in LIST_FILLERS or doc[k].lower_ in titles):
            k += 1
        nxt = ctx.index.by_token.get(k)
        if nxt is None or nxt.type != ment.type or nxt.name is None or nxt.key == current.key:
            break
        if nxt not in out:
            out.append(nxt)
        current = nxt
        while k < limit and ctx.index.by_token.get(k) == nxt:
            k += 1
    return out


def _mentions_of(ctx: Context, tokens: list[Token]) -> list[Mention]:
    out = []
    if len(tokens) > 1:
        tokens = [t for t in tokens if not _title_country(ctx, t)]
    for t in tokens:
        conjuncts = sx.with_conjuncts(t)
        for c in conjuncts:
            if c.i in ctx.groups:
                out.extend(m for m in ctx.groups[c.i] if m not in out)
                continue
            m = _mention_at(ctx, c)
            if m is None and c.pos_ == "ADJ" and any(x.i > c.i and x.lower_ in ctx.finder.military_nouns for x in conjuncts):
                # "Kenyan and Ugandan troops" parsed with the first adjective as the head of the list
                country = ctx.gaz.country_of_demonym(c.text)
                m = _forces_of(_entry_mention(ctx, c, country)) if country is not None else None
            listed = m is not None and m.type in ("Person", "Country") and m.name is not None
            if listed and c is conjuncts[0]:
                out.extend(x for x in _listed_before(ctx, c, m) if x not in out)
            if m is not None and m not in out:
                out.append(m)
            if m is not None and m.type == "MilitaryUnit" and c.lower_ in ctx.finder.military_nouns:
                out.extend(x for x in _coordinated_forces(ctx, c) if x not in out)
            if listed:
                out.extend(x for x in _listed_after(ctx, c, m) if x not in out)
            # "officials from Chile and neighbouring countries": one group of people from each
            if m is not None and c.lower_ in ctx.finder.official_nouns | PEOPLE_NOUNS:
                for prep, noun in sx.prep_args(c):
                    if prep in ORIGIN_PREPS:
                        for other in sx.with_conjuncts(noun)[1:]:
                            m2 = _mention_at(ctx, other)
                            if m2 is not None and m2 not in out:
                                out.append(m2)
    return out


def _coordinated_forces(ctx: Context, noun: Token) -> list[Mention]:
    """The forces of each state of coordinated nationality adjectives: "Indian and Pakistani troops" are the forces
    of both (the mention of the noun is those of one)."""
    out = []
    for adj in noun.children:
        if sx.dep(adj) in sx.AMOD and adj.i < noun.i and adj.conjuncts:
            for other in sx.with_conjuncts(adj):
                country = ctx.gaz.country_of_demonym(other.text) if other.i < noun.i else None
                if country is not None:
                    out.append(_forces_of(_entry_mention(ctx, other, country)))
    return out


def _titled_person_after(ctx: Context, tok: Token) -> Mention | None:
    """The person a body's name and a title lead up to ('X Commander General Jane Roe'), when the parse hangs the
    title and the name under the body's name."""
    ment = ctx.index.get(tok)
    k = tok.i + 1
    while k < tok.sent.end and ctx.index.get(tok.doc[k]) is ment:
        k += 1
    start = k
    finder = ctx.finder
    while k < tok.sent.end and (tok.doc[k].lower_ in finder.all_titles or tok.doc[k].lower_ in finder.title_words):
        k += 1
    if k == start or k >= tok.sent.end:
        return None
    person = ctx.index.get(tok.doc[k])
    if person is None or person.type != "Person" or tok not in tok.doc[k].ancestors:
        return None
    return person


def _mention_at(ctx: Context, tok: Token) -> Mention | None:
    """The mention a nominal token stands for, following relative pronouns and 'of' heads."""
    ment = ctx.index.get(tok)
    if ment is not None:
        if ment.type in ("Organization", "MilitaryUnit", "Country") and tok.pos_ == "PROPN":
            titled = _titled_person_after(ctx, tok)
            if titled is not None:
                return titled  # "X Commander General Jane Roe visited…" with the body as the parsed head
        return ment
    if tok.lower_ in ctx.finder.all_titles and tok.pos_ in ("PROPN", "NOUN") \
            or tok.lower_ in ctx.finder.member_titles and tok.pos_ == "PROPN":
        # "Secretary of State Marco Rubio met…", "Special Representative for Trade Jane Roe" with the title as the
        # parsed head of the name
        for d in tok.subtree:
            m = ctx.index.get(d)
            if m is not None and m.type == "Person" and d.i > tok.i:
                return m
        # "Roe and President-elect Tomas Brandt" with the name hung elsewhere
        for d in tok.doc[tok.i + 1:min(tok.i + 4, tok.sent.end)]:
            m = ctx.index.get(d)
            if m is not None and m.type == "Person":
                return m
            if not (d.is_punct or d.lower_ in ctx.finder.all_titles or d.lower_ in ELECT_SUFFIXES):
                break
    if sx.is_relative_pronoun(tok):
        clause = tok.head
        if sx.dep(clause) in sx.REL_CLAUSE | {"acl"}:
            return _mention_at(ctx, clause.head)
    # "parts of the Cusco region", "the border areas of Peru's Cusco and Puno regions"
    if tok.lower_ in PARTITIVE_HEADS:
        for prep, noun in sx.prep_args(tok):
            if prep == GENITIVE_PREP:
                return _mention_at(ctx, noun)
    # "the X guerrilla group": the named group the noun restates (not "a pro-X group": the name must open the
    # modifier)
    if tok.lower_ in GROUP_DESCRIPTORS:
        for c in tok.children:
            m = ctx.index.get(c) if sx.dep(c) in sx.COMPOUND | sx.AMOD and c.i < tok.i else None
            if m is not None and m.type in GROUP_TYPES and not (c.i > 0 and tok.doc[c.i - 1].text in HYPHENS):
                return m
    # "troops loyal to X", "fighters loyal to the X group": the actor they serve acts
    if tok.lower_ in FIGHTER_NOUNS or tok.lower_ in ctx.finder.military_nouns:
        for adj in tok.children:
            if sx.dep(adj) in sx.AMOD and adj.i > tok.i and adj.lower_ in ALLEGIANCE_ADJECTIVES:
                for prep, noun in sx.prep_args(adj):
                    m = _mention_at(ctx, noun) if prep == GOAL_PREP else None
                    if m is not None and m.type in ACTOR_TYPES:
                        return m
    # "rebels of the X movement", "fighters from the X group": the group its fighters stand for
    if tok.lower_ in FIGHTER_NOUNS:
        owners = [noun for prep, noun in sx.prep_args(tok) if prep == GENITIVE_PREP or prep == SOURCE_PREP]
        poss = sx.possessor(tok)  # "the group's fighters"
        for noun in owners + ([poss] if poss is not None else []):
            m = _mention_at(ctx, noun)
            if m is not None and m.type in GROUP_TYPES:
                return m
    # "strikes on Afghan territory", "Syrian soil": a state's territory stands for the state; not a part of it
    # ("additional Syrian territory"), nor territory taken ("seized Syrian territory" takes part of it)
    if tok.lower_ in STATE_TERRITORY_NOUNS and not (
            sx.dep(tok) in sx.OBJ and (_lexicon_entry(ctx, tok.head) or {}).get("p") in _stance_words()["part_taking_acts"]):
        country = None
        for c in tok.children:
            if sx.dep(c) in sx.AMOD | sx.COMPOUND and c.i < tok.i:
                country = ctx.gaz.country_of_demonym(c.text) if country is None else None
                if country is None:
                    break  # another modifier: a part of the territory
                demonym = c
        if country is not None:
            return _entry_mention(ctx, demonym, country)
        poss = sx.possessor(tok)  # "Estonia's airspace"
        owner = ctx.index.get(poss) if poss is not None else None
        if owner is not None and owner.type == "Country" and not any(
                sx.dep(c) in sx.AMOD | sx.COMPOUND for c in tok.children if c.i < tok.i):
            return owner
    # "the city of Cusco": the place the noun names
    if tok.lower_ in ctx.finder.city_words:
        for prep, noun in sx.prep_args(tok):
            if prep == GENITIVE_PREP and ctx.index.get(noun) is not None and ctx.index.get(noun).type in PLACE_TYPES:
                return ctx.index.get(noun)
    # "the Cusco and Arequipa regions": the region noun itself
    if tok.lower_ in ctx.finder.region_words:
        named = [c for c in tok.children if sx.dep(c) in sx.COMPOUND | {"amod", "nmod"} and ctx.index.get(c)]
        if named:
            return ctx.index.get(named[0])
        for prep, noun in sx.prep_args(tok):
            if prep in NAMING_PREPS and ctx.index.get(noun):
                return ctx.index.get(noun)
    for app in (c for c in tok.children if sx.dep(c) in sx.APPOS):
        ment = ctx.index.get(app)
        if ment is not None:
            return ment
    return None


def _mentions_expanded(ctx: Context, tok: Token) -> list[Mention]:
    """Mentions for an argument token, with its coordinated and named parts ('the Cusco and Puno regions')."""
    out = []
    for c in sx.with_conjuncts(tok):
        if c.lower_ in ctx.finder.region_words | AREA_PART_NOUNS:
            inner = [c]
            if c.lower_ in AREA_PART_NOUNS:
                inner = [n for p, n in sx.prep_args(c) if p == GENITIVE_PREP]
            for node in inner:
                named = [x for x in node.children if sx.dep(x) in sx.COMPOUND | {"amod", "nmod"} and ctx.index.get(x)]
                named += [n for p, n in sx.prep_args(node) if p in NAMING_PREPS and ctx.index.get(n)]
                for n in named:
                    for cc in sx.with_conjuncts(n):
                        m = ctx.index.get(cc)
                        if m is not None and m not in out:
                            out.append(m)
                if not named and (first := sx.list_before(node)) is not None:
                    # "Cusco, Puno and Tacna — regions that Ruritania annexed": the listed places
                    named = [first]
                    for cc in sx.with_conjuncts(first):
                        m = ctx.index.get(cc)
                        if m is not None and m.type in PLACE_TYPES and m not in out:
                            out.append(m)
                if not named:
                    m = _mention_at(ctx, node)
                    if m is not None and m not in out:
                        out.append(m)
            continue
        m = _mention_at(ctx, c)
        if m is not None and m not in out:
            out.append(m)
        if m is not None and len(sx.with_conjuncts(tok)) == 1:
            # "both the Council of the Andean Pact and the United Nations" with the second name coordinated
            # with a word inside the first; "the leaders of Chile and Peru" (the description read as Chile)
            for inner in c.subtree:
                if inner.i != c.i and getattr(ctx.index.by_token.get(inner.i), "key", None) == m.key:
                    for cc in sx.with_conjuncts(inner)[1:]:
                        m2 = _mention_at(ctx, cc)
                        if m2 is not None and m2 != m and m2 not in out and m2.type in ACTOR_TYPES | PLACE_TYPES:
                            out.append(m2)
    return out


def _content(tok: Token) -> Content:
    span = sx.noun_chunk_span(tok) if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    while len(span) > 1 and span[0].pos_ in ("ADP", "SCONJ") and span[0].i < tok.i \
            and not (span[0].head.i != tok.i and span[0].head.i in range(span.start, span.end)
                     and span[0].head.pos_ in ("ADJ", "ADV")):
        # "from territories": the preposition is not part of the content; "at least 20 soldiers" keeps its "at"
        span = span[1:]
    text = span.text.strip(" ,.;:\"“”")
    if len(text) > CONTENT_LIMIT:
        text = text[:CONTENT_LIMIT - 1].rstrip() + "…"
    return Content(text=text)


def _span_content(doc, left: int, right: int) -> Content:
    """The text of tokens left..right as content: without edge punctuation and quotes, cut to `CONTENT_LIMIT`."""
    while right > left and doc[right].is_punct:
        right -= 1
    text = doc[left:right + 1].text.strip(" ,\"“”")
    if len(text) > CONTENT_LIMIT:
        text = text[:CONTENT_LIMIT - 1].rstrip() + "…"
    return Content(text=text)


def _clause_content(tok: Token, without: Token | None = None) -> Content:
    """The text of a clause as content; without the clause of `without` where the parse hangs that inside it (the
    speech verb of a quote put first: "X held drills, the ministry said")."""
    left, right = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    if without is not None and left <= without.i <= right and without.i != tok.i:
        # from the speaker on: a word before it that the parse hangs on the speech verb is the clause's own
        # ("The truce, Kenya said, must hold" with "truce" read as a second subject of "said")
        speakers = [c for c in without.children if sx.dep(c) in sx.SUBJ | sx.SUBJ_PASS and c.i < without.i]
        cut_left = speakers[-1].left_edge.i if len(speakers) > 1 else without.left_edge.i
        cut_right = without.right_edge.i
        if cut_left > left and cut_right < right and not all(t.is_punct for t in doc[cut_right + 1:right + 1]):
            # "Prices, he said, did not rise": the clause around the speech verb
            before, after = _span_content(doc, left, cut_left - 1), _span_content(doc, cut_right + 1, right)
            return Content(text=f"{before.text} {after.text}".strip())
        if cut_left > left:
            right = cut_left - 1
        else:
            left = cut_right + 1
    while left < right and (doc[left].is_punct or doc[left].lower_ == COMPLEMENTIZER and sx.dep(doc[left]) == "mark"
                            or sx.dep(doc[left]) == "cc" and doc[left].head.i == tok.i):
        left += 1  # without the conjunction that joins the clause to the one before ("…, but X must leave")
    return _span_content(doc, left, right)


def _gerund_content(verb: Token) -> Content:
    """The content of a gerund after a preposition ('the importance of strengthening X'): without the
    preposition, and without a finite verb the parse coordinated with the gerund (which belongs to the main
    clause: 'stressed the value of deepening X and agreed to …')."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    finite = [c for c in verb.children if sx.dep(c) == "conj" and c.tag_ in FINITE_TAGS and c.i > verb.i]
    if finite:
        right = min(c.left_edge.i for c in finite) - 1
    while left < verb.i and (doc[left].is_punct or sx.dep(doc[left]) in ("mark", "case", "prep")):
        left += 1
    while right > left and (doc[right].is_punct or sx.dep(doc[right]) == "cc"):
        right -= 1
    return _span_content(doc, left, right)


def _weapon_country(ctx: Context, noun: Token) -> list[Mention]:
    """"A Russian missile", "Israeli warplanes": the weapon's country, the one that acts with it."""
    if noun.lower_ in ctx.finder.weapon_nouns:
        for c in noun.children:
            # (the adjective parsed as the subject of its noun where the noun was made the root)
            country = ctx.gaz.country_of_demonym(c.text) if sx.dep(c) in sx.AMOD | sx.COMPOUND \
                or c.i < noun.i and c.pos_ == "ADJ" and sx.dep(c) in sx.SUBJ else None
            if country is not None:
                return [_entry_mention(ctx, c, country)]
    return []


def for_subject(verb: Token) -> Token | None:
    """The noun a to-clause names as its own subject with 'for' ("for the army to withdraw"), or None."""
    to = [c for c in verb.children if c.lower_ == INFINITIVE_MARKER and sx.dep(c) == "mark" and c.i < verb.i]
    if to and to[0].i > 0:
        before = verb.doc[to[0].i - 1]
        if sx.prep_of(before) == PURPOSE_SUBJECT_PREP:
            return before
    return None


COMPANION_PARTICIPLES = rule_words().companion_participles


def _companions(ctx: Context, subjects: list[Token]) -> list[Mention]:
    """The people set off after a subject as its companions ('X, accompanied by Y and Z,'): they share its act."""
    out: list[Mention] = []
    for subj in subjects:
        for c in subj.children:
            if sx.dep(c) == "acl" and c.i > subj.i and sx.lemma_in(c, COMPANION_PARTICIPLES):
                agents = [x for p, n in sx.prep_args(c) if p == AGENT_PREP for x in sx.with_conjuncts(n)]
                # "joined by his foreign minister Y": the name in apposition to the title
                agents += [a for n in agents for a in n.children if sx.dep(a) in sx.APPOS]
                out += [m for m in _mentions_of(ctx, agents) if m.type == "Person" and m not in out]
    return out


def _inherited_subjects(ctx: Context, verb: Token, depth: int = 0) -> list[Mention]:
    """Subjects of a verb, or of the clause that controls it (xcomp, conj, participles)."""
    if depth > 4:
        return []
    subs = _mentions_of(ctx, sx.subjects(verb))
    if subs:
        return subs + [m for m in _companions(ctx, sx.subjects(verb)) if m not in subs]
    for subj in sx.subjects(verb):
        found = _weapon_country(ctx, subj)
        if found:
            return found
    if sx.dep(verb) in ("acl", "xcomp", "ccomp") and verb.tag_ in ("VBD", "VBN") and verb.head.i < verb.i \
            and verb.head.pos_ in ("NOUN", "PROPN") and sx.children(verb, sx.OBJ) and not sx.is_passive(verb) \
            and (sx.dep(verb) == "acl" or verb.head.head.i == verb.head.i):
        # "Israeli warplanes struck several villages" parsed as a participle on its noun, or as a clause of a noun
        # made the root: a participle with a direct object of its own is active, and the noun is its subject
        found = _mentions_of(ctx, [verb.head]) or _weapon_country(ctx, verb.head)
        if found:
            return found
    if sx.dep(verb) == "acl" and verb.tag_ == "VBG" and verb.head.lower_ in ISSUED_DOCUMENT_NOUNS \
            and sx.dep(verb.head) in sx.OBJ and verb.head.head.i != verb.head.i \
            and sx.lemma_in(verb.head.head, ISSUING_VERBS):
        # "issued a statement condemning X", "adopted a resolution demanding Y": the issuer acts through it
        found = _inherited_subjects(ctx, verb.head.head, depth + 1)
        if found:
            return found
    if verb.i > 0 and not sx.children(verb, sx.SUBJ - {"csubj"}) \
            and (_lexicon_entry(ctx, verb) or {}).get("mode") == "speech":
        # "Speaking at a press conference, NATO Secretary General Mark Rutte said…" with the name misparsed
        # into the opening clause: the name right before the speech verb speaks
        before = ctx.index.get(verb.doc[verb.i - 1])
        if before is not None and before.type in ("Person", "Organization", "Country", "Actor"):
            return [before]
    if sx.is_passive(verb):
        if depth and sx.lemma_in(verb, ctx.word_sets["plan_verbs"]) and not sx.subjects(verb):
            # "X is committed to providing…", "X remains prepared to pursue…": the one committed acts
            return _mentions_of(ctx, sx.children(verb, sx.SUBJ_PASS))
        return []
    own = for_subject(verb)
    if own is not None:
        found = _mention_at(ctx, own)
        if found is not None:
            return [found]  # "time for her forces to hold more ground"
        if sx.dep(verb) == "acl" and own.head.i == verb.head.i:
            return []  # "an order for the army to withdraw": the clause has a subject of its own, not a name
    label = sx.dep(verb)
    head = verb.head
    if head.i == verb.i:
        return []
    if sx.lemma_in(head, ACCUSATION_OR_CHARGE_VERBS) and label in ("advcl", "acl", "xcomp", "ccomp", "pcomp"):
        # "accused Ruritania of violating": the accused acts
        return _mentions_of(ctx, sx.objects(head))
    if label == "xcomp" or (label in ("advcl", "acl") and verb.tag_ in ("VB", "VBG") and any(c.lower_ == INFINITIVE_MARKER for c in verb.children)):
        objs = _mentions_of(ctx, sx.objects(head))
        if not objs and label == "xcomp" and not sx.objects(head):
            # "allowed the rebels to attack", with the one allowed parsed as an indirect object
            objs = _mentions_of(ctx, sx.children(head, sx.IOBJ))
        head_entry = _lexicon_entry(ctx, head) or {}
        directive = head_entry.get("mode") == "directive"
        if not objs and directive:
            # "called on ECOWAS to withdraw", "appealed to X to send troops": the one addressed would act
            addressee = _addressee_preps(head_entry, ADDRESSEE_PREPS)
            objs = _mentions_of(ctx, [n for p, n in sx.prep_args(head) if p in addressee])
        if objs and (label == "xcomp" or directive or sx.lemma_in(head, ENABLING_VERBS)) \
                and not sx.lemma_in(head, COMMITMENT_VERBS):
            # object control: "enable Brandt to demand", "urged the general to allow", "directed her
            # army to widen its offensive" (read as an adverbial clause)
            return objs
        if not objs and directive and any(o.pos_ in ("NOUN", "PROPN") for o in sx.objects(head)):
            return []  # "directed the Secretary to support X": the one directed acts, unnamed here
        if head.pos_ == "NOUN":
            if (sx.lookup(head, ctx.gaz.lexicon["nouns"])[1] or {}).get("mode") == "directive":
                # "Mali's request to the AU to deploy troops", "a call on X to withdraw": the one addressed acts
                hearers = _mentions_of(ctx, [n for p, n in sx.prep_args(head) if p in ADDRESSEE_PREPS])
                if hearers:
                    return hearers
            poss = sx.possessor(head)
            if poss is not None and _mention_at(ctx, poss):
                return [_mention_at(ctx, poss)]
            if sx.dep(head) in sx.OBJ and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i \
                    and not sx.lemma_in(head, ctx.word_sets["plan_nouns"]) \
                    and not any(ctx.index.get(c) is not None for c in head.children if c.i < head.i):
                # "will take all the measures needed to ensure…": who takes the measures acts
                return _inherited_subjects(ctx, head.head, depth + 1)
            return _inherited_subjects(ctx, head, depth + 1) if sx.dep(head) not in sx.SUBJ else []
        return _inherited_subjects(ctx, head, depth + 1)
    if label == "conj" and verb.tag_ in FINITE_TAGS and head.tag_ == "VBG" \
            and sx.dep(head) in ("acl", "advcl", "pcomp"):
        # "stressed the value of deepening X and committed to…" with the finite verb coordinated with the
        # gerund: it shares the subject of the clause the gerund hangs in
        node = head
        for _ in range(4):
            if node.tag_ in FINITE_TAGS or node.head.i == node.i:
                break
            node = node.head
        if node.tag_ in FINITE_TAGS:
            return _inherited_subjects(ctx, node, depth + 1)
    if label == "conj" and head.pos_ in ("VERB", "AUX"):
        return _inherited_subjects(ctx, head, depth + 1)
    if label in ("advcl", "acl") and verb.tag_ == "VBG" and not sx.subjects(verb):
        noun = _attack_noun_before(verb)
        if noun is not None:
            # "assaults knowingly targeting hospitals" with the participle hung on the clause: it describes the
            # attacks, whose agent is their owner ('X's attacks'), or none written (the article's belligerent)
            owner = sx.possessor(noun)
            return _mentions_of(ctx, [owner]) if owner is not None else []
    if verb.tag_ == "VBG" and label in sx.POBJ | {"pcomp", "advcl", "acl"} \
            and any(c.lower_ in OBJECT_CONTROL_PREPS and sx.dep(c) in {"mark", "case"} for c in verb.children):
        # "warned X against sending troops", "stopped X from attacking": the one warned or stopped would act
        node = head.head if sx.dep(head) in sx.PREP else head
        controllers = _mentions_of(ctx, sx.objects(node) or sx.children(node, sx.IOBJ)) if node.pos_ in ("VERB", "AUX") else []
        if controllers:
            return controllers
    if label in ("advcl",) and verb.tag_ == "VBG":
        # the speaker of "…, adding that" is the outer speaker; what it embeds keeps the parser's reading
        anchor = _speech_anchor(ctx, verb) if depth == 0 else None
        return _inherited_subjects(ctx, anchor if anchor is not None else head, depth + 1)
    if label in sx.POBJ | {"pcomp"} or (label in ("acl", "advcl") and any(c.lower_ in GERUND_PREPS and sx.dep(c) in {"mark", "case"} for c in verb.children)):
        # "accused Ruritania of violating": the accused; "bragging of seizing": the bragger
        node = head.head if sx.dep(head) in sx.PREP else head
        if sx.lemma_in(node, ACCUSATION_VERBS):
            return _mentions_of(ctx, sx.objects(node))
        if node.pos_ in ("VERB", "AUX"):
            return _inherited_subjects(ctx, node, depth + 1)
    if label in sx.REL_CLAUSE or label == "acl":
        if head.i in ctx.groups:
            return list(ctx.groups[head.i])
        ment = _mention_at(ctx, head)
        return [ment] if ment is not None else []
    return []


def _attack_noun_before(verb: Token) -> Token | None:
    """The plural or singular attack noun written right before a participle (adverbs between): 'assaults
    knowingly targeting hospitals' gives 'assaults'; None otherwise."""
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].pos_ == "ADV":
        k -= 1
    if k < verb.sent.start:
        return None
    noun = verb.doc[k]
    return noun if noun.pos_ == "NOUN" and sx.lemma_in(noun, ATTACK_EVENT_NOUNS) else None


def _speech_anchor(ctx: Context, verb: Token) -> Token | None:
    """'X said that A, adding that B': a subjectless speech participle continues the nearest speech verb above
    it, however the parser attached it; that verb, or None."""
    if verb.tag_ != "VBG" or sx.dep(verb) != "advcl" or sx.subjects(verb):
        return None
    if (_lexicon_entry(ctx, verb) or {}).get("mode") != "speech":
        return None
    for anc in verb.ancestors:
        if (_lexicon_entry(ctx, anc) or {}).get("mode") == "speech" and anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


ASSET_NOUNS = rule_words().asset_nouns
MILITARY_ASSET_NOUNS = rule_words().military_asset_nouns
ASSET_ATTACKS = frozenset({"attacks", "strikes"})


def _asset_owners(ctx: Context, tok: Token) -> list[Mention]:
    """The armed side owning a unit, vessel, post or piece of equipment: 'X's positions', 'the convoys of X',
    'X Navy warships' (an actor written before the noun)."""
    if sx.lemma_in(tok, ASSET_NOUNS) is None and tok.lower_ not in ASSET_NOUNS:
        return []
    heads = [h for h in [sx.possessor(tok)] if h is not None]
    heads += [n for p, n in sx.prep_args(tok) if p in OWNER_PREPS]
    heads += [c for c in tok.children if c.i < tok.i and sx.dep(c) in ("compound", "amod", "nmod")]
    heads += [g for c in list(heads) if c.i < tok.i and sx.dep(c) == "compound" for g in c.children
              if g.i < c.i and sx.dep(g) in ("compound", "amod")]  # "Russian air bases": the demonym on "air"
    military = sx.lemma_in(tok, MILITARY_ASSET_NOUNS) is not None
    out: list[Mention] = []
    for head in heads:
        m = ctx.index.get(head)
        if m is None and head.i > tok.i:  # "the positions of the X mission": the actor named before the owner
            m = next((ctx.index.get(c) for c in head.children if c.i < head.i and sx.dep(c) in sx.COMPOUND
                      and ctx.index.get(c) is not None), None)
        if m is None and head.i < tok.i and military:
            entry = ctx.finder._country_of_modifier(head)  # "Russian air bases"
            if entry is not None and entry.type == "Country":
                m = _entry_mention(ctx, head, entry)
        if m is not None and m.type == "Country" and military:
            m = _forces_of(m)  # "US bases", "Russian warships": the country's armed forces own them
        if m is not None and m.type in ACTOR_TYPES and m not in out:
            out.append(m)
    return out


OWNED_OBJECT_PROPS = frozenset({"praises", "condemns", "supports", "accuses", "defends", "threatens", "orders"})


def _owners(ctx: Context, tok: Token) -> list[Mention]:
    """The actors or places owning an abstract noun, coordinated ones included: 'the efforts by A, B and C',
    'the security of X', 'X's sovereignty'."""
    if tok.pos_ != "NOUN" or tok.lower_ in ctx.finder.place_nouns or tok.lower_ in ctx.finder.weapon_nouns:
        return []
    heads = []
    poss = sx.possessor(tok)
    if poss is not None:
        heads.append(poss)
    heads += [n for p, n in sx.prep_args(tok) if p in OWNER_PREPS]
    # "the role played by X", "the efforts made by X": the agent of a participle on the noun
    heads += [n for c in tok.children if sx.dep(c) == "acl" and c.tag_ in ("VBN", "VBD") for p, n in sx.prep_args(c)
              if p == AGENT_PREP]
    out: list[Mention] = []
    for head in heads:
        for c in sx.with_conjuncts(head):
            m = ctx.index.get(c)
            if m is not None and m not in out:
                out.append(m)
        if out:
            break
    if not out and not heads and (sx.lemma_in(tok, CONDUCT_NOUNS) or sx.lookup(tok, ctx.gaz.lexicon["nouns"])[1]):
        # "the Israeli airstrikes", "the Russian invasion": the state a nationality adjective names, for acts and
        # conduct only (not "Peruvian families")
        for c in tok.children:
            if sx.dep(c) in sx.AMOD and c.i < tok.i:
                country = ctx.gaz.country_of_demonym(c.text)
                if country is not None:
                    out.append(_entry_mention(ctx, c, country))
    return out


def _addressee_preps(entry: dict, default: frozenset[str] = frozenset()) -> frozenset[str]:
    """The prepositions of whom a directive is made ('called on X', 'appealed to X'): the entry's 'addressee' (one
    preposition or a list), else `default`."""
    addressee = entry.get("addressee") or default
    return frozenset({addressee} if isinstance(addressee, str) else addressee)


def _allowed_object(ctx: Context, entry: dict, tok: Token, ment: Mention | None) -> bool:
    if ment is None and entry.get("p") == ACCUSES and sx.lemma_in(tok, CHARGE_NOUNS) is not None:
        return False  # "accused X of Y, a charge Z rejected": one accuses an actor, never the charge itself
    types = entry.get("obj_types")
    if not types:
        return True
    if ment is not None:
        return ment.type in types or (ment.type in PLACE_TYPES and "Place" in types)
    return ("territory" in types and sx.lemma_in(tok, TERRITORY_NOUNS) is not None
            or "forces" in types and tok.lower_ in ctx.finder.military_nouns
            or "Weapon" in types and tok.lower_ in ctx.finder.weapon_nouns
            or "facility" in types and sx.lemma_in(tok, ctx.finder.place_nouns) is not None
            or "asset" in types and sx.lemma_in(tok, ASSET_NOUNS) is not None
            or "agreement" in types and sx.lemma_in(tok, ctx.finder.agreement_nouns | RULE_NOUNS) is not None
            or "parties" in types and (tok.lower_ in PARTY_NOUNS or tok.lower_ in ctx.finder.group_nouns))


def _says_when(tok: Token) -> bool:
    """Whether a nominal says when something happened ('on Sunday', 'in the coming weeks'), not to whom or what."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in TIME_NOUNS


def _object_read_as_next_subject(verb: Token) -> list[Token]:
    """The object of a verb that the parse made a second subject of the next clause: "If Egypt attacks Lebanon, the
    United States will respond" with "Lebanon" as a subject of "respond" beside "the United States"."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return []
    nxt = doc[verb.i + 1]
    if sx.dep(nxt) not in sx.SUBJ or nxt.head.i == verb.i or nxt.pos_ not in ("PROPN", "NOUN"):
        return []
    others = [c for c in nxt.head.children if sx.dep(c) in sx.SUBJ and c.i != nxt.i]
    return [nxt] if others else []


def _objects_for(ctx: Context, head: Token, slots: list[str], entry: dict, verb: bool) -> list:
    out: list = []
    for slot in slots:
        if slot == "dobj":
            toks = sx.objects(head) if verb else []
            if verb and not toks:
                toks = sx.children(head, frozenset({"iobj", "dative"}))  # "warned Paris against escalation"
            if verb and not toks and not sx.is_passive(head):
                toks = _object_read_as_next_subject(head)
        else:
            toks = [n for p, n in sx.prep_args(head) if p == slot]
            if not toks and verb:
                # "withdraw its forces from Tacna", "told X about Y": the phrase may hang on the object
                toks = [n for o in sx.objects(head) + sx.children(head, sx.IOBJ) for p, n in sx.prep_args(o)
                        if p == slot]
            if not toks and verb:
                # "provided $3 billion in military aid to Lima": or on a noun inside the object
                toks = [n for o in sx.objects(head) for _p, inner in sx.prep_args(o)
                        for p, n in sx.prep_args(inner) if p == slot]
        for tok in toks:
            mentions = _mentions_expanded(ctx, tok)
            if not mentions and entry.get("p") in ASSET_ATTACKS:
                mentions = _asset_owners(ctx, tok)  # "attacked X army convoys": X's armed forces
            if not mentions and (entry.get("p") in OWNED_OBJECT_PROPS or entry.get("actor_p")):
                owners = _owners(ctx, tok)
                if not owners and tok.pos_ == "NOUN":
                    # "support for the defence of X", "commitment to the safety of X": one noun further
                    # (a deed one is thanked for with a pronoun owner: the pronoun is the noun itself)
                    inner = [n for p, n in sx.prep_args(tok) if p in OWNED_NOUN_PREPS
                             and not (sx.possessor(n) is not None and sx.possessor(n).tag_ in ("PRP$", "PRP"))]
                    owners = next((o for n in inner if (o := _owners(ctx, n))), [])
                mentions = [o for o in owners if o.type in ACTOR_TYPES | PLACE_TYPES]
            if mentions:
                for m in mentions:
                    if _allowed_object(ctx, entry, tok, m):
                        out.append(m)
            elif _says_when(tok):
                continue  # "in the coming weeks" says when, not what
            elif tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") and _allowed_object(ctx, entry, tok, None):
                if tok.lower_ in FREE_RELATIVE_PRONOUNS and any(sx.dep(c) in sx.REL_CLAUSE for c in tok.children):
                    out.append(_clause_content(tok))  # "reject what the junta calls fair terms"
                    continue
                if tok.tag_ in sx.PRONOUN_TAGS and tok.lower_ not in DEMONSTRATIVE_PRONOUNS:
                    continue
                controlled = [n for p, n in sx.prep_args(tok) if p == GENITIVE_PREP] if tok.lower_ in CONTROL_OF_NOUNS else []
                if controlled:
                    out.append(_content(controlled[0]))  # "took control of the X corridor": the corridor
                    continue
                quantity = _quantity_object(ctx, entry, tok)
                out.append(quantity if quantity is not None else _content(tok))
            elif tok.pos_ in ("VERB", "AUX") and entry.get("p") in SPEECH_PROPS | {"rejects", "agreesTo", "orders"}:
                out.append(_clause_content(tok))
        if out:
            break
    if verb and "dobj" in slots:
        # "gathered town leaders from Cusco, including Tomas Brandt": the named ones too
        for p, n in list(sx.prep_args(head)) + [a for o in sx.objects(head) for a in sx.prep_args(o)]:
            if p in LISTING_PREPS:
                for m in _mentions_expanded(ctx, n):
                    if m not in out and _allowed_object(ctx, entry, n, m):
                        out.append(m)
    return out


def _quantity_object(ctx: Context, entry: dict, tok: Token):
    if entry.get("p") != "estimates":
        return None
    qs = parse_quantities(_content(tok).text)
    return qs[0] if qs else None
