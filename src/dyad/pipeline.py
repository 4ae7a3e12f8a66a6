"""The runner: the only code that knows the order of the stages.

``STAGES`` lists the stages after parsing with what each requires and provides; the
runner checks the table once at import. ``run_many`` cleans and parses articles in
batches (``nlp.pipe``) and runs the remaining stages per article, turning an unexpected
exception in one article into an ``ArticleFailure`` while the others go on.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from dyad.errors import ResourceError
from dyad.records import (
    Actor,
    Article,
    ArticleFailure,
    ArticleResult,
    Event,
    Mention,
    Place,
    Problem,
    Quote,
    RawDocument,
    TimeExpr,
)
from dyad.resources import Resources
from dyad.stages import actors, clean, events, nlp, places, quotes, situate, timex

logger = logging.getLogger(__name__)


@dataclass
class _Work:
    """The records of one article as the stages fill them in (runner-private)."""

    parsed: nlp.Parsed
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Stage:
    """One step after parsing: its name, version, inputs, outputs and adapter."""

    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[_Work, Resources], None]


def _run_actors(work: _Work, res: Resources) -> None:
    found = actors.resolve_actors(work.parsed, kb=res.actor_kb)
    work.actors, work.mentions = found.actors, found.mentions
    work.problems.extend(found.problems)


def _run_timex(work: _Work, res: Resources) -> None:
    found = timex.find_times(work.parsed)
    work.times = found.records
    work.problems.extend(found.problems)


def _run_places(work: _Work, res: Resources) -> None:
    found = places.find_places(
        work.parsed, work.actors, work.mentions, gazetteer=res.gazetteer
    )
    work.places = found.records
    work.problems.extend(found.problems)


def _run_events(work: _Work, res: Resources) -> None:
    found = events.code_events(
        work.parsed,
        work.actors,
        work.mentions,
        lexicon=res.event_lexicon,
        model=res.event_model,
    )
    work.events = found.records
    work.problems.extend(found.problems)


def _run_situate(work: _Work, res: Resources) -> None:
    found = situate.situate_events(work.parsed, work.events, work.times, work.places)
    work.events = found.records
    work.problems.extend(found.problems)


def _run_quotes(work: _Work, res: Resources) -> None:
    found = quotes.extract_quotes(work.parsed, work.actors, work.mentions)
    work.quotes = found.records
    work.problems.extend(found.problems)


def _run_attribution(work: _Work, res: Resources) -> None:
    work.events = quotes.attribute_events(work.events, work.quotes)


STAGES: tuple[Stage, ...] = (
    Stage("actors", actors.VERSION, ("parsed",), ("actors", "mentions"), _run_actors),
    Stage("timex", timex.VERSION, ("parsed",), ("times",), _run_timex),
    Stage(
        "places",
        places.VERSION,
        ("parsed", "actors", "mentions"),
        ("places",),
        _run_places,
    ),
    Stage(
        "events",
        events.VERSION,
        ("parsed", "actors", "mentions"),
        ("events",),
        _run_events,
    ),
    Stage(
        "situate",
        situate.VERSION,
        ("parsed", "events", "times", "places"),
        ("events",),
        _run_situate,
    ),
    Stage(
        "quotes",
        quotes.VERSION,
        ("parsed", "actors", "mentions"),
        ("quotes",),
        _run_quotes,
    ),
    Stage(
        "attribution",
        quotes.VERSION,
        ("events", "quotes"),
        ("events",),
        _run_attribution,
    ),
)


def _check_stage_order(stages: tuple[Stage, ...]) -> None:
    available = {"parsed"}
    for stage in stages:
        missing = set(stage.requires) - available
        if missing:
            raise RuntimeError(
                f"stage {stage.name} requires {sorted(missing)} before it; "
                "this is a bug in pipeline.STAGES"
            )
        available.update(stage.provides)


_check_stage_order(STAGES)


def clean_raw(raw: RawDocument, res: Resources) -> tuple[Article, tuple[Problem, ...]]:
    """Clean one raw document into an article (the first stage)."""
    return clean.clean_document(
        raw, rules=res.clean_rules, max_chars=res.settings.max_text_chars
    )


def finish_article(
    parsed: nlp.Parsed,
    res: Resources,
    problems: Iterable[Problem] = (),
    *,
    fail_fast: bool = False,
) -> ArticleResult | ArticleFailure:
    """Run the stages after parsing on one article."""
    work = _Work(parsed=parsed, problems=list(problems))
    for stage in STAGES:
        try:
            stage.run(work, res)
        except ResourceError:
            raise  # a missing or malformed data file fails every article: stop the run
        except (
            Exception
        ) as e:  # the runner's one catch-all: one article fails, not the batch
            if fail_fast:
                raise
            return _failure(parsed.article.article_id, stage.name, e)
    return _result(work)


def _result(work: _Work) -> ArticleResult:
    article = work.parsed.article
    problems = tuple(
        replace(p, article_id=article.article_id) if p.article_id is None else p
        for p in work.problems
    )
    return ArticleResult(
        article=article,
        sentences=work.parsed.sentences,
        actors=work.actors,
        mentions=work.mentions,
        times=work.times,
        events=work.events,
        quotes=work.quotes,
        problems=problems,
    )


def _failure(article_id: str, stage: str, error: BaseException) -> ArticleFailure:
    logger.warning("article %s failed in stage %s: %s", article_id, stage, error)
    return ArticleFailure(
        article_id=article_id,
        stage=stage,
        error_type=type(error).__name__,
        message=str(error),
        traceback="".join(traceback.format_exception(error)),
    )


def run_many(
    raws: Iterable[RawDocument], res: Resources, *, fail_fast: bool = False
) -> Iterator[ArticleResult | ArticleFailure]:
    """Run the whole pipeline over ``raws``, yielding one result per input in order."""
    items = (clean_raw(raw, res) for raw in raws)
    for parsed, problems in nlp.parse_articles(
        res.nlp, items, batch_size=res.settings.batch_size
    ):
        yield finish_article(parsed, res, problems, fail_fast=fail_fast)


def run_article(
    raw: RawDocument, res: Resources, *, fail_fast: bool = False
) -> ArticleResult | ArticleFailure:
    """Run the whole pipeline over one document."""
    return next(run_many([raw], res, fail_fast=fail_fast))


__all__ = ["STAGES", "Stage", "clean_raw", "finish_article", "run_article", "run_many"]
