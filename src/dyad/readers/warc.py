"""WARC and ARC archives: one page per HTML or text response, bad records as problems.

warcio reads the archive; what it cannot read (garbage, another format, a record or
gzip member cut short) becomes an ``InputError`` or a ``Problem`` naming the record (#12).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from dyad.errors import InputError
from dyad.readers.parsing import problem
from dyad.records import Problem

# What warcio raises on malformed headers besides ArchiveLoadFailed (found by the fuzz
# suite, #12): a missing URI, a header line without a colon, a cut gzip member.
_WARCIO_ERRORS = (
    EOFError,
    OSError,
    ValueError,
    AttributeError,
    TypeError,
    KeyError,
    IndexError,
    zlib.error,
)


def warc_pages(
    stream: IO[bytes], *, origin: str
) -> Iterator[tuple[str, str, bytes] | Problem]:
    """Yield ``(origin, url, body)`` of each HTML or text response in a WARC stream.

    A record cut short (a truncated file, a gzip member that never ends) is a problem
    naming its number, after the whole records before it (#12).

    Raises:
        InputError: the stream is not a WARC (or ARC) archive.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        records = ArchiveIterator(stream)
        for number, record in enumerate(records, start=1):
            where = f"{origin}#record-{number}"
            _check_archive_record(record, where)
            page = _warc_page(record, where)
            if getattr(record.raw_stream, "limit", 0) > 0:  # bytes still owed
                yield problem("input.truncated", f"{where}: record is cut short")
            elif page is not None:
                yield page
        if records.offset < stream.tell():
            yield problem(
                "input.truncated",
                f"{origin}#record-{number + 1}: the archive ends inside this record",
            )
    except (ArchiveLoadFailed, *_WARCIO_ERRORS) as e:
        raise InputError(
            f"{origin}: unreadable WARC archive at record {number + 1}: "
            f"{type(e).__name__}: {e}"
        ) from e


def _check_archive_record(record: Any, where: str) -> None:
    """Raise InputError unless ``record`` has the headers of a WARC or ARC record."""
    if record.format == "arc":
        uri = record.rec_headers.get_header("uri") or ""
        valid = "://" in uri or uri.startswith(("filedesc:", "dns:"))
    else:
        valid = bool(record.rec_headers.get_header("WARC-Type"))
    if not valid:
        raise InputError(
            f"{where}: not a WARC or ARC record (garbage or another format)"
        )


def _warc_page(record: Any, where: str) -> tuple[str, str, bytes] | None:
    """Return the page of a response record with an HTML or text body, else None."""
    body = record.content_stream().read()  # read first: the length check needs it
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers if record.http_headers is None else record.http_headers
    kind = headers.get_header("Content-Type") or ""
    if "html" not in kind and "text/plain" not in kind:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    return where, url, body
