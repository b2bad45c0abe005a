"""Derive predicate-lexicon candidates from CAMEO (PETRARCH2) and PropBank, and build the reviewed data file.

Two steps, both rerunnable:

    python scripts/derive_lexicon.py candidates   # writes scripts/lexicon_candidates.tsv
    python scripts/derive_lexicon.py build        # writes kg/patterns/lexicon_derived.json

`candidates` reads the CAMEO verb dictionary (verbs and verb patterns with CAMEO event codes) and the
PropBank frame files (verb, event-noun, adjective and light-verb aliases of each roleset, with the prepositions
that mark ARG1/ARG2 in the roleset's examples), maps each CAMEO code onto an ontology property by its
root (see CAMEO_PROPERTIES; the mapping of /work/shared/data/lexicon/README.md), and writes one row per
verb or event noun: the proposed property and mode, the CAMEO block and code, the PropBank rolesets and
the prepositions found for their arguments. This list is for review, not for use.

`build` reads the review table (scripts/lexicon_review.tsv: one row per word taken or dropped by a
reviewer, with the property, mode and object slots it gets) and writes the entries taken into
kg/patterns/lexicon_derived.json in the schema of kg/patterns/lexicon.json ("verbs", "nouns",
"light_verbs"; predicate adjectives go to "verbs" with "adjective": true). An object slot column of "pb" takes the PropBank prepositions of the word's roleset.
Words already in kg/patterns/lexicon.json keep their hand-written entry (the loader lets lexicon.json win).

Sources and licences: CAMEO.2.0.txt from openeventdata/petrarch2 (MIT, Open Event Data Alliance);
PropBank frames from propbank/propbank-frames (CC BY-SA 4.0). The derived files stay CC BY-SA 4.0.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the unpacked resources (petrarch2/ and propbank-frames/ as described in their README); KG_LEXICON_DATA overrides
LEXICON_DATA = Path(os.environ.get("KG_LEXICON_DATA", "/work/shared/data/lexicon"))
CAMEO = LEXICON_DATA / "petrarch2" / "CAMEO.2.0.txt"
PROPBANK = LEXICON_DATA / "propbank-frames" / "frames"
CANDIDATES = ROOT / "scripts" / "lexicon_candidates.tsv"
REVIEW = ROOT / "scripts" / "lexicon_review.tsv"
OUT = ROOT / "kg" / "patterns" / "lexicon_derived.json"
HAND = ROOT / "kg" / "patterns" / "lexicon.json"

# CAMEO code prefix -> (property, mode); the longest matching prefix wins. None: no property.
CAMEO_PROPERTIES: dict[str, tuple[str, str | None] | None] = {
    "01": ("claims", "speech"), "014": None, "016": ("denies", "deny"), "017": None,
    "02": ("demands", "directive"),
    "03": ("agreesTo", "plan"), "031": ("negotiatesWith", "plan"), "036": ("meets", "plan"),
    "04": ("meets", None), "040": ("meets", None), "044": ("meets", None),
    "041": ("negotiatesWith", None), "045": ("negotiatesWith", None), "046": ("negotiatesWith", None),
    "042": ("visits", None), "043": ("meets", None),  # hosting a visit is a meeting (ANNOTATION.md §6)
    "05": None, "051": ("praises", None), "053": ("supports", None), "054": ("supports", None),
    "057": ("agreesTo", None),
    "06": ("supports", None), "07": ("supports", None), "074": ("defends", None),
    "08": None, "087": ("withdrawsFrom", None),
    "10": ("demands", "directive"),
    "11": None, "110": ("disputes", None), "111": ("condemns", None), "112": ("accuses", "allege"),
    "113": ("condemns", None), "114": ("accuses", "allege"), "115": ("accuses", "allege"),
    "116": ("accuses", "allege"),
    "12": ("rejects", None), "128": ("violates", None),
    "13": ("threatens", "directive"),
    "15": ("deploys", None),
    "171": ("captures", None), "192": ("captures", None), "196": ("violates", None),
    "18": ("attacks", None), "19": ("attacks", None), "20": ("attacks", None),
}

PREPOSITIONS = frozenset("""about against among around at between by for from in into of off on onto over
regarding to toward towards upon with within""".split())


def cameo_property(code: str) -> tuple[str, str | None] | None:
    code = code.split(":")[0].strip()
    if not code or not code[0].isdigit():
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in CAMEO_PROPERTIES:
            return CAMEO_PROPERTIES[code[:n]]
    return None


# --- CAMEO -------------------------------------------------------------------------------------------

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")


def read_cameo(path: Path = CAMEO) -> dict[str, dict]:
    """lemma (lower case, particles joined by a space) -> {block, code, patterns: [(pattern, code)]}."""
    verbs: dict[str, dict] = {}
    block, block_code, in_verbs = None, "---", False
    block_verbs: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip() or line.startswith("#"):
            continue
        m = _BLOCK.match(line)
        if m:
            block, block_code, block_verbs = m.group(1), m.group(2), []
            continue
        if block is None or line.startswith("~"):
            continue
        m = _PATTERN.match(line)
        if m:
            pattern, code, where = m.group(1), m.group(2), (m.group(3) or "")
            # the comment names the verb(s) the pattern came from
            owners = [w.strip().replace("_", " ").lower() for w in where.split(",") if w.strip()]
            for owner in owners or block_verbs:
                if owner in verbs:
                    verbs[owner]["patterns"].append((pattern, code))
            continue
        m = _VERB.match(line)
        if m:
            word = m.group(1).lstrip("+").strip("_").replace("_", " ").lower()
            code = m.group(4) if m.group(4) is not None else block_code
            block_verbs.append(word)
            verbs.setdefault(word, {"block": block, "code": code, "patterns": []})
    return verbs


# --- PropBank ----------------------------------------------------------------------------------------

def _arg_preps(examples: list, arg_types: tuple[str, ...]) -> tuple[Counter, int]:
    """Prepositions opening the given arguments in the examples, and how often they came bare after the rel."""
    preps: Counter = Counter()
    bare = 0
    for rel_at, args in examples:
        for type_, start, text in args:
            if type_ not in arg_types or not text:
                continue
            first = text.split()[0].lower()
            if first in PREPOSITIONS:
                preps[first] += 1
            elif type_ == "ARG1" and rel_at is not None and start is not None and start > rel_at:
                bare += 1
    return preps, bare


def read_propbank(path: Path = PROPBANK) -> dict[tuple[str, str], list[dict]]:
    """(alias, pos) -> rolesets: {id, name, roles, verb_preps, noun_preps, bare, nouns, verbs, light}."""
    index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for file in sorted(path.glob("*.xml")):
        try:
            tree = ET.parse(file)
        except ET.ParseError:
            continue
        for rs in tree.iter("roleset"):
            aliases = [(a.get("pos"), (a.text or "").strip().lower()) for a in rs.iter("alias")]
            nouns = sorted({w for p, w in aliases if p == "n"})
            verbs = sorted({w for p, w in aliases if p == "v"})
            light = sorted({w for p, w in aliases if p == "l"})
            adjectives = sorted({w for p, w in aliases if p == "j"})
            roles = {r.get("n"): (r.get("descr") or "", r.get("f") or "") for r in rs.iter("role")}
            verbal, nominal = [], []
            for ex in rs.iter("example"):
                pb = ex.find("propbank")
                if pb is None:
                    continue
                rel = pb.find("rel")
                rel_text = (rel.text or "").strip().lower() if rel is not None else ""
                rel_at = rel.get("relloc") if rel is not None else None
                rel_at = int(rel_at.split()[0].split(":")[0]) if rel_at and rel_at.split()[0].split(":")[0].isdigit() else None
                args = []
                for a in pb.findall("arg"):
                    start = a.get("start")
                    args.append((a.get("type"), int(start) if start and start.isdigit() else None,
                                 (a.text or "").strip()))
                is_noun = any(rel_text == n or rel_text == n + "s" for n in nouns) and rel_text not in verbs
                (nominal if is_noun else verbal).append((rel_at, args))
            verb_preps, bare = _arg_preps(verbal, ("ARG1", "ARG2"))
            noun_preps, _ = _arg_preps(nominal, ("ARG1", "ARG2"))
            info = {"id": rs.get("id"), "name": rs.get("name") or "", "roles": roles, "verb_preps": verb_preps,
                    "noun_preps": noun_preps, "bare": bare, "nouns": nouns, "verbs": verbs, "light": light,
                    "adjectives": adjectives}
            for pos, word in aliases:
                if word:
                    index[(word.replace("_", " "), pos)].append(info)
    return index


def _preps(counter: Counter, limit: int = 3) -> list[str]:
    return [p for p, _n in counter.most_common(limit)]


def propbank_slots(rolesets: list[dict], noun: bool) -> list[str]:
    """Object slots of the first roleset with examples: 'dobj' for a bare ARG1 after a verb, then the
    prepositions of ARG1/ARG2 by frequency."""
    for rs in rolesets:
        preps = rs["noun_preps"] if noun else rs["verb_preps"]
        slots = [] if noun or not rs["bare"] else ["dobj"]
        slots += _preps(preps)
        if slots:
            return slots
    return []


# --- candidates --------------------------------------------------------------------------------------

def candidates() -> list[dict]:
    cameo = read_cameo()
    pb = read_propbank()
    rows = []
    for lemma, info in sorted(cameo.items()):
        mapped = cameo_property(info["code"])
        pattern_props = Counter()
        for _pattern, code in info["patterns"]:
            p = cameo_property(code)
            if p is not None:
                pattern_props[p[0]] += 1
        if mapped is None and not pattern_props:
            continue
        rolesets = pb.get((lemma, "v"), [])
        nouns = sorted({n for rs in rolesets for n in rs["nouns"]})
        rows.append({
            "kind": "verb", "lemma": lemma,
            "property": mapped[0] if mapped else "", "mode": (mapped[1] or "") if mapped else "",
            "cameo_block": info["block"], "cameo_code": info["code"],
            "pattern_properties": " ".join(f"{p}:{n}" for p, n in pattern_props.most_common(4)),
            "propbank": " ".join(f"{rs['id']}({rs['name'][:40]})" for rs in rolesets[:3]),
            "slots": ",".join(propbank_slots(rolesets, noun=False)),
            "event_nouns": " ".join(nouns),
            "light": " ".join(sorted({w for rs in rolesets for w in rs["light"]})),
        })
        for adj in sorted({a for rs in rolesets for a in rs["adjectives"]}):
            ars = pb.get((adj, "j"), [])
            rows.append({
                "kind": "adj", "lemma": adj,
                "property": mapped[0] if mapped else "", "mode": (mapped[1] or "") if mapped else "",
                "cameo_block": info["block"], "cameo_code": info["code"], "pattern_properties": f"(adjective of {lemma})",
                "propbank": " ".join(f"{rs['id']}({rs['name'][:40]})" for rs in ars[:3]),
                "slots": ",".join(s for s in propbank_slots(ars, noun=False) if s != "dobj"),
                "event_nouns": "", "light": "",
            })
        for noun in nouns:
            nrs = pb.get((noun, "n"), [])
            rows.append({
                "kind": "noun", "lemma": noun,
                "property": mapped[0] if mapped else "", "mode": (mapped[1] or "") if mapped else "",
                "cameo_block": info["block"], "cameo_code": info["code"], "pattern_properties": f"(noun of {lemma})",
                "propbank": " ".join(f"{rs['id']}({rs['name'][:40]})" for rs in nrs[:3]),
                "slots": ",".join(propbank_slots(nrs, noun=True)),
                "event_nouns": "", "light": " ".join(sorted({w for rs in nrs for w in rs["light"]})),
            })
    return rows


def write_candidates(rows: list[dict], path: Path = CANDIDATES) -> None:
    fields = ["kind", "lemma", "property", "mode", "cameo_block", "cameo_code", "pattern_properties", "propbank",
              "slots", "event_nouns", "light"]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Predicate-lexicon candidates from CAMEO.2.0.txt (petrarch2, MIT) and PropBank frames "
                "(CC BY-SA 4.0); written by scripts/derive_lexicon.py candidates. Unreviewed: see lexicon_review.tsv.\n")
        w = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        seen = set()
        for row in rows:
            key = (row["kind"], row["lemma"])
            if key not in seen:
                seen.add(key)
                w.writerow(row)


# --- build -------------------------------------------------------------------------------------------

def read_review(path: Path = REVIEW) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def build() -> dict:
    pb = read_propbank()
    hand = json.loads(HAND.read_text(encoding="utf-8"))
    out: dict = {
        "_doc": ("Predicate-lexicon entries derived from CAMEO.2.0.txt (openeventdata/petrarch2, MIT) and PropBank "
                 "frames (propbank/propbank-frames, CC BY-SA 4.0), each reviewed (scripts/lexicon_review.tsv) and "
                 "written by scripts/derive_lexicon.py build. Same schema as lexicon.json, whose entries win. "
                 "Licence of this file: CC BY-SA 4.0."),
        "verbs": {}, "nouns": {}, "light_verbs": [],
    }
    for row in read_review():
        if row["decision"] != "take":
            continue
        kind, lemma = row["kind"], row["lemma"]
        if kind == "light":
            if lemma not in hand["light_verbs"] and lemma not in out["light_verbs"]:
                out["light_verbs"].append(lemma)
            continue
        table = "nouns" if kind == "noun" else "verbs"  # predicate adjectives use the verb table
        if lemma in hand[table]:
            continue
        entry: dict = {"p": row["property"]}
        obj = row.get("obj", "").strip()
        if obj == "pb":
            pos = {"verb": "v", "noun": "n", "adj": "j"}[kind]
            slots = propbank_slots(pb.get((lemma, pos), []), noun=kind == "noun")
            if kind == "adj":
                slots = [s for s in slots if s != "dobj"]
        elif obj in ("", "-"):
            slots = None
        else:
            slots = [s.strip() for s in obj.split(",") if s.strip()]
        if slots is not None:
            entry["obj"] = slots
        if row.get("mode", "").strip() not in ("", "-"):
            entry["mode"] = row["mode"].strip()
        extra = row.get("extra", "").strip()
        if extra and extra != "-":
            entry.update(json.loads(extra))
        if kind == "adj":
            entry["adjective"] = True
        out[table][lemma] = entry
    return out


def dump(data: dict) -> str:
    """JSON in the layout of lexicon.json: one entry a line."""
    lines = ["{", f' "_doc": {json.dumps(data["_doc"], ensure_ascii=False)},']
    for table in ("verbs", "nouns"):
        lines.append(f' "{table}": {{')
        items = [f'  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}' for k, v in data[table].items()]
        lines.append(",\n".join(items))
        lines.append(" },")
    lines.append(f' "light_verbs": {json.dumps(data["light_verbs"])}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[1:2] == ["candidates"]:
        rows = candidates()
        write_candidates(rows)
        print(f"{len(rows)} candidate rows -> {CANDIDATES.relative_to(ROOT)}")
        return 0
    if argv[1:2] == ["build"]:
        data = build()
        OUT.write_text(dump(data), encoding="utf-8")
        print(f"{len(data['verbs'])} verbs, {len(data['nouns'])} nouns, {len(data['light_verbs'])} light verbs "
              f"-> {OUT.relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
