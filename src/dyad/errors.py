"""Exceptions and the catalogue of problem codes.

The exception tree::

    DyadError                 anything dyad raises on purpose
    ├── ConfigError           a settings file or option is invalid
    ├── InputError            an input cannot be read at all (missing, empty, binary, …)
    ├── ResourceError         the spaCy model or a data file is missing or invalid
    └── StoreError            the database cannot be opened, migrated or written

Per-article conditions that are expected (an empty page, the wrong language, an
unparseable date) are not exceptions: they become ``records.Problem`` rows whose ``code``
is one of ``PROBLEM_CODES``.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose; the CLI prints it as one line."""


class ConfigError(DyadError):
    """Raised when a settings file, option or user data file is invalid."""


class InputError(DyadError):
    """Raised when an input cannot be read as text at all (missing, binary, too large)."""


class ResourceError(DyadError):
    """Raised when the spaCy model or a packaged/user data file is missing or invalid."""


class StoreError(DyadError):
    """Raised when the store cannot be opened, migrated or written."""


PROBLEM_CODES: dict[str, str] = {
    "clean.empty_text": "the article has no text left after cleaning",
    "clean.boilerplate_removed": "a line of page debris was removed",
    "clean.credit_moved": "a wire credit line was moved into article.credits",
    "clean.truncated": "the text was longer than the size limit and was cut",
    "clean.control_characters": "control characters were removed from the text",
    "clean.date_out_of_range": "the publication date is not a plausible date; dropped",
    "input.binary": "the input looks like binary data, not text",
    "input.encoding": "the input is not valid UTF-8; it was decoded with replacement",
    "input.too_large": "the input is larger than the size limit",
    "input.empty": "the input is empty",
    "input.malformed": "a record of the input could not be parsed",
    "input.bad_url": "a URL of the input is not a valid URL; the document kept without it",
    "input.too_deep": "a JSON record nests deeper than the limit",
    "input.duplicate_id": "a record repeats the id of an earlier one with other content",
    "input.truncated": "an archive or compressed file ends in the middle of a record",
    "language.not_english": "the text does not look like English; results will be poor",
    "actors.none_found": "no actor was found in the article",
    "actors.user_file": "a user actor file entry was ignored",
    "timex.unparseable": "a time expression could not be normalised",
    "events.none_found": "no event was found in the article",
    "places.unresolved": "a place name could not be resolved to a country",
    "quotes.unbalanced": "a quotation mark has no partner",
    "quotes.no_speaker": "a quotation has no speaker",
    "ingest.failed": "an article failed in a stage; see failures",
    "ingest.duplicate": "the same text as an article already read; not stored again",
}
