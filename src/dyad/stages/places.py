"""The places stage: resolve place names to a country and coordinates, offline.

Candidates are the parser's GPE and LOC entities. Each is looked up in the gazetteer
and, when a name fits several places ("Bali", "Paris", "Georgia"), the candidates are
ranked: curated regions and countries first, then places in a country the article
already names (through unambiguous places or the actors' country codes), then larger
cities. A name that resolves to nothing is a ``places.unresolved`` problem and never
blanks the others. The actors stage may code the same words as an actor ("Beijing" as
China's government); the places layer is separate and a name can be both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from dyad.knowledge.places import Gazetteer, GazetteerEntry
from dyad.records import Actor, Mention, Place, Problem, StageResult
from dyad.stages.nlp import Parsed

VERSION = "places.gazetteer.v1"
CODER = VERSION
# Ranking scores on the scale of log10(population) of cities (4.2 for 15,000 people, 7.3
# for 20 million): countries and curated entries outrank cities of the same name, and a
# place in a country the article already names gains a bonus that overturns a small
# population gap but not a large one (Paris, Texas stays behind Paris, France).
# Calibrated by hand on the sample article and Wikinews dev articles.
IN_CONTEXT_BONUS = 1.5
FEATURE_SCORE = {"country": 9.0, "region": 8.5, "admin1": 7.5}
CURATED_SCORE = 8.5
_LABELS = {"GPE", "LOC"}
_NON_STATE_CODES = {"IGO", "NGO", "MNC"}


def find_places(
    parsed: Parsed,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
) -> StageResult[Place]:
    """Find place names and resolve them to countries and coordinates."""
    spans = [ent for ent in parsed.doc.ents if ent.label_ in _LABELS]
    options = {ent.start_char: gazetteer.lookup(ent.text) for ent in spans}
    context = _context_codes(actors, options.values())
    records: list[Place] = []
    problems: list[Problem] = []
    for ent in spans:
        found = options[ent.start_char]
        if not found:
            if ent.label_ == "GPE":
                problems.append(_unresolved(ent))
            continue
        records.append(_place(parsed, ent, _best(found, context)))
    return StageResult(records=tuple(records), problems=tuple(problems))


def _context_codes(
    actors: Sequence[Actor], options: Iterable[tuple[GazetteerEntry, ...]]
) -> frozenset[str]:
    """Return the country codes the article names without doubt."""
    codes = {
        a.code
        for a in actors
        if a.code and len(a.code) == 3 and a.code not in _NON_STATE_CODES
    }
    for found in options:
        unique = {e.code for e in found}
        if len(unique) == 1:
            codes.update(c for c in unique if c)
    return frozenset(codes)


def _score(entry: GazetteerEntry, context: frozenset[str]) -> float:
    if entry.curated:
        score = CURATED_SCORE
    elif entry.feature in FEATURE_SCORE:
        score = FEATURE_SCORE[entry.feature]
    else:
        score = math.log10(max(entry.population, 1))
    if entry.code in context:
        score += IN_CONTEXT_BONUS
    return score


def _best(found: Sequence[GazetteerEntry], context: frozenset[str]) -> GazetteerEntry:
    return max(found, key=lambda e: (_score(e, context), e.population, e.name))


def _place(parsed: Parsed, ent: Span, entry: GazetteerEntry) -> Place:
    return Place(
        article_id=parsed.article.article_id,
        text=ent.text,
        start=ent.start_char,
        end=ent.end_char,
        sentence_index=parsed.sentence_of(ent.start_char),
        name=entry.name,
        code=entry.code,
        lat=entry.lat,
        lon=entry.lon,
        feature=entry.feature,
        coder=CODER,
    )


def _unresolved(ent: Span) -> Problem:
    return Problem(
        code="places.unresolved",
        message=f"place name {ent.text!r} is not in the gazetteer",
        stage="places",
        start=ent.start_char,
        end=ent.end_char,
    )
