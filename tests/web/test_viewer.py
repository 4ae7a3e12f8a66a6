"""The article viewer's markup: nesting, cutting crossing spans, escaping, anchors."""

from __future__ import annotations

from html.parser import HTMLParser

from dyad.records import Article, ArticleResult, Mention, Quote, QuoteKind
from dyad.web.viewer import Span, highlight, nest_spans

from .storefixture import _first


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1
        assert self.depth >= 0

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check(markup: str) -> str:
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.depth == 0
    return "".join(parser.text)


def test_highlight_keeps_the_text_and_marks_every_record() -> None:
    result = _first()
    markup = highlight(result)
    assert _check(markup) == result.article.text
    assert markup.count("hl-actor") == len(result.mentions)
    assert markup.count("hl-event") == len(result.events)
    assert markup.count("hl-time") == len(result.times)
    assert 'id="ev-e1"' in markup
    assert 'id="q-q1"' in markup


def test_tooltips_carry_the_codes() -> None:
    markup = highlight(_first())
    assert "CONSULT" in markup
    assert "Antony Blinken (USA GOV)" in markup
    assert "time: 2023-06-19 (day)" in markup


def test_spans_nest_inside_their_container() -> None:
    root = nest_spans(
        [Span(0, 10, "quote", ""), Span(2, 4, "actor", ""), Span(6, 8, "time", "")], 12
    )
    assert [c.kind for c in root.children] == ["quote"]
    assert [c.kind for c in root.children[0].children] == ["actor", "time"]


def test_crossing_span_is_cut_at_its_container_end() -> None:
    root = nest_spans([Span(0, 5, "quote", ""), Span(3, 8, "actor", "")], 10)
    actor = root.children[0].children[0]
    assert (actor.start, actor.end) == (3, 5)


def test_text_is_escaped_and_bad_offsets_are_skipped() -> None:
    text = "<b>Tom & Jerry</b>"
    result = ArticleResult(
        article=Article(article_id="x", text=text),
        mentions=(
            Mention(
                article_id="x",
                actor_id="a1",
                text="Tom",
                start=3,
                end=6,
                sentence_index=0,
            ),
            Mention(
                article_id="x",
                actor_id="a2",
                text="?",
                start=15,
                end=99,
                sentence_index=0,
            ),
        ),
        quotes=(
            Quote(
                article_id="x",
                quote_id="q",
                kind=QuoteKind.DIRECT,
                text="T",
                start=4,
                end=4,
                sentence_index=0,
                speaker_id=None,
                speaker_text=None,
                cue=None,
            ),
        ),
    )
    markup = highlight(result)
    assert "<b>" not in markup
    assert "&lt;b&gt;" in markup
    assert markup.count("hl-actor") == 1
    assert _check(markup) == text
