"""Chart geometry: a story's timeline marks on a dated axis with background kept apart, and
an entity's months with the empty ones shown."""

from __future__ import annotations

from storyline.pages.charts import every_month, story_chart


def test_story_chart_places_marks_by_date_and_keeps_background_apart() -> None:
    timeline = [
        {"date": "1946", "kind": "happened", "text": "Long ago", "support": 1},
        {
            "date": "2010-01-12",
            "kind": "happened",
            "text": "Quake",
            "known_outlets": 3,
            "unknown_articles": 1,
        },
        {"date": "2010-01-20", "kind": "said", "text": "Minister", "known_outlets": 1},
        {"date": "2010-01", "kind": "planned", "text": "Vote", "known_outlets": 1},
    ]
    chart = story_chart(timeline, "2010-01-12", "2010-01-20")
    assert chart["background"] == [0]
    marks = {m["entry"]: m for m in chart["marks"]}
    assert set(marks) == {1, 2, 3}
    assert marks[1]["x"] < marks[3]["x"] < marks[2]["x"]  # 01-12, mid-month, 01-20
    assert marks[1]["r"] > marks[2]["r"] and marks[1]["y"] != marks[2]["y"] != marks[3]["y"]
    assert chart["ticks"][0]["label"] == "2010-01-12"
    assert story_chart([], None, None)["marks"] == []


def test_every_month_of_the_span_is_shown() -> None:
    months = every_month([{"month": "2022-11", "articles": 2}, {"month": "2023-02", "articles": 1}])
    assert [m["month"] for m in months] == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert [m["articles"] for m in months] == [2, 0, 0, 1]
    assert [m["year"] for m in months] == ["2022", "", "2023", ""]
    decades = every_month([{"month": "1990-05", "articles": 1}, {"month": "2001-02", "articles": 2}])
    assert [m["month"] for m in decades][:2] == ["1990", "1991"] and len(decades) == 12
    assert sum(m["articles"] for m in decades) == 3
