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
_KEY = "type, a, b, event_day, modality"


def counted(pairs: str) -> str:
    """Return SQL selecting the rows of ``pairs`` that count.

    ``pairs`` is a SQL relation with one row per event and dyad: columns ``a`` and
    ``b`` (the dyad's codes, least first), ``article_id``, ``event_id``, ``type``,
    ``event_day`` and ``modality`` (others are kept as they are).
    """
    return (
        "SELECT * EXCLUDE (report, n_copy) FROM ("
        "SELECT p.*, coalesce(f.report_id, p.article_id) AS report, "
        f"count(*) OVER (PARTITION BY p.article_id, {_KEY}) AS n_copy "
        f"FROM ({pairs}) p LEFT JOIN article_fingerprints f "
        "ON f.article_id = p.article_id) "
        "QUALIFY article_id = first_value(article_id) OVER ("
        f"PARTITION BY report, {_KEY} ORDER BY n_copy DESC, article_id)"
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
