"""Derive armed and non-state groups, peacekeeping missions and intergovernmental organisations for the
gazetteer (kg/patterns/world_groups.tsv) from the PETRARCH2 / Phoenix actor dictionaries (MIT licence,
openeventdata/petrarch2, content of 2015; ../shared/data/lexicon/petrarch2).

- Phoenix.MilNonState.actors.txt: armed non-state groups (TOPS/START names) and their aliases -> Organization
  (armed movements; ANNOTATION.md §5).
- Phoenix.IssueCoding.txt, category PEACEKEEPERS: named peacekeeping and political missions -> Organization
  (an international organisation's missions); a "force" assembled by states -> MilitaryUnit.
- Phoenix.International.actors.txt: intergovernmental bodies (codes IGO…) whose name says it is a body
  (organisation, agency, council, commission, court, fund, bank, …) -> Organization; persons are left out.

Review rules: names are title-cased ("al-" kept lowercase as in English usage), a one-word name is kept only when it
is no common English word, bare acronyms of fewer than three letters are dropped. Groups active after 2015 are
kept by hand in kg/patterns/groups.tsv, which the gazetteer reads first (its rows win).

    python scripts/derive_groups.py [--lexicon ../shared/data/lexicon/petrarch2]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "patterns" / "world_groups.tsv"
SMALL = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "y", "del", "from",
         "by", "with", "a", "an"}
BODY_WORDS = {"organization", "organisation", "agency", "council", "commission", "court", "fund", "bank", "union",
              "league", "programme", "program", "office", "tribunal", "assembly", "committee", "secretariat",
              "community", "parliament", "alliance", "mission", "institute", "forum"}
FORCE_WORDS = {"force", "forces"}


def words_list() -> set[str]:
    path = Path("/usr/share/dict/words")
    return {w for w in path.read_text(errors="ignore").split() if w.islower()} if path.exists() else set()


def title(raw: str) -> tuple[str, list[str]]:
    """'AL-QAEDA_IN_THE_ISLAMIC_MAGHREB_(AQIM)_' -> ('al-Qaeda in the Islamic Maghreb', ['AQIM'])."""
    raw = raw.strip().strip("_").replace("_", " ")
    acronyms = [a for a in re.findall(r"\(([A-Z0-9-]+)\)", raw)]
    raw = re.sub(r"\s*\([^)]*\)\s*", " ", raw)
    out = []
    for i, word in enumerate(raw.split()):
        low = word.lower()
        if i > 0 and low in SMALL:
            out.append(low)
            continue
        parts = []
        for j, part in enumerate(low.split("-")):
            if part in ("al", "el", "ad", "ash", "as", "ar", "an", "at", "az") and j == 0 and "-" in low:
                parts.append(part)  # "al-Qaeda", "ash-Shabaab"
            elif j > 0 and part in ("e", "i", "ul", "ud", "al", "el", "ut", "us", "o"):
                parts.append(part)  # "Lashkar-e-Taiba", "Jaish-ul-Muslimin"
            elif part.startswith("'") or not part:
                parts.append(part)
            else:
                parts.append(part[0].upper() + part[1:])
        out.append("-".join(parts))
    name = " ".join(out)
    if name[:3] in ("al-", "el-") and len(out) == 1:
        pass
    return name, acronyms


def keep(name: str, words: set[str]) -> bool:
    if not re.search(r"[A-Za-z]", name) or len(name) < 3:
        return False
    if " " not in name and (name.lower() in words or name.isupper() and len(name) < 3):
        return False
    return bool(re.fullmatch(r"[A-Za-z0-9' .&/-]+", name))


def variants(name: str) -> list[str]:
    """'al-Qaeda …' is also written 'Al-Qaeda …' at the start of a sentence."""
    out = [name]
    if name.startswith(("al-", "el-")):
        out.append(name[0].upper() + name[1:])
    return out


GROUP_WORDS = {"army", "armies", "front", "brigade", "brigades", "movement", "organization", "organisation", "party",
               "group", "groups", "liberation", "militia", "militias", "battalion", "battalions", "forces", "force",
               "council", "committee", "league", "union", "mujahideen", "mujahidin", "jamaat", "jamaah", "jemaah",
               "harakat", "tehrik", "lashkar", "jaish", "jaysh", "hizb", "resistance", "cells", "cell", "commando",
               "commandos", "faction", "network", "alliance", "coalition", "revolutionary", "jihad", "ansar",
               "fighters", "guerrillas", "guerrilla", "tigers", "squad", "squads", "legion", "emirate", "state",
               "islamic", "popular", "national", "people's", "rebels", "tanzim", "katibat", "kataib", "harakah"}


def group_like(name: str, label: str) -> bool:
    """An alias that names a group, not one of its leaders: it has a group word, or it is an acronym, or a
    one-word spelling variant of the label ('Taleban')."""
    import difflib

    tokens = re.split(r"[\s-]+", name.lower())
    if set(tokens) & GROUP_WORDS:
        return True
    if " " not in name and len(name) <= 5:
        return True  # an acronym
    return " " not in name and difflib.SequenceMatcher(None, name.lower(), label.lower()).ratio() >= 0.7


def milnonstate(path: Path, words: set[str]) -> list[tuple[str, list[str]]]:
    groups = []
    current = None
    for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
        line = line.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                for alias in line[1:].split("+"):
                    name, acr = title(alias)
                    current[1].extend([*variants(name), *acr])
            continue
        m = re.match(r"^([^\[\s][^\[]*?)\s*\[([A-Z]*)", line)
        if not m:
            current = None
            continue
        name, acr = title(m.group(1))
        current = (name, [*variants(name), *acr])
        groups.append(current)
    out = []
    for label, names in groups:
        if " " in label and not group_like(label, ""):
            continue  # a person's name or a phrase (TOPS lists some leaders as groups)
        if " " not in label and not (label.endswith("s") or "-" in label
                                     or any(group_like(n, "") for n in names if n != label and " " in n)):
            continue  # one word, no plural, no group alias: more often a leader's name than a group's
        names = [n for n in names if n == label or group_like(n, label)]
        names = [n.upper() if " " not in n and len(re.sub(r"[^A-Za-z]", "", n)) <= 5 and not n.startswith(("al-", "Al-"))
                 else n for n in names]
        # three-letter acronyms are too often someone else's (PLA, ISA, FPS): only longer ones are kept
        names = [n for n in names if not (n.isupper() and len(re.sub(r"[^A-Z]", "", n)) <= 3) or n == label]
        names = list(dict.fromkeys(n for n in names if keep(n, words)))
        if names and keep(label, words):
            out.append(("Organization", names))
    return out


def peacekeepers(path: Path, words: set[str]) -> list[tuple[str, list[str]]]:
    text = path.read_text(encoding="utf-8", errors="ignore")
    block = re.search(r'<ISSUE CATEGORY="PEACEKEEPERS"[^>]*>(.*?)</ISSUE>', text, re.S).group(1)
    out = []
    for line in block.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        phrase = re.sub(r"\s*\[.*$", "", line)
        if len(phrase.split()) < 4:
            continue  # generic words ("peacekeepers") and bare acronyms, which the list does not pair with names
        phrase = re.sub(r"^the ", "", phrase)
        name, _ = title(phrase.replace(" ", "_"))
        name = name.replace("Cote D'ivoire", "Cote d'Ivoire").replace("/african", "/African")
        type_ = "MilitaryUnit" if set(name.lower().split()) & FORCE_WORDS and "united nations" not in name.lower() \
            else "Organization"
        if keep(name, words):
            out.append((type_, [name]))
    return out


def international(path: Path, words: set[str]) -> list[tuple[str, list[str]]]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
        m = re.match(r"^([A-Z][^\[\t#]*?)_?\s*\[IGO[A-Z]*\]", line)
        if not m:
            continue
        name, acr = title(m.group(1))
        lower = set(name.lower().split())
        if not lower & BODY_WORDS or len(name.split()) < 2 or name.lower().startswith(("the ", "un ", "u.n.")):
            continue
        if keep(name, words):
            out.append(("Organization", [name, *[a for a in acr if len(a) >= 3]]))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicon", type=Path, default=ROOT.parent.parent / "shared" / "data" / "lexicon" / "petrarch2")
    args = ap.parse_args(argv)
    lex = args.lexicon
    if not lex.exists():
        lex = Path("/work/shared/data/lexicon/petrarch2")
    words = words_list()
    rows = [*milnonstate(lex / "Phoenix.MilNonState.actors.txt", words),
            *peacekeepers(lex / "Phoenix.IssueCoding.txt", words),
            *international(lex / "Phoenix.International.actors.txt", words)]
    seen = set()
    lines = []
    for type_, names in rows:
        names = [n for n in names if n.lower() not in seen]
        if not names:
            continue
        seen.update(n.lower() for n in names)
        lines.append(f"{type_}\t{'|'.join(names)}\t\n")
    OUT.write_text(
        "# Derived by scripts/derive_groups.py; do not edit by hand (fix the script or add a row to groups.tsv).\n"
        "# Source: PETRARCH2 Phoenix dictionaries (MIT licence, Open Event Data, content of 2015): armed non-state\n"
        "# groups (from the START TOPS names), peacekeeping missions and intergovernmental bodies.\n"
        "# type\tnames (first is the label)\twikidata\n" + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
