"""The HTTP server: SPARQL endpoint and views."""
