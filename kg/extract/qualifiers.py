"""Dates and quantities: text -> typed values.

Dates are resolved against the document's date with dateparser, keeping the
granularity the text gives (day -> xsd:date, month -> xsd:gYearMonth, year ->
xsd:gYear). Quantities are read with quantulum3 and given a unit code.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache

from ..lexicon.words import rule_words
from ..model import Quantity

APPROXIMATION_WORDS = rule_words().approximation_words
CURRENCY_WORD = rule_words().currency_word

_MONTHS = rule_words().months  # in the calendar's order
_DAY_WORDS = "|".join(sorted(rule_words().relative_day_words | rule_words().weekdays))
TODAY = rule_words().today
_WORD_NUMBERS = rule_words().word_numbers
_YEAR_COUNTS = {**_WORD_NUMBERS, **rule_words().vague_counts}
_YEAR_OFFSETS = rule_words().relative_year_offsets
UNIT_CODES = rule_words().unit_codes


def _alternatives(words) -> str:
    """A regular-expression alternation of words (longest first, so that 'more than' wins over 'more')."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_YEAR_WORD, _AGO_WORD = rule_words().years_ago_words
_LEAD_PREP = re.compile(rf"^({_alternatives(rule_words().date_lead_preps)})\s+")
_VAGUE = re.compile(rf"\b({_alternatives(rule_words().vague_date_modifiers)})\s+")
_YEARS_AGO = re.compile(rf"({_alternatives(rule_words().years_ago_qualifiers)})?\s*(\w+)\s+{_YEAR_WORD}s?\s+{_AGO_WORD}")
_THIS_MONTH = re.compile(rf"({_alternatives(rule_words().current_period_words)}) {rule_words().month_word}")
_RELATIVE = _alternatives(_YEAR_OFFSETS)
_RELATIVE_YEAR = re.compile(rf"({_RELATIVE}) {_YEAR_WORD}")
_SEASON = re.compile(rf"(?:(?:{_RELATIVE}|{_alternatives(rule_words().upcoming_words)}) )?"
                     rf"({_alternatives(rule_words().seasons)})")
_MONTH_OF_YEAR = re.compile(rf"([a-z]+) ({_RELATIVE}) {_YEAR_WORD}")


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.get_date_data("March 27")  # loads the English data now, with the other loading
    return parser


def _nearest_year(month: int, day: int, base: dt.date) -> int:
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            cand = dt.date(year, month, min(day, 28))
        except ValueError:
            continue
        dist = abs((cand - base).days)
        if best is None or dist < best[0]:
            best = (dist, year)
    return best[1]


def resolve_date(text: str, base: dt.date | None) -> str | None:
    """An ISO date, year-month or year for a date expression, or None (cached by text and base date)."""
    return _resolve_date(text, base or dt.date.today())


@lru_cache(maxsize=8192)
def _resolve_date(text: str, base: dt.date) -> str | None:
    """An ISO date, year-month or year for a date expression, or None.

    "in December" in an article of 2025-12-31 -> "2025-12"; "March 27" ->
    "2025-03-27"; "last year" -> "2024"; "early January" -> "2026-01".
    """
    t = text.lower().strip()
    t = _LEAD_PREP.sub("", t)
    t = _VAGUE.sub("", t)
    t = re.sub(r"[()]", " ", t)
    t = " ".join(t.split())
    m = _YEARS_AGO.search(t)
    if m:
        n = _YEAR_COUNTS.get(m.group(2), int(m.group(2)) if m.group(2).isdigit() else None)
        if n is None:
            return None
        years = n - (0.25 if m.group(1) in APPROXIMATION_WORDS else 0)
        return str(int((base.year + (base.timetuple().tm_yday / 366)) - years))
    if _THIS_MONTH.fullmatch(t):
        return f"{base.year:04d}-{base.month:02d}"
    m = _RELATIVE_YEAR.fullmatch(t)
    if m:
        return str(base.year + _YEAR_OFFSETS[m.group(1)])
    if _SEASON.fullmatch(t):
        return None
    m = _MONTH_OF_YEAR.fullmatch(t)
    if m and m.group(1) in _MONTHS:
        year = base.year + _YEAR_OFFSETS[m.group(2)]
        return f"{year:04d}-{_MONTHS.index(m.group(1)) + 1:02d}"
    if re.fullmatch(r"(19|20)\d\d", t):
        return t
    if not re.search(r"\d|" + "|".join(_MONTHS) + "|" + _DAY_WORDS, t):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _date_parser().get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    has_year = bool(re.search(r"\b(19|20)\d\d\b", t))
    if data.period == "year":
        return f"{d.year:04d}"
    relative = re.search(_DAY_WORDS, t)
    if relative:
        if t.startswith(TODAY):
            return base.isoformat()
        return None
    year = d.year if has_year else _nearest_year(d.month, d.day if data.period == "day" else 15, base)
    if data.period == "month":
        return f"{year:04d}-{d.month:02d}"
    return f"{year:04d}-{d.month:02d}-{d.day:02d}"


@lru_cache(maxsize=1)
def _quantity_parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        # the first parse loads quantulum's English data and inflect (whose typeguard instrumentation
        # takes seconds): a one-off cost, paid here with the other loading, not on the first article
        parser.parse("3 km and 5 pounds")  # an ambiguous unit also loads the disambiguation data
    return parser


_NUMBER = re.compile(rf"\d|\b({_alternatives(set(_WORD_NUMBERS) | rule_words().scale_words)})\b", re.I)


def parse_quantities(text: str) -> list[Quantity]:
    """Quantities with a unit in a phrase ("over 300 square kilometers" -> 300 km2)."""
    if not _NUMBER.search(text):
        return []
    return list(_parse_quantities(text))


@lru_cache(maxsize=8192)
def _parse_quantities(text: str) -> tuple[Quantity, ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = _quantity_parser().parse(text)
        except Exception:  # quantulum3 raises assorted errors on odd input; a phrase without a quantity is fine
            return ()
    out = []
    for q in found:
        name = q.unit.name
        if name == "dimensionless" or q.unit.entity.name == "dimensionless":
            continue
        code = UNIT_CODES.get(name, name)
        if code == "USD" and "$" not in q.surface and CURRENCY_WORD not in q.surface.lower():
            code = "USD"
        value = float(q.value)
        max_value = None
        if q.uncertainty:
            value, max_value = value - float(q.uncertainty), value + float(q.uncertainty)
        out.append(Quantity(value=_clean(value), unit=code, max_value=_clean(max_value) if max_value is not None else None,
                            text=q.surface))
    return tuple(out)


def _clean(value: float) -> float:
    return float(round(value)) if abs(value - round(value)) < 1e-9 else value
