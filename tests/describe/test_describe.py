"""Headline, dek, date, outlet, byline, credits and digest splitting on hand-built articles."""

from __future__ import annotations

from storyline.clean import Cleaner
from storyline.describe import DescribeOptions, Describer, Splitter
from storyline.model import Article
from tests.conftest import make_article

P1 = ("The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next month "
      "after three weeks of repairs that stranded hundreds of ferry passengers.")  # fmt: skip
P2 = ("Ferry operators said the closure had cost them more than 2 million crowns, and a union leader, "
      "Marta Olsen, said workers had not been paid since the middle of January.")  # fmt: skip
P3 = ("The city council will debate the repair bill on Friday, officials said, and the opposition has "
      "promised to ask why the quay was left without maintenance for so long.")  # fmt: skip


def run(text: str, **kw: object) -> list[Article]:
    art = Cleaner()(make_article(text, **kw))  # type: ignore[arg-type]
    return [Describer()(p) for p in Splitter()(art)]


def test_headline_duplicate_dek_date_line_byline_and_credit() -> None:
    text = "\n\n".join([
        "World", "14 Feb, 2023 09:12", "Quay to reopen after repairs", "Quay to reopen after repairs",
        "The harbour authority of Port Selan says the eastern quay will reopen next month after repairs",
        "By Anna Petrov, Senior Correspondent", P1, P2, P3,
        "Meridian Wire writer Jana Oduya in Port Selan contributed to this report.",
    ])  # fmt: skip
    (art,) = run(text)
    assert art.headline == "Quay to reopen after repairs"
    assert art.dek and art.dek.startswith("The harbour authority of Port Selan says")
    assert (art.published, art.published_basis) == ("2023-02-14", "stated")
    assert art.byline == "Anna Petrov" and art.credits == ["Meridian Wire"]
    assert art.text.split("\n\n") == [P1, P2, P3]
    reasons = [r.reason for r in art.removed]
    assert reasons == [
        "section label",
        "date line",
        "headline",
        "duplicate headline",
        "dek",
        "byline",
        "credit line",
    ]
    assert art.language == "en" and art.outlet == "Meridian Wire" and art.outlet_basis == "credit line"


def test_date_prefix_and_no_headline() -> None:
    (art,) = run(f" date 2023-03-02 {P1}\n\n{P2}")
    assert art.headline is None and art.published == "2023-03-02"
    assert art.text.startswith("The harbour authority") and art.removed[0].reason == "date line"


def test_undated_article_has_null_date_and_path_date_is_stated() -> None:
    assert run(f"{P1}\n\n{P2}")[0].published is None
    (art,) = run(f"{P1}\n\n{P2}", path="archive/2023/03/02/quay.txt")
    assert (art.published, art.published_basis) == ("2023-03-02", "stated")


def test_digest_split_at_a_second_headline_and_date_shared() -> None:
    second = "Union calls strike at ferry company over unpaid wages"
    text = f"date 2023-03-02 {P1}\n\n{P2}\n\n{second}\n\n{P3}\n\n{P2}"
    parts = run(text)
    assert [p.source.part for p in parts] == [1, 2]
    assert parts[0].headline is None and parts[1].headline == second
    assert parts[0].text.split("\n\n") == [P1, P2] and parts[1].text.split("\n\n") == [P3, P2]
    assert [p.published for p in parts] == ["2023-03-02", "2023-03-02"]
    assert len({p.id for p in parts}) == 2


def test_short_subheading_or_question_does_not_split() -> None:
    for sub in ("What happens next", "Will the ferries ever return to the eastern quay?"):
        assert len(run(f"{P1}\n\n{P2}\n\n{sub}\n\n{P3}")) == 1


def test_outlet_signatures() -> None:
    (art,) = run(f"PORT SELAN, Valdoria (AP) — {P1}\n\n{P2}")
    assert (art.outlet, art.outlet_basis) == ("Associated Press", "dateline")
    (art,) = run(f"The Coastline Daily is trusted by readers across the region.\n\n{P1}\n\n{P2}")
    assert art.outlet == "The Coastline Daily"
    (art,) = run(f"{P1}\n\n{P2}\n\n© 2023 The Harbor Post. All rights reserved.")
    assert (art.outlet, art.outlet_basis) == ("The Harbor Post", "copyright notice")
    (art,) = run(P1 + " " + P2, source_domain="www.independent.co.uk", outlet="www.independent.co.uk")
    assert art.outlet == "The Independent"


def test_an_outlet_the_user_gave_stands_over_what_the_article_says() -> None:
    """``ingest --outlet`` credits every article; a followed source's outlet credits the
    articles at its addresses or files, and no other."""
    text = f"PORT SELAN, Valdoria (AP) — {P1}\n\n{P2}"
    every = Describer(DescribeOptions(outlet="The Harbor Post"))
    (art,) = [every(p) for p in Splitter()(Cleaner()(make_article(text)))]
    assert (art.outlet, art.outlet_basis) == ("The Harbor Post", "given")
    by_place = Describer(DescribeOptions(given={"feeds/quay.txt": "The Harbor Post"}))
    (art,) = [by_place(p) for p in Splitter()(Cleaner()(make_article(text, path="feeds/quay.txt")))]
    assert (art.outlet, art.outlet_basis) == ("The Harbor Post", "given")
    (other,) = [by_place(p) for p in Splitter()(Cleaner()(make_article(text, path="feeds/other.txt")))]
    assert (other.outlet, other.outlet_basis) == ("Associated Press", "dateline")


def test_too_little_text_is_rejected_with_reason() -> None:
    (art,) = run("Quay to reopen\n\nShort note only.")
    assert art.rejected and "too little text" in art.rejected


def test_site_name_suffix_dropped_from_title_hint() -> None:
    for title in ("Quay to reopen - The Harbor-Post", "Quay to reopen | The Harbor-Post"):
        (art,) = run(f"{P1}\n\n{P2}", title=title, outlet="The Harbor-Post")
        assert art.headline == "Quay to reopen"
    (art,) = run(f"{P1}\n\n{P2}", title="Opinion | Quay to reopen", outlet="The Harbor Post")
    assert art.headline == "Opinion | Quay to reopen"


def test_words_of_scripts_written_without_spaces_are_counted() -> None:
    from storyline.describe.header import word_count

    assert word_count("The quay reopens today after three weeks.") == 7
    assert word_count("港の東側の岸壁が三週間の修理を終えて再開した") >= 10  # no spaces, about 22 characters
    assert word_count("항구의 동쪽 부두가 다시 열렸다") == 5  # Korean puts spaces between words


def test_a_date_in_the_name_of_a_file_of_records_is_no_article_s_date() -> None:
    """A file that is the article may state its date in its path; a WARC or JSONL holding
    many articles may not (a crawl's or a watch round's date is in its name: 2026-12-07 was
    given to 2019 pages a watch fetched)."""
    text = "\n\n".join(["Quay to reopen after repairs", P1, P2, P3])
    (alone,) = run(text, path="news/2023/02/14/quay.txt")
    assert (alone.published, alone.published_source) == ("2023-02-14", "file path")
    art = make_article(text, path="raw/round-20261207T071403-1.warc.gz")
    art.source.record = 3
    (recorded,) = [Describer()(p) for p in Splitter()(Cleaner()(art))]
    assert recorded.published is None and recorded.published_basis is None
