"""No page stops a run: every HTML page of the shared evaluation data, and mutated markup
(truncated, unbalanced, escaped quotes in JSON-LD, control characters, wrong encodings, huge
attributes, deep nesting), goes through the per-article stages and comes out as an article or
a reject with its reason; nothing raises out of the run."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.inputs.readers import read_bytes
from storyline.model import Article, Reject, Source
from storyline.pipeline import PipelineOptions, run_stages, split_rejected, stages
from storyline.run.embedded import Ingest
from storyline.store import Store
from tests.conftest import shared_path

SETS = (("article-extraction-benchmark", "html"), ("htmldate", "pages"))


def _stored_or_rejected(db: Path, files: list[str], options: PipelineOptions) -> tuple[set[str], float]:
    """Ingest the files; every one stored, a copy of another, or rejected with a reason.
    Returns the paths of the stored articles and the seconds the run took."""
    clock = time.perf_counter()
    with Store(db) as store:
        report = Ingest(store, options).run(files)
        stored = {a.source.path or "" for a in store.articles.each()}
    seconds = time.perf_counter() - clock
    copies = {origin for _, origin in report.duplicates}
    rejected = {r.source.path or "" for r in report.rejects}
    assert all(r.reason and r.stage for r in report.rejects)
    errors = [(r.source.label(), r.reason) for r in report.rejects if r.reason.startswith("error in stage")]
    assert not errors, errors  # a stage that raised: the page says which, and why
    assert set(files) <= stored | copies | rejected, set(files) - stored - copies - rejected
    return stored, seconds


def test_every_page_of_the_evaluation_data_is_stored_or_rejected_with_its_reason(tmp_path: Path) -> None:
    files = sorted(str(p) for name, sub in SETS for p in shared_path("eval", name, sub).glob("*.html.gz"))
    assert len(files) > 900
    # the stages up to describe over every page, on two worker processes; reading for a sample
    stored, seconds = _stored_or_rejected(
        tmp_path / "all.db", files, PipelineOptions(until="describe", workers=2)
    )
    assert len(stored) > 0.95 * len(files), seconds
    sample = files[:: len(files) // 8][:8]
    read, _ = _stored_or_rejected(tmp_path / "read.db", sample, PipelineOptions(until="read"))
    assert read


LD = (
    '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Quay Courier"},'
    ' {"@type": "NewsArticle", "headline": "Ferries return to the eastern quay",'
    ' "datePublished": "2023-02-14T09:30:00+01:00", "author": {"@type": "Person", "name": "Ilse Varga"},'
    ' "publisher": {"@type": "Organization", "name": "Quay Courier"}}]}'
)
BODY = (
    "<p>The harbour authority of Port Selan said on Tuesday that ferries would return to the eastern "
    "quay next month, after three weeks of repairs to its moorings.</p><p>\u201cWe are nearly there,\u201d "
    "harbour master Ilse Varga told reporters, adding that the night crossings would resume in April.</p>"
)
PAGES = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferries return | Quay Courier</title>'
    '<meta property="og:site_name" content="Quay Courier"><meta name="author" content="Ilse Varga">'
    f'<meta property="article:published_time" content="2023-02-14T09:30:00Z">'
    f'<script type="application/ld+json">{LD}</script></head><body><header><nav><a href="/">Home</a></nav>'
    f'</header><article><h1>Ferries return to the eastern quay</h1><p class="byline">By Ilse Varga</p>'
    f'<time datetime="2023-02-14">14 February 2023</time>{BODY}</article><footer>© Quay Courier</footer>'
    "</body></html>",
    '<html><head><meta name="description" content="Storm closes the coast road">'
    '<script type="application/ld+json">[{"@type": "Article", "datePublished": "2022-11-03",'
    ' "publisher": {"name": "Agentstvo \\"Bereg\\""}}]</script></head><body><div class="post">'
    '<div class="entry-meta"><time datetime="2022-11-03T18:00">3 Nov</time></div><h2>Storm closes the '
    f"coast road</h2>{BODY}</div></body></html>",
    f"<body><h1>Council funds a breakwater</h1><time pubdate>2021-06-01</time>{BODY * 3}</body>",
)


def _cut(page: bytes, at: float) -> bytes:
    return page[: int(len(page) * at)]


def _closing_tags(page: bytes, at: float, duplicate: bool) -> bytes:
    """One closing tag dropped, or written twice."""
    tags = [m.span() for m in re.finditer(rb"</[a-z0-9]+>", page)]
    if not tags:
        return page
    start, end = tags[int(at * len(tags)) % len(tags)]
    return page[:end] + page[start:] if duplicate else page[:start] + page[end:]


def _insert(page: bytes, at: float, what: bytes) -> bytes:
    k = int(len(page) * at)
    return page[:k] + what + page[k:]


def _escaped_quotes(page: bytes, at: float) -> bytes:
    """A JSON-LD string given escaped quotes (and a backslash left dangling, now and then)."""
    strings = [m.span(1) for m in re.finditer(rb'"name": "([^"]*)"', page)]
    if not strings:
        return page
    start, end = strings[int(at * len(strings)) % len(strings)]
    extra = b'\\"Bereg\\" \\' if at < 0.3 else b'\\"Bereg\\"'
    return page[:start] + extra + page[start:end] + page[end:]


def _wrong_encoding(page: bytes, at: float) -> bytes:
    """The page in another encoding than it says, or with bytes no encoding would write."""
    text = page.decode("utf-8", errors="replace")  # an earlier mutation may have broken it
    if at < 0.25:
        return text.encode("utf-16")
    if at < 0.5:
        return text.encode("cp1251", errors="replace")
    if at < 0.75:
        return page.decode("latin-1").encode("utf-8")  # mojibake of the UTF-8 bytes
    return _insert(page, at, b"\xff\xfe\xc3\x28\xa0\xe2\x82")


MUTATIONS = st.one_of(
    st.builds(lambda at: lambda p: _cut(p, at), st.floats(0, 1)),
    st.builds(lambda at, dup: lambda p: _closing_tags(p, at, dup), st.floats(0, 1), st.booleans()),
    st.builds(
        lambda at, q: lambda p: _insert(p, at, q), st.floats(0, 1), st.sampled_from([b'"', b"'", b"<", b'="'])
    ),
    st.builds(lambda at: lambda p: _escaped_quotes(p, at), st.floats(0, 1)),
    st.builds(
        lambda at, cs: lambda p: _insert(p, at, bytes(cs)),
        st.floats(0, 1),
        st.lists(st.sampled_from([0, 1, 7, 8, 11, 12, 27, 127, 0x85]), min_size=1, max_size=8),
    ),
    st.builds(lambda at: lambda p: _wrong_encoding(p, at), st.floats(0, 1)),
    st.builds(
        lambda at, n: lambda p: _insert(p, at, b'<div class="' + b"x" * n + b'">'),
        st.floats(0, 1),
        st.integers(10_000, 300_000),
    ),
    st.builds(
        lambda at, n: lambda p: _insert(p, at, b"<div><span>" * n + b"deep" + b"</span></div>" * n),
        st.floats(0, 1),
        st.integers(50, 400),
    ),
)


@settings(max_examples=40, deadline=None, database=None, derandomize=True)
@given(st.sampled_from(PAGES), st.lists(MUTATIONS, min_size=1, max_size=3))
def test_mutated_markup_comes_out_as_an_article_or_a_reject_with_its_reason(
    page: str, mutations: list[Callable[[bytes], bytes]]
) -> None:
    data = page.encode("utf-8")
    for mutate in mutations:
        data = mutate(data)
    got = list(read_bytes(data, Source(path="page.html")))
    raw = [a for a in got if isinstance(a, Article)]
    out = run_stages(raw, stages(PipelineOptions(until="read")))
    good, rejects = split_rejected(out)
    rejects += [r for r in got if isinstance(r, Reject)]
    assert len(good) + len(rejects) >= 1
    assert all(r.reason and r.stage for r in rejects)
    assert not [r.reason for r in rejects if r.reason.startswith("error in stage")]
