"""One pass of the pipeline's own stages over aligned training documents.

``walk`` cleans, parses and codes the actors of every ``event_data.TrainingDoc`` as the
pipeline does, and yields each with its parse, its actors and the sentence spans, so
that the event model, the argument model and the dev-only diagnosis all read the same
parse through the same reader (``event_data``). Gold spans of a ``TrainingDoc`` point
into the cleaned text, which is the text the parse is of.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span

from dyad.evaluation.event_data import TrainingDoc, TrainingEvent
from dyad.records import Actor, Mention
from dyad.stages.nlp import Parsed

if TYPE_CHECKING:
    from dyad.resources import Resources


@dataclass(frozen=True, slots=True)
class Walked:
    """A training document after the clean, nlp and actors stages."""

    doc: TrainingDoc
    parsed: Parsed
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]

    def sentences(self) -> Iterator[tuple[int, Span]]:
        """Yield ``(pipeline sentence index, spaCy span)`` of each sentence."""
        doc = self.parsed.doc
        for sentence in self.parsed.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is not None:
                yield sentence.index, span


def walk(docs: Sequence[TrainingDoc], resources: Resources) -> Iterator[Walked]:
    """Yield every document of ``docs`` parsed and with its actors, in input order."""
    from dyad.pipeline import clean_raw
    from dyad.stages import actors, nlp

    items = ((clean_raw(d.raw, resources)[0], d) for d in docs)
    for parsed, doc in nlp.parse_articles(
        resources.nlp, items, settings=resources.settings
    ):
        found = actors.resolve_actors(parsed, kb=resources.actor_kb)
        yield Walked(doc, parsed, tuple(found.actors), tuple(found.mentions))


def gold_at(
    events: Sequence[TrainingEvent], start: int, end: int
) -> TrainingEvent | None:
    """Return the first gold event whose trigger overlaps cleaned ``[start, end)``."""
    for event in events:
        if event.trigger.start < end and start < event.trigger.end:
            return event
    return None
