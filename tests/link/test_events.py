"""Event clustering: same development together, similar but different developments apart."""

from __future__ import annotations

from storyline.link.events import EventClusterer, EventDoc

FLOOD = [
    EventDoc("f1", "Floods hit Maren Falls after the Dovrik dam burst on Monday; 41 people died "
             "and rescuers searched the valley.", "2023-02-20"),
    EventDoc("f2", "Rescuers in Maren Falls searched flooded homes a day after the Dovrik dam "
             "collapse killed 41 people.", "2023-02-21"),
    EventDoc("f3", "The death toll from the Dovrik dam collapse in Maren Falls rose as rescuers "
             "reached flooded villages.", "2023-02-21"),
]  # fmt: skip
STRIKE = [
    EventDoc("s1", "Dockworkers at Port Selan walked out on Wednesday, leaving 60 ships at "
             "anchor as the union demanded a pay rise.", "2023-03-01"),
    EventDoc("s2", "Ships queued outside Port Selan as the dockworkers' strike over pay entered "
             "its second day.", "2023-03-02"),
]  # fmt: skip


def test_same_development_together_others_apart() -> None:
    assign, log = EventClusterer().cluster(FLOOD + STRIKE)
    assert assign["f1"] == assign["f2"] == assign["f3"]
    assert assign["s1"] == assign["s2"] != assign["f1"]
    assert [k for k, _ in log].count("event founded") == 2


def test_incremental_ids_stable_and_deterministic() -> None:
    clusterer = EventClusterer()
    first, _ = clusterer.cluster(FLOOD[:2] + STRIKE[:1])
    late = EventDoc("s3", "Port Selan dockworkers kept up their strike over pay, with ships "
                    "still waiting outside the harbour.", "2023-03-03")  # fmt: skip
    second, _log = clusterer.cluster(FLOOD + STRIKE + [late], first)
    assert all(second[k] == v for k, v in first.items())  # nobody moved
    assert second["f3"] == first["f1"] and second["s3"] == first["s1"]
    again, _ = clusterer.cluster(FLOOD + STRIKE + [late], first)
    assert again == second


def test_far_apart_in_time_is_another_event() -> None:
    a = EventDoc(
        "a", "Dockworkers at Port Selan strike over pay; ships wait at anchor.", "2023-03-01"
    )
    b = EventDoc(
        "b", "Dockworkers at Port Selan strike over pay; ships wait at anchor.", "2023-09-20"
    )
    assign, _ = EventClusterer().cluster([a, b])
    assert assign["a"] != assign["b"]
