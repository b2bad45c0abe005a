"""Count the English word literals left in the rule code of kg/ (words belong in kg/patterns/, read by kg/lexicon/words.py).

    python scripts/count_word_literals.py [--list] [ROOT]

A string constant counts when it is an English word (lowercase letters, apostrophes and inner hyphens allowed,
two characters or more) used by rule logic: an element of a tuple, set, list or frozenset, or an operand of
==, !=, in, not in. Left out, because they are not English words a rule matches text against:
  - docstrings, f-strings, and strings inside calls that log, print, warn, raise or format messages;
  - the parser's vocabulary: spaCy's label names (dependency labels, from `spacy.glossary` and the trained
    pipeline's meta.json; POS tags, entity labels and morphological features are not lowercase) and token
    shapes ('dddd');
  - the ontology's names (ontology/kg.ttl: properties such as 'claims' or 'attacks');
  - the data files' own vocabulary: the top-level keys of kg/patterns/*.json ('verbs', 'leader'), which code
    reads the files by, and the enumerated values code compares with: the lexicon entries' 'mode' values and
    the kinds of 'subj_types'/'obj_types';
  - the names of modes, in a comparison with a mode (`frame.mode == "refusal"`, `entry.get("mode") in (…)`).
Prints the count per file and the total; --list prints every literal with its line.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kg"
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|'[a-z]+|[a-z]+'[a-z]+")
MESSAGE_CALLS = {"print", "debug", "info", "warning", "warn", "error", "exception", "critical", "format",
                 "echo", "secho", "fail", "Exception", "ValueError", "TypeError", "KeyError", "RuntimeError",
                 "SystemExit", "UsageError", "BadParameter"}
COMPARE_OPS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
SET_CALLS = {"frozenset", "set", "tuple", "list"}
CLEARNLP_LABELS = {"mwe"}  # a label of spaCy 2's English parser not in spaCy's glossary
SHAPE = re.compile(r"[dxX]+")  # spaCy token shapes ('dddd'), compared with as "SHAPE" patterns


@lru_cache(maxsize=1)
def parser_labels() -> frozenset[str]:
    """spaCy's label names (dependency labels are lowercase, so they look like words): those of spaCy's glossary
    and those of the project's trained parser, whose subtypes ('det:predet') are also read alone."""
    from spacy.glossary import GLOSSARY
    labels = {k for k in GLOSSARY if k.islower()} | CLEARNLP_LABELS
    meta = PACKAGE / "resources" / "pipeline" / "meta.json"
    if meta.exists():
        for label in json.loads(meta.read_text(encoding="utf-8")).get("labels", {}).get("parser", []):
            labels.update(label.split(":"))
    return frozenset(labels)


@lru_cache(maxsize=1)
def ontology_names() -> frozenset[str]:
    sys.path.insert(0, str(ROOT))
    from kg.graph.ontology import load_ontology, ontology_terms
    return frozenset(ontology_terms(load_ontology()))


def _enumerated_values(node, out: set[str]) -> None:
    """The enumerated values of the lexicons' entries: 'mode' ('speech', 'allege', …) and the kinds of
    'subj_types'/'obj_types' ('forces', 'territory')."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "mode" and isinstance(value, str):
                out.add(value)
            elif key in ("subj_types", "obj_types") and isinstance(value, list):
                out.update(v for v in value if isinstance(v, str))
            else:
                _enumerated_values(value, out)


@lru_cache(maxsize=1)
def data_vocabulary() -> frozenset[str]:
    out: set[str] = set()
    for path in sorted((PACKAGE / "patterns").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name != "rules.json":  # (the rules' word lists are read as attributes, not by key)
            out.update(k for k in data if not k.startswith("_"))
        _enumerated_values(data, out)
    return frozenset(out)


def is_word(value: str) -> bool:
    return len(value) >= 2 and WORD.fullmatch(value) is not None and SHAPE.fullmatch(value) is None


def _excluded_words() -> frozenset[str]:
    return parser_labels() | ontology_names() | data_vocabulary()


def _names_a_mode(node) -> bool:
    """Whether an operand is a frame's or entry's mode: `mode`, `frame.mode`, `entry.get("mode")`."""
    if isinstance(node, ast.Name):
        return node.id == "mode"
    if isinstance(node, ast.Attribute):
        return node.attr == "mode"
    return isinstance(node, ast.Call) and _call_name(node) == "get" and bool(node.args) \
        and isinstance(node.args[0], ast.Constant) and node.args[0].value == "mode"


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def word_literals(source: str) -> list[tuple[int, str]]:
    """(line, word) for each English word literal of rule logic in one module's source."""
    tree = ast.parse(source)
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    excluded = _excluded_words()
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and is_word(node.value)):
            continue
        if node.value in excluded:
            continue
        parent = parents.get(node)
        in_rule = False
        if isinstance(parent, (ast.Tuple, ast.Set, ast.List)):
            in_rule = True
        elif isinstance(parent, ast.Compare) and any(isinstance(op, COMPARE_OPS) for op in parent.ops):
            in_rule = True
        compare = parent if isinstance(parent, ast.Compare) else parents.get(parent)
        if isinstance(compare, ast.Compare) and any(_names_a_mode(x) for x in [compare.left, *compare.comparators]):
            continue  # a mode name ('speech', 'refusal'): the frames' own vocabulary
        elif isinstance(parent, ast.Call) and _call_name(parent) in SET_CALLS:
            in_rule = True
        if not in_rule:
            continue
        ancestor, quiet = parent, False
        while ancestor is not None:
            if isinstance(ancestor, (ast.JoinedStr, ast.Raise)) or (
                    isinstance(ancestor, ast.Call) and _call_name(ancestor) in MESSAGE_CALLS):
                quiet = True
                break
            ancestor = parents.get(ancestor)
        if not quiet:
            out.append((node.lineno, node.col_offset, node.value))
    return [(line, word) for line, _col, word in sorted(out)]


def count_word_literals(root: Path = PACKAGE) -> dict[str, list[tuple[int, str]]]:
    """{module path relative to the repository: [(line, word), …]} for every module of the package."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        found = word_literals(path.read_text(encoding="utf-8"))
        if found:
            out[str(path.relative_to(root.parent))] = found
    return out


def main(argv: list[str]) -> int:
    show = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]).resolve() if args else PACKAGE
    found = count_word_literals(root)
    for name, words in found.items():
        print(f"{len(words):5d}  {name}")
        if show:
            for line, word in words:
                print(f"         {line:5d} {word}")
    print(f"{sum(len(w) for w in found.values()):5d}  total")
    if show:
        print("most frequent:", Counter(w for ws in found.values() for _, w in ws).most_common(30))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
