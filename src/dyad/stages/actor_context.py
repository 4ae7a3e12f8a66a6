"""Shared records of the actors stage: what a finder found and the per-article context.

Private helper of ``stages/actors.py`` (no other stage imports it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dyad.knowledge.actors import ActorKB, Hit
from dyad.knowledge.grammar import Grammar
from dyad.records import ActorKind

# Sectors of the bodies whose sector a member's rank or state title gives way to
# ("Metropolitan Police sergeant" COP, not the army's MIL; "FSB officers" SPY).
SECURITY_BODIES = frozenset({"COP", "MIL", "SPY"})
# Sectors of the arms of a state.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


@dataclass(frozen=True, slots=True)
class Spec:
    """How one actor is coded; ``identity`` says which mentions are the same actor."""

    identity: str
    name: str
    kind: ActorKind
    code: str | None = None
    sector: str | None = None
    org: str | None = None
    title: str | None = None
    kb_id: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class KbSpan:
    """A run of tokens ``[start, end)`` that names a KB entry."""

    start: int
    end: int
    hits: tuple[Hit, ...]


@dataclass
class Context:
    """Per-article state shared by the actor finders (built once per article)."""

    doc: Doc
    kb: ActorKB
    published: dt.date | None
    span_at: dict[int, KbSpan]
    dominant: str | None
    grammar: Grammar
    owner: list[bool] = field(default_factory=list)
    surnames: dict[str, Spec] = field(default_factory=dict)
    given: dict[str, Spec | None] = field(default_factory=dict)  # None: two people
    person_at: dict[int, Spec] = field(default_factory=dict)
    # starts of state names that begin a person's name ("Jordan" of "Jordan Peterson")
    given_name_states: set[int] = field(default_factory=set)
    ent_at: dict[int, Span] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # token texts, read once
    pos: list[str] = field(default_factory=list)  # token coarse tags, read once
    casing: str = "cased"  # actor_scan.Casing: cased, lower or upper


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A state or organisation a person or group belongs to."""

    code: str | None
    org: str | None
    sector: str | None
    is_state: bool
    start: int


def entry_spec(kb: ActorKB, hit: Hit, day: dt.date | None = None) -> Spec:
    """Return the spec of a non-person KB hit (a capital or seat names a state arm),
    with the entry's sector on ``day`` (a group that took power is GOV from then)."""
    entry = kb.entry(hit.kb_id)
    if entry.kind is ActorKind.STATE and hit.sector:
        return Spec(
            identity=f"{entry.kb_id}:{hit.sector}",
            name=f"{entry.name} ({_ARM.get(hit.sector, hit.sector)})",
            kind=entry.kind,
            code=entry.code,
            sector=hit.sector,
            kb_id=entry.kb_id,
            confidence=0.9,
        )
    return Spec(
        identity=entry.kb_id,
        name=entry.name,
        kind=entry.kind,
        code=entry.code,
        sector=entry.sector_on(day),
        org=entry.org,
        kb_id=entry.kb_id,
    )


_ARM = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "SPY": "intelligence",
    "COP": "police",
}


def affiliation_of(ctx: Context, span: KbSpan) -> Affiliation | None:
    """Return the affiliation a KB span gives (states and organisations, not people)."""
    hit = span.hits[0]
    if hit.form == "person":
        return None
    entry = ctx.kb.entry(hit.kb_id)
    if entry.kind is ActorKind.REGION:
        return None
    return Affiliation(
        code=entry.code,
        org=entry.org,
        sector=entry.sector or hit.sector,
        is_state=entry.kind is ActorKind.STATE,
        start=span.start,
    )
