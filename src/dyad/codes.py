"""Actor codes typed by people: resolve names and two-letter codes, suggest near misses.

Shared by the dashboard and the command line.

A dashboard user may type ``CHN``, ``cn``, ``China`` or ``people's republic of china``;
each resolves to ``CHN``. Codes come from ISO 3166-1 (pycountry) plus the non-state
codes of ``dyad.article/1`` (``IGO``, ``NGO``, ``MNC``, ``KOS``, ``PSE``) and any code
present in the store. An unknown value raises ``UnknownCode`` carrying suggestions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

# Codes of dyad.article/1 that ISO 3166-1 alpha-3 does not list.
EXTRA_CODES = {
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "MNC": "company",
    "KOS": "Kosovo",
}
# Shown for a missing code (an en dash).
NONE_SHOWN = "\u2013"
# How many suggestions an unknown code gets, and how close (rapidfuzz WRatio, 0-100) a
# name must be to be suggested; set on typos of country names ("Chnia", "Untied States").
MAX_SUGGESTIONS = 5
SUGGEST_CUTOFF = 70.0
_WORD = re.compile(r"[^\w]+")


class UnknownCode(ValueError):
    """A typed value names no known actor code; ``suggestions`` lists near ones."""

    def __init__(self, value: str, suggestions: Sequence[str]) -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        hint = (
            "; did you mean "
            + ", ".join(f"{c} ({code_name(c)})" for c in self.suggestions)
            + "?"
            if self.suggestions
            else "; use an ISO 3166-1 code (USA, CHN), a country name, or IGO, NGO, MNC"
        )
        super().__init__(f"unknown country or actor code {value!r}{hint}")


@functools.lru_cache(maxsize=512)
def code_name(code: str | None) -> str:
    """Return a readable name for an actor code (``CHN`` -> ``China``)."""
    if not code:
        return NONE_SHOWN
    if code in EXTRA_CODES:
        return EXTRA_CODES[code]
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _key(text: str) -> str:
    return _WORD.sub(" ", text.casefold()).strip()


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Return a lookup of normalised names, alpha-2 and alpha-3 codes to alpha-3."""
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_3)
        table[_key(code)] = code
        table[_key(str(country.alpha_2))] = code
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                table.setdefault(_key(str(name)), code)
    for code, name in EXTRA_CODES.items():
        table[_key(code)] = code
        table.setdefault(_key(name), code)
    table.setdefault("palestine", "PSE")
    return table


def resolve_code(value: str, known: Iterable[str] = ()) -> str:
    """Return the actor code ``value`` names (a code, alpha-2 code or country name).

    Raises:
        UnknownCode: nothing matches; the exception lists the closest codes.
    """
    key = _key(value)
    upper = value.strip().upper()
    known_set = set(known)
    if upper in known_set:
        return upper
    found = _names().get(key)
    if found is not None:
        return found
    raise UnknownCode(value.strip(), suggest_codes(value, known_set))


def suggest_codes(value: str, known: Iterable[str] = ()) -> list[str]:
    """Return up to ``MAX_SUGGESTIONS`` codes whose code or name is near ``value``."""
    names = _names()
    choices = {**names, **{_key(c): c for c in known}}
    matches = process.extract(
        _key(value),
        list(choices),
        scorer=fuzz.WRatio,
        limit=MAX_SUGGESTIONS * 4,
        score_cutoff=SUGGEST_CUTOFF,
    )
    out: list[str] = []
    for match, _, _ in matches:
        code = choices[match]
        if code not in out:
            out.append(code)
    return out[:MAX_SUGGESTIONS]
