"""spaCy's language pipeline: loading it, its components, matrix products, and reading its parses."""
