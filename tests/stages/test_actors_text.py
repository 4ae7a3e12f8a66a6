"""The actors stage on real text: case, datelines and labels, groups, offices, roles.

Sentences written for these tests (not taken from any corpus); real parses with the
pinned model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.pipeline import clean_raw
from dyad.records import RawDocument, ResolvedActors
from dyad.resources import Resources
from dyad.stages.actors import resolve_actors
from dyad.stages.nlp import parse_articles

JUNE_2024 = dt.date(2024, 6, 3)

GROUPS = """\
Nigerian officials said Lagos police had detained local militiamen near the border.
Hong Kong protesters marched while Turkish troops crossed the frontier.
Greek police and the Saudi-led coalition were blamed by Egypt's interior ministry.
The Chinese president met the Kenyan envoy and a border guard was hurt.
American Samoans voted, and two soldiers were wounded in an ambush.
"""


def _resolve(
    resources: Resources, text: str, day: dt.date | None = JUNE_2024
) -> ResolvedActors:
    item = clean_raw(RawDocument(text=text, published=day), resources)
    [(parsed, _)] = parse_articles(resources.nlp, [item])
    return resolve_actors(parsed, kb=resources.actor_kb)


def _codings(result: ResolvedActors) -> dict[str, tuple[str | None, str | None]]:
    by_id = {a.actor_id: a for a in result.actors}
    return {
        m.text.lower(): (by_id[m.actor_id].code, by_id[m.actor_id].sector)
        for m in result.mentions
    }


CASES = [
    ("nigerian officials", ("NGA", "GOV")),
    ("lagos police", ("NGA", "COP")),
    ("hong kong protesters", ("HKG", "CVL")),
    ("turkish troops", ("TUR", "MIL")),
    ("greek police", ("GRC", "COP")),
    ("saudi-led coalition", ("SAU", "MIL")),
    ("egypt's interior ministry", ("EGY", "GOV")),
    ("chinese president", ("CHN", "GOV")),
    ("kenyan envoy", ("KEN", "GOV")),
    ("border guard", (None, "COP")),
    ("american samoans", ("ASM", "CVL")),
]


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize("casing", ["cased", "lower", "upper"])
@pytest.mark.parametrize(("mention", "coding"), CASES, ids=[c[0] for c in CASES])
def test_groups_and_offices_are_coded_from_their_parts_in_any_case(
    resources: Resources,
    casing: str,
    mention: str,
    coding: tuple[str | None, str | None],
) -> None:
    text = {"cased": GROUPS, "lower": GROUPS.lower(), "upper": GROUPS.upper()}[casing]
    found = _codings(_resolve(resources, text))
    assert found.get(mention) == coding, found


@pytest.mark.model
@pytest.mark.issue(10)
def test_unnamed_office_is_the_holder_on_the_article_date(resources: Resources) -> None:
    result = _resolve(resources, "The Chinese president arrived in Moscow on Monday.")
    holders = {a.name for a in result.actors if a.kb_id}
    assert "Xi Jinping" in holders


@pytest.mark.model
@pytest.mark.issue(10)
def test_dateline_and_interview_label_are_no_actors(resources: Resources) -> None:
    text = (
        "NUSA DUA, Indonesia (Reuters) - The African Union praised the deal.\n"
        "WN: What does Kenya want?\n"
        "((WN))  And Uganda?\n"
        "((Jane Porter))  Uganda agrees.\n"
        "By Jane Porter\n"
    )
    mentions = {m.text for m in _resolve(resources, text).mentions}
    assert "African Union" in mentions
    assert "Kenya" in mentions
    assert "Uganda" in mentions
    assert not mentions & {"NUSA DUA", "Indonesia", "Reuters", "WN", "Jane Porter"}


@pytest.mark.model
@pytest.mark.issue(10)
def test_lone_part_of_a_place_name_is_no_person(resources: Resources) -> None:
    text = "Hong Kong student groups met Macau officials on Tuesday."
    result = _resolve(resources, text)
    assert all(a.kind.value != "person" for a in result.actors)


@pytest.mark.model
@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("day", "sector"), [(dt.date(2020, 5, 1), "REB"), (dt.date(2022, 5, 1), "GOV")]
)
def test_group_that_took_power_is_government_from_that_date(
    resources: Resources, day: dt.date, sector: str
) -> None:
    found = _codings(_resolve(resources, "The Taliban announced new rules.", day))
    assert found["taliban"] == ("AFG", sector)


@pytest.mark.model
@pytest.mark.issue(10)
def test_lower_cased_names_are_found_and_mentions_keep_the_article_text(
    resources: Resources,
) -> None:
    text = "india and pakistan traded accusations as new delhi recalled its envoy."
    result = _resolve(resources, text)
    found = _codings(result)
    assert found["india"] == ("IND", None)
    assert found["pakistan"] == ("PAK", None)
    assert found["new delhi"] == ("IND", "GOV")
    assert all(m.text == text[m.start : m.end] for m in result.mentions)


@pytest.mark.model
@pytest.mark.issue(10)
def test_lower_cased_pronoun_us_is_no_state(resources: Resources) -> None:
    text = "they told us that the us would send aid to ukraine within weeks."
    mentions = [m for m in _resolve(resources, text).mentions if m.text == "us"]
    assert [text[m.start - 4 : m.start] for m in mentions] == ["the "]
