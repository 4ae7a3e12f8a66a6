"""The learned argument model on real parses: candidates, paths, training, the shipped file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dyad.errors import ResourceError
from dyad.evaluation.event_data import (
    TextSpan,
    TrainingDoc,
    TrainingEvent,
    TrainingParty,
)
from dyad.records import RawDocument
from dyad.stages.events_args import LABELS, ArgModel, load_arg_model
from dyad.stages.events_args_features import dependency_path, find_units
from dyad.stages.events_model import read_head
from dyad.stages.events_parties import build_cast
from dyad.training.args import collect, label_units
from dyad.training.events import dumps
from dyad.training.softmax import fit
from dyad.training.walk import walk


def _span(text: str, words: str, after: int = 0) -> TextSpan:
    start = text.index(words, after)
    return TextSpan(start=start, end=start + len(words), text=words)


def _party(text: str, words: str, code: str) -> TrainingParty:
    return TrainingParty(span=_span(text, words), code=code, sector=None)


def _doc(
    text: str, trigger: str, actor: tuple[str, str], recipient: tuple[str, str]
) -> TrainingDoc:
    event = TrainingEvent(
        sentence=TextSpan(start=0, end=len(text), text=text),
        trigger=_span(text, trigger),
        type="ACCUSE",
        mode=None,
        modality="asserted",
        date=None,
        actors=(_party(text, *actor),),
        recipients=(_party(text, *recipient),),
    )
    return TrainingDoc(
        source="events:train-x",
        doc_id=text[:20],
        raw=RawDocument(text=text, doc_id=text[:20]),
        text=text,
        level="event",
        events=(event,),
    )


def _walked(resources, text: str):  # type: ignore[no-untyped-def]
    doc = TrainingDoc(
        source="test", doc_id="t", raw=RawDocument(text=text), text=text, level="event"
    )
    return next(walk([doc], resources))


@pytest.mark.model
def test_every_actor_mention_and_a_resolved_pronoun_is_a_candidate(resources) -> None:  # type: ignore[no-untyped-def]
    walked = _walked(
        resources, "France said it would not accept the demands of Germany."
    )
    cast = build_cast(
        walked.parsed.doc, walked.actors, walked.mentions, resources.event_lexicon
    )
    _, sent = next(walked.sentences())
    units = find_units(sent, cast)
    codes = [cast.actors[u.actor].code for u in units]
    assert codes == ["FRA", "FRA", "DEU"]
    assert [u.pronoun for u in units] == [False, True, False]


@pytest.mark.model
def test_paths_name_the_dependency_and_the_preposition(resources) -> None:  # type: ignore[no-untyped-def]
    doc = resources.nlp("Iran was criticised by Canada over its nuclear programme.")
    verb = next(t for t in doc if t.lemma_ == "criticise")
    iran, canada = doc[0], next(t for t in doc if t.text == "Canada")
    assert dependency_path(iran, verb) == "nsubjpass^"
    assert dependency_path(canada, verb) == "pobj>agent:by^"


@pytest.mark.model
def test_gold_spans_label_the_candidates(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Chile blamed Peru for the border incident, Argentina said."
    doc = _doc(text, "blamed", ("Chile", "CHL"), ("Peru", "PER"))
    walked = next(walk([doc], resources))
    cast = build_cast(
        walked.parsed.doc, walked.actors, walked.mentions, resources.event_lexicon
    )
    _, sent = next(walked.sentences())
    units = find_units(sent, cast)
    codes = {a.actor_id: a.code for a in walked.actors}
    labels = label_units(doc.events[0], units, codes)
    assert list(zip([codes[u.actor] for u in units], labels, strict=True)) == [
        ("CHL", "actor"),
        ("PER", "recipient"),
        ("ARG", "none"),
    ]


def _flipped(resources, tmp_path: Path) -> ArgModel:  # type: ignore[no-untyped-def]
    # The annotator here reads the object of "blamed" as its actor: a trained model
    # must follow its training data over the rules' sides.
    texts = [
        ("Chile blamed Peru for the incident.", "Peru", "CHL", "Chile", "PER"),
        ("Norway blamed Sweden for the delay.", "Sweden", "SWE", "Norway", "NOR"),
        ("Kenya blamed Uganda over the dispute.", "Uganda", "UGA", "Kenya", "KEN"),
    ]
    docs = [
        _doc(t, "blamed", (actor, acode), (recipient, rcode))
        for t, actor, acode, recipient, rcode in texts
    ]
    walked = list(walk(docs, resources))
    examples = collect(walked, resources.event_lexicon, None, 0.5)
    document = {
        "format": "dyad.arg-model/1",
        "threshold": 0.5,
        "sides": fit(examples, min_count=1, steps=200, labels=LABELS).as_json(),
    }
    path = tmp_path / "args.json"
    tmp_path.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(document), encoding="utf-8")
    return load_arg_model(path)


@pytest.mark.model
def test_a_trained_model_decides_the_sides(resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article
    from dyad.resources import Resources

    local = Resources(replace(resources.settings, arg_model=False))
    local.__dict__["nlp"] = resources.nlp
    local.__dict__["event_model"] = None
    text = "Egypt blamed Jordan for the attack."
    rules = run_article(RawDocument(text=text), local)
    local.__dict__["arg_model"] = _flipped(resources, tmp_path)
    learned = run_article(RawDocument(text=text), local)

    def sides(result):  # type: ignore[no-untyped-def]
        codes = {a.actor_id: a.code for a in result.actors}
        event = next(e for e in result.events if e.trigger_text == "blamed")
        return [codes[a] for a in event.actor_ids], [
            codes[a] for a in event.recipient_ids
        ]

    assert sides(rules) == (["EGY"], ["JOR"])
    assert sides(learned) == (["JOR"], ["EGY"])


@pytest.mark.model
def test_training_the_argument_model_twice_gives_the_same_bytes(  # type: ignore[no-untyped-def]
    resources, tmp_path: Path
) -> None:
    _flipped(resources, tmp_path / "a")
    _flipped(resources, tmp_path / "b")
    first = (tmp_path / "a" / "args.json").read_bytes()
    assert first == (tmp_path / "b" / "args.json").read_bytes()


def test_a_bad_model_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "args.json"
    path.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(ResourceError, match=r"not a dyad\.arg-model/1 file"):
        load_arg_model(path)
    sides = {"labels": ["actor", "other"], "scale": 1, "bias": [0, 0], "weights": {}}
    path.write_text(
        json.dumps({"format": "dyad.arg-model/1", "sides": sides}), encoding="utf-8"
    )
    with pytest.raises(ResourceError, match="labels"):
        load_arg_model(path)


def test_the_shipped_model_loads_and_can_be_switched_off() -> None:
    from dyad.resources import Resources
    from dyad.settings import Settings

    assert Resources(Settings(arg_model=True)).arg_model is not None
    assert Resources(Settings()).arg_model is None  # off by default
    head = read_head(
        {
            "labels": ["actor", "none", "recipient"],
            "scale": 1,
            "bias": [0, 1, 0],
            "weights": {},
        },
        Path("x"),
        "sides",
    )
    assert ArgModel(head, 0.5).threshold == 0.5
