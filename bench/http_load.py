"""Load test of the HTTP service on this machine: throughput, p50, p99 and errors (#12).

Loopback only and bounded: it refuses any address that is not this machine, sends at
most --requests requests and stops after --seconds, whichever comes first. Either give
--url of a running ``dyad serve`` on 127.0.0.1/localhost, or --db to have a server
started (and stopped) for the run.

Example:
    python bench/http_load.py --db dyad.duckdb --clients 20 --requests 2000
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

MAX_REQUESTS = 100_000
MAX_SECONDS = 600.0
MAX_CLIENTS = 200
DEFAULT_PATHS = (
    "/",
    "/api/overview",
    "/api/health",
    "/api/events?limit=20",
    "/api/articles?limit=20",
    "/api/clusters?limit=20",
    "/articles",
    "/search?type=CONSULT",
)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Tally:
    """What the clients measured, shared under a lock."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    by_path: dict[str, list[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    sent: int = 0

    def take_ticket(self, limit: int) -> int | None:
        with self.lock:
            if self.sent >= limit:
                return None
            self.sent += 1
            return self.sent - 1

    def record(self, path: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_path.setdefault(path, []).append(seconds)
            if error is not None:
                self.errors[error] = self.errors.get(error, 0) + 1


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _client(
    host: str,
    port: int,
    paths: list[str],
    tally: Tally,
    args: argparse.Namespace,
    deadline: float,
) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Host": f"localhost:{port}"}
    if args.token:
        headers["Authorization"] = f"Bearer {args.token}"
    while time.monotonic() < deadline:
        ticket = tally.take_ticket(args.requests)
        if ticket is None:
            break
        path = paths[ticket % len(paths)]
        start = time.perf_counter()
        error = None
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status >= 400:
                error = f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as e:
            error = type(e).__name__
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
        tally.record(path, time.perf_counter() - start, error)
    connection.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(db: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    dyad = Path(sys.executable).with_name("dyad")
    server = subprocess.Popen(
        [
            str(dyad),
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("http_load: the server did not start within 60 s")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8000")
    where.add_argument("--db", type=Path, help="serve this store for the run")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--path", action="append", dest="paths", help="may repeat")
    parser.add_argument("--token", default=os.environ.get("DYAD_TOKEN"))
    args = parser.parse_args()
    if not (1 <= args.clients <= MAX_CLIENTS):
        parser.error(f"--clients must be 1..{MAX_CLIENTS}")
    if not (1 <= args.requests <= MAX_REQUESTS):
        parser.error(f"--requests must be 1..{MAX_REQUESTS}")
    if not (0 < args.seconds <= MAX_SECONDS):
        parser.error(f"--seconds must be in (0, {MAX_SECONDS:.0f}]")
    return args


def _report(tally: Tally, seconds: float, clients: int) -> dict[str, object]:
    done = len(tally.latencies)
    return {
        "requests": done,
        "clients": clients,
        "seconds": round(seconds, 2),
        "throughput_per_s": round(done / seconds, 1) if seconds else None,
        "p50_ms": round(_percentile(tally.latencies, 0.50) * 1000, 1),
        "p99_ms": round(_percentile(tally.latencies, 0.99) * 1000, 1),
        "errors": sum(tally.errors.values()),
        "error_kinds": tally.errors,
        "paths": {
            path: {
                "n": len(values),
                "p50_ms": round(_percentile(values, 0.50) * 1000, 1),
                "p99_ms": round(_percentile(values, 0.99) * 1000, 1),
            }
            for path, values in sorted(tally.by_path.items())
        },
    }


def main() -> None:
    """Run the load test and print its figures as JSON (stdout) and a line (stderr)."""
    args = _arguments()
    server = None
    if args.db is not None:
        server, port = _start_server(args.db)
        host = "127.0.0.1"
    else:
        parts = urlsplit(args.url)
        host, port = parts.hostname or "", parts.port or 80
        if host not in LOOPBACK:
            raise SystemExit(
                f"http_load: {host!r} is not loopback; refusing to load it"
            )
    paths = args.paths or list(DEFAULT_PATHS)
    tally = Tally()
    start = time.monotonic()
    deadline = start + args.seconds
    try:
        threads = [
            threading.Thread(
                target=_client, args=(host, port, paths, tally, args, deadline)
            )
            for _ in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    report = _report(tally, time.monotonic() - start, args.clients)
    print(json.dumps(report, indent=2))  # noqa: T201 — a script's output
    print(  # noqa: T201
        f"http_load: {report['requests']} requests, {args.clients} clients: "
        f"{report['throughput_per_s']}/s, p50 {report['p50_ms']} ms, "
        f"p99 {report['p99_ms']} ms, {report['errors']} errors",
        file=sys.stderr,
    )
    if report["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
