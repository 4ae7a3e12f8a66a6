"""Checks of typed codes on the command line: unknown ones are usage errors (exit 2).

``--actor``, ``--recipient`` and a dyad's two codes take a code, a two-letter code or a
country name (``USA``, ``us``, ``United States``) and become the three-letter code; an
unknown one stops the command with the nearest codes suggested, instead of an empty
answer that looks like "no events". ``--type`` is one of the 16 PLOVER types, any case.
"""

from __future__ import annotations

import click

from dyad.records import EventType

EVENT_TYPES = click.Choice([str(t) for t in EventType], case_sensitive=False)


def code_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Return the actor code ``value`` names; raise a usage error with suggestions."""
    if value is None or not value.strip():
        return None
    from dyad.codes import UnknownCode, resolve_code

    try:
        return resolve_code(value)
    except UnknownCode as e:
        raise click.BadParameter(str(e), ctx=ctx, param=param) from e


def type_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Return the PLOVER type in upper case (the choice check is case-blind)."""
    return value.upper() if value else None
