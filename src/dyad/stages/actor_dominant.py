"""The article's dominant state, for the actors stage: the state that codes titles,
groups and people that name none ("officials said", "the sergeant").

Private helper of ``stages/actors.py``.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from dyad.knowledge.actors import ActorKB
from dyad.records import ActorKind
from dyad.stages.actor_context import KbSpan

# Share of state mentions one state needs to count as the article's "dominant" state,
# which codes titles and groups that name no state ("officials said"); calibrated on
# Wikinews stories about one country (typically 70-100%) versus bilateral ones (<60%).
DOMINANT_STATE_SHARE = 0.6
DOMINANT_STATE_MIN = 2


def dominant_state(doc: Doc, kb: ActorKB, spans: list[KbSpan]) -> str | None:
    """The state that most of the article's sentences naming a state (by name,
    demonym, capital or city) name, when it has ``DOMINANT_STATE_SHARE`` of them (and
    at least ``DOMINANT_STATE_MIN``), or the only state the article names at all when
    its known people are of no other state. Sentences, not names, are counted: an
    address ("from Hawke's Bay, New Zealand, served in the Auckland, New Zealand police")
    names one state three times in one aside."""
    named: set[tuple[int, str]] = set()  # (sentence start, state): once a sentence
    covered = {span.start for span in spans}
    given = given_name_starts(doc, spans)
    for span in spans:
        if span.start in given:
            continue
        entry = kb.entries.get(span.hits[0].kb_id)
        if entry is not None and entry.kind is ActorKind.STATE and entry.code:
            named.add((doc[span.start].sent.start, entry.code))
    for ent in doc.ents:  # cities and regions count for their state ("Christchurch")
        if ent.label_ in ("GPE", "LOC", "NORP") and ent.start not in covered:
            code = kb.place_state(ent.text.removeprefix("the "))
            if code is not None:
                named.add((ent.sent.start, code))
    counts = Counter(code for _, code in named)
    if not counts:
        return None
    code, top = counts.most_common(1)[0]
    if len(counts) == 1 and _people_states(doc, kb, spans) <= {code}:
        return code  # the only state the article names (and its known people's)
    share = top / sum(counts.values())
    return code if top >= DOMINANT_STATE_MIN and share >= DOMINANT_STATE_SHARE else None


def given_name_starts(doc: Doc, spans: list[KbSpan]) -> set[int]:
    """The starts of the KB spans that are the given name of a longer PERSON entity
    ("Jordan" of "Jordan Peterson", "Chad" of "Chad Smith"): such a word names the
    person, not a state. A demonym is kept ("Iranian Qasem Soleimani" tagged as one
    person still says Iran)."""
    by_start = {span.start: span for span in spans}
    starts = set()
    for ent in doc.ents:
        span = by_start.get(ent.start)
        if (
            ent.label_ == "PERSON"
            and span is not None
            and span.end < ent.end
            and span.hits[0].form != "person"
            and span.hits[0].form != "demonym"
        ):
            starts.add(span.start)
    return starts


def _people_states(doc: Doc, kb: ActorKB, spans: list[KbSpan]) -> set[str]:
    """The states of the known people the article names, in full or by a surname that
    only people of one state have ("Obama" -> USA)."""
    codes = set()
    for span in spans:
        hit = span.hits[0]
        person = kb.people.get(hit.kb_id) if hit.form == "person" else None
        if person is not None and person.code:
            codes.add(person.code)
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) == 1:
            found = {p.code for p in kb.short_form_people(ent.text)}
            if len(found) == 1:
                codes.update(c for c in found if c)
    return codes


__all__ = ["dominant_state", "given_name_starts"]
