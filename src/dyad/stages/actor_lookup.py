"""``dyad actors lookup``: how a name resolves, and why.

Runs the real actors stage on the name as a one-line article dated ``day`` and sets the
knowledge-base facts behind the result beside it: the entries the name matches (exactly,
or only without case), the person it names (exactly or by fuzzy match, with every dated
office and the role on ``day``), the office holder a title phrase stands for ("Chinese
president"), and the state a city or people modifier gives. Not a pipeline stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.knowledge.actor_records import GOVERNMENT_FORMS
from dyad.knowledge.actors import ActorKB, fold, surface_key
from dyad.records import RawDocument

if TYPE_CHECKING:
    from dyad.resources import Resources


@dataclass(frozen=True, slots=True, kw_only=True)
class Coded:
    """One actor the stage found in the name."""

    text: str
    name: str
    kind: str
    code: str | None
    sector: str | None
    title: str | None
    org: str | None
    kb_id: str | None
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """How ``name`` resolves on ``day``: the stage's actors and the facts behind them."""

    name: str
    day: dt.date | None
    actors: tuple[Coded, ...]
    reasons: tuple[str, ...]


def explain(name: str, day: dt.date | None, resources: Resources) -> Explanation:
    """Return how ``name`` is coded on ``day`` and the knowledge behind it."""
    from dyad import pipeline
    from dyad.stages import actors, nlp

    raw = RawDocument(text=name, published=day, doc_id="lookup")
    [(parsed, _)] = list(
        nlp.parse_articles(
            resources.nlp,
            [pipeline.clean_raw(raw, resources)],
            settings=resources.settings,
        )
    )
    found = actors.resolve_actors(parsed, kb=resources.actor_kb)
    by_id = {a.actor_id: a for a in found.actors}
    coded = tuple(
        Coded(
            text=m.text,
            name=by_id[m.actor_id].name,
            kind=by_id[m.actor_id].kind.value,
            code=by_id[m.actor_id].code,
            sector=by_id[m.actor_id].sector,
            title=by_id[m.actor_id].title,
            org=by_id[m.actor_id].org,
            kb_id=by_id[m.actor_id].kb_id,
            confidence=by_id[m.actor_id].confidence,
        )
        for m in found.mentions
    )
    kb = resources.actor_kb
    reasons = (*_entry_reasons(kb, name), *_person_reasons(kb, name, day))
    office = _office_reasons(kb, name, day)
    reasons += office or _group_reasons(kb, name)
    reasons += _place_reasons(kb, name)
    return Explanation(name=name, day=day, actors=coded, reasons=reasons)


def _entry_reasons(kb: ActorKB, name: str) -> tuple[str, ...]:
    key = surface_key(name)
    exact = kb.lookup_key(key)
    lines = [_hit_line(kb, hit.kb_id, hit.form, hit.sector, "exact") for hit in exact]
    if not exact:
        for hit in kb.lookup_lower_key(key.lower()):
            lines.append(_hit_line(kb, hit.kb_id, hit.form, hit.sector, "any case"))
        if lines and key.lower() in kb.ambiguous_lower:
            lines.append(
                f"'{key.lower()}' is an ambiguous word: without capitals it counts "
                "only after 'the' or before a title or group noun"
            )
    return tuple(lines)


def _hit_line(kb: ActorKB, kb_id: str, form: str, sector: str | None, how: str) -> str:
    if kb_id.startswith("person:"):
        return f"KB name ({how}): person {kb.person(kb_id).name}"
    entry = kb.entry(kb_id)
    arm = f", names its {sector} arm" if sector and form in GOVERNMENT_FORMS else ""
    changes = "".join(f", {s} from {d}" for d, s in entry.since)
    return (
        f"KB name ({how}, as {form}{arm}): {entry.kind.value} {entry.name} "
        f"code={entry.code} sector={entry.sector}{changes} [{kb_id}]"
    )


def _group_reasons(kb: ActorKB, name: str) -> tuple[str, ...]:
    words = fold(name).lower().removeprefix("the ").split()
    for size in (2, 1):
        if len(words) <= size:
            continue
        noun = " ".join(words[-size:])
        sector = kb.modified_group_sector(noun) or kb.role_sector(noun)
        if sector is None:
            continue
        owner = " ".join(words[:-size]).removesuffix("'s")
        hits = kb.lookup_lower_key(surface_key(owner).lower())
        code = (
            kb.entry(hits[0].kb_id).code if hits and hits[0].form != "person" else None
        )
        code = code or kb.place_state(owner)
        return (
            f"group noun '{noun}' gives sector {sector}; '{owner}' gives code {code}",
        )
    return ()


def _person_reasons(kb: ActorKB, name: str, day: dt.date | None) -> tuple[str, ...]:
    found = kb.find_person(name)
    if found is None:
        people = kb.short_form_people(name)
        return tuple(
            f"lone name: could be {p.name}, but a lone name is only linked to a person "
            "the article named in full, or one the parser tags as a person"
            for p in people
        )
    person, score = found
    how = "exact name" if score >= 1.0 else f"fuzzy match, score {score:.2f}"
    lines = [f"person ({how}): {person.name}, home state {person.code}"]
    for office in person.offices:
        lines.append(
            f"  office: {office.title} ({office.code}, {office.sector}) "
            f"{office.start or '?'} to {office.end or 'now'}"
        )
    role = kb.role_of(person, day)
    when = day.isoformat() if day else "no date (latest office)"
    lines.append(
        f"  on {when}: code={role.code} sector={role.sector} title={role.title} "
        f"in office={role.in_office}"
    )
    return tuple(lines)


def _office_reasons(kb: ActorKB, name: str, day: dt.date | None) -> tuple[str, ...]:
    words = fold(name).split()
    for size in range(1, min(len(words), 4)):
        title = " ".join(words[-size:]).lower()
        state = kb.lookup_state(" ".join(words[:-size]).removesuffix("'s"))
        if state is None or kb.title_info(title) is None:
            continue
        code = kb.entry(state.kb_id).code or ""
        holder = kb.holder_of(code, title, day)
        if holder is not None:
            return (
                f"unnamed office: the {title} of {code} on that day is {holder.name}",
            )
        return (
            f"unnamed office: no single known {title} of {code}; coded as the state",
        )
    return ()


def _place_reasons(kb: ActorKB, name: str) -> tuple[str, ...]:
    words = fold(name).split()
    for size in range(len(words), 0, -1):
        code = kb.place_state(" ".join(words[:size]))
        if code is not None:
            place = " ".join(words[:size])
            return (f"modifier: '{place}' is a place or people of {code}",)
    return ()


def render(explanation: Explanation) -> str:
    """Return the explanation as plain text lines."""
    when = explanation.day.isoformat() if explanation.day else "no date"
    lines = [f"{explanation.name!r} on {when}:"]
    if not explanation.actors:
        lines.append("  no actor")
    for a in explanation.actors:
        lines.append(
            f"  {a.text!r} -> {a.kind} {a.name!r} code={a.code} sector={a.sector} "
            f"title={a.title} org={a.org} kb={a.kb_id} confidence={a.confidence}"
        )
    lines.append("why:")
    lines.extend(f"  {r}" for r in explanation.reasons or ("no knowledge-base entry",))
    return "\n".join(lines)


__all__ = ["Coded", "Explanation", "explain", "render"]
