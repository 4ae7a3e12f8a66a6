"""Knowledge for the events stage: trigger lexicon, PLOVER types, modality cues.

In ``dyad/data/events/``: ``types.yaml`` (PLOVER type → mode → CAMEO code, intensity,
recipient prepositions), ``triggers.yaml``, ``modality.yaml`` (negation, hypothetical
and future cues, speech verbs), ``background.yaml`` (triggers of no new event). User
files have the layout of ``triggers.yaml`` plus ``modality.yaml``'s sections; a user
trigger whose ``rule`` exists replaces that rule's packaged entries. All is compiled
once into lemma-keyed dictionaries: the stage does one lookup per token."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from dyad.knowledge.event_background import BackgroundCues, read_background_cues
from dyad.knowledge.event_cues import ModalityCues, read_modality_cues, strings
from dyad.knowledge.files import data_file, fail, read_yaml
from dyad.records import EventType, Modality

_CAMEO = re.compile(r"^\d{2,4}$")
_TRIGGER_KEYS = frozenset(
    {
        "rule", "type", "mode", "cameo", "verbs", "nouns", "objects", "preps", "swap",
        "reciprocal", "confidence", "complement_aux", "intransitive", "min_participants",
        "subjects", "labels", "embeds", "unless", "infinitive", "negated_object",
        "__line__",
    }
)
_LABEL_LISTS = {"negative": "negative_labels", "positive": "positive_labels"}
_MODALITY_SECTIONS = ("negation", "hypothetical", "future", "speech_verbs")
__all__ = ["ModalityCues"]  # re-exported for the stage modules
ANY_ACTOR = "@actor"  # in a trigger's `objects`: any object that names an actor
ANY_PERSON = "@person"  # … any object that names a person ("attacked Biden")
DEFAULT_CONFIDENCE = 0.75  # a trigger's confidence when its entry gives none


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """What the lexicon knows about one PLOVER type."""

    cameo: str
    intensity: float
    recipient_preps: frozenset[str]
    reciprocal: bool
    partner_object: bool
    min_participants: int
    carry: bool
    intent: str | None
    intent_type: EventType
    embeds: Modality | None
    modes: Mapping[str, str]
    speaker_preps: frozenset[str] = frozenset()  # "threats from Trump" (types.yaml)
    conditional_intent: bool = False  # a threat only under a condition or a vow


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One trigger word (verb or noun) and the event it signals.

    ``extra`` holds the particle of a phrasal verb (``call on`` → ``("on",)``) or the
    modifiers a multiword noun needs (``hunger strike`` → ``("hunger",)``).
    ``subjects`` restricts the rule to clauses whose subject head has one of these
    lemmas ("protesters stormed" is a riot, not an armed assault); ``labels`` to verbs
    that give someone one of these labels ("called X a terrorist", "said X was
    responsible"); ``embeds`` overrides the type's modality for events under it;
    ``unless`` lists objects or complements for which the rule does not fire
    ("released an album"); ``infinitive`` requires a "to" complement ("warned X to
    leave" is a request); ``negated_object`` requires (True) or forbids (False) a
    negation on the object ("pleaded not guilty" is a denial, "pleaded guilty" an
    admission).
    """

    rule: str
    pos: str
    lemma: str
    extra: tuple[str, ...]
    type: EventType
    mode: str | None
    cameo: str
    quad: int
    intensity: float
    objects: frozenset[str]
    preps: frozenset[str]
    complement_aux: frozenset[str]
    intransitive: bool
    min_participants: int
    reciprocal: bool
    swap: bool
    confidence: float
    subjects: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    embeds: Modality | None = None
    unless: frozenset[str] = frozenset()
    infinitive: bool = False
    negated_object: bool | None = None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The compiled event knowledge the stage receives as ``lexicon``."""

    verbs: Mapping[str, tuple[TriggerRule, ...]]
    nouns: Mapping[str, tuple[TriggerRule, ...]]
    types: Mapping[EventType, TypeInfo]
    quad_by_root: Mapping[str, int]
    light_verbs: frozenset[str]
    transparent_nouns: frozenset[str]
    object_control: frozenset[str]
    setting_preps: frozenset[str]
    setting_nouns: frozenset[str]
    ignore_objects: frozenset[str]
    host_verbs: frozenset[str]
    light_verb_prepositions: frozenset[str]
    gerund_prepositions: frozenset[str]
    modality: ModalityCues
    background: BackgroundCues  # triggers that report no new event
    instrument_nouns: frozenset[str] = frozenset()
    contest_cues: frozenset[str] = frozenset()
    contest_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    issuer_nouns: frozenset[str] = frozenset()
    party_preps: frozenset[str] = frozenset()
    label_prepositions: frozenset[str] = frozenset({"as"})
    private_sectors: frozenset[str] = frozenset()
    receiver_verbs: frozenset[str] = frozenset()
    receiver_preps: frozenset[str] = frozenset()
    allegation_words: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()  # "claimed that X did Y"
    party_participles: frozenset[str] = frozenset()  # "clashes involving X and Y"
    victim_verbs: frozenset[str] = frozenset()  # "died in an attack by X"
    victim_preps: frozenset[str] = frozenset()  # … "in", "during"
    vote_words: frozenset[str] = frozenset()  # "voted to leave": no act of leaving
    referendum_words: frozenset[str] = frozenset()
    private_purposes: frozenset[str] = frozenset()  # "flew to Paris for treatment"
    pair_prepositions: frozenset[str] = frozenset()  # "a deal between A and B"
    broker_verbs: frozenset[str] = frozenset()  # "a truce brokered by Egypt"
    purpose_prepositions: frozenset[str] = frozenset()  # "flew to Paris for treatment"

    def quad_of(self, cameo: str) -> int:
        """Return the quad class (1 to 4) of a CAMEO code."""
        return self.quad_by_root.get(cameo[:2], 1)


# The data's word lists: one per ``frozenset[str]`` field of the lexicon (same name),
# and the label lists the types take (``_LABEL_LISTS``).
_WORD_LISTS = (
    *(f.name for f in fields(EventLexicon) if f.type == "frozenset[str]"),
    *_LABEL_LISTS.values(),
)


_strings = strings


def _load_types(path: Path) -> tuple[dict[EventType, TypeInfo], dict[str, int]]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise fail(path, None, "expected a mapping with `types`")
    quads = {
        str(k): int(v) for k, v in data["quad_by_cameo_root"].items() if k != "__line__"
    }
    types = {}
    for name, spec in data["types"].items():
        if name == "__line__":
            continue
        line = spec.get("__line__") if isinstance(spec, dict) else None
        try:
            event_type = EventType(name)
            embeds = spec.get("embeds")
            types[event_type] = TypeInfo(
                cameo=str(spec["cameo"]),
                intensity=float(spec["intensity"]),
                recipient_preps=frozenset(
                    _strings(spec.get("recipient_preps"), path, line, "recipient_preps")
                ),
                reciprocal=bool(spec.get("reciprocal", False)),
                partner_object=bool(spec.get("partner_object", False)),
                speaker_preps=frozenset(
                    _strings(spec.get("speaker_preps"), path, line, "speaker_preps")
                ),
                intent=str(spec["intent"]) if spec.get("intent") else None,
                intent_type=EventType(spec.get("intent_type", "AGREE")),
                conditional_intent=bool(spec.get("conditional_intent", False)),
                min_participants=int(spec.get("min_participants", 1)),
                carry=bool(spec.get("carry", False)),
                embeds=Modality(embeds) if embeds else None,
                modes={
                    str(k): str(v)
                    for k, v in spec.get("modes", {}).items()
                    if k != "__line__"
                },
            )
        except (KeyError, ValueError, TypeError, AttributeError) as e:
            raise fail(path, line, f"bad type entry {name}: {e}") from e
    missing = set(EventType) - set(types)
    if missing:
        raise fail(path, None, f"types missing: {', '.join(sorted(missing))}")
    return types, quads


def _read_entries(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise fail(path, 1, "expected a mapping with `triggers` and word lists")
    known = {"triggers", "__line__", *_WORD_LISTS, *_MODALITY_SECTIONS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise fail(
            path, data.get("__line__"), f"unknown section(s): {', '.join(unknown)}"
        )
    return data


def _check_entry(entry: Any, path: Path, types: Mapping[EventType, TypeInfo]) -> int:
    if not isinstance(entry, dict):
        raise fail(path, None, "each trigger must be a mapping")
    line: int = entry.get("__line__", 0)
    unknown = sorted(set(entry) - _TRIGGER_KEYS)
    if unknown:
        raise fail(path, line, f"unknown key(s) in trigger: {', '.join(unknown)}")
    if not isinstance(entry.get("rule"), str) or not entry["rule"]:
        raise fail(path, line, "trigger needs a `rule` name")
    if entry.get("type") not in {t.value for t in EventType}:
        raise fail(path, line, f"unknown PLOVER type {entry.get('type')!r}")
    if not entry.get("verbs") and not entry.get("nouns"):
        raise fail(path, line, "trigger needs `verbs` or `nouns`")
    cameo = entry.get("cameo")
    if cameo is not None and not (isinstance(cameo, str) and _CAMEO.match(cameo)):
        raise fail(
            path, line, f"cameo must be a quoted string of 2-4 digits, not {cameo!r}"
        )
    mode = entry.get("mode")
    if cameo is None and mode and mode not in types[EventType(entry["type"])].modes:
        raise fail(path, line, f"mode {mode!r} has no CAMEO code; give `cameo`")
    confidence = entry.get("confidence", DEFAULT_CONFIDENCE)
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise fail(path, line, "confidence must be a number in [0, 1]")
    return line


def _labels(
    entry: dict[str, Any], path: Path, line: int, sections: Mapping[str, Any]
) -> frozenset[str]:
    name = entry.get("labels")
    if name is None:
        return frozenset()
    if name not in _LABEL_LISTS:
        raise fail(path, line, f"labels must be one of {sorted(_LABEL_LISTS)}")
    key = _LABEL_LISTS[name]
    return frozenset(_strings(sections.get(key), path, line, key))


def _embeds(entry: dict[str, Any], path: Path, line: int) -> Modality | None:
    value = entry.get("embeds")
    try:
        return Modality(value) if value else None
    except ValueError as e:
        raise fail(path, line, f"embeds: unknown modality {value!r}") from e


def _compile_entry(
    entry: dict[str, Any],
    path: Path,
    lexicon_types: Mapping[EventType, TypeInfo],
    quads: Mapping[str, int],
    sections: Mapping[str, Any],
) -> list[TriggerRule]:
    line = _check_entry(entry, path, lexicon_types)
    event_type = EventType(entry["type"])
    info = lexicon_types[event_type]
    mode = entry.get("mode") or None
    cameo = entry.get("cameo") or (
        info.modes.get(mode, info.cameo) if mode else info.cameo
    )
    preps = entry.get("preps")
    common = {
        "rule": entry["rule"],
        "type": event_type,
        "mode": mode,
        "cameo": cameo,
        "quad": quads.get(cameo[:2], 1),
        "intensity": info.intensity,
        "objects": frozenset(_strings(entry.get("objects"), path, line, "objects")),
        "complement_aux": frozenset(
            _strings(entry.get("complement_aux"), path, line, "complement_aux")
        ),
        "preps": frozenset(_strings(preps, path, line, "preps"))
        if preps is not None
        else info.recipient_preps,
        "reciprocal": bool(entry.get("reciprocal", info.reciprocal)),
        "swap": bool(entry.get("swap", False)),
        "intransitive": bool(entry.get("intransitive", False)),
        "min_participants": int(entry.get("min_participants", 1)),
        "confidence": float(entry.get("confidence", DEFAULT_CONFIDENCE)),
        "subjects": frozenset(_strings(entry.get("subjects"), path, line, "subjects")),
        "labels": _labels(entry, path, line, sections),
        "embeds": _embeds(entry, path, line),
        "unless": frozenset(_strings(entry.get("unless"), path, line, "unless")),
        "infinitive": bool(entry.get("infinitive", False)),
        "negated_object": None
        if entry.get("negated_object") is None
        else bool(entry["negated_object"]),
    }
    rules = []
    for phrase in _strings(entry.get("verbs"), path, line, "verbs"):
        head, *rest = phrase.split()
        rules.append(TriggerRule(pos="verb", lemma=head, extra=tuple(rest), **common))
    for phrase in _strings(entry.get("nouns"), path, line, "nouns"):
        *rest, head = phrase.split()
        rules.append(TriggerRule(pos="noun", lemma=head, extra=tuple(rest), **common))
    return rules


def _merge_sections(target: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Add the word lists and modality cues of ``extra`` to ``target`` (union)."""
    for key in (*_WORD_LISTS, "speech_verbs"):
        if key in extra:
            target[key] = list(target.get(key) or []) + list(extra[key] or [])
    for key in ("negation", "hypothetical", "future"):
        for sub, value in (extra.get(key) or {}).items():
            if sub != "__line__":
                section = target.setdefault(key, {})
                section[sub] = list(section.get(sub) or []) + list(value or [])


def _word_list(sections: Mapping[str, Any], key: str, path: Path) -> frozenset[str]:
    return frozenset(_strings(sections.get(key), path, None, key))


def load_event_lexicon(
    user_files: Sequence[Path] = (), data_dir: Path | None = None
) -> EventLexicon:
    """Load the event knowledge plus ``user_files`` (later files win); a file in
    ``data_dir`` replaces the packaged one of the same relative path.

    Raises:
        ResourceError: a file is missing or malformed (``file:line: message``).
    """
    types, quads = _load_types(data_file(data_dir, "events", "types.yaml"))
    sections: dict[str, Any] = {}
    entries: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    files = [
        data_file(data_dir, "events", "triggers.yaml"),
        data_file(data_dir, "events", "modality.yaml"),
        *user_files,
    ]
    for index, path in enumerate(files):
        data = _read_entries(path)
        _merge_sections(sections, data)
        replaced: set[str] = set()
        for entry in data.get("triggers") or []:
            rule = entry.get("rule") if isinstance(entry, dict) else None
            if index > 1 and isinstance(rule, str) and rule not in replaced:
                entries.pop(rule, None)  # a user entry replaces the packaged rule
                replaced.add(rule)
            entries.setdefault(str(rule), []).append((path, entry))
    verbs: dict[str, list[TriggerRule]] = {}
    nouns: dict[str, list[TriggerRule]] = {}
    for group in entries.values():
        for path, entry in group:
            for trigger in _compile_entry(entry, path, types, quads, sections):
                table = verbs if trigger.pos == "verb" else nouns
                table.setdefault(trigger.lemma, []).append(trigger)
    return EventLexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        types=types,
        quad_by_root=quads,
        **{  # the plain word lists; the label lists feed the trigger rules
            key: _word_list(sections, key, files[0])
            for key in _WORD_LISTS
            if key not in _LABEL_LISTS.values()
        },
        modality=read_modality_cues(sections, files[1]),
        background=read_background_cues(
            data_file(data_dir, "events", "background.yaml"),
            _word_list(sections, "allegation_words", files[0]),
        ),
    )
