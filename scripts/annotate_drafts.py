"""Checking and locating the items of an annotation draft (used by ``annotate.py``).

A draft names spans by their words inside a numbered sentence; these functions find each
span's offsets in the raw text, check codes, sectors, kinds, types, modalities and dates
against the conventions of ``EVENT-GUIDELINES.md``, and raise ``DraftError`` (with the
file, line and item in its message) on anything they cannot resolve. Standard library
only, like ``annotate.py``.
"""

from __future__ import annotations

import re
from typing import Any

# fmt: off
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
MODALITIES = {"asserted", "negated", "hypothetical", "future"}
SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "OPP", "UAF", "CVL", "BUS",
    "MED", "EDU", "ELI", "LAB", "REL", "REF", "AGR", "CRM", "SOC", "UNK",
}
# fmt: on
KINDS = {"state", "person", "organization", "igo", "group", "region", "place"}
CODE = re.compile(r"^(?:[A-Z]{3}|IGO|NGO|MNC)$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?$")


class DraftError(ValueError):
    """A draft item that cannot be resolved; the message names file, line and item."""


def _find(text: str, sent: tuple[int, int], spec: str, where: str) -> dict[str, Any]:
    surface, _, nth = (
        spec.rpartition("@") if re.search(r"@\d+$", spec) else (spec, "", "1")
    )
    a, b = sent
    pos, seen = a - 1, 0
    while seen < int(nth):
        pos = text.find(surface, pos + 1, b)
        if pos < 0:
            raise DraftError(
                f"{where}: {surface!r} (occurrence {nth}) not in the sentence"
            )
        seen += 1
    end = pos + len(surface)
    if (surface[:1].isalnum() and pos > 0 and text[pos - 1].isalnum()) or (
        surface[-1:].isalnum() and end < len(text) and text[end].isalnum()
    ):
        raise DraftError(
            f"{where}: {surface!r} (occurrence {nth}) lies inside a longer word; "
            "occurrences are counted as substrings, so choose the @N of the whole word"
        )
    return {"start": pos, "end": end, "text": surface}


def _span(
    text: str, sent: tuple[int, int], item: Any, where: str, *, coded: bool
) -> dict[str, Any]:
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise DraftError(f"{where}: a span needs a 'text' string")
    span = _find(text, sent, item["text"], where)
    if coded:
        code, sector = item.get("code"), item.get("sector")
        if code is not None and not CODE.match(code):
            raise DraftError(f"{where}: bad code {code!r}")
        if sector is not None and sector not in SECTORS:
            raise DraftError(f"{where}: bad sector {sector!r}")
        span["code"], span["sector"] = code, sector
        if item.get("org"):
            span["org"] = item["org"]
        if "kind" in item:
            if item["kind"] not in KINDS:
                raise DraftError(f"{where}: bad kind {item['kind']!r}")
            span["kind"] = item["kind"]
    return span


def _sentence(
    sents: list[tuple[int, int]], item: dict[str, Any], where: str
) -> tuple[int, int]:
    s = item.get("s")
    if not isinstance(s, int) or not 0 <= s < len(sents):
        raise DraftError(f"{where}: bad sentence number {s!r}")
    return sents[s]


def event_record(
    text: str, sents: list[tuple[int, int]], e: dict[str, Any], where: str
) -> dict[str, Any]:
    sent = _sentence(sents, e, where)
    if e.get("type") not in TYPES:
        raise DraftError(f"{where}: bad type {e.get('type')!r}")
    modality = e.get("modality", "asserted")
    if modality not in MODALITIES:
        raise DraftError(f"{where}: bad modality {modality!r}")
    date = e.get("date")
    if date is not None and not DATE.match(date):
        raise DraftError(f"{where}: bad date {date!r}")
    sides = {
        side: [
            _span(text, sent, x, f"{where} {side}", coded=True)
            for x in e.get(side) or []
        ]
        for side in ("actor", "recipient")
    }
    extra = {
        key: _span(text, sent, e[key], f"{where} {key}", coded=key == "reported_by")
        if e.get(key)
        else None
        for key in ("reported_by", "location")
    }
    return {
        "sentence": {"index": e["s"], "start": sent[0], "end": sent[1]},
        "trigger": _span(text, sent, e.get("trigger"), f"{where} trigger", coded=False),
        "type": e["type"],
        "mode": e.get("mode"),
        **sides,
        "modality": modality,
        "date": date,
        **extra,
        "note": e.get("note"),
    }


def mention_record(
    text: str, sents: list[tuple[int, int]], m: dict[str, Any], where: str
) -> dict[str, Any]:
    sent = _sentence(sents, m, where)
    span = _span(text, sent, m, where, coded=True)
    if span.get("kind") is None:
        raise DraftError(f"{where}: a mention needs a kind")
    return {"sentence": m["s"], **span}
