"""A hostile corpus and real Timeline17 pages, built once per test session for the web tests (the
demo corpus is ``tests.conftest.demo_db``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.run.embedded import Ingest
from storyline.store import Store
from tests.conftest import shared_path

HOSTILE = [
    {
        "title": '<script>window.__pwned = 1</script>Harbour deal <img src=x onerror="window.__pwned=2">',
        "url": "javascript:window.__pwned=3",
        "source_domain": 'evil.example"><script>window.__pwned=4</script>',
        "date_publish": "2023-03-01",
        "maintext": (
            "The harbour authority of Port Selan said on Tuesday that the quay would reopen. "
            '</textarea><script>window.__pwned=5</script> <a href="javascript:window.__pwned=6">click</a>\n\n'
            '"We are nearly there <img src=x onerror=window.__pwned=7>," harbour master Ilse Varga '
            "said. '\"><svg onload=window.__pwned=8> {{7*7}} ${7*7} </title></style></script>\n\n"
            "Officials said 40 ships <iframe src=javascript:window.__pwned=9></iframe> were waiting "
            "outside the harbour on Wednesday as the dockworkers' strike entered a second day."
        ),
    },
    {
        "title": "Strike goes on at Port Selan </title><script>window.__pwned=10</script>",
        "url": 'https://example.org/strike?x="><script>window.__pwned=11</script>',
        "source_domain": "example.org",
        "date_publish": "2023-03-02",
        "maintext": (
            "Dockworkers at Port Selan kept up their strike on Thursday, with 40 ships still "
            "waiting outside the harbour, officials said. <style>body{display:none}</style>\n\n"
            '"Nothing moves until we have a deal," union leader Tomas Brandt told reporters '
            "<b onmouseover=window.__pwned=12>outside</b> the port gates."
        ),
    },
]


def _build(path: Path, inputs: list[str]) -> Path:
    with Store(path) as store:
        Ingest(store).run(inputs)
    return path


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    feed = folder / "hostile.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in HOSTILE), encoding="utf-8")
    return _build(folder / "hostile.db", [str(feed)])


@pytest.fixture(scope="session")
def t17_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real Timeline17 pages (haiti, BBC) as plain text files: no outlet, no headline."""
    docs = shared_path("eval", "timeline17", "haiti_bbc", "InputDocs")
    folder = tmp_path_factory.mktemp("t17")
    for day in sorted(docs.iterdir())[:8]:
        for page in sorted(day.iterdir())[:3]:
            (folder / f"{day.name}_{page.name}").write_bytes(page.read_bytes())
    return _build(folder / "t17.db", [str(folder)])


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
"""How the browser tests start Chromium (the last: no name but loopback resolves, so the
browser too reaches nothing beyond it)."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
