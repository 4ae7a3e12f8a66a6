"""Unit tests of the events stage on hand-built parses (no trained model)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.tokens import Doc

from dyad.knowledge.events import EventLexicon, load_event_lexicon
from dyad.records import (
    Actor,
    ActorKind,
    Article,
    EventType,
    Mention,
    Modality,
    Sentence,
)
from dyad.stages.events import code_events
from dyad.stages.nlp import Parsed

VOCAB = spacy.blank("en").vocab  # a blank pipeline: lexical attributes, no model
ARTICLE = "t1"
# one token per row: word, lemma, coarse tag, fine tag, dependency, head index
Row = tuple[str, str, str, str, str, int]


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return load_event_lexicon()


def _parse(rows: Sequence[Row]) -> Doc:
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[r[5] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def _state(actor_id: str, name: str, code: str) -> Actor:
    return Actor(
        article_id=ARTICLE,
        actor_id=actor_id,
        name=name,
        kind=ActorKind.STATE,
        code=code,
    )


def _code(rows: Sequence[Row], actors: dict[str, Actor], lexicon: EventLexicon):  # type: ignore[no-untyped-def]
    """Code a one-sentence doc; each token named like an actor is its mention."""
    doc = _parse(rows)
    article = Article(article_id=ARTICLE, text=doc.text)
    parsed = Parsed(
        article=article,
        doc=doc,
        sentences=(Sentence(article_id=ARTICLE, index=0, start=0, end=len(doc.text)),),
    )
    by_name = {a.name: a for a in actors.values()}
    mentions = [
        Mention(
            article_id=ARTICLE,
            actor_id=by_name[t.text].actor_id,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t),
            sentence_index=0,
        )
        for t in doc
        if t.text in by_name
    ]
    return code_events(parsed, list(actors.values()), mentions, lexicon=lexicon)


IRAN = _state("a1", "Iran", "IRN")
ISRAEL = _state("a2", "Israel", "ISR")
CHINA = _state("a3", "China", "CHN")
RUSSIA = _state("a4", "Russia", "RUS")
STATES = {a.actor_id: a for a in (IRAN, ISRAEL, CHINA, RUSSIA)}

ACCUSED: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
    ("accused", "accuse", "VERB", "VBD", "ROOT", 1),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_active_verb_gives_actor_and_recipient(lexicon: EventLexicon) -> None:
    (event,) = _code(ACCUSED, STATES, lexicon).records
    assert (event.type, event.actor_ids, event.recipient_ids) == (
        EventType.ACCUSE,
        ("a1",),
        ("a2",),
    )
    assert (event.cameo, event.quad, event.rule) == ("112", 3, "verb.accuse")
    assert event.modality == Modality.ASSERTED
    assert event.trigger_text == "accused"


def _with_aux(word: str, lemma: str, *, negated: bool = False) -> list[Row]:
    rows: list[Row] = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 3),
        (word, lemma, "AUX", "MD", "aux", 3),
        (
            "not" if negated else "soon",
            "not" if negated else "soon",
            "PART",
            "RB",
            "neg" if negated else "advmod",
            3,
        ),
        ("attack", "attack", "VERB", "VB", "ROOT", 3),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    ]
    return rows


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(_with_aux("will", "will"), Modality.FUTURE, id="will-future"),
        pytest.param(_with_aux("could", "could"), Modality.HYPOTHETICAL, id="could"),
        pytest.param(_with_aux("did", "do", negated=True), Modality.NEGATED, id="not"),
    ],
)
def test_modality_follows_auxiliaries_and_negation(
    rows: list[Row], expected: Modality, lexicon: EventLexicon
) -> None:
    (event,) = _code(rows, STATES, lexicon).records
    assert event.type == EventType.ASSAULT
    assert event.modality == expected


def test_passive_agent_is_the_actor(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("Israel", "Israel", "PROPN", "NNP", "nsubjpass", 2),
        ("was", "be", "AUX", "VBD", "auxpass", 2),
        ("attacked", "attack", "VERB", "VBN", "ROOT", 2),
        ("by", "by", "ADP", "IN", "agent", 2),
        ("Iran", "Iran", "PROPN", "NNP", "pobj", 3),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert (event.actor_ids, event.recipient_ids) == (("a1",), ("a2",))


def test_coordinated_subjects_of_a_meeting_are_both_actors(
    lexicon: EventLexicon,
) -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "NNP", "nsubj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Russia", "Russia", "PROPN", "NNP", "conj", 0),
        ("met", "meet", "VERB", "VBD", "ROOT", 3),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert event.type == EventType.CONSULT
    assert (event.actor_ids, event.recipient_ids) == (("a3", "a4"), ())


def test_light_verb_talks_with_partner_are_reciprocal(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "NNP", "nsubj", 1),
        ("held", "hold", "VERB", "VBD", "ROOT", 1),
        ("talks", "talk", "NOUN", "NNS", "dobj", 1),
        ("with", "with", "ADP", "IN", "prep", 2),
        ("Russia", "Russia", "PROPN", "NNP", "pobj", 3),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert (event.type, event.rule) == (EventType.CONSULT, "light.talks")
    assert (event.actor_ids, event.recipient_ids) == (("a3", "a4"), ())


def test_refusal_is_asserted_and_its_complement_no_second_record(
    lexicon: EventLexicon,
) -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "NNP", "nsubj", 1),
        ("refused", "refuse", "VERB", "VBD", "ROOT", 1),
        ("to", "to", "PART", "TO", "aux", 3),
        ("meet", "meet", "VERB", "VB", "xcomp", 1),
        ("Russia", "Russia", "PROPN", "NNP", "dobj", 3),
    ]
    (reject,) = _code(rows, STATES, lexicon).records  # the meeting refused is no record
    assert (reject.type, reject.modality) == (EventType.REJECT, Modality.ASSERTED)
    assert (reject.actor_ids, reject.recipient_ids) == (("a3",), ("a4",))


def test_possessive_visit_takes_the_host_from_context(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "NNP", "nsubj", 1),
        ("welcomed", "welcome", "VERB", "VBD", "ROOT", 1),
        ("Iran", "Iran", "PROPN", "NNP", "poss", 4),
        ("'s", "'s", "PART", "POS", "case", 2),
        ("visit", "visit", "NOUN", "NN", "dobj", 1),
    ]
    events = _code(rows, {"a1": IRAN, "a3": CHINA}, lexicon).records
    visit = next(e for e in events if e.type == EventType.CONSULT)
    assert (visit.mode, visit.actor_ids, visit.recipient_ids) == (
        "visit",
        ("a1",),
        ("a3",),
    )
    assert visit.rule == "noun.visit.host"


def test_event_in_said_that_clause_is_reported_by_the_speaker(
    lexicon: EventLexicon,
) -> None:
    rows: list[Row] = [
        ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("that", "that", "SCONJ", "IN", "mark", 4),
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 4),
        ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    ]
    events = _code(rows, STATES, lexicon).records
    (event,) = [e for e in events if e.type == EventType.ASSAULT]
    assert (event.actor_ids, event.reported_by) == (("a1",), "a4")
    # the clause is also a charge by the speaker (EVENT-GUIDELINES §2)
    (charge,) = [e for e in events if e.type == EventType.ACCUSE]
    assert (charge.actor_ids, charge.recipient_ids) == (("a4",), ("a1",))


def test_future_aid_is_coded_as_an_intent_to_help(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "NNP", "nsubj", 2),
        ("will", "will", "AUX", "MD", "aux", 2),
        ("send", "send", "VERB", "VB", "ROOT", 2),
        ("aid", "aid", "NOUN", "NN", "dobj", 2),
        ("to", "to", "ADP", "IN", "prep", 2),
        ("Iran", "Iran", "PROPN", "NNP", "pobj", 4),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert (event.type, event.cameo, event.modality) == (
        EventType.AGREE,
        "033",
        Modality.ASSERTED,
    )
    assert event.recipient_ids == ("a1",)


def test_trigger_without_participants_gives_no_event(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("Officials", "official", "NOUN", "NNS", "nsubj", 1),
        ("met", "meet", "VERB", "VBD", "ROOT", 1),
    ]
    result = _code(rows, STATES, lexicon)
    assert result.records == ()
    assert [p.code for p in result.problems] == ["events.none_found"]


def test_event_ids_are_stable(lexicon: EventLexicon) -> None:
    first = _code(ACCUSED, STATES, lexicon).records
    second = _code(ACCUSED, STATES, lexicon).records
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert first[0].event_id.startswith("e")


def test_hosted_talks_are_third_party_with_the_host_as_recipient(
    lexicon: EventLexicon,
) -> None:
    rows: list[Row] = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("hosted", "host", "VERB", "VBD", "ROOT", 1),
        ("talks", "talk", "NOUN", "NNS", "dobj", 1),
        ("between", "between", "ADP", "IN", "prep", 2),
        ("China", "China", "PROPN", "NNP", "pobj", 3),
        ("and", "and", "CCONJ", "CC", "cc", 4),
        ("Russia", "Russia", "PROPN", "NNP", "conj", 4),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert (event.type, event.mode, event.cameo) == (
        EventType.CONSULT,
        "third-party",
        "044",
    )
    assert (event.actor_ids, event.recipient_ids) == (("a3", "a4"), ("a1",))


def test_release_of_an_actor_names_it_as_recipient(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("released", "release", "VERB", "VBD", "ROOT", 1),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 1),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert (event.type, event.mode) == (EventType.RETREAT, "release")
    assert (event.actor_ids, event.recipient_ids) == (("a1",), ("a2",))


def test_release_of_a_statement_is_no_event(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("released", "release", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3),
        ("statement", "statement", "NOUN", "NN", "dobj", 1),
    ]
    assert _code(rows, STATES, lexicon).records == ()


def test_a_meeting_needs_two_sides(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("spoke", "speak", "VERB", "VBD", "ROOT", 1),
        ("to", "to", "ADP", "IN", "prep", 1),
        ("reporters", "reporter", "NOUN", "NNS", "pobj", 2),
    ]
    assert _code(rows, STATES, lexicon).records == ()


def test_demand_in_a_that_clause_names_its_subject_as_recipient(
    lexicon: EventLexicon,
) -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "NNP", "nsubj", 1),
        ("demanded", "demand", "VERB", "VBD", "ROOT", 1),
        ("that", "that", "SCONJ", "IN", "mark", 4),
        ("Russia", "Russia", "PROPN", "NNP", "nsubj", 4),
        ("withdraw", "withdraw", "VERB", "VB", "ccomp", 1),
    ]
    events = _code(rows, STATES, lexicon).records
    request = next(e for e in events if e.type == EventType.REQUEST)
    assert (request.actor_ids, request.recipient_ids) == (("a3",), ("a4",))
    # the demanded withdrawal is the demand's content, no event (events_background)
    assert all(e.type != EventType.RETREAT for e in events)


def _reported_would(condition: bool) -> list[Row]:
    rows: list[Row] = [
        ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 4),
        ("would", "would", "AUX", "MD", "aux", 4),
        ("attack", "attack", "VERB", "VB", "ccomp", 1),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    ]
    if condition:
        rows += [
            ("if", "if", "SCONJ", "IN", "mark", 8),
            ("China", "China", "PROPN", "NNP", "nsubj", 8),
            ("left", "leave", "VERB", "VBD", "advcl", 4),
        ]
    return rows


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        pytest.param(False, Modality.FUTURE, id="said-would-is-future"),
        pytest.param(True, Modality.HYPOTHETICAL, id="would-if-is-hypothetical"),
    ],
)
def test_would_in_reported_speech(
    condition: bool, expected: Modality, lexicon: EventLexicon
) -> None:
    events = _code(_reported_would(condition), STATES, lexicon).records
    attack = next(e for e in events if e.type == EventType.ASSAULT)
    assert attack.modality == expected


def test_vow_to_attack_is_one_threat(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("vowed", "vow", "VERB", "VBD", "ROOT", 1),
        ("to", "to", "PART", "TO", "aux", 3),
        ("attack", "attack", "VERB", "VB", "xcomp", 1),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 3),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert (event.type, event.cameo, event.modality) == (
        EventType.THREATEN,
        "138",
        Modality.ASSERTED,
    )
    assert (event.actor_ids, event.recipient_ids) == (("a1",), ("a2",))


def test_negated_subject_negates_the_event(lexicon: EventLexicon) -> None:
    rows: list[Row] = [
        ("No", "no", "DET", "DT", "det", 1),
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
        ("attacked", "attack", "VERB", "VBD", "ROOT", 2),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 2),
    ]
    (event,) = _code(rows, STATES, lexicon).records
    assert event.modality == Modality.NEGATED
