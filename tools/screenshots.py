"""Screenshots of every page, for a person to look at: serves a database (the demo corpus by
default) and saves PNGs of the corpus, stories, story, event, entity, entities, article,
search and error pages, and of the comparisons (``compare``: the largest story's outlets over
time; ``sides``: its first event's outlets side by side) with Chromium, each at desktop (1280 px) and phone (390 px) width
(``NAME-desktop.png``, ``NAME-phone.png``).

    python tools/screenshots.py --output screenshots/            # builds the demo corpus
    python tools/screenshots.py --db news.db --output shots/
    python tools/screenshots.py --output docs/images --only story --fold   # the pair in docs/
    python tools/screenshots.py --db seeds.db --output docs/images --only compare --prefix seeds-
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database to show (default: a fresh demo corpus)")
    ap.add_argument("--output", default="screenshots")
    ap.add_argument("--only", help="comma-separated page names (corpus, stories, story, ...)")
    ap.add_argument("--fold", action="store_true", help="the first screen only, not the whole page")
    ap.add_argument("--prefix", default="", help="before each file name (seeds-: seeds-compare-phone.png)")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        sys.exit("Chromium not found: apt-get install -y chromium")
    tmp = tempfile.mkdtemp()
    db = args.db or f"{tmp}/demo.db"
    if not args.db:
        subprocess.run([sys.executable, "-m", "storyline", "demo", "--db", db], check=False,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    from storyline.web.local import local_server

    with local_server(db) as base:

        def api(path: str) -> dict:  # type: ignore[type-arg]
            with urllib.request.urlopen(base + path) as r:
                return dict(json.load(r))

        stories = api("/api/stories?limit=50")["items"]
        story = max(stories, key=lambda s: s["articles"])
        detail = api(f"/api/stories/{story['id']}")
        cite = detail["timeline"][0]["citations"][0] if detail["timeline"] else None
        person = api("/api/entities?label=PERSON&limit=1")["items"][0]
        pages = {
            "corpus": "/", "stories": "/stories", "story": f"/stories/{story['id']}",
            "event": f"/events/{detail['event_ids'][0]}", "entity": f"/entities/{person['id']}",
            "article": f"/articles/{cite['article_id']}?hl={cite['start']}-{cite['end']}#hl"
            if cite else f"/articles/{detail['article_ids'][0]}",
            "search": "/search?q=" + urllib.request.quote(person["name"].split()[-1]),
            "entities": "/entities", "error": "/stories/S999999",
            "compare": f"/stories/{story['id']}/compare", "sides": f"/events/{detail['event_ids'][0]}/compare",
        }  # fmt: skip
        if args.only:
            pages = {k: v for k, v in pages.items() if k in args.only.split(",")}
        from playwright.sync_api import sync_playwright

        out = Path(args.output)
        out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            for width, (w, h, scale) in {"desktop": (1280, 900, 1), "phone": (390, 844, 2)}.items():
                context = browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=scale)
                page = context.new_page()
                for name, path in pages.items():
                    page.goto(base + path)
                    page.wait_for_load_state("load")
                    target = out / f"{args.prefix}{name}-{width}.png"
                    page.screenshot(path=str(target), full_page=name != "article" and not args.fold)
                    print(f"{target}  ←  {path}")
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
