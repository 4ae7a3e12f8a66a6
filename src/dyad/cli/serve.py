"""``dyad serve``: the HTTP API and the dashboard over a store."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from dyad.cli.common import checked_resources, handle_errors, settings_from
from dyad.errors import DyadError


def _check_port(host: str, port: int) -> None:
    """Raise a one-line DyadError when ``host:port`` cannot be listened on."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as e:
        raise DyadError(
            f"cannot listen on {host}:{port}: {e.strerror or e}; "
            "pick another --port or --host"
        ) from e


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The DuckDB store to serve (default: the db setting, dyad.duckdb).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="DYAD_TOKEN",
    default=None,
    help="Secret every request must carry (needed off loopback; env DYAD_TOKEN).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Host name clients may use besides localhost; may repeat.",
)
@click.pass_context
@handle_errors
def serve(
    ctx: click.Context,
    db: Path | None,
    host: str,
    port: int,
    token: str | None,
    allow_hosts: tuple[str, ...],
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over a store, read-only.

    Off loopback (--host 0.0.0.0) a token is required and checked on every request.

    Example:
        dyad serve --db dyad.duckdb --port 8000
    """
    import uvicorn

    from dyad.store import Store
    from dyad.web.app import create_app
    from dyad.web.security import access_for_bind

    settings = settings_from(ctx, db=db)
    checked_resources(settings)  # a bad data file: file:line, exit 2, before any work
    access = access_for_bind(host, token=token, extra_hosts=allow_hosts)
    # a missing, foreign or outdated file fails here; serving never migrates (#12)
    with Store(settings.db, read_only=True, migrate=False) as store:
        store.con  # noqa: B018 — opening checks the schema
    _check_port(host, port)
    click.echo(f"dyad: serving {settings.db} on http://{host}:{port}/", err=True)
    app = create_app(settings, access=access)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = (serve,)
