"""Property tests: on any parse, the events stage never raises and keeps spans valid."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from dyad.knowledge.events import load_event_lexicon
from dyad.records import Actor, ActorKind, Article, Mention, Sentence
from dyad.stages.events import code_events
from dyad.stages.nlp import Parsed

VOCAB = spacy.blank("en").vocab  # a blank pipeline: lexical attributes, no model
LEXICON = load_event_lexicon()
WORDS = [
    "Iran", "Israel", "met", "talks", "with", "and", "not", "will", "the", "attacked",
    "refused", "to", "visit", ".", "said", "that", "its", "they", "two", "by", "could",
    "sanctions", "on", "held", "received", "no", "if", "demanded", "must", "vowed",
]  # fmt: skip
DEPS = [
    "ROOT", "nsubj", "nsubjpass", "dobj", "prep", "pobj", "conj", "xcomp", "ccomp",
    "acl", "relcl", "compound", "poss", "amod", "aux", "auxpass", "neg", "det",
    "advcl", "agent", "prt", "dative", "attr", "acomp", "npadvmod", "mark", "appos",
]  # fmt: skip
POS = ["VERB", "NOUN", "PROPN", "ADJ", "ADP", "AUX", "PRON", "DET", "PART", "NUM"]


@st.composite
def parses(draw: st.DrawFn) -> Doc:
    size = draw(st.integers(1, 25))
    words = [draw(st.sampled_from(WORDS)) for _ in range(size)]
    # every head points back (or to itself for the first token): always a tree
    heads = [0] + [draw(st.integers(0, i - 1)) for i in range(1, size)]
    return Doc(
        VOCAB,
        words=words,
        lemmas=[w.lower() for w in words],
        pos=[draw(st.sampled_from(POS)) for _ in words],
        tags=[draw(st.sampled_from(["VBD", "VBN", "NN", "NNS", "MD"])) for _ in words],
        deps=["ROOT"] + [draw(st.sampled_from(DEPS[1:])) for _ in words[1:]],
        heads=heads,
        sent_starts=[True] + [False] * (size - 1),
    )


@settings(max_examples=150, deadline=None)
@given(parses(), st.lists(st.integers(0, 60), max_size=6))
def test_code_events_never_raises_and_spans_stay_inside(
    doc: Doc, starts: list[int]
) -> None:
    text = doc.text
    parsed = Parsed(
        article=Article(article_id="p", text=text),
        doc=doc,
        sentences=(Sentence(article_id="p", index=0, start=0, end=len(text)),),
    )
    actors = [
        Actor(article_id="p", actor_id=i, name=n, kind=ActorKind.STATE, code=c)
        for i, n, c in (("a1", "Iran", "IRN"), ("a2", "Israel", "ISR"))
    ]
    by_name = {"Iran": "a1", "Israel": "a2"}
    mentions = [  # the actor names, plus arbitrary spans, some of unknown actors
        Mention(
            article_id="p",
            actor_id=by_name[t.text],
            text=t.text,
            start=t.idx,
            end=t.idx + len(t),
            sentence_index=0,
        )
        for t in doc
        if t.text in by_name
    ] + [
        Mention(
            article_id="p",
            actor_id="a1" if i % 2 else "a-unknown",
            text="x",
            start=min(s, len(text) - 1),
            end=min(s + 4, len(text)),
            sentence_index=0,
        )
        for i, s in enumerate(starts)
    ]
    result = code_events(parsed, actors, mentions, lexicon=LEXICON)
    for event in result.records:
        assert 0 <= event.trigger_start < event.trigger_end <= len(text)
        assert text[event.trigger_start : event.trigger_end] == event.trigger_text
        assert set(event.actor_ids + event.recipient_ids) <= {"a1", "a2"}
        assert -10 <= event.intensity <= 10
        assert event.quad in (1, 2, 3, 4)
