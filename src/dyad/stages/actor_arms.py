"""The state of unmarked state arms in a story about two states, for the actors stage.

Private helper of ``stages/actor_merge.py``. Where the article has a dominant state the
finders code "the officers", "the court", "prosecutors" with it. A story about two
states has none ("a Canadian tourist" and "two French police officers" in Paris), and
those mentions come out uncoded, though the text has said whose police and courts
they are: when every state-arm mention the text codes from its own words (a modifier,
an "of", a title) is of one state, the unmarked arms of the story are that state's.
Two states with coded arms ("Israeli troops", "Palestinian police") leave them
uncoded, and so does a sentence with a mention of another state or body in it.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.stages.actor_context import STATE_SECTORS, Context, Spec

Found = tuple[Spec, int, int]
# Confidence above which a coding rests on the mention's own words, not on a guess
# from the article (the finders give dominant-state guesses 0.5 or less).
EVIDENCE_CONFIDENCE = 0.5
# Confidence of an arm coded from the other arms of the story.
ARM_CONFIDENCE = 0.5


def code_unmarked_arms(ctx: Context, items: list[Found]) -> list[Found]:
    """Return ``items`` with the uncoded state arms given the one state whose arms the
    text codes (only in articles with no dominant state)."""
    if ctx.dominant is not None:
        return items
    states = {
        spec.code
        for spec, _, _ in items
        if spec.sector in STATE_SECTORS
        and spec.code
        and spec.confidence > EVIDENCE_CONFIDENCE
    }
    if len(states) != 1:
        return items
    code = states.pop()
    mixed = _mixed_sentences(ctx, items, code)
    return [
        (replace(spec, code=code, confidence=ARM_CONFIDENCE), start, end)
        if spec.code is None
        and _is_arm(spec)
        and spec.org is None
        and ctx.doc[start].sent.start not in mixed
        else (spec, start, end)
        for spec, start, end in items
    ]


def _mixed_sentences(ctx: Context, items: list[Found], code: str) -> set[int]:
    """The starts of the sentences with a mention coded other than ``code``: there an
    unmarked arm may be the other side's ("two British soldiers ..., police said")."""
    return {
        ctx.doc[start].sent.start
        for spec, start, _ in items
        if spec.code is not None and spec.code != code
    }


def _is_arm(spec: Spec) -> bool:
    """A mention of a state's government, forces, courts or police (not the state)."""
    return spec.sector in STATE_SECTORS and spec.kb_id is None


__all__ = ["code_unmarked_arms"]
