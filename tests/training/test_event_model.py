"""The learned event coder end to end on real parses: train a tiny model, code with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import ResourceError
from dyad.records import RawDocument
from dyad.stages.events_model import RULE, load_event_model
from dyad.training.events import collect, dumps
from dyad.training.softmax import fit
from dyad.training.sources import Gold, TrainDoc

WEIGHTS = {"ours": 1.0, "plover_event": 1.0, "weak": 0.3, "weak_none": 0.3}


def _doc(key: str, text: str, trigger: str | None, label: str = "ACCUSE") -> TrainDoc:
    gold = ()
    if trigger is not None:
        start = text.index(trigger)
        gold = (Gold(start, start + len(trigger), label, "disapprove"),)
    return TrainDoc(key=key, source="ours", text=text, published=None, gold=gold)


TRAINING = [
    _doc("t1", "France lampooned Germany over the budget deficit.", "lampooned"),
    _doc("t2", "Italy lampooned Spain on Monday.", "lampooned"),
    _doc("t3", "The Dutch government lampooned Belgium for the delay.", "lampooned"),
    _doc("t4", "Germany exported cars to France last year.", None),
    _doc("t5", "Spain exported olive oil to Italy.", None),
    _doc("t6", "Belgium exported chocolate to the Netherlands.", None),
]


def _model_file(resources, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    collected = collect([], TRAINING, resources, {"weights": WEIGHTS})
    document = {
        "format": "dyad.event-model/1",
        "rule_threshold": 0.35,
        "new_threshold": 0.5,
        "types": fit(collected.types, min_count=1, steps=200).as_json(),
        "modes": fit(collected.modes, min_count=1, steps=200).as_json(),
    }
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "events.json"
    path.write_text(dumps(document), encoding="utf-8")
    return path


@pytest.mark.model
def test_a_verb_outside_the_lexicon_becomes_an_event(resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dyad.pipeline import run_article
    from dyad.resources import Resources

    assert "lampoon" not in resources.event_lexicon.verbs  # the model must find it
    local = Resources(resources.settings)
    local.__dict__["nlp"] = resources.nlp
    local.__dict__["event_model"] = load_event_model(_model_file(resources, tmp_path))
    coded = run_article(RawDocument(text="Canada lampooned Mexico on Tuesday."), local)
    codes = {a.actor_id: a.code for a in coded.actors}
    events = [e for e in coded.events if e.trigger_text == "lampooned"]
    assert [e.type.value for e in events] == ["ACCUSE"]
    assert events[0].rule == f"verb.{RULE}"
    assert [codes[a] for a in events[0].actor_ids] == ["CAN"]
    assert [codes[a] for a in events[0].recipient_ids] == ["MEX"]
    assert events[0].mode == "disapprove"
    shipped = run_article(RawDocument(text="Canada exported wheat to Mexico."), local)
    assert not [e for e in shipped.events if e.trigger_text == "exported"]


@pytest.mark.model
def test_training_on_the_same_documents_twice_gives_the_same_bytes(  # type: ignore[no-untyped-def]
    resources, tmp_path: Path
) -> None:
    first = _model_file(resources, tmp_path / "a").read_bytes()
    second = _model_file(resources, tmp_path / "b").read_bytes()
    assert first == second


def test_a_broken_model_file_is_a_one_line_resource_error(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ResourceError, match="cannot read the event model"):
        load_event_model(path)
    path.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(ResourceError, match=r"not a dyad\.event-model/1 file"):
        load_event_model(path)
    layer = {"labels": ["NONE", "BOGUS"], "scale": 1, "bias": [0, 0], "weights": {}}
    path.write_text(
        json.dumps({"format": "dyad.event-model/1", "types": layer, "modes": layer}),
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="unknown PLOVER type"):
        load_event_model(path)


def test_the_packaged_model_loads_and_fits_the_size_limit() -> None:
    from dyad.knowledge.files import data_path

    path = data_path("models", "events.json")
    if not path.exists():
        pytest.skip("no packaged model yet (run `make train`)")
    assert path.stat().st_size <= 50_000_000
    model = load_event_model(path)
    assert "NONE" in model.types.labels


def test_a_homograph_seen_only_as_a_noun_leaves_the_verb_to_its_rule() -> None:
    from pathlib import Path as _Path

    from dyad.stages.events_model import EventModel, read_head
    from dyad.training.softmax import Example

    noun = ("l=court", "lp=court|NOUN")
    examples = [Example(noun, "NONE")] * 3 + [Example(("l=woo", "lp=woo|VERB"), "SUPPORT")] * 3
    fitted = fit(examples, min_count=1, steps=50)
    head = read_head(fitted.as_json(), _Path("<test>"), "types")
    model = EventModel(head, head, 0.5, 0.5)
    assert model.knows("court", "NOUN")
    assert not model.knows("court", "VERB")  # the rule's verb candidate stands
    assert model.knows("woo", "VERB")
