"""kg: build a conflict knowledge graph from English news articles."""

__version__ = "0.1.0"
