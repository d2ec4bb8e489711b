"""The embedded ingest gives the same corpus whatever the batch size, the workers, the order
of the inputs, and after a crash and a rerun: each article is cleaned against statistics of
the whole run, and line counts are stored with the articles they came from."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.pipeline import PipelineOptions
from storyline.run.embedded import Ingest
from storyline.store import Store
from tests.conftest import DEMO, agency_page

BODIES = [
    "The harbour authority of Port Selan said the eastern quay would reopen after three weeks of repairs.",
    "Ferry operators in Kirenvar counted more than two hundred stranded passengers at the terminal.",
    "The council of Valdoria voted to fund a new breakwater on the northern side of the bay.",
    "Fishermen in Tessin reported the largest herring catch of the season on Tuesday morning.",
    "A storm closed the coastal road between Port Selan and Kirenvar for most of the weekend.",
    "Dockworkers at the container terminal began a strike over pay and working hours on Monday.",
    "The maritime museum reopened its lighthouse gallery after a year of restoration work.",
    "Shipping agents said freight rates across the strait had doubled since the start of the year.",
]
SHARED_LINE = "Harbour desk | tips to the newsroom"  # a line every article of the outlet carries


def _outlet_corpus(folder: Path) -> list[str]:
    folder.mkdir()
    for k, body in enumerate(BODIES):
        (folder / f"{k}.txt").write_text(
            f"{body} {body.replace('The ', 'Officials said the ')}\n\n{SHARED_LINE}\n"
        )
    return sorted(str(p) for p in folder.iterdir())


def test_a_line_every_article_carries_is_removed_from_each_whatever_the_batch(tmp_path: Path) -> None:
    files = _outlet_corpus(tmp_path / "in")
    texts = []
    for size in (256, 2):
        db = tmp_path / f"b{size}.db"
        with Store(db) as store:
            Ingest(store, PipelineOptions(until="describe", batch_size=size)).run(files)
            arts = list(store.articles.each())
        assert len(arts) == len(BODIES)
        assert all(SHARED_LINE not in a.text for a in arts), size
        assert all(any(r.reason.startswith("repeated in") for r in a.removed) for a in arts), size
        texts.append(sorted((a.id, a.text) for a in arts))
    assert texts[0] == texts[1]


FILES = sorted(str(p) for p in (DEMO / "corpus").rglob("*") if p.is_file() and not p.name.startswith("."))


def _snapshot(db: Path) -> tuple[dict[str, Any], int]:
    """Every article's text, removals, description and annotation spans, and the line counts."""
    with Store(db) as store:
        arts = {
            a.id: (
                a.text, [(r.text, r.reason) for r in a.removed], a.headline, a.published, a.outlet,
                [(e.start, e.end, e.label) for e in a.entities],
                [(q.start, q.end, q.speaker_resolved) for q in a.quotes],
                [(t.start, t.end, t.value) for t in a.timexes],
            )
            for a in store.articles.each()
        }  # fmt: skip
        lines = store.db.value("SELECT sum(articles) FROM line_counts")
    return arts, lines


def _ingest(db: Path, files: list[str], **options: Any) -> None:
    with Store(db) as store:
        Ingest(store, PipelineOptions(until="read", **options)).run(files)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], int]:
    db = tmp_path_factory.mktemp("ref") / "one.db"
    _ingest(db, FILES)
    return _snapshot(db)


@pytest.mark.parametrize(
    ("name", "files", "options"),
    [
        ("small batches", FILES, {"batch_size": 3}),
        ("two workers", FILES, {"workers": 2, "batch_size": 10}),
        ("reversed inputs", FILES[::-1], {}),
    ],
)
def test_the_same_inputs_give_the_same_corpus(
    reference: tuple[dict[str, Any], int],
    tmp_path: Path,
    name: str,
    files: list[str],
    options: dict[str, Any],
) -> None:
    _ingest(tmp_path / "c.db", files, **options)
    got = _snapshot(tmp_path / "c.db")
    assert got[0].keys() == reference[0].keys(), name
    assert got == reference, name


KILLED = """
import sys
from storyline.run.embedded import Ingest
from storyline.pipeline import PipelineOptions
from storyline.store import Store
store = Store(sys.argv[1])
Ingest(store, PipelineOptions(batch_size=4, until="read")).run(sys.argv[2:],
    progress=lambda phase, done, total: phase.startswith("processing") and print("DONE", done, flush=True))
"""


def test_a_killed_ingest_run_again_gives_the_same_corpus(
    reference: tuple[dict[str, Any], int], tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(db), *FILES], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("DONE") and int(line.split()[1]) >= 8:
            break  # some batches stored, most not
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        stored = store.articles.count()
    assert 0 < stored < len(reference[0])
    _ingest(db, FILES)
    assert _snapshot(db) == reference


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        head = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        payload = io.BytesIO(html.encode("utf-8"))
        writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=head))
    return buf.getvalue()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_crawl_with_an_agency_page_whose_json_ld_has_escaped_quotes_is_stored_whole(
    tmp_path: Path, workers: int
) -> None:
    other = agency_page("<p>" + " ".join(BODIES[:4]) + "</p>").replace("Полтава-Інфо", "Порт Селан")
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(_warc([("https://agency.example/1", agency_page()), ("https://port.example/2", other)]))
    with Store(tmp_path / "c.db") as store:
        report = Ingest(store, PipelineOptions(until="describe", workers=workers)).run([str(crawl)])
        outlets = sorted(a.outlet or "" for a in store.articles.each())
    assert report.ok and len(report.stored) == 2
    assert outlets == ['Агентство "Полтава-Інфо"', 'Агентство "Порт Селан"']
