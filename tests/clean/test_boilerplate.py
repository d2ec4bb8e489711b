"""Table-driven: (line, reason it is removed) and the prose that must survive."""

from __future__ import annotations

import pytest

from storyline.clean.boilerplate import clean_text, is_prose, line_key

LEDE = "The harbour authority said on Tuesday that the eastern quay of Port Selan would reopen next month."
SECOND = "Ferry operators had warned that a longer closure would cost them about 2 million crowns."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share this:", "share widget"),
        ("Like this:", "share widget"),
        ("%d bloggers like this:", "share widget"),
        ("Facebook Twitter WhatsApp Email", "share widget"),
        ("Leave a Reply", "comment form"),
        ("Your email address will not be published. Required fields are marked *", "comment form"),
        ("Our readers are reading too", "related links"),
        ("READ MORE: Ferry strike enters its third week", "related links"),
        ("Youtube video thumbnail", "media or ad placeholder"),
        ("Podcasts", "media or ad placeholder"),
        ("Advertisement", "media or ad placeholder"),
        ("0:00", "media timer"),
        ("24:13", "media timer"),
        ("International", "section label"),
        ("© 2023 The Harbor Post. All rights reserved.", "copyright notice"),
        ("icon bookmark icon camera icon chevron down icon close icon share icon mail", "icon row"),
        ("Sign up for our morning newsletter", "newsletter prompt"),
        ("Your support keeps our reporters in the field.", "donation appeal"),
        ("We use cookies to improve your experience. Accept all cookies", "cookie notice"),
        ("★ ★ ★ ★", "non-prose symbols"),
        ("Harbour news in pictures", "section label"),
        ("Show all 24", "page control"),
        ("Load more", "page control"),
        ("Back to top", "page control"),
        ("Loading tide data ...", "media or ad placeholder"),
        ("Article by", "metadata label"),
        ("Published on", "metadata label"),
        ("Subscribe to Harbor Plus to bookmark this article", "subscription prompt"),
        ("Want to bookmark your favourite stories to read later?", "subscription prompt"),
        ("Follow us: Harbor News | Facebook | X", "social or app prompt"),
    ],
)
def test_boilerplate_line_removed_with_reason(line: str, reason: str) -> None:
    text, removed = clean_text(f"{LEDE}\n\n{line}\n\n{SECOND}")
    assert text == f"{LEDE}\n\n{SECOND}"
    assert [(r.text, r.reason) for r in removed] == [(line, reason)]


def test_prose_like_the_new_families_is_kept() -> None:
    prose = [
        "Voters must register by Friday to save their place on the roll, the council said.",
        "Readers who want to see all of the photographs can visit the museum until May.",
        "The article by the harbour master was published on Monday in the council bulletin.",
    ]
    text, removed = clean_text("\n\n".join([LEDE, *prose, SECOND]))
    assert removed == [] and all(p in text for p in prose)


def test_appeal_glued_to_first_sentence_keeps_the_sentence() -> None:
    raw = f"Your gift makes all the difference.{LEDE}\n{SECOND}"
    text, removed = clean_text(raw)
    assert text.split("\n\n") == [LEDE, SECOND]
    assert removed[0].text == "Your gift makes all the difference." and removed[0].reason == "donation appeal"


def test_appeal_block_swallows_the_paragraph_it_encloses() -> None:
    raw = "\n".join([
        "Your support helps us to tell the story",
        "From the harbour to the hills, we are there when the story breaks and we stay after it ends.",
        "The Coastline Daily is trusted by readers across the whole region, and we keep it free.",
        LEDE,
        SECOND,
    ])  # fmt: skip
    text, removed = clean_text(raw)
    assert text.split("\n\n") == [LEDE, SECOND]
    assert {r.reason for r in removed} == {"donation appeal"} and len(removed) == 3


def test_quoted_we_next_to_an_appeal_is_not_outlet_voice() -> None:
    quote = '"We will reopen the quay," the harbour master said.'
    text, _ = clean_text(f"Your donation helps us report.{quote}\n{SECOND}")
    assert text.split("\n\n") == [quote, SECOND]


def test_repeated_lines_removed_at_edges_and_when_not_prose_but_prose_kept() -> None:
    counts = {line_key("Harbor Post Morning Edition"): 9, line_key(SECOND): 9}
    raw = f"Harbor Post Morning Edition\n{LEDE}\n{SECOND}\n{LEDE}"
    text, removed = clean_text(raw, repeats=lambda k: counts.get(k, 0))
    assert [r.reason for r in removed] == ["repeated in 9 other articles"]
    assert SECOND in text  # a wire sentence shared by many articles, mid-story: kept


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (
        "The harbour authority said on Tuesday that the eastern\nquay would reopen next month after repairs."
    )
    text, _ = clean_text(raw)
    assert text == (
        "The harbour authority said on Tuesday that the eastern quay would reopen next month after repairs."
    )


def test_helpers() -> None:
    assert is_prose(LEDE) and not is_prose("Share this")
    assert line_key("  Share  THIS 2023 ") == "share this 0"
