"""Typed records that flow between the pipeline stages, the store and the outputs.

Every span is a half-open character range ``[start, end)`` into ``Article.text`` (the
cleaned text), together with the index of the sentence it lies in. Field names equal the
column names of the store tables (see ``store/migrations.py``); the JSON contract
``dyad.article/1`` is a view of these records built by ``contract.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class ActorKind(StrEnum):
    """What kind of thing an actor is."""

    STATE = "state"
    PERSON = "person"
    ORGANIZATION = "organization"
    IGO = "igo"
    GROUP = "group"
    REGION = "region"
    PLACE = "place"


class EventType(StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Modality(StrEnum):
    """Whether the text says an event happened."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"


class Precision(StrEnum):
    """Granularity of a normalised time value."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    VAGUE = "vague"  # PAST_REF, PRESENT_REF, FUTURE_REF


class DateSource(StrEnum):
    """Where an event's date came from."""

    TEXT = "text"
    PUBLISHED = "published"


class QuoteKind(StrEnum):
    """Direct quotation (inside quote marks) or reported speech."""

    DIRECT = "direct"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """An expected per-article condition worth recording (never an exception).

    ``code`` is a stable dotted slug listed in ``errors.PROBLEM_CODES``; ``start``/``end``
    point into the cleaned text when the problem has a place there.
    """

    code: str
    message: str
    stage: str
    article_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One input document before cleaning, as read from a file, feed, archive or stdin.

    ``text`` is already decoded; readers turn undecodable bytes into an ``InputError`` or
    a problem. ``origin`` says where it came from (``path``, ``path#line``, ``url``).
    """

    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    doc_id: str | None = None  # an id given by the input (JSONL ``id``); else derived
    problems: tuple[Problem, ...] = ()  # met while reading (encoding, …); kept by clean


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the text every offset refers to, plus its metadata."""

    article_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    language: str = "en"


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence of the cleaned text; ``index`` counts from 0 in text order."""

    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A coded participant of an article: a state, person, organisation, group or region.

    ``code`` is ISO 3166-1 alpha-3, ``IGO``/``NGO``/``MNC`` or ``None``; ``sector`` is a
    PLOVER sector or ``None``; ``kb_id`` names the knowledge-base entry it was resolved to.
    ``confidence`` is in ``[0, 1]``.
    """

    article_id: str
    actor_id: str
    name: str
    kind: ActorKind
    code: str | None = None
    sector: str | None = None
    org: str | None = None
    title: str | None = None
    kb_id: str | None = None
    confidence: float = 1.0
    coder: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One place in the text where an actor is named (or referred to by a short form)."""

    article_id: str
    actor_id: str
    text: str
    start: int
    end: int
    sentence_index: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpr:
    """A time expression with its normalised value.

    ``value`` is an ISO 8601 prefix at ``precision`` (``2023-06-14``, ``2023-W24``,
    ``2023-06``, ``2023-Q2``, ``2023``) or ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``;
    ``None`` when it is relative and there is no ``anchor`` (publication date).
    """

    article_id: str
    time_id: str
    text: str
    start: int
    end: int
    sentence_index: int
    value: str | None
    precision: Precision | None
    anchor: dt.date | None
    coder: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A resolved place: name as written, ISO3 country, coordinates in degrees (WGS84)."""

    name: str
    code: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place name found in the text and what it resolved to (``code`` ISO3 or None)."""

    article_id: str
    text: str
    start: int
    end: int
    sentence_index: int
    name: str
    code: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, admin1, city, region
    coder: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """When an event took place and where that knowledge came from."""

    value: str | None
    precision: Precision | None
    source: DateSource | None
    time_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A coded event: who did what to whom, with the evidence span and the rule that fired.

    ``actor_ids``/``recipient_ids`` are actor ids of the same article. Reciprocal events
    (talks between A and B) list both sides in ``actor_ids`` and no recipient.
    ``intensity`` is the PLOVER score in ``[-10, 10]``; ``quad`` is the CAMEO quad class.
    """

    article_id: str
    event_id: str
    type: EventType
    mode: str | None
    cameo: str | None
    quad: int
    intensity: float
    actor_ids: tuple[str, ...]
    recipient_ids: tuple[str, ...]
    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence_index: int
    modality: Modality
    rule: str
    confidence: float
    date: EventDate | None = None
    location: Location | None = None
    reported_by: str | None = None
    coder: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A quotation with its speaker; ``start``/``end`` span the quoted words only."""

    article_id: str
    quote_id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    sentence_index: int
    speaker_id: str | None
    speaker_text: str | None
    cue: str | None
    coder: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """Everything the pipeline produced for one article, in output order."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedActors:
    """What the actors stage returns: actors, their mentions and the problems met."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFailure:
    """An unexpected exception inside a stage, caught by the runner for one article."""

    article_id: str
    stage: str
    error_type: str
    message: str
    traceback: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class StageResult(Generic[T]):
    """What a stage returns: its records and the problems it met."""

    records: tuple[T, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
