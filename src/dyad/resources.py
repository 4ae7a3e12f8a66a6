"""Load the spaCy model and the knowledge data files once per process, and validate them.

Each knowledge file is read by the loader of its subject in ``dyad.knowledge`` (the shared
YAML reader, which reports ``file:line: message``, is ``dyad.knowledge.files``); this module
owns the model and the ``Resources`` bundle the runner passes to the stages.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.errors import ResourceError
from dyad.knowledge.files import data_file
from dyad.settings import MODEL_PACKAGE, MODEL_VERSION, Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from dyad.knowledge.actors import ActorKB
    from dyad.knowledge.clean import CleanRules
    from dyad.knowledge.events import EventLexicon
    from dyad.knowledge.grammar import Grammar
    from dyad.knowledge.places import Gazetteer
    from dyad.knowledge.quotes import QuoteCues
    from dyad.knowledge.timex import TimexLexicon
    from dyad.stages.events_args import ArgModel
    from dyad.stages.events_model import EventModel

logger = logging.getLogger(__name__)


@functools.cache
def load_model(name: str) -> Language:
    """Return the spaCy pipeline ``name``, loaded once per process.

    Raises:
        ResourceError: the model package is not installed; the message says what to install.
    """
    import spacy  # imported here so that commands which never parse start fast

    try:
        return spacy.load(name)
    except OSError as e:
        raise ResourceError(
            f"spaCy model {MODEL_PACKAGE} {MODEL_VERSION} is not installed; "
            f"run: pip install {MODEL_PACKAGE}=={MODEL_VERSION}"
        ) from e


@dataclass
class Resources:
    """The model and knowledge a run needs, each loaded on first use and then kept.

    Build one per process with ``Resources(settings)`` and pass it to the runner.
    """

    settings: Settings = field(default_factory=Settings)

    @functools.cached_property
    def nlp(self) -> Language:
        """The pinned spaCy pipeline, with the paragraph-break component in place.

        The component is added here, once, so that parsing never changes the model.
        """
        from dyad.stages.nlp import add_paragraph_breaker

        return add_paragraph_breaker(load_model(self.settings.model))

    @functools.cached_property
    def clean_rules(self) -> CleanRules:
        """Boilerplate and credit patterns for the clean stage."""
        from dyad.knowledge.clean import load_clean_rules

        return load_clean_rules(self.settings.data_dir)

    @functools.cached_property
    def actor_kb(self) -> ActorKB:
        """The actor knowledge base: states, IGOs, office holders, titles, groups."""
        from dyad.knowledge.actor_files import load_actor_kb

        return load_actor_kb(self.settings.actor_files, self.settings.data_dir)

    @functools.cached_property
    def gazetteer(self) -> Gazetteer:
        """The offline place gazetteer."""
        from dyad.places_index import load_gazetteer  # #13: cached on disk

        return load_gazetteer(self.settings.data_dir)

    @functools.cached_property
    def event_lexicon(self) -> EventLexicon:
        """Event trigger lexicon and patterns."""
        from dyad.knowledge.events import load_event_lexicon

        return load_event_lexicon(self.settings.event_files, self.settings.data_dir)

    @functools.cached_property
    def timex_lexicon(self) -> TimexLexicon:
        """Month, weekday and relative-time words for the timex stage."""
        from dyad.knowledge.timex import TIMEX_FILE, parse_timex_lexicon

        return parse_timex_lexicon(self.data_file(*TIMEX_FILE))

    @functools.cached_property
    def quote_cues(self) -> QuoteCues:
        """Speech verbs and other cues for the quotes stage."""
        from dyad.knowledge.quotes import CUES_FILE, parse_quote_cues

        return parse_quote_cues(self.data_file(*CUES_FILE))

    @functools.cached_property
    def grammar(self) -> Grammar:
        """Closed-class words (prepositions, auxiliaries, pronouns, quantifiers)."""
        from dyad.knowledge.grammar import GRAMMAR_FILE, parse_grammar

        return parse_grammar(self.data_file(*GRAMMAR_FILE))

    @functools.cached_property
    def event_model(self) -> EventModel | None:
        """The learned event coder (None when switched off or not yet trained)."""
        from dyad.stages.events_model import load_event_model

        path = self.data_file("models", "events.json")
        if not self.settings.event_model or not path.exists():
            return None
        return load_event_model(path)

    @functools.cached_property
    def arg_model(self) -> ArgModel | None:
        """The learned argument model (None when switched off or not yet trained)."""
        from dyad.stages.events_args import load_arg_model

        path = self.data_file("models", "args.json")
        if not self.settings.arg_model or not path.exists():
            return None
        return load_arg_model(path)

    def data_file(self, *parts: str) -> Path:
        """Return the data file ``parts``: the user's copy under ``settings.data_dir``
        when there is one, else the packaged file."""
        return data_file(self.settings.data_dir, *parts)

    def validate(self) -> None:
        """Load and check every data file now, so a mistake fails at start-up with
        ``file:line: message`` rather than in the first article.

        Raises:
            ResourceError: a data file is missing or malformed.
        """
        for name in VALIDATED:
            getattr(self, name)


# The data the runner passes to stages, checked by ``Resources.validate``: the small
# files a user may replace in ``data_dir`` first, so that a mistake there fails fast.
VALIDATED = (
    "grammar",
    "quote_cues",
    "timex_lexicon",
    "clean_rules",
    "event_lexicon",
    "actor_kb",
    "gazetteer",
    "event_model",
    "arg_model",
)
