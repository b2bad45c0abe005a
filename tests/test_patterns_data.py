"""The data files of kg/patterns/ are all read by the code, and name only terms of the ontology."""

from __future__ import annotations

import ast
import importlib.util
import json
from pathlib import Path

from kg.graph.ontology import ONTOLOGY_NS, load_ontology, relation_properties
from kg.lexicon.gazetteer import PATTERNS_DIR
from kg.lexicon.words import RULES_FILE, RuleWords, rule_words

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
COUNT_SCRIPT = PACKAGE.parent / "scripts" / "count_word_literals.py"
# English word literals left in the code of kg/ (scripts/count_word_literals.py): none in the rules; the rest are
# HTML tags, formats, pipeline and option names. The figure may only go down.
MAX_WORD_LITERALS = 224
RULE_MODULES = tuple(f"kg/extract/{name}.py" for name in (
    "arguments", "context", "emit", "frames", "mentions", "modality", "pipeline", "references", "standing")) + (
    "kg/nlp/syntax.py", "kg/lexicon/words.py")
LEXICONS = ("lexicon.json", "lexicon_derived.json")
ENTRY_SECTIONS = ("verbs", "nouns")
TYPE_KEYS = ("subj_types", "obj_types")


def _json_files() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(PATTERNS_DIR.glob("*.json"))}


def _source_names(root: Path = PACKAGE) -> tuple[set[str], set[str], set[str]]:
    """The string constants (docstrings left out), attribute names and loaded variable names of the package."""
    strings, attributes, loaded = set(), set(), set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)
                      and isinstance(node.value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                strings.add(node.value)
            elif isinstance(node, ast.Attribute):
                attributes.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                loaded.add(node.id)
    return strings, attributes, loaded


def _lexicon_fields(data: dict) -> set[str]:
    """The field names of a predicate lexicon's entries ('p', 'obj', 'mode', …), those of 'by_prep' and 'by_modifier' readings too."""
    out = set()

    def walk(entry: dict) -> None:
        for key, value in entry.items():
            out.add(key)
            if key in ("by_prep", "by_modifier"):
                for reading in value.values():
                    walk(reading)

    for section in ENTRY_SECTIONS:
        for entry in data.get(section, {}).values():
            walk(entry)
    return out


def unused_keys(files: dict[str, dict], strings: set[str], attributes: set[str]) -> list[str]:
    """'file: key' for each key of the data files (and field of the lexicons' entries) the package never names."""
    out = []
    for name, data in files.items():
        keys = {k for k in data if not k.startswith("_")}
        if name in LEXICONS:
            keys |= _lexicon_fields(data)
        for key in sorted(keys):
            used = key in attributes if name == RULES_FILE else key in strings
            if not used:
                out.append(f"{name}: {key}")
    return out


def _property_values(node, where: str = ""):
    """(place, key, value) for every value that names an ontology property: 'p', 'event_obj' and '…_p' keys."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("_"):
                continue
            if isinstance(value, str) and (key in ("p", "event_obj") or key.endswith("_p")):
                yield where, key, value
            else:
                yield from _property_values(value, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from _property_values(item, where)


def _class_values(node, where: str = ""):
    """(place, value) for every capitalised class name of 'subj_types'/'obj_types' lists ('forces' and
    'territory' are kinds of unnamed object, not classes)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TYPE_KEYS:
                yield from ((f"{where}/{key}", v) for v in value if v[:1].isupper())
            elif not key.startswith("_"):
                yield from _class_values(value, f"{where}/{key}")


def unknown_terms(files: dict[str, dict]) -> list[str]:
    graph = load_ontology()
    properties = set(relation_properties(graph))
    classes = {str(s)[len(ONTOLOGY_NS):] for s in graph.subjects(None, None) if str(s).startswith(ONTOLOGY_NS)}
    out = []
    for name, data in files.items():
        out += [f"{name}{where}: {key}={value}" for where, key, value in _property_values(data)
                if value not in properties]
        out += [f"{name}{where}: {value}" for where, value in _class_values(data) if value not in classes]
    if RULES_FILE in files:
        out += [f"{RULES_FILE}/bare_descriptions: {v}" for v in files[RULES_FILE]["bare_descriptions"].values()
                if v not in classes]
    return out


def test_every_key_of_the_data_files_is_read_by_the_code():
    strings, attributes, _ = _source_names()
    assert unused_keys(_json_files(), strings, attributes) == []


def test_the_key_check_finds_a_key_no_code_reads():
    strings, attributes, _ = _source_names()
    files = {"stance.json": {"_doc": "", "need_nouns": [], "sympathy_nouns": []},
             "lexicon.json": {"verbs": {"befriend": {"p": "supports", "warmth": True}}},
             RULES_FILE: {"months": [], "holiday_words": []}}
    assert unused_keys(files, strings, attributes) == ["stance.json: sympathy_nouns", "lexicon.json: warmth",
                                                       f"{RULES_FILE}: holiday_words"]


def test_every_rule_word_list_is_used_by_a_rule():
    """Each module constant made from a list of rules.json is read somewhere in the package."""
    _, _, loaded = _source_names()
    constants = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            calls = [n for n in ast.walk(node.value)] if isinstance(node, ast.Assign) else []
            if any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "rule_words" for n in calls):
                constants += [t.id for t in node.targets if isinstance(t, ast.Name)]
    assert "ATTACK_EVENT_NOUNS" in constants and "ORG_WORDS" in constants
    assert [c for c in constants if c not in loaded] == []


def test_rule_words_are_frozen_and_documented():
    data = json.loads((PATTERNS_DIR / RULES_FILE).read_text(encoding="utf-8"))
    keys = {k for k in data if not k.startswith("_")}
    assert set(data["_keys"]) == keys
    assert all(data["_keys"][k].strip() for k in keys)
    words = rule_words()
    assert isinstance(words, RuleWords)
    assert "assault" in words.attack_event_nouns and isinstance(words.attack_event_nouns, frozenset)
    assert words.attribution_phrase == ("according", "to") and words.agent_preposition == "by"
    assert words.months[:2] == ("january", "february")
    assert words.bare_descriptions["province"] == "Region"
    for key in keys:
        value = data[key]
        if isinstance(value, list):
            assert all(w == w.lower() and w.strip() == w and w for w in value), key
            assert len(set(value)) == len(value), key
        elif isinstance(value, str):
            assert value == value.lower() and value.strip() == value and value, key


def test_every_property_and_class_named_in_the_data_files_is_in_the_ontology():
    files = _json_files()
    named = [v for data in files.values() for _, _, v in _property_values(data)]
    assert len(named) > 300 and {"claims", "attacks", "defends", "meets", "rejects", "condemns"} <= set(named)
    assert unknown_terms(files) == []


def test_the_ontology_check_finds_a_property_and_a_class_it_does_not_define():
    files = {"lexicon.json": {"verbs": {"befriend": {"p": "befriends", "obj_types": ["Person", "Tribe", "forces"]},
                                        "hail": {"p": "praises", "negated_p": "snubs",
                                                 "by_prep": {"for": {"p": "lauds"}}}}}}
    assert sorted(unknown_terms(files)) == ["lexicon.json/verbs/befriend/obj_types: Tribe",
                                            "lexicon.json/verbs/befriend: p=befriends",
                                            "lexicon.json/verbs/hail/by_prep/for: p=lauds",
                                            "lexicon.json/verbs/hail: negated_p=snubs"]


def _counter():
    spec = importlib.util.spec_from_file_location("count_word_literals", COUNT_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_rules_hold_no_english_word_literals():
    """Words are data: the word literals of kg/ do not grow back, and the rule modules have none."""
    found = _counter().count_word_literals(PACKAGE)
    in_rules = {name: words for name, words in found.items() if name.startswith(RULE_MODULES)}
    assert in_rules == {}
    assert sum(len(words) for words in found.values()) <= MAX_WORD_LITERALS


def test_the_word_literal_counter_finds_words_in_rule_logic_only():
    source = '''
def rule(tok, p):
    """Docstrings are prose: 'alpha' or 'beta'."""
    if tok.lower_ in ("gamma", "delta") and tok.dep_ in ("nsubj", "dobj") and p != "epsilon":
        log.warning("%s", ("zeta",))
        raise ValueError(f"no {tok} in {('eta',)}")
    return p == "claims" or tok.shape_ in {"dddd"} or tok.text in ("U.S.", "$") or frozenset({"n't", "state-run", "mid-"})
'''
    assert [w for _, w in _counter().word_literals(source)] == ["gamma", "delta", "epsilon", "n't", "state-run"]


def test_no_data_file_repeats_a_key():
    """A key written twice in a JSON data file silently keeps only its last value (one rule's words would replace
    another's), so every object of every data file has each key once."""
    repeated = []

    def pairs(items):
        keys = [k for k, _ in items]
        repeated.extend(sorted({k for k in keys if keys.count(k) > 1}))
        return dict(items)

    for path in sorted(PATTERNS_DIR.glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=pairs)
    assert repeated == []
    json.loads('{"a": 1, "a": 2}', object_pairs_hook=pairs)
    assert repeated == ["a"]
