"""Tests of the event annotation loader and the training-data API on a tiny file of ours.

The annotation is written here against a real shared document (a Global Voices post
whose cleaning changes the text before the annotated sentence, so the mapping onto the
cleaned text is exercised); offsets are found from the words, as the annotation tool does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.errors import DyadError
from dyad.evaluation import event_corpus, event_data

DOC = "globalvoices-79082"
SENTENCE = "A strong student association such as Tahkim Vahdat"


def _shared_text(shared: Path) -> str:
    return str(event_corpus.corpus_documents(shared)[DOC]["text"])


def _span(text: str, words: str, within: tuple[int, int]) -> dict[str, Any]:
    start = text.index(words, within[0], within[1])
    return {"start": start, "end": start + len(words), "text": words}


def _annotation(text: str) -> dict[str, Any]:
    start = text.index(SENTENCE)
    end = text.index("change.", start) + len("change.")
    sent = (start, end)
    event = {
        "sentence": {"index": 3, "start": start, "end": end},
        "trigger": _span(text, "supports", sent),
        "type": "SUPPORT",
        "mode": None,
        "actor": [
            {
                **_span(text, "A strong student association", sent),
                "code": "IRN",
                "sector": "EDU",
            }
        ],
        "recipient": [
            {**_span(text, "Mehdi Karoubi", sent), "code": "IRN", "sector": "OPP"}
        ],
        "modality": "asserted",
        "date": "2009-06",
        "reported_by": None,
        "location": None,
        "note": None,
    }
    return {
        "id": DOC,
        "corpus": "globalvoices",
        "published": None,
        "split": "dev",
        "sentences": 9,
        "events": [event],
    }


def _write(folder: Path, split: str, rows: list[dict[str, Any]]) -> Path:
    path = event_corpus.annotation_file(split, folder)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_loader_checks_spans_and_keeps_codes(shared: Path, tmp_path: Path) -> None:
    text = _shared_text(shared)
    _write(tmp_path, "dev", [_annotation(text)])
    (doc,) = event_corpus.load_split(shared, "dev", tmp_path)
    (event,) = doc.events
    assert event.type.value == "SUPPORT"
    assert (event.actor_codes, event.recipient_codes) == ({"IRN"}, {"IRN"})
    assert text[event.trigger.start : event.trigger.end] == "supports"
    assert doc.published is not None  # taken from the shared document


def test_drift_of_the_shared_text_is_a_clear_error(
    shared: Path, tmp_path: Path
) -> None:
    row = _annotation(_shared_text(shared))
    row["events"][0]["trigger"]["start"] += 1
    row["events"][0]["trigger"]["end"] += 1
    _write(tmp_path, "dev", [row])
    with pytest.raises(
        DyadError, match=r"'supports' is not at .* shared corpus changed"
    ):
        event_corpus.load_split(shared, "dev", tmp_path)


def test_a_frozen_split_that_changed_fails(shared: Path, tmp_path: Path) -> None:
    row = _annotation(_shared_text(shared))
    path = _write(tmp_path, "test", [{**row, "split": "test"}])
    event_corpus.freeze("test", tmp_path)
    assert len(event_corpus.load_split(shared, "test", tmp_path)) == 1
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    with pytest.raises(DyadError, match="test split is frozen but its file changed"):
        event_corpus.load_split(shared, "test", tmp_path)


def test_lower_casing_keeps_offsets() -> None:
    text = "İstanbul: Erdoğan MET Putin."
    lowered = event_corpus.lower_in_place(text)
    assert len(lowered) == len(text)
    assert lowered[10:17] == "erdoğan"


def test_alignment_maps_spans_onto_the_cleaned_text(
    shared: Path, tmp_path: Path, resources: Any
) -> None:
    text = _shared_text(shared)
    _write(tmp_path, "dev", [_annotation(text)])
    (doc,) = event_corpus.load_split(shared, "dev", tmp_path)
    aligned = event_data.align_document(doc, resources)
    assert aligned.text != text  # cleaning changed the text before the sentence
    (event,) = aligned.events
    assert aligned.text[event.trigger.start : event.trigger.end] == "supports"
    assert event.trigger.start != doc.events[0].trigger.start
    (actor,) = event.actors
    assert (
        aligned.text[actor.span.start : actor.span.end]
        == "A strong student association"
    )
    assert aligned.text[event.sentence.start : event.sentence.end].startswith(SENTENCE)


def test_training_data_refuses_the_frozen_split(shared: Path, resources: Any) -> None:
    with pytest.raises(DyadError, match="frozen: never train on it"):
        event_data.our_documents(shared, resources, ["train-a", "test"])


def test_raw_to_clean_follows_collapsed_blanks() -> None:
    mapper = event_data.RawToClean("a\u00a0 b\n\nThe  UN met.", "a b\nThe UN met.")
    raw = "a\u00a0 b\n\nThe  UN met."
    start = raw.index("The")
    span = mapper.span(start, len(raw))
    assert span is not None
    assert span.text == "The UN met."
    assert mapper.span(1, 2) is None  # a removed character has no place


def test_a_train_split_may_span_files_but_test_may_not(
    shared: Path, tmp_path: Path
) -> None:
    row = _annotation(_shared_text(shared))
    _write(tmp_path, "train-b2", [{**row, "split": "train-b"}])
    assert event_corpus.train_splits(tmp_path) == ("train-b2",)
    (doc,) = event_corpus.load_splits(shared, None, tmp_path)["train-b2"]
    assert doc.split == "train-b"
    _write(tmp_path, "dev", [{**row, "split": "test"}])
    with pytest.raises(DyadError, match="split 'test' in the dev file"):
        event_corpus.load_split(shared, "dev", tmp_path)


def test_suite_groups_and_the_baseline_type_come_from_train(
    shared: Path, tmp_path: Path
) -> None:
    from dyad.evaluation.events import corpus_groups

    row = _annotation(_shared_text(shared))
    accuse = {**row["events"][0], "type": "ACCUSE"}
    _write(tmp_path, "dev", [{**row, "events": row["events"] * 2}])  # two SUPPORT
    _write(tmp_path, "train-a", [{**row, "split": "train-a", "events": [accuse]}])
    groups, base = corpus_groups(shared, full=False, folder=tmp_path)
    assert (list(groups), base) == (["dev"], "ACCUSE")
    groups, _ = corpus_groups(shared, full=True, folder=tmp_path)
    assert list(groups) == ["dev", "train"]


def test_no_document_is_annotated_in_two_event_files() -> None:
    """A document in two splits would leak training text into dev or the frozen test
    (``scripts/annotate.py select`` skips documents other files hold)."""
    holders: dict[str, list[str]] = {}
    for path in sorted(event_corpus.ANNOTATIONS.glob("events-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                holders.setdefault(json.loads(line)["id"], []).append(path.name)
    assert holders
    assert {d: files for d, files in holders.items() if len(files) > 1} == {}
