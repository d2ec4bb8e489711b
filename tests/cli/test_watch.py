"""`storyline sources` and `storyline watch` as a user runs them, against a real HTTP
server on loopback: add a feed, one round with --once, the state listed; a watch stopped by
SIGTERM; a watch killed mid-round (SIGKILL) and restarted loses nothing and fetches no
stored page again; a dripping host given up at `--source-deadline`, what it left counted as
waiting by `sources list` (readable at 80 columns) and fetched by the next round."""

from __future__ import annotations

import inspect
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.cli import Ran, run
from tests.follow.test_watch import PARAS
from tests.loopback import article, drip, page, rss, serve, slow

CONTACT = {"STORYLINE_CONTACT": "tests@example.org"}
ENV = {**os.environ, **CONTACT}  # of the watches that run as a process: signalled, killed, on a terminal


def _cli(*args: str) -> Ran:
    return run(*args, env=CONTACT)


def _feed_routes(base: list[str], n: int, delay: float = 0.0) -> dict:
    links = [f"/n{i}.html" for i in range(n)]
    routes = {
        "/feed.xml": lambda h: (200, {"Content-Type": "application/rss+xml"}, rss(base[0], links).encode())
    }
    for i, link in enumerate(links):
        body = page(article(f"Harbour notice {i}", [f"Notice {i}: " + p for p in PARAS]))
        routes[link] = slow(delay, body) if delay else body
    return routes


def test_follow_a_feed_with_once_and_list_its_state(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    holder: list[str] = []
    with serve(_feed_routes(holder, 3)) as (base, _log):
        holder.append(base)
        added = _cli("sources", "add", base + "/feed.xml", "--every", "15m", "--name", "harbour", "--db", db)
        assert added.returncode == 0, added.stderr
        assert _cli("sources", "add", base + "/feed.xml", "--db", db).returncode == 2  # followed already
        done = _cli("watch", "--once", "--per-host", "0", "--db", db, "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["stored"] == 3 and report["failed"] == 0 and len(report["article_ids"]) == 3
    listed = json.loads(_cli("sources", "list", "--json", "--db", db).stdout)
    assert (
        listed[0]["name"] == "harbour" and listed[0]["items"] == {"stored": 3} and listed[0]["kind"] == "feed"
    )
    stories = json.loads(_cli("stories", "--json", "--db", db).stdout)
    in_stories = sorted(a for s in stories for a in s["article_ids"])
    assert in_stories == sorted(report["article_ids"])  # linked: each stored article in one story
    assert (tmp_path / "news.raw").is_dir()
    assert _cli("sources", "remove", "harbour", "--db", db).returncode == 0
    assert json.loads(_cli("sources", "list", "--json", "--db", db).stdout) == []


def test_a_source_added_with_an_outlet_credits_its_articles_to_it(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Quay reopens\n\n" + "\n\n".join(PARAS), encoding="utf-8")
    added = _cli("sources", "add", str(inbox), "--outlet", "The Harbor Post", "--db", db)
    assert added.returncode == 0 and "credited to The Harbor Post" in added.stdout, added.stderr
    assert json.loads(_cli("sources", "list", "--json", "--db", db).stdout)[0]["outlet"] == "The Harbor Post"
    assert _cli("watch", "--once", "--db", db).returncode == 0
    (art,) = json.loads(_cli("list", "--json", "--db", db).stdout)["articles"]
    assert art["outlet"] == "The Harbor Post"
    assert _cli("sources", "add", str(tmp_path), "--outlet", "", "--db", db).returncode == 2


def test_sigterm_stops_a_watch_cleanly(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    holder: list[str] = []
    with serve(_feed_routes(holder, 1)) as (base, _log):
        holder.append(base)
        assert _cli("sources", "add", base + "/feed.xml", "--every", "1h", "--db", db).returncode == 0
        proc = subprocess.Popen(
            [sys.executable, "-m", "storyline", "watch", "--per-host", "0", "--db", db],
            stderr=subprocess.PIPE, text=True, env=ENV,
        )  # fmt: skip
        assert proc.stderr is not None
        line = ""
        deadline = time.monotonic() + 120
        while "next poll in" not in line and time.monotonic() < deadline:
            line = proc.stderr.readline()
        assert "next poll in" in line
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_a_watch_killed_mid_round_loses_nothing_and_fetches_nothing_twice(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    holder: list[str] = []
    with serve(_feed_routes(holder, 6, delay=0.4)) as (base, log):
        holder.append(base)
        assert _cli("sources", "add", base + "/feed.xml", "--db", db).returncode == 0
        proc = subprocess.Popen(
            [sys.executable, "-m", "storyline", "watch", "--once", "--per-host", "0", "--db", db],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while sum(1 for p, _ in log if p.startswith("/n")) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # mid-round: some pages fetched, none ingested
        proc.wait(timeout=10)
        first = [p for p, _ in log if p.startswith("/n")]
        assert 3 <= len(first) < 6
        again = _cli("watch", "--once", "--per-host", "0", "--db", db, "--json")
        assert again.returncode == 0, again.stderr
    pages = [p for p, _ in log if p.startswith("/n")]
    listed = json.loads(_cli("sources", "list", "--json", "--db", db).stdout)
    assert listed[0]["items"] == {"stored": 6}
    assert len(set(pages)) == 6
    twice = [p for p in set(pages) if pages.count(p) > 1]
    assert len(twice) <= 1  # at most the page in flight when the kill came (never kept)


def test_watchlist_alerts_and_on_alert_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    got = tmp_path / "alerts.jsonl"
    holder: list[str] = []
    quote = '"We are nearly there, and the ships will be back by June," harbour master Ilse Varga said.'
    routes = _feed_routes(holder, 2)
    routes["/n1.html"] = page(
        article("Harbour master sees ships back by June", [PARAS[0], quote, *PARAS[1:]])
    )
    with serve(routes) as (base, _log):
        holder.append(base)
        assert _cli("sources", "add", base + "/feed.xml", "--db", db).returncode == 0
        assert _cli("watchlist", "add", "--entity", "Ilse Varga", "--db", db).returncode == 0
        assert _cli("watchlist", "add", "--query", "storm wall", "--db", db).returncode == 0
        assert _cli("watchlist", "add", "--entity", "x", "--query", "y", "--db", db).returncode == 2
        hook = (
            f"{sys.executable} -c \"import sys; open({str(got)!r}, 'a').write(sys.stdin.read() + chr(10))\""
        )
        done = _cli("watch", "--once", "--per-host", "0", "--db", db, "--on-alert", hook)
        assert done.returncode == 0, done.stderr
        again = _cli("watch", "--once", "--per-host", "0", "--db", db, "--json")
        assert json.loads(again.stdout)["alerts"] == []  # nothing new, no alert twice
    alerts = json.loads(_cli("alerts", "--json", "--db", db).stdout)
    kinds = sorted(a["kind"] for a in alerts)
    assert kinds.count("query") == 2 and "entity" in kinds and "quote" in kinds
    entity = next(a for a in alerts if a["kind"] == "entity")
    assert entity["articles"][0]["headline"] == "Harbour master sees ships back by June"
    quoted = next(a for a in alerts if a["kind"] == "quote")
    assert "nearly there" in quoted["quote"]["text"]
    hooked = [json.loads(line) for line in got.read_text().splitlines() if line.strip()]
    assert sorted(a["key"] for a in hooked) == sorted(a["key"] for a in alerts)
    shown = _cli("alerts", "--db", db).stdout
    assert "New article about Ilse Varga" in shown and "Harbour master sees ships back by June" in shown


def test_on_a_terminal_a_live_line_says_what_the_round_is_doing(tmp_path: Path) -> None:
    """Run in a pseudo-terminal, `watch` shows a live status line (phase, sources polled of
    those due, items new and fetched) while a round runs; in a pipe (the tests above) only
    the summary lines."""
    import pty

    db = str(tmp_path / "news.db")
    holder: list[str] = []
    with serve(_feed_routes(holder, 4, delay=0.5)) as (base, _log):
        holder.append(base)
        assert _cli("sources", "add", base + "/feed.xml", "--db", db).returncode == 0
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "storyline", "watch", "--once", "--per-host", "0", "--db", db],
            stdin=follower, stdout=follower, stderr=follower, env={**ENV, "TERM": "xterm", "COLUMNS": "200"},
        )  # fmt: skip
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            shown += chunk
        os.close(leader)
        assert proc.wait(timeout=120) == 0
    text = shown.decode("utf-8", "replace")
    assert "round 1 · polling · sources 0/1" in text or "round 1 · polling · sources 1/1" in text
    assert "fetched" in text and "ingesting 4 pages" in text
    assert "round 1: 1 sources, 4 new items, 4 stored" in text


def test_a_dripping_host_is_given_up_at_the_source_deadline_and_its_pages_wait(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    holder: list[str] = []
    slow = [True]
    routes = _feed_routes(holder, 3)
    late = drip(b"<html>" + b"x" * 1000, 0.5)
    for path in ("/n0.html", "/n1.html", "/n2.html"):
        routes[path] = lambda h, then=routes[path]: late(h) if slow[0] else then(h)
    with serve(routes) as (base, log):
        holder.append(base)
        assert _cli("sources", "add", base + "/feed.xml", "--name", "harbour", "--db", db).returncode == 0
        done = _cli("watch", "--once", "--per-host", "0", "--source-deadline", "1", "--db", db, "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["waiting"] == 3 and log.paths("/n") == ["/n0.html"]
        shown = run("sources", "list", "--db", db, env={"COLUMNS": "80"}).stdout
        lines = shown.splitlines()
        assert max(len(line) for line in lines) <= 80 and "waiting" in lines[0]
        assert any(re.match(r"1 +harbour .* feed +15m +1 +0 +3 +0$", line.rstrip()) for line in lines), shown
        slow[0] = False
        again = _cli("watch", "--once", "--per-host", "0", "--db", db)
        assert again.returncode == 0 and "(+3 left by the last)" in again.stderr, again.stderr
    assert json.loads(_cli("sources", "list", "--json", "--db", db).stdout)[0]["items"] == {"stored": 3}


def test_the_deadlines_default_to_the_watcher_s() -> None:
    from storyline.cli.watch import watch
    from storyline.follow.watch import ROUND_SECONDS, SOURCE_SECONDS

    given = inspect.signature(watch).parameters
    assert (given["source_deadline"].default, given["round_deadline"].default) == (
        SOURCE_SECONDS,
        ROUND_SECONDS,
    )
