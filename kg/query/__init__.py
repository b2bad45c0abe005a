"""SPARQL over a built graph: saved queries, in memory or in an Oxigraph store."""
