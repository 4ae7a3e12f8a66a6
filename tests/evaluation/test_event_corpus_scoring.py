"""The corpus scoring chain end to end, with the real pipeline on a real shared document.

An "oracle" annotation is written from the system's own events (their triggers mapped
back to raw offsets); scoring the system against it must then be perfect, whatever the
cleaning did to the text. A broken offset mapping or sentence lookup would show here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.evaluation import event_coding, event_corpus, event_report
from dyad.evaluation.annotated import OffsetMap
from dyad.records import ArticleResult

DOC = "globalvoices-79086"  # a Global Voices post whose cleaning changes the text


def _raw(mapper: OffsetMap, raw: str, start: int, end: int) -> dict[str, Any]:
    a, b = mapper.span(start, end)
    return {"start": a, "end": b, "text": raw[a:b]}


def _oracle(raw: str, result: ArticleResult) -> dict[str, Any]:
    mapper = OffsetMap(raw, result.article.text)
    codes = {a.actor_id: (a.code, a.sector) for a in result.actors}
    sentences = {s.index: s for s in result.sentences}
    events = []
    for e in result.events:
        s = sentences[e.sentence_index]
        trigger = _raw(mapper, raw, e.trigger_start, e.trigger_end)

        def party(actor_id: str, trigger: dict[str, Any] = trigger) -> dict[str, Any]:
            code, sector = codes[actor_id]
            return {**trigger, "code": code, "sector": sector}  # the span is not scored

        events.append(
            {
                "sentence": {"index": s.index, **_raw(mapper, raw, s.start, s.end)},
                "trigger": trigger,
                "type": e.type.value,
                "mode": e.mode,
                "actor": [party(i) for i in e.actor_ids],
                "recipient": [party(i) for i in e.recipient_ids],
                "modality": e.modality.value,
                "date": e.date.value if e.date else None,
            }
        )
    return {"id": DOC, "corpus": "globalvoices", "split": "dev", "events": events}


@pytest.mark.model
def test_the_system_scores_perfectly_against_its_own_events(
    shared: Path, tmp_path: Path, resources: Any
) -> None:
    text = str(event_corpus.corpus_documents(shared)[DOC]["text"])
    (doc,) = [
        event_corpus.AnnotatedDoc(
            doc_id=DOC,
            corpus="globalvoices",
            split="dev",
            published=None,
            title=None,
            text=text,
            events=(),
        )
    ]
    result = event_coding.run_documents([doc], resources)[DOC]
    assert result.article.text != text
    oracle = _oracle(text, result)
    path = event_corpus.annotation_file("dev", tmp_path)
    path.write_text(json.dumps(oracle) + "\n", encoding="utf-8")
    docs = event_corpus.load_split(shared, "dev", tmp_path)
    scores = event_report.score_split(
        docs, event_coding.run_documents(docs, resources), "ACCUSE"
    )
    coded = [e for e in docs[0].events if e.actor_codes or e.recipient_codes]
    assert len(coded) >= 3
    assert scores.system.strict_prf == (1.0, 1.0, 1.0)
    assert scores.system.modality_accuracy == 1.0
    assert scores.system.date_accuracy == 1.0
    assert scores.baseline.gold == scores.system.gold
