"""Failure classes of issue 11, on sentences written for these tests (real parses).

Each case is a class of language, not a sentence from the corpus: speech acts as verbs,
nouns and "said" clauses; nominal events with possessors, adjectives and prepositional
phrases; verb senses decided by the arguments; co-actors; places; lower case and ALL
CAPS; modality. Actors are given by hand (see ``events_harness``).
"""

from __future__ import annotations

import pytest
from events_harness import Cast, code, dyads

from dyad.records import ActorKind, EventType, Modality

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

S = ActorKind.STATE
P = ActorKind.PERSON
ORG = ActorKind.ORGANIZATION
T = EventType

COUNTRIES: Cast = {
    name: (code_, S)
    for name, code_ in {
        "Egypt": "EGY", "Ethiopia": "ETH", "Ghana": "GHA", "Togo": "TGO",
        "Peru": "PER", "Chile": "CHL", "Brazil": "BRA", "Argentina": "ARG",
        "Serbia": "SRB", "Kosovo": "KOS", "Polish": "POL", "Germany": "DEU",
        "Venezuela": "VEN", "Guyana": "GUY", "Jordan": "JOR", "Syria": "SYR",
        "Armenia": "ARM", "Azerbaijan": "AZE", "Chad": "TCD", "Sudan": "SDN",
        "Mali": "MLI", "Algeria": "DZA", "Cuba": "CUB", "United States": "USA",
        "Lebanon": "LBN", "France": "FRA", "Turkey": "TUR", "Greece": "GRC",
        "Morocco": "MAR", "Spain": "ESP", "Belgium": "BEL", "Congo": "COD",
        "Portugal": "PRT", "Colombia": "COL", "Ecuador": "ECU", "Bolivia": "BOL",
        "Paraguay": "PRY", "Kenyan": "KEN", "Kenya": "KEN", "Uganda": "UGA",
        "Nepal": "NPL", "India": "IND", "Pakistan": "PAK", "Japan": "JPN",
        "South Korea": "KOR", "North Korea": "PRK", "Australia": "AUS",
        "Canada": "CAN", "Netherlands": "NLD", "Ukraine": "UKR", "Saudi": "SAU",
        "US": "USA", "Iran": "IRN", "Beijing": "CHN", "Washington": "USA",
        "Russia": "RUS", "Sweden": "SWE", "Hungary": "HUN", "Houthi": "YEM",
        "Turkish": "TUR", "Ethiopian": "ETH", "Israel": "ISR", "Egyptian": "EGY",
        "Armenian": "ARM", "Azerbaijani": "AZE", "Norway": "NOR", "Iceland": "ISL",
        "Russian": "RUS", "Serbian": "SRB", "Mexico": "MEX",
    }.items()
}
PLACES: Cast = {
    name: (code_, ActorKind.PLACE)
    for name, code_ in {
        "Hodeidah": "YEM", "Somalia": "SOM", "Syria's north": "SYR", "Lima": "PER",
        "Kharkiv": "UKR",
    }.items()
}
PEOPLE: Cast = {"Lula": ("BRA", P), "Milei": ("ARG", P), "Kurti": ("KOS", P)}
CAST: Cast = {**COUNTRIES, **PLACES, **PEOPLE}


def _has(text: str, expected: tuple[T, tuple[str, ...], tuple[str, ...]], resources):  # type: ignore[no-untyped-def]
    found = dyads(code(resources, text, CAST))
    assert expected in found, f"{expected} not in {sorted(found)}"


SPEECH_ACTS = [
    ("Egypt criticised Ethiopia over the dam.", (T.ACCUSE, ("EGY",), ("ETH",))),
    ("Ghana denounced Togo on Monday.", (T.ACCUSE, ("GHA",), ("TGO",))),
    ("Peru blamed Chile for the oil spill.", (T.ACCUSE, ("PER",), ("CHL",))),
    ("Brazil accused Argentina of dumping steel.", (T.ACCUSE, ("BRA",), ("ARG",))),
    ("Serbia alleged that Kosovo had armed the militia.",
     (T.ACCUSE, ("SRB",), ("KOS",))),
    ("The Polish president described Germany as a threat to the region.",
     (T.ACCUSE, ("POL",), ("DEU",))),
    ("Venezuela called Guyana an aggressor.", (T.ACCUSE, ("VEN",), ("GUY",))),
    ("Armenia said Azerbaijan was responsible for the shelling.",
     (T.ACCUSE, ("ARM",), ("AZE",))),
    ("Officials in Kenya said Uganda was behind the raid.",
     (T.ACCUSE, ("KEN",), ("UGA",))),
    ("Chad urged Sudan to close the border.", (T.REQUEST, ("TCD",), ("SDN",))),
    ("Mali called on Algeria to mediate.", (T.REQUEST, ("MLI",), ("DZA",))),
    ("Cuba demanded that the United States lift the embargo.",
     (T.REQUEST, ("CUB",), ("USA",))),
    ("Lebanon asked France for help.", (T.REQUEST, ("LBN",), ("FRA",))),
    ("Turkey warned Greece against provocations.", (T.THREATEN, ("TUR",), ("GRC",))),
    ("Morocco threatened Spain with sanctions.", (T.THREATEN, ("MAR",), ("ESP",))),
    ("Belgium apologised to Congo for colonial abuses.",
     (T.CONCEDE, ("BEL",), ("COD",))),
    ("Portugal admitted responsibility for the failures.", (T.CONCEDE, ("PRT",), ())),
    ("Colombia rejected the proposal from Ecuador.", (T.REJECT, ("COL",), ("ECU",))),
    ("Bolivia refused to meet Paraguay.", (T.REJECT, ("BOL",), ("PRY",))),
    ("Jordan's condemnation of Syria was swift.", (T.ACCUSE, ("JOR",), ("SYR",))),
    ("The criticism of Beijing by Washington grew louder.",
     (T.ACCUSE, ("USA",), ("CHN",))),
    ("India and Pakistan traded accusations over the border.",
     (T.ACCUSE, ("IND", "PAK"), ())),
]


@pytest.mark.parametrize(
    ("text", "expected"), SPEECH_ACTS, ids=[t for t, _ in SPEECH_ACTS]
)
def test_speech_act_is_coded_with_its_sides(text, expected, resources):  # type: ignore[no-untyped-def]
    _has(text, expected, resources)


def test_speech_act_inside_a_quote_is_reported_by_its_speaker(resources):  # type: ignore[no-untyped-def]
    text = '"We condemn the attacks on Israel," the Norway foreign minister said.'
    events = code(resources, text, CAST)
    accusations = [e for e in events if e.type == T.ACCUSE]
    assert [(e.actors, e.reported_by) for e in accusations] == [(("NOR",), "NOR")]


NOMINAL = [
    ("Saudi-led airstrikes on Hodeidah killed dozens.",
     (T.ASSAULT, ("SAU",), ("YEM",))),
    ("US sanctions on Iran have hurt its economy.",
     (T.SANCTION, ("USA",), ("IRN",))),
    ("Russia's invasion of Ukraine continued.", (T.ASSAULT, ("RUS",), ("UKR",))),
    ("Iceland's request for assistance from Norway came on Monday.",
     (T.REQUEST, ("ISL",), ("NOR",))),
    ("Houthi rebels claimed responsibility for the attack on Israel.",
     (T.ASSAULT, ("YEM",), ("ISR",))),
]


@pytest.mark.parametrize(("text", "expected"), NOMINAL, ids=[t for t, _ in NOMINAL])
def test_nominal_event_takes_possessors_adjectives_and_phrases(text, expected, resources):  # type: ignore[no-untyped-def]
    _has(text, expected, resources)


SENSES = [
    ("Lula attacked Milei over his remarks.", (T.ACCUSE, ("BRA",), ("ARG",))),
    ("Sweden attacked Hungary's migration policy.", (T.ACCUSE, ("SWE",), ("HUN",))),
    ("Houthi rebels attacked a Saudi base with rockets.",
     (T.ASSAULT, ("YEM",), ("SAU",))),
    ("Serbian nationalists attacked Kurti with stones.",
     (T.ASSAULT, ("SRB",), ("KOS",))),
    ("Egyptian police beat the protesters.", (T.ASSAULT, ("EGY",), ())),
]


@pytest.mark.parametrize(("text", "expected"), SENSES, ids=[t for t, _ in SENSES])
def test_verb_sense_follows_its_arguments(text, expected, resources):  # type: ignore[no-untyped-def]
    _has(text, expected, resources)


NO_EVENTS = [
    ("Red Hat released RHEL 9 on Tuesday.",
     {"Red Hat": ("USA", ORG), "RHEL": ("USA", ORG)}),
    ("Sony released the album in Japan.", {"Sony": ("JPN", ORG), **COUNTRIES}),
    ("Brazil beat Argentina 2-1 in the final.", COUNTRIES),
    ("Japan beat Germany at the World Cup.", COUNTRIES),
    ("Spain defeated France in the semifinal.", COUNTRIES),
]


@pytest.mark.parametrize(("text", "cast"), NO_EVENTS, ids=[t for t, _ in NO_EVENTS])
def test_releases_pleas_and_sports_results_are_no_events(text, cast, resources):  # type: ignore[no-untyped-def]
    assert code(resources, text, cast) == []


PLEAS = [
    # a plea is no request: denial (REJECT) or admission (CONCEDE), EVENT-GUIDELINES §2
    ("The Kenyan suspect pleaded not guilty to the charges.", T.REJECT),
    ("The Kenyan suspect pleaded innocent.", T.REJECT),
    ("The Kenyan suspect pleaded guilty to fraud.", T.CONCEDE),
]


@pytest.mark.parametrize(("text", "kind"), PLEAS, ids=[t for t, _ in PLEAS])
def test_a_court_plea_is_a_denial_or_an_admission(text, kind, resources):  # type: ignore[no-untyped-def]
    assert [e.type for e in code(resources, text, COUNTRIES)] == [kind]


ONE_SIDED = [
    ("Australia, Canada and the Netherlands provided support to Ukraine.",
     T.AID, ("AUS", "CAN", "NLD"), ("UKR",)),
    ("Japan and South Korea condemned North Korea's missile launch.",
     T.ACCUSE, ("JPN", "KOR"), ("PRK",)),
]


@pytest.mark.parametrize(
    ("text", "kind", "actors", "recipients"), ONE_SIDED, ids=[c[0] for c in ONE_SIDED]
)
def test_co_actors_of_a_one_sided_event_each_act_on_the_recipient(  # type: ignore[no-untyped-def]
    text, kind, actors, recipients, resources
):
    found = {e for e in dyads(code(resources, text, CAST)) if e[0] == kind}
    assert found == {(kind, (a,), recipients) for a in actors}


RECIPROCAL = [
    ("India and Pakistan accused each other of violating the ceasefire.",
     (T.ACCUSE, ("IND", "PAK"), ())),
    ("Armenian and Azerbaijani troops clashed on the border.",
     (T.ASSAULT, ("ARM", "AZE"), ())),
    ("Egypt and Jordan signed a trade agreement.", (T.SUPPORT, ("EGY", "JOR"), ())),
    ("Peru and Chile held talks in Lima.", (T.CONSULT, ("CHL", "PER"), ())),
]


@pytest.mark.parametrize(
    ("text", "expected"), RECIPROCAL, ids=[t for t, _ in RECIPROCAL]
)
def test_reciprocal_events_keep_every_party_as_actor(text, expected, resources):  # type: ignore[no-untyped-def]
    _has(text, expected, resources)


PLACES_CASES = [
    "A commander was killed by a Turkish drone strike in Syria's north.",
    "Ethiopian troops attacked rebels in Somalia.",
    "Russian police arrested two journalists in Kharkiv.",
    "Peru and Chile held talks in Lima.",
]


@pytest.mark.parametrize("text", PLACES_CASES)
def test_a_place_is_the_location_not_a_participant(text, resources):  # type: ignore[no-untyped-def]
    events = code(resources, text, CAST)
    assert events
    places = {code_ for code_, kind in PLACES.values()} - {
        code_ for name, (code_, _) in COUNTRIES.items() if name in text
    }
    for event in events:
        assert not places & set(event.actors + event.recipients), event


CASED = [
    "Chad urged Sudan to close the border.",
    "Peru blamed Chile for the oil spill.",
    "US sanctions on Iran have hurt its economy.",
    "Turkey warned Greece against provocations.",
    "Australia, Canada and the Netherlands provided support to Ukraine.",
]


@pytest.mark.parametrize("text", CASED)
@pytest.mark.parametrize("case", [str.lower, str.upper], ids=["lower", "upper"])
def test_lower_case_and_all_caps_code_the_same_events(text, case, resources):  # type: ignore[no-untyped-def]
    cased = dyads(code(resources, text, CAST))
    assert cased
    assert dyads(code(resources, case(text), CAST)) == cased


MODALITY = [
    ("Iran could attack Israel.", T.ASSAULT, Modality.HYPOTHETICAL),
    ("Iran may impose sanctions on Israel.", T.SANCTION, Modality.HYPOTHETICAL),
    ("A possible attack by Iran on Israel worries Washington.",
     T.ASSAULT, Modality.HYPOTHETICAL),
    ("If Iran attacks Israel, the United States will respond.",
     T.ASSAULT, Modality.HYPOTHETICAL),
    ("Iran did not attack Israel.", T.ASSAULT, Modality.NEGATED),
    ("Egypt will host Jordan next week.", T.CONSULT, Modality.FUTURE),
    ("Egypt plans to meet Jordan.", T.CONSULT, Modality.FUTURE),
    ("Officials said Iran would attack Israel next week.",
     T.ASSAULT, Modality.FUTURE),
    ("Iran attacked Israel on Monday.", T.ASSAULT, Modality.ASSERTED),
]


@pytest.mark.parametrize(
    ("text", "kind", "modality"), MODALITY, ids=[m[0] for m in MODALITY]
)
def test_modality_marks_what_did_not_or_may_happen(text, kind, modality, resources):  # type: ignore[no-untyped-def]
    events = [e for e in code(resources, text, CAST) if e.type == kind]
    assert events
    assert {e.modality for e in events} == {modality}


MODEL_ENTRY = [
    ("Chad urged Sudan to close the border.", "urged", None, ("TCD",), ("SDN",)),
    ("US sanctions on Iran have hurt its economy.", "sanctions", None, ("USA",),
     ("IRN",)),
    # a token the lexicon has no rule for, with the type a learned coder chose
    ("Peru snubbed Chile at the summit.", "snubbed", T.REJECT, ("PER",), ("CHL",)),
    ("Peru's rebuff of Chile surprised many.", "rebuff", T.REJECT, ("PER",), ("CHL",)),
]


@pytest.mark.parametrize(
    ("text", "word", "kind", "actors", "recipients"),
    MODEL_ENTRY,
    ids=[m[0] for m in MODEL_ENTRY],
)
def test_roles_can_be_read_for_any_trigger_token(  # type: ignore[no-untyped-def]
    text, word, kind, actors, recipients, resources
):
    from events_harness import cast_for, parse

    from dyad.stages.events_nominal import roles_for
    from dyad.stages.events_parties import build_cast

    parsed = parse(resources, text)
    actor_list, mentions = cast_for(parsed, CAST)
    lexicon = resources.event_lexicon
    cast = build_cast(parsed.doc, actor_list, mentions, lexicon)
    token = next(t for t in parsed.doc if t.lower_ == word)
    roles = roles_for(token, cast, lexicon, kind)
    codes = {a.actor_id: a.code for a in actor_list}
    assert tuple(sorted(codes[a] for a in roles.actors)) == actors
    assert tuple(sorted(codes[a] for a in roles.recipients)) == recipients


def test_a_nationality_modifier_beats_the_place_of_its_head(resources):  # type: ignore[no-untyped-def]
    text = "Russian troops in Ukraine attacked Kharkiv."
    events = code(resources, text, CAST)
    assert {e.actors for e in events if e.type == T.ASSAULT} == {("RUS",)}


ARRANGED = [
    ("Chile's president is to meet Lula in Lima on Thursday.", Modality.FUTURE),
    ("Brazil and Argentina were to meet in Lima, officials said.", Modality.FUTURE),
    ("Peru has yet to condemn Chile over the spill.", Modality.NEGATED),
    ("Egypt is yet to respond to the demand from Ethiopia.", Modality.NEGATED),
    ("Peru condemned Chile over the spill.", Modality.ASSERTED),
]


@pytest.mark.parametrize(("text", "modality"), ARRANGED, ids=[t for t, _ in ARRANGED])
def test_infinitive_under_a_copula_or_yet_sets_the_modality(text, modality, resources):  # type: ignore[no-untyped-def]
    events = code(resources, text, CAST)
    assert events, text
    assert events[0].modality == modality, [(e.trigger, e.modality) for e in events]


def test_the_thing_rejected_was_made_but_the_act_refused_is_no_record(resources):  # type: ignore[no-untyped-def]
    asked = code(resources, "Chile rejected the demand from Peru on Monday.", CAST)
    assert [e.modality for e in asked if e.type == T.REQUEST] == [Modality.ASSERTED]
    refused = code(resources, "Bolivia refused to meet Paraguay in Lima.", CAST)
    assert [e.type for e in refused] == [T.REJECT], refused
