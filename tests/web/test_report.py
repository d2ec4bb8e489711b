"""`storyline report` writes a site that works from disk: every link resolves to a file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.cli import run


def test_report_opens_from_disk_with_every_link_working(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = run("report", "--db", str(demo_db), "--output", str(out))
    assert done.returncode == 0, done.stderr
    pages = sorted(out.rglob("*.html"))
    assert (out / "index.html").exists() and len(pages) > 40
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"]+)"', html):
            ref = ref.replace("&amp;", "&")
            if ref.startswith(("http://", "https://")):
                continue  # an article's own web address, in its origin
            if ref.startswith("#"):  # a place in the same page: it must be there
                assert f'id="{ref[1:]}"' in html, (page, ref)
                continue
            assert not ref.startswith(("/", "javascript:")), (page, ref)
            target = (page.parent / unquote(urlsplit(ref).path)).resolve()
            assert target.is_file(), (page, ref)
            assert out.resolve() in target.parents
            checked += 1
    assert checked > 500
    index = (out / "static" / "search-index.js").read_text(encoding="utf-8")
    assert index.startswith("window.STORYLINE_INDEX = ") and '"harbour"' in index.lower()
    for page in pages:  # a file has no headers: the policy is a meta tag
        assert (
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'"
            in (page.read_text(encoding="utf-8").replace("&#39;", "'"))
        ), page


def test_report_of_one_story(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "one"
    cmd = ["report", "--db", str(demo_db), "--output", str(out)]
    assert run(*cmd, "--story", "S1").returncode == 0
    assert len(list((out / "stories").glob("S*.html"))) == 1
    assert run(*cmd, "--story", "S999").returncode == 2
