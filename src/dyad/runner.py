"""The machinery of the runner: the article state, stage declarations and their guard.

``pipeline.py`` declares the stages in order; this module knows nothing of the order.
Each stage is a function whose positional parameters name ``ArticleState`` fields it
reads and whose keyword-only parameters name ``Resources`` attributes it needs; it
returns a ``StageResult`` whose records go into the state fields it provides (by record
type). ``Stage`` reads all of this from the function's signature, and ``check_stages``
verifies at import that every requirement is provided by an earlier stage.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import logging
import traceback
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dyad import ids
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
    StageResult,
    TimeExpr,
)
from dyad.resources import Resources
from dyad.stages.nlp import Parsed

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleState:
    """What the stages know of one article so far; each stage returns a new state.

    ``article`` is set by clean and ``parsed`` by nlp; the record tuples start empty.
    """

    raw: RawDocument
    article: Article | None = None
    parsed: Parsed | None = None
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def article_id(self) -> str:
        """The article's id (before cleaning, the id its raw input gives)."""
        if self.article is not None:
            return self.article.article_id
        raw = self.raw
        return ids.article_id(url=raw.url, text=raw.text, given=raw.doc_id)


def _field_types() -> dict[str, tuple[type, bool]]:
    """Each state field's record type and whether it holds a tuple of them."""
    hints = typing.get_type_hints(ArticleState, globalns=globals())
    found: dict[str, tuple[type, bool]] = {}
    for name, hint in hints.items():
        if typing.get_origin(hint) is tuple:
            found[name] = (typing.get_args(hint)[0], True)
        else:
            args = [a for a in typing.get_args(hint) if a is not type(None)]
            found[name] = (args[0] if args else hint, False)
    return found


STATE_FIELDS = _field_types()
RESOURCE_NAMES = frozenset(
    name
    for name, value in vars(Resources).items()
    if not name.startswith("_")
    and isinstance(value, functools.cached_property | property)
) | {f.name for f in dataclasses.fields(Resources)}


@dataclass(frozen=True, slots=True)
class Stage:
    """One stage: name, version, function and the state fields it provides.

    ``requires`` and ``resources`` come from the function's signature. A ``batch``
    stage takes a list per required field (one entry per article) and returns one
    record per article, in order, and no problems.
    """

    name: str
    version: str
    function: Callable[..., StageResult[Any]]
    provides: tuple[str, ...]
    batch: bool = False
    requires: tuple[str, ...] = field(init=False)
    resources: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        params = inspect.signature(self.function).parameters.values()
        keyword = inspect.Parameter.KEYWORD_ONLY
        requires = tuple(p.name for p in params if p.kind in _POSITIONAL)
        resources = tuple(p.name for p in params if p.kind is keyword)
        object.__setattr__(self, "requires", requires)
        object.__setattr__(self, "resources", resources)


_POSITIONAL = (
    inspect.Parameter.POSITIONAL_ONLY,
    inspect.Parameter.POSITIONAL_OR_KEYWORD,
)


def _stage_mistakes(stage: Stage, seen: set[str]) -> list[str]:
    mistakes = [f"requires {r!r} before it" for r in stage.requires if r not in seen]
    mistakes += [
        f"needs unknown resource {r!r}"
        for r in stage.resources
        if r not in RESOURCE_NAMES
    ]
    mistakes += [
        f"provides unknown field {p!r}" for p in stage.provides if p not in STATE_FIELDS
    ]
    returned = typing.get_type_hints(stage.function).get("return")
    if typing.get_origin(returned) is not StageResult:
        mistakes.append(f"returns {returned!r}, not a StageResult")
    return mistakes


def check_stages(stages: Sequence[Stage], available: set[str]) -> None:
    """Raise when a stage reads what no earlier stage provides, needs an unknown
    resource, provides an unknown field or does not return a ``StageResult``.

    Raises:
        RuntimeError: always "a bug in pipeline.STAGES": only we write the table.
    """
    seen = set(available)
    for stage in stages:
        mistakes = _stage_mistakes(stage, seen)
        if mistakes:
            raise RuntimeError(
                f"stage {stage.name} {'; '.join(mistakes)}: "
                "this is a bug in pipeline.STAGES"
            )
        seen.update(stage.provides)


def _arguments(stage: Stage, res: Resources) -> dict[str, Any]:
    return {name: getattr(res, name) for name in stage.resources}


def apply_result(
    stage: Stage, state: ArticleState, result: StageResult[Any]
) -> ArticleState:
    """Return ``state`` with ``result``'s records in the fields ``stage`` provides."""
    changes: dict[str, Any] = {}
    for name in stage.provides:
        kind, many = STATE_FIELDS[name]
        chosen = tuple(r for r in result.records if isinstance(r, kind))
        if not many and len(chosen) != 1:
            raise RuntimeError(f"stage {stage.name} gave {len(chosen)} {name}; a bug")
        changes[name] = chosen if many else chosen[0]
    return replace(state, **changes, problems=state.problems + result.problems)


def failure(article_id: str, stage: str, error: BaseException) -> ArticleFailure:
    """Return the one failure record: stage name, exception type, message, traceback."""
    logger.warning("article %s failed in stage %s: %s", article_id, stage, error)
    return ArticleFailure(
        article_id=article_id,
        stage=stage,
        error_type=type(error).__name__,
        message=str(error),
        traceback="".join(traceback.format_exception(error)),
    )


Outcome = ArticleState | ArticleFailure


def run_one(
    stage: Stage, state: ArticleState, res: Resources, fail_fast: bool
) -> Outcome:
    """Run ``stage`` on one article, turning an unexpected exception into a failure.

    A ``ResourceError`` (a missing or malformed data file) fails every article alike,
    so it stops the run instead.
    """
    args = [getattr(state, name) for name in stage.requires]
    try:
        if stage.batch:
            found = stage.function(*([a] for a in args), **_arguments(stage, res))
        else:
            found = stage.function(*args, **_arguments(stage, res))
        return apply_result(stage, state, found)
    except ResourceError:
        raise
    except Exception as e:  # the runner's one guard: this article fails, not the run
        if fail_fast:
            raise
        return failure(state.article_id, stage.name, e)


def _one_by_one(
    stage: Stage, outcomes: list[Outcome], res: Resources, fail_fast: bool
) -> list[Outcome]:
    return [
        o if isinstance(o, ArticleFailure) else run_one(stage, o, res, fail_fast)
        for o in outcomes
    ]


def _whole_batch(
    stage: Stage, live: list[ArticleState], res: Resources
) -> list[ArticleState]:
    args = [[getattr(s, name) for s in live] for name in stage.requires]
    found = stage.function(*args, **_arguments(stage, res))
    if len(found.records) != len(live):
        raise RuntimeError(
            f"stage {stage.name} gave {len(found.records)} records for "
            f"{len(live)} articles; a bug"
        )
    return [
        apply_result(stage, s, StageResult(records=(r,)))
        for s, r in zip(live, found.records, strict=True)
    ]


def run_batch(
    stage: Stage, outcomes: list[Outcome], res: Resources, fail_fast: bool
) -> list[Outcome]:
    """Run ``stage`` on every article still going; a batch stage that fails as a whole
    runs again one article at a time, so only the articles that break it fail."""
    live = [o for o in outcomes if isinstance(o, ArticleState)]
    if not stage.batch or not live:
        return _one_by_one(stage, outcomes, res, fail_fast)
    try:
        done = iter(_whole_batch(stage, live, res))
    except ResourceError:
        raise
    except Exception as e:  # fall back to one article at a time
        if fail_fast:
            raise
        logger.warning(
            "stage %s failed on a batch (%s: %s); running its articles one by one",
            stage.name,
            type(e).__name__,
            e,
        )
        return _one_by_one(stage, outcomes, res, fail_fast)
    return [o if isinstance(o, ArticleFailure) else next(done) for o in outcomes]


def result_of(state: ArticleState) -> ArticleResult:
    """Return the ``ArticleResult`` of a finished state (problems carry the article id)."""
    if state.article is None:
        raise RuntimeError("this is a bug: an article state without an article")
    aid = state.article.article_id
    return ArticleResult(
        article=state.article,
        sentences=state.parsed.sentences if state.parsed else (),
        actors=state.actors,
        mentions=state.mentions,
        times=state.times,
        events=state.events,
        quotes=state.quotes,
        problems=tuple(
            replace(p, article_id=aid) if p.article_id is None else p
            for p in state.problems
        ),
    )
