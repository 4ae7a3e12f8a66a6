"""The ``gdelt`` format: GDELT 2.0 event columns (``docs/gdelt-export.md``).

``dyad export`` and ``dyad extract`` write the 61 columns (and dyad's ``Modality``)
tab-separated under a header, the same rows either way. NumMentions, NumSources and
NumArticles come from the event's cross-article cluster when it has one.
"""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from dyad.formats.registry import open_text, register_format
from dyad.knowledge.files import data_file, read_yaml
from dyad.records import Actor, ArticleResult, Event
from dyad.store.rows import event_day

if TYPE_CHECKING:
    from dyad.store.analytics import EventFilter
    from dyad.store.db import Store

# The fields of each of GDELT's two actors (``Actor1Code``, ``Actor2Name``, …).
_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)

# The 61 columns of a GDELT 2.0 event record, in file order, then dyad's Modality (#13:
# GDELT has no such column, and a reader counting rows must be able to drop non-facts).
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{p}Geo_{c}"
        for p in ("Actor1", "Actor2", "Action")
        for c in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
    "Modality",
)
_NOT_STATES = {"IGO", "NGO", "MNC"}
# PLOVER sectors that have no CAMEO role code of the same name.
_CAMEO_ROLE = {"SOC": "CVL", "UNK": ""}


@functools.cache
def goldstein_table(data_dir: Path | None = None) -> Mapping[str, float]:
    """Return the Goldstein score of each CAMEO code listed in ``gdelt/goldstein.yaml``
    (the user's copy in ``data_dir`` when there is one)."""
    data = read_yaml(data_file(data_dir, "gdelt", "goldstein.yaml"))
    return {str(k): float(v) for k, v in data.items()}


def goldstein(cameo: str | None, data_dir: Path | None = None) -> float | None:
    """Return the Goldstein score of a CAMEO code (falling back to base, then root)."""
    if not cameo:
        return None
    table = goldstein_table(data_dir)
    for size in (len(cameo), 3, 2):
        if cameo[:size] in table:
            return table[cameo[:size]]
    return None


def _stable_int(*parts: str) -> int:
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & (2**63 - 1)


def _gdelt_actor(actor: Actor | None, n: int) -> dict[str, Any]:
    blank = {f"Actor{n}{c}": "" for c in _ACTOR_FIELDS}
    if actor is None:
        return blank
    role = _CAMEO_ROLE.get(actor.sector or "", actor.sector or "")
    country = actor.code if actor.code and actor.code not in _NOT_STATES else ""
    base = actor.code or ""
    blank.update(
        {
            f"Actor{n}Code": base + role if base else role,
            f"Actor{n}Name": actor.name.upper(),
            f"Actor{n}CountryCode": country,
            f"Actor{n}KnownGroupCode": (actor.org or "")
            if actor.code in _NOT_STATES
            else "",
            f"Actor{n}Type1Code": role
            or (actor.code if actor.code in _NOT_STATES else ""),
        }
    )
    return blank


def _pair(result: ArticleResult, event: Event) -> tuple[Actor | None, Actor | None]:
    actors = {a.actor_id: a for a in result.actors}
    first = [actors[i] for i in event.actor_ids if i in actors]
    second = [actors[i] for i in event.recipient_ids if i in actors]
    if not second and len(first) > 1:  # reciprocal: the second side is Actor2
        first, second = first[:1], first[1:]
    return (first[0] if first else None), (second[0] if second else None)


def _action_geo(event: Event) -> dict[str, Any]:
    loc = event.location
    geo: dict[str, Any] = {
        f"ActionGeo_{c}": ""
        for c in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    }
    if loc is None:
        return geo
    # 1 country only, 3 a US place, 4 a place elsewhere (GDELT's geo types)
    kind = 1 if loc.lat is None else 3 if loc.code == "USA" else 4
    geo.update(
        {
            "ActionGeo_Type": kind,
            "ActionGeo_FullName": loc.name,
            "ActionGeo_CountryCode": loc.code or "",
            "ActionGeo_Lat": "" if loc.lat is None else loc.lat,
            "ActionGeo_Long": "" if loc.lon is None else loc.lon,
        }
    )
    return geo


def gdelt_row(
    result: ArticleResult,
    event: Event,
    *,
    counts: tuple[int, int, int] = (1, 1, 1),
    data_dir: Path | None = None,
) -> dict[str, Any]:
    """Return one event as a GDELT 2.0 event record (``GDELT_COLUMNS``).

    ``counts`` are NumMentions, NumSources and NumArticles (from its cluster, if any);
    ``data_dir`` may hold the user's copy of ``gdelt/goldstein.yaml``.
    """
    article = result.article
    day = event_day(event, article.published)
    first, second = _pair(result, event)
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(_gdelt_actor(first, 1))
    row.update(_gdelt_actor(second, 2))
    row.update(_action_geo(event))
    cameo = event.cameo or ""
    score = goldstein(cameo, data_dir)
    row.update(
        {
            "GLOBALEVENTID": _stable_int(article.article_id, event.event_id),
            "SQLDATE": day.strftime("%Y%m%d") if day else "",
            "MonthYear": day.strftime("%Y%m") if day else "",
            "Year": day.year if day else "",
            "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4)
            if day
            else "",
            "IsRootEvent": 1 if event.sentence_index == 0 else 0,
            "EventCode": cameo,
            "EventBaseCode": cameo[:3],
            "EventRootCode": cameo[:2],
            "QuadClass": event.quad,
            "GoldsteinScale": "" if score is None else score,
            "NumMentions": counts[0],
            "NumSources": counts[1],
            "NumArticles": counts[2],
            "DATEADDED": article.published.strftime("%Y%m%d000000")
            if article.published
            else "",
            "SOURCEURL": article.url or article.article_id,
            "Modality": str(event.modality),
        }
    )
    return row


@dataclass(frozen=True, slots=True)
class GdeltFormat:
    """Events as GDELT 2.0 event records."""

    name: str = "gdelt"
    summary: str = "GDELT 2.0 event columns, tab-separated, plus Modality"
    extract: bool = True
    export: bool = True
    data_dir: Path | None = None  # the user's copy of gdelt/goldstein.yaml, if any

    def with_data_dir(self, data_dir: Path | None) -> GdeltFormat:
        """Return this format reading its Goldstein scores from ``data_dir``."""
        return replace(self, data_dir=data_dir)

    def write_result(self, result: ArticleResult, stream: TextIO) -> None:
        """Write the events of ``result`` as TSV under a header (as ``write_store``)."""
        rows = (gdelt_row(result, e, data_dir=self.data_dir) for e in result.events)
        write_gdelt(rows, stream)

    def write_store(
        self, store: Store, filters: EventFilter, out: Path | BinaryIO
    ) -> int:
        """Write the selected events of ``store`` as TSV with a header; return rows."""
        with open_text(out) as stream:
            return write_gdelt(_store_rows(store, filters, self.data_dir), stream)


def write_gdelt(records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """Write GDELT records as tab-separated rows under a header; return the rows."""
    writer = csv.DictWriter(
        stream, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n"
    )
    writer.writeheader()
    rows = 0
    for record in records:
        writer.writerow(record)
        rows += 1
    return rows


def _store_rows(
    store: Store, filters: EventFilter, data_dir: Path | None
) -> Iterator[dict[str, Any]]:
    from dyad.store.exports import exported_articles

    for item in exported_articles(store, filters):
        for event in item.result.events:
            if event.event_id not in item.event_ids:
                continue
            found = item.clusters.get(event.event_id)
            counts = (
                (found.mentions, found.sources, found.articles) if found else (1, 1, 1)
            )
            yield gdelt_row(item.result, event, counts=counts, data_dir=data_dir)


register_format(GdeltFormat())
