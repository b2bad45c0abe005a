"""Training of the project's English spaCy pipeline from open treebanks (UD EWT, GUM, Universal NER).

Modules: ``convert`` (CoNLL-U / IOB2 -> DocBin), ``configs/`` (spaCy configs), ``train``
(parallel training + assembly), ``evaluate``, ``info``, ``cli`` (Typer app, ``kg model``).
"""
