"""Incremental linking against what is stored (``link/incremental.py``), on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from storyline.run.embedded import Ingest
from storyline.store import Store

UNDATED = """Harbour cranes topple in Velmora storm

Three container cranes collapsed at the port of Velmora after gale-force winds swept the coast,
harbour master Ilse Varga said. Dock workers were evacuated before the cranes fell onto the quay
and no one was hurt, Varga told reporters at the harbour gate.
"We saw the gusts reach 140 kilometres an hour and we cleared the quay in minutes," Varga said.
The port authority said shipping would stay suspended while engineers inspect the remaining
cranes at Velmora.
"""
DATED = """Velmora port shut after storm brings down cranes

May 2, 2024

Gale-force winds brought down three container cranes at the port of Velmora, harbour master
Ilse Varga said, and dock workers were evacuated before the cranes crashed onto the quay. No one
was hurt, Varga told reporters.
"We cleared the quay in minutes once the gusts reached 140 kilometres an hour," Varga said.
Shipping at Velmora stays suspended while engineers inspect the other cranes, the port
authority said.
"""
OTHERS = [
    """Orchard growers in Tamsel report a record pear harvest

Growers across the Tamsel valley picked more pears this autumn than in any year on record, the
regional growers' cooperative said. Warm spring weather and late rain helped the fruit,
cooperative chair Bruno Halloway said.
""",
    """Library in Ostrava Nova reopens after two-year renovation

The central library of Ostrava Nova reopened its doors to readers after a renovation that took
two years, city councillor Mara Lindqvist said. The building now has a children's wing and a
rooftop reading garden.
""",
]


def test_a_dated_report_joins_the_undated_report_of_its_event_stored_before(tmp_path: Path) -> None:
    """A full run compares an undated article with every other; an incremental run over a dated
    batch used to read only the older articles dated near it, so the undated report stored
    first stayed an event of its own. (Three older articles and one new: no full relink.)"""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "cranes.txt").write_text(UNDATED)
    for k, text in enumerate(OTHERS):
        (first / f"other{k}.txt").write_text(text)
    (later / "cranes-dated.txt").write_text(DATED)
    with Store(tmp_path / "c.db") as store:
        Ingest(store).run([str(first)])
        Ingest(store).run([str(later)])
        events = [v for v, _ in store.views.events()]
        log = store.views.link_log(100)
    assert not any(r["kind"] == "relinked in full" for r in log)
    (cranes,) = [v for v in events if "Velmora" in (v.title or "")]
    assert len(cranes.article_ids) == 2 and cranes.date == "2024-05-02"
    assert len(events) == 3
