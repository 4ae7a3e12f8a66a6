"""Coordinated passives and their "by" agents, on real parses (#11).

"was shot and killed by police": the agent distributes over the participles and the
passive subject is the recipient of each; cased, lower-cased and ALL CAPS alike.
Actors are given by hand (see ``events_harness``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from events_harness import Cast, code, dyads

from dyad.records import ActorKind, EventType

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType
G = ActorKind.GROUP
CAST: Cast = {
    "police": ("COP", G),
    "border guards": ("GRD", G),
    "a judge": ("JUD", ActorKind.PERSON),
    "a man": ("MAN", ActorKind.PERSON),
    "the suspects": ("SUS", G),
    "two reporters": ("REP", G),
    "an activist": ("ACT", ActorKind.PERSON),
}
CASES: list[Callable[[str], str]] = [str, str.lower, str.upper]


@pytest.mark.parametrize("case", CASES)
def test_agent_distributes_over_coordinated_participles(
    resources, case: Callable[[str], str]  # type: ignore[no-untyped-def]
) -> None:
    events = code(resources, case("A man was shot and killed by police on Friday."), CAST)
    assert dyads(events) == {(T.ASSAULT, ("COP",), ("MAN",))}
    assert len(events) == 2  # one per participle, the same dyad


@pytest.mark.parametrize("case", CASES)
def test_arrested_and_charged_share_subject_and_agent(
    resources, case: Callable[[str], str]  # type: ignore[no-untyped-def]
) -> None:
    text = case("The suspects were arrested and charged by border guards on Monday.")
    assert dyads(code(resources, text, CAST)) == {
        (T.COERCE, ("GRD",), ("SUS",)),
        (T.ACCUSE, ("GRD",), ("SUS",)),
    }


@pytest.mark.parametrize("case", CASES)
def test_later_release_takes_the_agent_of_the_detention(
    resources, case: Callable[[str], str]  # type: ignore[no-untyped-def]
) -> None:
    text = case("An activist was detained by police in the capital and later released.")
    assert dyads(code(resources, text, CAST)) == {
        (T.COERCE, ("COP",), ("ACT",)),
        (T.RETREAT, ("COP",), ("ACT",)),
    }


def test_each_participle_keeps_its_own_agent(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Two reporters were arrested by police and released by a judge on Sunday."
    assert dyads(code(resources, text, CAST)) == {
        (T.COERCE, ("COP",), ("REP",)),
        (T.RETREAT, ("JUD",), ("REP",)),
    }


def test_a_participle_with_its_own_clause_is_not_part_of_the_passive(
    resources,  # type: ignore[no-untyped-def]
) -> None:
    # "attacked" has its own subject: the man attacked, police arrested him
    text = "A man was arrested by police after he attacked two reporters."
    assert dyads(code(resources, text, CAST)) == {
        (T.COERCE, ("COP",), ("MAN",)),
        (T.ASSAULT, ("MAN",), ("REP",)),
    }


@pytest.mark.parametrize("case", CASES)
def test_coordinated_active_verbs_share_the_object(
    resources, case: Callable[[str], str]  # type: ignore[no-untyped-def]
) -> None:
    events = code(resources, case("Border guards shot and killed a man on Monday."), CAST)
    assert dyads(events) == {(T.ASSAULT, ("GRD",), ("MAN",))}
    assert len(events) == 2


def test_a_second_verb_with_its_own_subject_keeps_its_object(
    resources,  # type: ignore[no-untyped-def]
) -> None:
    text = "Border guards fired into the air, and the police arrested two reporters."
    found = dyads(code(resources, text, CAST))
    assert (T.COERCE, ("COP",), ("REP",)) in found
    assert all(recipients != ("REP",) for _, actors, recipients in found if actors == ("GRD",))
