"""A random sample of coded events from a store, printed for a person to check.

``dyad eval --suite events --sample N --seed S --db STORE`` draws ``N`` events (all
modalities) uniformly from the store, or only from the events that form a dyad
(``--dyads-only``: a row in ``event_dyads``, i.e. a coded actor and a different coded
recipient, or two coded parties of a reciprocal event). The draw depends only on the
seed and on the set of stored events (ordered by article and event id), so the same
store and seed give the same sample.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.store.db import Store

_DYAD = (
    "EXISTS (SELECT 1 FROM event_dyads d WHERE d.article_id = e.article_id "
    "AND d.event_id = e.event_id)"
)
_COLUMNS = (
    "e.article_id, e.event_id, e.type, e.mode, e.modality, e.trigger_text, "
    "e.date_value, e.actor_ids, e.recipient_ids, e.rule, e.reported_by, "
    "e.location_name, "
    "coalesce(substring(a.text, s.start + 1, s.\"end\" - s.start), ''), "
    "a.title, a.published"
)
_FROM = (
    "FROM events e JOIN articles a USING (article_id) "
    "LEFT JOIN sentences s ON s.article_id = e.article_id "
    'AND s."index" = e.sentence_index'
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """An actor of a sampled event: its name, code and sector."""

    name: str
    code: str | None
    sector: str | None

    def label(self) -> str:
        """Return ``name [CODE SECTOR]`` (``[-]`` when uncoded)."""
        codes = " ".join(x for x in (self.code, self.sector) if x) or "-"
        return f"{self.name} [{codes}]"


@dataclass(frozen=True, slots=True, kw_only=True)
class SampledEvent:
    """One drawn event with what a checker needs to judge it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    modality: str
    trigger: str
    date: str | None
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    rule: str
    reported_by: Party | None
    location: str | None
    sentence: str
    title: str | None
    published: dt.date | None


def sample_events(
    store: Store, n: int, seed: int, *, dyads_only: bool = False
) -> list[SampledEvent]:
    """Return ``n`` events drawn with ``seed`` (fewer when the store holds fewer)."""
    where = f"WHERE {_DYAD}" if dyads_only else ""
    keys = store.con.execute(
        f"SELECT e.article_id, e.event_id FROM events e {where} "
        "ORDER BY e.article_id, e.event_id"
    ).fetchall()
    drawn = random.Random(seed).sample(keys, min(n, len(keys)))
    return [_event(store, article_id, event_id) for article_id, event_id in drawn]


def _event(store: Store, article_id: str, event_id: str) -> SampledEvent:
    row = store.con.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE e.article_id = ? AND e.event_id = ?",
        [article_id, event_id],
    ).fetchone()
    assert row is not None  # the key was just read from the same table
    actors = {
        r[0]: Party(name=r[1], code=r[2], sector=r[3])
        for r in store.con.execute(
            "SELECT actor_id, name, code, sector FROM actors WHERE article_id = ?",
            [article_id],
        ).fetchall()
    }
    unknown = Party(name="?", code=None, sector=None)
    return SampledEvent(
        article_id=row[0],
        event_id=row[1],
        type=row[2],
        mode=row[3],
        modality=row[4],
        trigger=row[5] or "",
        date=row[6],
        actors=tuple(actors.get(i, unknown) for i in row[7] or ()),
        recipients=tuple(actors.get(i, unknown) for i in row[8] or ()),
        rule=row[9] or "",
        reported_by=actors.get(row[10]) if row[10] else None,
        location=row[11],
        sentence=" ".join(str(row[12]).split()),
        title=row[13],
        published=row[14],
    )


def dyad_share(store: Store) -> tuple[int, int]:
    """Return how many events the store holds and how many of them form a dyad."""
    row = store.con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {_DYAD}) FROM events e"
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def render(
    events: Sequence[SampledEvent], *, seed: int, db: Path, share: tuple[int, int]
) -> str:
    """Return the sample as plain text, one numbered block per event."""
    total, dyads = share
    percent = f" ({100 * dyads / total:.0f} %)" if total else ""
    lines = [
        f"{len(events)} events drawn from {db} with seed {seed}; the store holds "
        f"{total} events, {dyads} of them dyad-forming{percent}",
        "",
    ]
    for number, e in enumerate(events, 1):
        kind = e.type + (f"/{e.mode}" if e.mode else "")
        side = " + ".join(p.label() for p in e.actors) or "-"
        other = " + ".join(p.label() for p in e.recipients) or "-"
        lines += [
            f"[{number}] {e.article_id} ({e.published or 'no date'}) {e.title or ''}".rstrip(),
            f"    sentence:  {e.sentence}",
            f"    event:     {kind} ({e.modality}) trigger {e.trigger!r}"
            f", date {e.date or '-'}, rule {e.rule}",
            f"    actor:     {side}",
            f"    recipient: {other}"
            + (" (reciprocal)" if not e.recipients and len(e.actors) > 1 else ""),
        ]
        if e.reported_by or e.location:
            said = e.reported_by.label() if e.reported_by else "-"
            lines.append(f"    said by:   {said}; place {e.location or '-'}")
        lines.append("    right? [ ] yes  [ ] partly  [ ] no")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def print_sample(db: Path, n: int, seed: int, *, dyads_only: bool) -> str:
    """Open ``db`` read-only and return the rendered sample."""
    store = Store(db, read_only=True)
    try:
        drawn = sample_events(store, n, seed, dyads_only=dyads_only)
        return render(drawn, seed=seed, db=db, share=dyad_share(store))
    finally:
        store.close()
