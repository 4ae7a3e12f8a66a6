"""Sentences that plainly report an event the rules used to miss (#11): event nouns the
lexicon lacked, relative-clause passives and participles that name a noun's parties.

Actors are given by hand (see ``events_harness``); sentences are invented.
"""

from __future__ import annotations

import pytest
from events_harness import Cast, code, dyads

from dyad.records import ActorKind, EventType

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

T = EventType
G = ActorKind.GROUP
S = ActorKind.STATE
CAST: Cast = {
    "Chile": ("CHL", S),
    "Peru": ("PER", S),
    "Peruvian rebels": ("PER", G),
    "a Chilean diplomat": ("CHL", ActorKind.PERSON),
    "three Chilean journalists": ("CHL", G),
    "the Bolivian government": ("BOL", G),
    "Bolivian police": ("BOL", G),
    "Peruvian smugglers": ("PER", G),
    "Chilean officials": ("CHL", G),
}


def test_kidnapping_noun_takes_by_agent_and_of_victim(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The kidnapping of a Chilean diplomat by Peruvian rebels shocked the region."
    assert (T.ASSAULT, ("PER",), ("CHL",)) in dyads(code(resources, text, CAST))


def test_murder_noun_is_an_assault(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The murder of three Chilean journalists by Peruvian rebels caused outrage."
    assert (T.ASSAULT, ("PER",), ("CHL",)) in dyads(code(resources, text, CAST))


def test_military_presence_is_mobilization(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Chile will expand its military presence along the border."
    assert T.MOBILIZE in {e.type for e in code(resources, text, CAST)}


def test_plain_presence_object_needs_the_rule_verbs(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Chile noted the presence of journalists at the ceremony."
    assert T.MOBILIZE not in {e.type for e in code(resources, text, CAST)}


def test_relative_passive_reads_its_head_as_object(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The sanctions that were imposed on Peru by Chile will end in June."
    assert (T.SANCTION, ("CHL",), ("PER",)) in dyads(code(resources, text, CAST))


def test_relative_object_pronoun_reads_its_head(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Peru restored the ties, which were severed by the Bolivian government."
    assert (T.SANCTION, ("BOL",), ()) in dyads(code(resources, text, CAST))


def test_relative_clause_without_rule_object_is_no_event(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Peru praised the songs, which were severed from the album by Chile."
    assert T.SANCTION not in {e.type for e in code(resources, text, CAST)}


def test_involving_names_the_sides_of_clashes(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes involving Bolivian police and Peruvian smugglers left three dead."
    assert (T.ASSAULT, ("BOL", "PER"), ()) in dyads(code(resources, text, CAST))


def test_involving_makes_framing_talks_an_event(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Five soldiers were freed after talks involving Chilean officials and Peru."
    assert (T.CONSULT, ("CHL", "PER"), ()) in dyads(code(resources, text, CAST))


CROWD: Cast = {
    "Chilean workers": ("CHL", G),
    "Palestinian youths": ("PSE", G),
    "Israeli soldiers": ("ISR", G),
    "Two Colombian soldiers": ("COL", G),
    "FARC dissidents": ("COL", G),
    "rebels": ("REB", G),
    "Colombian soldiers": ("COL", G),
}


def test_staged_walkout_is_a_strike(resources) -> None:  # type: ignore[no-untyped-def]
    # the small parser lemmatizes "staged" as "stag"
    text = "Chilean workers staged a walkout over safety concerns."
    assert (T.PROTEST, ("CHL",), ()) in dyads(code(resources, text, CROWD))


def test_stones_thrown_at_soldiers_are_an_assault(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Palestinian youths threw stones at Israeli soldiers near the checkpoint."
    assert (T.ASSAULT, ("PSE",), ("ISR",)) in dyads(code(resources, text, CROWD))


def test_thrown_party_is_no_assault(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean workers threw a party for Israeli soldiers."
    assert T.ASSAULT not in {e.type for e in code(resources, text, CROWD)}


def test_who_died_in_an_attack_is_its_recipient(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Two Colombian soldiers died in an attack by FARC dissidents."
    assert (T.ASSAULT, ("COL",), ("COL",)) in dyads(code(resources, text, CROWD))


def test_killed_in_a_raid_by_x(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Colombian soldiers were killed during a raid by rebels."
    assert (T.ASSAULT, ("REB",), ("COL",)) in dyads(code(resources, text, CROWD))


def test_who_cheered_during_an_attack_is_no_victim(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Colombian soldiers cheered during an attack by rebels."
    assert (T.ASSAULT, ("REB",), ("COL",)) not in dyads(code(resources, text, CROWD))


FARMS: Cast = {
    "South Korean farmers": ("KOR", G),
    "US": ("USA", S),
    "Bangladeshi garment workers": ("BGD", G),
    "The South Korean ministry": ("KOR", G),
}


def test_crowd_protesting_something_is_a_protest(resources) -> None:  # type: ignore[no-untyped-def]
    text = "South Korean farmers protested US beef imports in Seoul."
    assert (T.PROTEST, ("KOR",), ("USA",)) in dyads(code(resources, text, FARMS))


def test_ministry_protesting_a_decision_stays_an_accusation(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The South Korean ministry protested the decision of the US."
    assert {e.type for e in code(resources, text, FARMS)} == {T.ACCUSE}


def test_walking_off_the_job_is_a_strike(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Bangladeshi garment workers walked off the job to demand better wages."
    assert (T.PROTEST, ("BGD",), ()) in dyads(code(resources, text, FARMS))
