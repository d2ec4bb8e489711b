"""The stage loop: stages as data, the rejected-article guard, names and times recorded,
``until``, one way to turn rejected articles into rejects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from storyline.model import Article
from storyline.pipeline import (
    STAGES,
    PipelineOptions,
    extract_batch,
    finish_batch,
    run_stages,
    split_rejected,
    stages,
)
from tests.conftest import agency_page, make_article

TEXT = (
    "Quay to reopen after repairs\n\nThe harbour authority of Port Selan said on Tuesday that "
    "the eastern quay would reopen next month after three weeks of repairs, and that ferries "
    "would return to it soon after."
)


class Gate:
    name = "gate"

    def __call__(self, article: Article) -> Article:
        if "bad" in article.raw:
            article.rejected = "a bad article"
        return article


class Split:
    name = "halves"

    def __call__(self, article: Article) -> list[Article]:
        return [article, make_article(article.raw + " (second part)")]


class Batched:
    name = "batched"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            self.seen.append(article.raw)
            yield article

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))


def test_a_rejected_article_skips_the_later_stages_in_its_place() -> None:
    arts = [make_article("one"), make_article("bad two"), make_article("three")]
    batched = Batched()
    seconds: dict[str, float] = {}
    out = run_stages(arts, [Gate(), Split(), batched], seconds)
    assert [a.raw for a in out] == [
        "one", "one (second part)", "bad two", "three", "three (second part)",
    ]  # fmt: skip
    assert batched.seen == ["one", "one (second part)", "three", "three (second part)"]
    assert out[0].stages == ["gate", "halves", "batched"] and out[2].stages == ["gate"]
    assert out[1].stages == ["halves", "batched"]  # a part starts at the stage that made it
    assert set(seconds) == {"gate", "halves", "batched"}
    good, rejects = split_rejected(out)
    assert len(good) == 4 and [(r.stage, r.reason) for r in rejects] == [("gate", "a bad article")]


def test_the_stages_of_a_run_follow_until() -> None:
    every = [s.name for s in stages(PipelineOptions())]
    assert every == list(STAGES[:-1])  # per-article stages; link is corpus-wide
    assert [s.name for s in stages(PipelineOptions(until="describe"))] == [
        "extract", "clean", "split", "describe",
    ]  # fmt: skip
    assert [s.name for s in stages(PipelineOptions(until="extract"), first="clean")] == []
    with pytest.raises(ValueError, match="unknown stage"):
        PipelineOptions(until="publish")


def test_stage_names_in_the_records_are_the_names_until_takes() -> None:
    options = PipelineOptions(until="read")
    (art,) = finish_batch(extract_batch([make_article(TEXT)], options), {}, options)
    assert art.stages == list(STAGES[: STAGES.index("read") + 1])
    (short,) = finish_batch(extract_batch([make_article("Too short.")], options), {}, options)
    good, rejects = split_rejected([short])
    assert not good and rejects[0].stage == "describe" and "too little text" in rejects[0].reason


class Boom:
    """A stage that raises on the articles whose raw text says "bad"."""

    name = "boom"

    def __init__(self, error: type[BaseException] = ValueError) -> None:
        self.error = error

    def __call__(self, article: Article) -> Article:
        if "bad" in article.raw:
            raise self.error("cannot read this one")
        return article


class BatchedBoom(Boom):
    """The batched form of ``Boom``: one bad article makes the whole batch raise."""

    name = "batched boom"

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[list[str]] = []

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        batch = list(articles)
        self.batches.append([a.raw for a in batch])
        return iter([self(a) for a in batch])


def test_a_stage_that_raises_on_one_article_rejects_that_article_and_the_run_goes_on() -> None:
    arts = [make_article("one"), make_article("bad two"), make_article("three")]
    batched = Batched()
    out = run_stages(arts, [Boom(), batched])
    good, rejects = split_rejected(out)
    assert [a.raw for a in good] == ["one", "three"] and batched.seen == ["one", "three"]
    assert [(r.source.path, r.stage, r.reason) for r in rejects] == [
        ("test.txt", "boom", "error in stage boom: ValueError: cannot read this one")
    ]


def test_a_batched_stage_that_raises_is_run_again_one_article_at_a_time() -> None:
    arts = [make_article("one"), make_article("bad two"), make_article("three")]
    stage = BatchedBoom()
    out = run_stages(arts, [stage, Gate()])
    assert stage.batches == [["one", "bad two", "three"], ["one"], ["bad two"], ["three"]]
    good, rejects = split_rejected(out)
    assert [a.raw for a in good] == ["one", "three"]
    assert all(a.stages == ["batched boom", "gate"] for a in good)
    assert [(r.stage, r.reason) for r in rejects] == [
        ("batched boom", "error in stage batched boom: ValueError: cannot read this one")
    ]


@pytest.mark.parametrize("error", [MemoryError, KeyboardInterrupt, SystemExit])
def test_an_error_that_is_not_about_the_article_ends_the_run(error: type[BaseException]) -> None:
    with pytest.raises(error):
        run_stages([make_article("one"), make_article("bad two")], [Boom(error)])


def test_a_page_whose_json_ld_has_escaped_quotes_reads_its_publisher_as_the_outlet() -> None:
    page = make_article(agency_page(), fmt="html", path="agency.html")
    options = PipelineOptions(until="describe")
    (art,) = finish_batch(extract_batch([page], options), {}, options)
    assert not art.rejected and art.stages == ["extract", "clean", "split", "describe"]
    assert art.outlet == 'Агентство "Полтава-Інфо"' and art.published == "2024-05-12"
