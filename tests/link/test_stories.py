"""Stories: events of one affair together however far apart, other affairs apart."""

from __future__ import annotations

from storyline.link.stories import StoryBuilder
from storyline.model import Event
from tests.records import article

ARTICLES = {
    "a": article("a", "Talks between Valdoria and Ostrelia over the Strait of Maren collapsed in "
                 "Kirenvar; Castanet walked out.", headline="Maren strait talks collapse"),
    "b": article("b", "Valdoria and Ostrelia signed the Strait of Maren accord in Tessin, months "
                 "after Castanet walked out of talks.", headline="Maren strait accord signed"),
    "c": article("c", "The health agency recalled Medivane insulin pens after tests found "
                 "contamination at the Ardel plant.", headline="Insulin recall"),
}  # fmt: skip
EVENTS = [
    Event(id="V1", title="talks", date="2023-01-10", article_ids=["a"], outlets=["X"]),
    Event(id="V2", title="accord", date="2023-03-14", article_ids=["b"], outlets=["Y"]),
    Event(id="V3", title="recall", date="2023-04-04", article_ids=["c"], outlets=["X"]),
]


def test_related_events_form_a_story_and_ids_stay() -> None:
    stories, log = StoryBuilder().build(EVENTS, ARTICLES)
    by_event = {e: s.id for s in stories for e in s.event_ids}
    assert by_event["V1"] == by_event["V2"] != by_event["V3"]
    maren = next(s for s in stories if "V1" in s.event_ids)
    assert (maren.first_date, maren.last_date) == ("2023-01-10", "2023-03-14")
    again, _ = StoryBuilder().build(EVENTS, ARTICLES, by_event)
    assert {e: s.id for s in again for e in s.event_ids} == by_event
    assert len(log) == 2


def test_an_event_filed_under_the_wrong_story_leaves_it_when_clustered_again() -> None:
    """An incremental run clusters the events near its new articles afresh, as a full run
    does (it once only attached new events): an event that an earlier run left in a story it
    does not belong to moves out, logged, and the story keeps its id by majority."""
    wrong = {"V1": "S1", "V2": "S1", "V3": "S1"}
    stories, log = StoryBuilder().build(EVENTS, ARTICLES, wrong)
    by_event = {e: s.id for s in stories for e in s.event_ids}
    assert by_event["V1"] == by_event["V2"] == "S1" != by_event["V3"]
    assert ("event moved", f"V3 from S1 to {by_event['V3']}") in log


def test_events_further_apart_than_the_window_are_never_one_story() -> None:
    far = [
        Event(id="V1", title="talks", date="2023-01-10", article_ids=["a"], outlets=["X"]),
        Event(id="V2", title="accord", date="2023-09-14", article_ids=["b"], outlets=["Y"]),
    ]
    stories, _ = StoryBuilder().build(far, ARTICLES)
    assert len(stories) == 2
