"""The runner: the only code that knows the order of the stages.

``STAGES`` declares every stage, clean and nlp included, in order; what each reads and
needs comes from its function's signature (``runner.Stage``) and is checked once, at
import. ``run_many`` runs articles in batches of ``settings.batch_size``: clean per
article, nlp over the batch (``nlp.pipe``), the other stages per article. The runner
guards every stage: an unexpected exception fails that article only (an
``ArticleFailure`` naming the stage and the exception type) and a batch stage that fails
runs again one article at a time. ``run_stages`` runs a chosen subset, for the
evaluation suites. ``docs/pipeline.md`` mirrors the table.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from dyad.knowledge.actors import ActorKB
from dyad.knowledge.clean import CleanRules
from dyad.knowledge.events import EventLexicon
from dyad.knowledge.grammar import Grammar
from dyad.knowledge.quotes import QuoteCues
from dyad.knowledge.timex import TimexLexicon
from dyad.records import (
    Actor,
    Article,
    ArticleFailure,
    ArticleResult,
    Event,
    Mention,
    Problem,
    Quote,
    RawDocument,
    StageResult,
    TimeExpr,
)
from dyad.resources import Resources
from dyad.runner import (
    ArticleState,
    Stage,
    check_stages,
    result_of,
    run_batch,
)
from dyad.settings import Settings
from dyad.stages import actors as actor_stage
from dyad.stages import clean, places, situate
from dyad.stages import events as event_stage
from dyad.stages import nlp as nlp_stage
from dyad.stages import quotes as quote_stage
from dyad.stages import timex as timex_stage
from dyad.stages.events_args import ArgModel
from dyad.stages.events_model import EventModel

# ---- adapters: stages whose entry point does not yet take state fields and return a
# StageResult (actors and events keep their signatures while issues #10 and #11 rework
# those modules; clean and nlp return their own shapes).


def _clean(
    raw: RawDocument, *, clean_rules: CleanRules, settings: Settings
) -> StageResult[Article]:
    article, problems = clean.clean_document(
        raw, rules=clean_rules, max_chars=settings.max_text_chars
    )
    return StageResult(records=(article,), problems=problems)


def _parse(
    article: Sequence[Article], *, nlp: Language, settings: Settings
) -> StageResult[nlp_stage.Parsed]:
    items = ((a, None) for a in article)
    parsed = nlp_stage.parse_articles(
        nlp, items, batch_size=settings.batch_size, settings=settings
    )
    return StageResult(records=tuple(p for p, _ in parsed))


def _actors(
    parsed: nlp_stage.Parsed, *, actor_kb: ActorKB, grammar: Grammar
) -> StageResult[Actor | Mention]:
    found = actor_stage.resolve_actors(parsed, kb=actor_kb, grammar=grammar)
    return StageResult(
        records=(*found.actors, *found.mentions), problems=found.problems
    )


def _times(
    parsed: nlp_stage.Parsed, *, timex_lexicon: TimexLexicon, grammar: Grammar
) -> StageResult[TimeExpr]:
    return timex_stage.find_times(parsed, lexicon=timex_lexicon, grammar=grammar)


def _events(
    parsed: nlp_stage.Parsed,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    *,
    event_lexicon: EventLexicon,
    event_model: EventModel | None,
    grammar: Grammar,
    arg_model: ArgModel | None,
) -> StageResult[Event]:
    return event_stage.code_events(
        parsed,
        actors,
        mentions,
        lexicon=event_lexicon,
        model=event_model,
        grammar=grammar,
        args=arg_model,
    )


def _quotes(
    parsed: nlp_stage.Parsed,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    *,
    quote_cues: QuoteCues,
    grammar: Grammar,
) -> StageResult[Quote]:
    return quote_stage.extract_quotes(
        parsed, actors, mentions, cues=quote_cues, grammar=grammar
    )


def _attribution(
    events: Sequence[Event], quotes: Sequence[Quote]
) -> StageResult[Event]:
    return StageResult(records=quote_stage.attribute_events(events, quotes))


STAGES: tuple[Stage, ...] = (
    Stage("clean", clean.VERSION, _clean, ("article",)),
    Stage("nlp", nlp_stage.VERSION, _parse, ("parsed",), batch=True),
    Stage("actors", actor_stage.VERSION, _actors, ("actors", "mentions")),
    Stage("timex", timex_stage.VERSION, _times, ("times",)),
    Stage("places", places.VERSION, places.find_places, ("places",)),
    Stage("events", event_stage.VERSION, _events, ("events",)),
    Stage("situate", situate.VERSION, situate.situate_events, ("events",)),
    Stage("quotes", quote_stage.VERSION, _quotes, ("quotes",)),
    Stage("attribution", quote_stage.VERSION, _attribution, ("events",)),
)
check_stages(STAGES, {"raw"})


def _chosen(names: Iterable[str] | None) -> tuple[Stage, ...]:
    if names is None:
        return STAGES
    wanted = set(names)
    unknown = wanted - {s.name for s in STAGES}
    if unknown:
        raise ValueError(
            f"unknown stages {sorted(unknown)}; stages: {[s.name for s in STAGES]}"
        )
    chosen = tuple(s for s in STAGES if s.name in wanted)
    try:
        check_stages(chosen, {"raw"})
    except RuntimeError as e:
        raise ValueError(f"run_stages{tuple(sorted(wanted))}: {e}") from None
    return chosen


def _run_batch(
    raws: Sequence[RawDocument],
    res: Resources,
    stages: Sequence[Stage],
    fail_fast: bool,
) -> list[ArticleResult | ArticleFailure]:
    outcomes: list[ArticleState | ArticleFailure] = [
        ArticleState(raw=raw) for raw in raws
    ]
    for stage in stages:
        outcomes = run_batch(stage, outcomes, res, fail_fast)
    return [o if isinstance(o, ArticleFailure) else result_of(o) for o in outcomes]


def run_stages(
    raws: Iterable[RawDocument],
    res: Resources,
    names: Iterable[str] | None = None,
    *,
    fail_fast: bool = False,
) -> Iterator[ArticleResult | ArticleFailure]:
    """Run the stages called ``names`` (in table order; all when None) over ``raws``,
    yielding one outcome per input, in order; fields of stages not run stay empty.

    Raises:
        ValueError: a name is unknown, or a chosen stage needs one not chosen.
    """
    stages = _chosen(names)
    size = max(res.settings.batch_size, 1)
    iterator = iter(raws)
    while batch := list(itertools.islice(iterator, size)):
        yield from _run_batch(batch, res, stages, fail_fast)


def run_many(
    raws: Iterable[RawDocument], res: Resources, *, fail_fast: bool = False
) -> Iterator[ArticleResult | ArticleFailure]:
    """Run the whole pipeline over ``raws``, yielding one result per input in order."""
    return run_stages(raws, res, fail_fast=fail_fast)


def run_article(
    raw: RawDocument, res: Resources, *, fail_fast: bool = False
) -> ArticleResult | ArticleFailure:
    """Run the whole pipeline over one document (never raises but for ``fail_fast``
    and a ``ResourceError``)."""
    return next(run_many([raw], res, fail_fast=fail_fast))


def clean_raw(raw: RawDocument, res: Resources) -> tuple[Article, tuple[Problem, ...]]:
    """Clean one raw document into an article (the first stage, on its own)."""
    return clean.clean_document(
        raw, rules=res.clean_rules, max_chars=res.settings.max_text_chars
    )


__all__ = [
    "STAGES",
    "ArticleState",
    "Stage",
    "clean_raw",
    "run_article",
    "run_many",
    "run_stages",
]
