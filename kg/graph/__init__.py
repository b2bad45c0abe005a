"""The RDF graph: the ontology and its generated vocabulary, building triples from extractions, exports, reading graph files, validation and network analysis."""
