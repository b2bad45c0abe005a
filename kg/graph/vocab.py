"""Vocabulary of the conflict ontology. Generated from ontology/kg.ttl by
`python -m kg.graph.ontology`; do not edit by hand."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

RESOURCE = Namespace("https://w3id.org/kg-conflict/id/")


class KG(DefinedNamespace):
    """Terms of the conflict ontology; an unknown name raises."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-conflict/ontology#")

    Actor: URIRef
    Agreement: URIRef
    Asserted: URIRef
    City: URIRef
    Claimed: URIRef
    Country: URIRef
    Denied: URIRef
    Document: URIRef
    Entity: URIRef
    Event: URIRef
    Hypothetical: URIRef
    MilitaryUnit: URIRef
    Modality: URIRef
    Negated: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Planned: URIRef
    Quantity: URIRef
    Region: URIRef
    Sentence: URIRef
    Statement: URIRef
    Weapon: URIRef
    accuses: URIRef
    action: URIRef
    agreesTo: URIRef
    annexes: URIRef
    attacks: URIRef
    borders: URIRef
    captures: URIRef
    checksum: URIRef
    claimant: URIRef
    claims: URIRef
    commands: URIRef
    condemns: URIRef
    content: URIRef
    controls: URIRef
    date: URIRef
    defends: URIRef
    demands: URIRef
    denies: URIRef
    deploys: URIRef
    disputes: URIRef
    documentId: URIRef
    endOffset: URIRef
    estimates: URIRef
    evacuates: URIRef
    evidence: URIRef
    fileName: URIRef
    fromDocument: URIRef
    inDocument: URIRef
    invades: URIRef
    leaderOf: URIRef
    locatedIn: URIRef
    maxValue: URIRef
    meets: URIRef
    memberOf: URIRef
    mentionCount: URIRef
    metadata: URIRef
    modality: URIRef
    negotiatesWith: URIRef
    orders: URIRef
    place: URIRef
    praises: URIRef
    precedence: URIRef
    published: URIRef
    quantity: URIRef
    rejects: URIRef
    relation: URIRef
    reports: URIRef
    roleTitle: URIRef
    source: URIRef
    standingRelation: URIRef
    startOffset: URIRef
    strikes: URIRef
    supports: URIRef
    text: URIRef
    threatens: URIRef
    title: URIRef
    unit: URIRef
    url: URIRef
    value: URIRef
    violates: URIRef
    visits: URIRef
    warns: URIRef
    withdrawsFrom: URIRef


# Sub-properties of kg:relation: what the extractor may emit.
RELATION_PROPERTIES = (
    "accuses",
    "agreesTo",
    "annexes",
    "attacks",
    "borders",
    "captures",
    "claims",
    "commands",
    "condemns",
    "controls",
    "defends",
    "demands",
    "denies",
    "deploys",
    "disputes",
    "estimates",
    "evacuates",
    "invades",
    "leaderOf",
    "locatedIn",
    "meets",
    "memberOf",
    "negotiatesWith",
    "orders",
    "praises",
    "rejects",
    "strikes",
    "supports",
    "threatens",
    "violates",
    "visits",
    "warns",
    "withdrawsFrom",
)

SYMMETRIC_PROPERTIES = (
    "borders",
    "meets",
    "negotiatesWith",
)

# Sub-properties of kg:standingRelation: states of affairs, not events.
STANDING_PROPERTIES = (
    "borders",
    "commands",
    "controls",
    "leaderOf",
    "locatedIn",
    "memberOf",
)

# The classes of actors (kg:Actor) and of places (kg:Place), subclasses included.
ACTOR_CLASSES = ('Actor', 'Country', 'MilitaryUnit', 'Organization', 'Person')
PLACE_CLASSES = ('City', 'Country', 'Place', 'Region')

# The entity classes a relation's subject (domain) and object (range) may have, subclasses included.
DOMAINS = {
    "borders": frozenset(('City', 'Country', 'Place', 'Region')),
    "commands": frozenset(('Person',)),
    "leaderOf": frozenset(('Person',)),
    "locatedIn": frozenset(('City', 'Country', 'Place', 'Region')),
    "memberOf": frozenset(('Actor', 'Country', 'MilitaryUnit', 'Organization', 'Person')),
    "orders": frozenset(('Actor', 'Country', 'MilitaryUnit', 'Organization', 'Person')),
}

RANGES = {
    "borders": frozenset(('City', 'Country', 'Place', 'Region')),
    "commands": frozenset(('MilitaryUnit',)),
    "controls": frozenset(('City', 'Country', 'Place', 'Region')),
    "leaderOf": frozenset(('Country', 'MilitaryUnit', 'Organization', 'Region')),
    "locatedIn": frozenset(('City', 'Country', 'Place', 'Region')),
    "memberOf": frozenset(('Country', 'MilitaryUnit', 'Organization')),
}

# Relation properties that refine another relation property (kg:strikes refines kg:attacks).
REFINES = {
    "invades": "attacks",
    "strikes": "attacks",
}
