"""``dyad serve``: the HTTP API and the dashboard over a store."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from dyad.cli.common import handle_errors, settings_from
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
@click.pass_context
@handle_errors
def serve(ctx: click.Context, db: Path | None, host: str, port: int) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over a store, read-only.

    Example:
        dyad serve --db dyad.duckdb --port 8000
    """
    import uvicorn

    from dyad.store import Store
    from dyad.web.app import create_app

    settings = settings_from(ctx, db=db)
    Store(settings.db, read_only=True).close()  # a missing or foreign file fails here
    _check_port(host, port)
    click.echo(f"dyad: serving {settings.db} on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


COMMANDS = (serve,)
