"""A small real store for the web tests, built from hand-made records.

Three short articles (two about the United States and China, one about Russia and
Ukraine) with actors, mentions, times, events and quotes whose offsets are found in
the text, written through the store's own write methods.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyad.records import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    DateSource,
    Event,
    EventDate,
    EventType,
    Location,
    Mention,
    Modality,
    Precision,
    Quote,
    QuoteKind,
    RawDocument,
    Sentence,
    TimeExpr,
)
from dyad.store import PendingArticle, Store

QUADS = {
    EventType.CONSULT: 1,
    EventType.AGREE: 1,
    EventType.ACCUSE: 3,
    EventType.SANCTION: 4,
    EventType.ASSAULT: 4,
    EventType.AID: 2,
}
TEXT_1 = (
    "Blinken meets Xi in Beijing\n"
    "US Secretary of State Antony Blinken met Chinese President Xi Jinping in "
    "Beijing on Monday. China accused Washington of spreading lies about its "
    "balloon.\n"
    "“We want stable relations with China,” Blinken said. “Talks help.” "
    "The two sides could agree on new "
    "talks next month."
)
TEXT_2 = (
    "US imposes sanctions\n"
    "The United States imposed sanctions on Chinese chip makers on Friday. "
    "Beijing protested."
)
TEXT_3 = (
    "Shelling in Kharkiv\n"
    "Russian forces shelled Kharkiv on Tuesday, Ukraine said. The European Union "
    "sent aid to Ukraine."
)


def _at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for index, piece in enumerate(text.replace(". ", ".\n").split("\n")):
        begin = text.index(piece, start)
        out.append(
            Sentence(
                article_id=article_id, index=index, start=begin, end=begin + len(piece)
            )
        )
        start = begin + len(piece)
    return tuple(out)


def _sentence_of(sentences: tuple[Sentence, ...], offset: int) -> int:
    return next(s.index for s in sentences if s.start <= offset < s.end)


class _Builder:
    """Collects the records of one article with offsets looked up in its text."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = _sentences(article.article_id, article.text)
        self.actors: list[Actor] = []
        self.mentions: list[Mention] = []
        self.times: list[TimeExpr] = []
        self.events: list[Event] = []
        self.quotes: list[Quote] = []

    def actor(
        self,
        actor_id: str,
        name: str,
        kind: ActorKind,
        code: str | None,
        sector: str | None,
        *surfaces: str,
    ) -> str:
        self.actors.append(
            Actor(
                article_id=self.article.article_id,
                actor_id=actor_id,
                name=name,
                kind=kind,
                code=code,
                sector=sector,
            )
        )
        for surface in surfaces:
            start, end = _at(self.article.text, surface)
            self.mentions.append(
                Mention(
                    article_id=self.article.article_id,
                    actor_id=actor_id,
                    text=surface,
                    start=start,
                    end=end,
                    sentence_index=_sentence_of(self.sentences, start),
                )
            )
        return actor_id

    def time(self, time_id: str, words: str, value: str, precision: Precision) -> None:
        start, end = _at(self.article.text, words)
        self.times.append(
            TimeExpr(
                article_id=self.article.article_id,
                time_id=time_id,
                text=words,
                start=start,
                end=end,
                sentence_index=_sentence_of(self.sentences, start),
                value=value,
                precision=precision,
                anchor=self.article.published,
            )
        )

    def event(
        self,
        event_id: str,
        kind: EventType,
        trigger: str,
        actors: tuple[str, ...],
        recipients: tuple[str, ...],
        *,
        day: str | None = None,
        modality: Modality = Modality.ASSERTED,
        place: Location | None = None,
    ) -> None:
        start, end = _at(self.article.text, trigger)
        date = (
            EventDate(value=day, precision=Precision.DAY, source=DateSource.TEXT)
            if day
            else None
        )
        self.events.append(
            Event(
                article_id=self.article.article_id,
                event_id=event_id,
                type=kind,
                mode=None,
                cameo="040",
                quad=QUADS[kind],
                intensity=1.0,
                actor_ids=actors,
                recipient_ids=recipients,
                trigger_text=trigger,
                trigger_start=start,
                trigger_end=end,
                sentence_index=_sentence_of(self.sentences, start),
                modality=modality,
                rule="test.hand_built",
                confidence=0.9,
                date=date,
                location=place,
            )
        )

    def quote(self, quote_id: str, words: str, speaker: str) -> None:
        start, end = _at(self.article.text, words)
        self.quotes.append(
            Quote(
                article_id=self.article.article_id,
                quote_id=quote_id,
                kind=QuoteKind.DIRECT,
                text=words,
                start=start,
                end=end,
                sentence_index=_sentence_of(self.sentences, start),
                speaker_id=speaker,
                speaker_text="Blinken",
                cue="said",
            )
        )

    def result(self) -> ArticleResult:
        return ArticleResult(
            article=self.article,
            sentences=self.sentences,
            actors=tuple(self.actors),
            mentions=tuple(sorted(self.mentions, key=lambda m: m.start)),
            times=tuple(self.times),
            events=tuple(self.events),
            quotes=tuple(self.quotes),
        )


def _article(article_id: str, text: str, published: dt.date) -> Article:
    return Article(
        article_id=article_id,
        text=text,
        title=text.split("\n")[0],
        published=published,
        source="Test Wire",
        url=f"https://news.example/{article_id}",
    )


def _first() -> ArticleResult:
    b = _Builder(_article("art-usa-chn-1", TEXT_1, dt.date(2023, 6, 19)))
    usa_gov = b.actor(
        "a1", "Antony Blinken", ActorKind.PERSON, "USA", "GOV", "Antony Blinken"
    )
    b.mentions.append(
        Mention(
            article_id="art-usa-chn-1",
            actor_id="a1",
            text="Blinken",
            start=0,
            end=7,
            sentence_index=0,
        )
    )
    xi = b.actor("a2", "Xi Jinping", ActorKind.PERSON, "CHN", "GOV", "Xi Jinping")
    china = b.actor("a3", "China", ActorKind.STATE, "CHN", "GOV", "China")
    wash = b.actor("a4", "Washington", ActorKind.STATE, "USA", "GOV", "Washington")
    b.time("t1", "on Monday", "2023-06-19", Precision.DAY)
    b.time("t2", "next month", "2023-07", Precision.MONTH)
    bali = Location(name="Beijing", code="CHN", lat=39.9, lon=116.4)
    b.event(
        "e1", EventType.CONSULT, "met", (usa_gov,), (xi,), day="2023-06-19", place=bali
    )
    b.event("e2", EventType.ACCUSE, "accused", (china,), (wash,), day="2023-06-19")
    b.event(
        "e3",
        EventType.AGREE,
        "agree",
        (usa_gov, xi),
        (),
        modality=Modality.HYPOTHETICAL,
        place=Location(name="Washington", code="USA", lat=38.9, lon=-77.0),
    )
    start, end = _at(TEXT_1, "China", 1)
    b.mentions.append(
        Mention(
            article_id="art-usa-chn-1",
            actor_id=china,
            text="China",
            start=start,
            end=end,
            sentence_index=_sentence_of(b.sentences, start),
        )
    )
    b.quote("q1", "We want stable relations with China,", usa_gov)
    b.quote("q2", "Talks help.", usa_gov)
    return b.result()


def _second() -> ArticleResult:
    b = _Builder(_article("art-usa-chn-2", TEXT_2, dt.date(2023, 8, 11)))
    usa = b.actor(
        "a1", "United States", ActorKind.STATE, "USA", "GOV", "The United States"
    )
    chips = b.actor(
        "a2",
        "Chinese chip makers",
        ActorKind.GROUP,
        "CHN",
        "BUS",
        "Chinese chip makers",
    )
    beijing = b.actor("a3", "Beijing", ActorKind.STATE, "CHN", "GOV", "Beijing")
    b.time("t1", "on Friday", "2023-08-11", Precision.DAY)
    b.event(
        "e1",
        EventType.SANCTION,
        "imposed sanctions",
        (usa,),
        (chips,),
        day="2023-08-11",
    )
    b.event("e2", EventType.ACCUSE, "protested", (beijing,), (usa,), day="2023-08-11")
    return b.result()


def _third() -> ArticleResult:
    b = _Builder(_article("art-rus-ukr", TEXT_3, dt.date(2023, 5, 3)))
    rus = b.actor(
        "a1", "Russian forces", ActorKind.GROUP, "RUS", "MIL", "Russian forces"
    )
    ukr = b.actor("a2", "Ukraine", ActorKind.STATE, "UKR", "GOV", "Ukraine")
    eu = b.actor(
        "a3", "European Union", ActorKind.IGO, "IGO", None, "The European Union"
    )
    kharkiv = Location(name="Kharkiv", code="UKR", lat=50.0, lon=36.25)
    b.event(
        "e1",
        EventType.ASSAULT,
        "shelled",
        (rus,),
        (ukr,),
        day="2023-05-02",
        place=kharkiv,
    )
    b.event("e2", EventType.AID, "sent aid", (eu,), (ukr,), day="2023-05-03")
    return b.result()


def build_store(path: Path) -> Path:
    """Write the three articles (and one event cluster) into a new store at ``path``."""
    results = [_first(), _second(), _third()]
    with Store(path) as store:
        store.put_pending(
            [
                PendingArticle(
                    article_id=r.article.article_id,
                    content_hash=f"hash-{r.article.article_id}",
                    raw=RawDocument(
                        text=r.article.text,
                        title=r.article.title,
                        published=r.article.published,
                        url=r.article.url,
                        origin="tests",
                    ),
                )
                for r in results
            ]
        )
        store.put_outcomes(results, pipeline_version="tests")
        store.put_cluster_members(
            [("c1", "art-usa-chn-2", "e1")],
            [("c1", "SANCTION", ["USA"], ["CHN"], dt.date(2023, 8, 11), None)],
        )
    return path


ODD_ID = "wire/2023 A/S?x=1#2%"


def build_odd_store(path: Path) -> Path:
    """Write one article whose id has URL-special characters into a store."""
    b = _Builder(_article(ODD_ID, TEXT_3, dt.date(2023, 5, 3)))
    rus = b.actor(
        "a1", "Russian forces", ActorKind.GROUP, "RUS", "MIL", "Russian forces"
    )
    ukr = b.actor("a2", "Ukraine", ActorKind.STATE, "UKR", "GOV", "Ukraine")
    b.event("e1", EventType.ASSAULT, "shelled", (rus,), (ukr,), day="2023-05-02")
    result = b.result()
    raw = RawDocument(text=TEXT_3, origin="tests")
    with Store(path) as store:
        store.put_pending(
            [PendingArticle(article_id=ODD_ID, content_hash="h", raw=raw)]
        )
        store.put_outcomes([result], pipeline_version="tests")
    return path
