"""Dyad counts by report, not by copy (#12): a syndicated story counts once.

Articles linked into one report (``article_fingerprints.report_id``: copies of one story
on several sites) each carry the events of that story. Dyad counts take each report's
events once: per report and per *event key* (event type, the dyad's two codes, event day,
modality) the copy with the most events of that key counts, the report's first article
(the smallest id) when copies tie. So a copy adds nothing, while two distinct same-day
attacks in one article still count two. The events listed behind a count are the events
of those copies, so a chart bar and the list behind it agree.
"""

from __future__ import annotations

from dyad.store.analytics import EVENT_FROM

# The event key: what makes two events of one report the same event told twice.
_KEYS = ("type", "a", "b", "event_day", "modality")
_KEY = ", ".join(_KEYS)
_C_KEY = ", ".join(f"c.{k}" for k in _KEYS)


def counted(pairs: str) -> str:
    """Return SQL selecting the rows of ``pairs`` that count.

    ``pairs`` is a SQL relation with one row per event and dyad: columns ``a`` and
    ``b`` (the dyad's codes, least first), ``article_id``, ``event_id``, ``type``,
    ``event_day`` and ``modality`` (others are kept as they are).
    """
    same = " AND ".join(f"w.{k} IS NOT DISTINCT FROM p.{k}" for k in _KEYS)
    return (
        f"WITH _pairs AS ({pairs}), "
        f"_copies AS (SELECT article_id, {_KEY}, count(*) AS n FROM _pairs "
        f"GROUP BY article_id, {_KEY}), "
        # per report and key: the copy with most events of the key, then the first
        "_kept AS (SELECT min({'n': -c.n, 'id': c.article_id}).id AS article_id, "
        f"{_C_KEY} FROM _copies c LEFT JOIN article_fingerprints f "
        "ON f.article_id = c.article_id "
        f"GROUP BY coalesce(f.report_id, c.article_id), {_C_KEY}) "
        f"SELECT p.* FROM _pairs p SEMI JOIN _kept w ON w.article_id = p.article_id "
        f"AND {same}"
    )


def pair_events(where: str, pair: str = "TRUE") -> str:
    """Return SQL of the ``counted`` input: the events of ``where`` (a condition on the
    aliases of ``EVENT_FROM``) with each dyad of theirs that meets ``pair`` (a
    condition on ``event_dyads d``)."""
    return (
        "SELECT DISTINCT least(d.actor_code, d.recipient_code) AS a, "
        "greatest(d.actor_code, d.recipient_code) AS b, e.article_id, e.event_id, "
        "e.type, e.modality, e.quad, e.intensity, e.event_day "
        f"{EVENT_FROM} JOIN event_dyads d ON d.article_id = e.article_id "
        f"AND d.event_id = e.event_id WHERE ({where}) AND ({pair})"
    )


def one_copy_of(where: str, pair: str = "TRUE") -> str:
    """Return a condition on ``events e``: the event counts (``counted``) among the
    events of ``where`` with a dyad that meets ``pair``."""
    return (
        "(e.article_id, e.event_id) IN (SELECT article_id, event_id FROM "
        f"({counted(pair_events(where, pair))}))"
    )


# A condition on ``event_dyads d``: the dyad of two codes, given as a, b, b, a.
BETWEEN = (
    "((d.actor_code = ? AND d.recipient_code = ?) OR "
    "(d.actor_code = ? AND d.recipient_code = ?))"
)
