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
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a": 1, "several": 3}

UNIT_CODES = {
    "square kilometre": "km2", "square mile": "mi2", "kilometre": "km", "mile": "mi", "metre": "m",
    "hectare": "ha", "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
    "russian ruble": "RUB", "ukrainian hryvnia": "UAH", "month": "month", "day": "day", "year": "year",
    "week": "week", "hour": "hour", "tonne": "t", "ton": "t", "percentage": "percent",
}


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
    t = re.sub(r"^(in|on|by|since|from|until|during|of|at)\s+", "", t)
    t = re.sub(r"\b(early|mid|late|earlier|later|the end of|the start of|the beginning of)\s+", "", t)
    t = re.sub(r"[()]", " ", t)
    t = " ".join(t.split())
    m = re.search(r"(nearly|almost|about|over|more than|some)?\s*(\w+)\s+years?\s+ago", t)
    if m:
        n = _WORD_NUMBERS.get(m.group(2), int(m.group(2)) if m.group(2).isdigit() else None)
        if n is None:
            return None
        years = n - (0.25 if m.group(1) in APPROXIMATION_WORDS else 0)
        return str(int((base.year + (base.timetuple().tm_yday / 366)) - years))
    if re.fullmatch(r"(this|current) month", t) or t == "this month":
        return f"{base.year:04d}-{base.month:02d}"
    m = re.fullmatch(r"(last|this|next) year", t)
    if m:
        return str(base.year + {"last": -1, "this": 0, "next": 1}[m.group(1)])
    m = re.fullmatch(r"(last|this|next|coming) (spring|summer|autumn|fall|winter)", t) or re.fullmatch(r"(spring|summer|autumn|fall|winter)", t)
    if m:
        return None
    m = re.fullmatch(r"([a-z]+) (last|this|next) year", t)
    if m and m.group(1) in _MONTHS:
        year = base.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
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


_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b", re.I)


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
