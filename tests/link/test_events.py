"""Event clustering: same development together, similar but different developments apart."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

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
    clustering = EventClusterer().cluster(FLOOD + STRIKE)
    assign, log = clustering.assign, clustering.log
    assert assign["f1"] == assign["f2"] == assign["f3"]
    assert assign["s1"] == assign["s2"] != assign["f1"]
    assert [k for k, _ in log].count("event founded") == 2


def test_incremental_ids_stable_and_deterministic() -> None:
    clusterer = EventClusterer()
    first = clusterer.cluster(FLOOD[:2] + STRIKE[:1]).assign
    late = EventDoc("s3", "Port Selan dockworkers kept up their strike over pay, with ships "
                    "still waiting outside the harbour.", "2023-03-03")  # fmt: skip
    second = clusterer.cluster(FLOOD + STRIKE + [late], first).assign
    assert all(second[k] == v for k, v in first.items())  # nobody moved
    assert second["f3"] == first["f1"] and second["s3"] == first["s1"]
    again = clusterer.cluster(FLOOD + STRIKE + [late], first).assign
    assert again == second


def test_far_apart_in_time_is_another_event() -> None:
    a = EventDoc("a", "Dockworkers at Port Selan strike over pay; ships wait at anchor.", "2023-03-01")
    b = EventDoc("b", "Dockworkers at Port Selan strike over pay; ships wait at anchor.", "2023-09-20")
    assign = EventClusterer().cluster([a, b]).assign
    assert assign["a"] != assign["b"]


def _corpus(n: int, seed: int) -> list[EventDoc]:
    """Articles about 40 made-up developments spread over 300 days, some undated."""
    import random

    rng = random.Random(seed)
    words = [f"w{k}" for k in range(400)]
    names = [f"Name{k}" for k in range(80)]
    topics = [(rng.sample(words, 12), rng.sample(names, 3), rng.randrange(300)) for _ in range(40)]
    docs = []
    for i in range(n):
        vocab, who, day = topics[rng.randrange(len(topics))]
        text = " ".join(rng.choices(vocab, k=20) + rng.choices(words, k=8))
        text += " said " + " and ".join(rng.sample(who, 2)) + " in " + str(2000 + day % 3) + "."
        start = date(2023, 1, 1) + timedelta(days=day + rng.randrange(5))
        when = None if rng.random() < 0.05 else start.isoformat()
        docs.append(EventDoc(f"a{i}", text, when))
    return docs


def test_windows_and_components_give_the_whole_graph_result() -> None:
    """Edges found window by window (with overlap) equal the whole graph's, value for value,
    and clustering component by component gives the whole graph's clusters."""
    from storyline.link.events import linkage_with_attach

    docs = _corpus(700, seed=3)
    clusterer = EventClusterer()
    x = clusterer.vectors(docs)
    whole = clusterer.edges(docs, x=x)
    windowed = clusterer.edges_by_window(docs, x, chunk=37)
    assert len(whole) > 1000
    assert windowed == whole
    expected = linkage_with_attach(len(docs), whole, clusterer.threshold)
    got = clusterer.labels(len(docs), windowed, chunk=25)

    def partition(labels: list[int]) -> set[frozenset[int]]:
        groups: dict[int, set[int]] = {}
        for i, label in enumerate(labels):
            groups.setdefault(label, set()).add(i)
        return {frozenset(g) for g in groups.values()}

    assert partition(got) == partition(expected)
    assert 20 < len(partition(got)) < 400


def test_an_article_no_reader_read_joins_no_event_by_its_words() -> None:
    text = "Dockworkers at Port Selan strike over pay; ships wait at anchor outside the harbour."
    read = EventDoc("a", text, "2023-03-01")
    same = EventDoc("b", text, "2023-03-01")
    unread = EventDoc("c", text, "2023-03-01", readable=False)
    assign = EventClusterer().cluster([read, same, unread]).assign
    assert assign["a"] == assign["b"] != assign["c"]
    alone = EventClusterer().cluster(
        [EventDoc("x", text, readable=False), EventDoc("y", text, readable=False)]
    )
    assert alone.assign["x"] != alone.assign["y"]


def test_the_order_articles_come_in_changes_nothing() -> None:
    docs = _corpus(300, seed=3)
    forward = EventClusterer().cluster(docs).assign
    backward = EventClusterer().cluster(list(reversed(docs))).assign
    assert forward == backward


def test_stored_frequencies_weigh_a_pool_as_the_whole_corpus_does() -> None:
    """An incremental run sees a pool, but with the stored document frequencies its rows are
    the rows the whole corpus gives them."""
    import numpy as np

    from storyline.link.event_model import BLOCKS, text_blocks

    docs = _corpus(120, seed=5)
    whole, _ = text_blocks(docs)
    old, new = docs[:80], docs[80:]
    _, counted = text_blocks(old)

    def lookup(block: str, terms: list[str]) -> dict[str, int]:
        if block == "":
            return {"": counted.n}
        return {t: counted.df.get(block, {})[t] for t in terms if t in counted.df.get(block, {})}

    pool = old[60:] + new  # a window of the older articles and the new ones
    parts, added = text_blocks(pool, lookup, [d in new for d in pool])
    assert added.n == len(new)
    for block in BLOCKS:
        got = (parts[block] @ parts[block].T).toarray()
        rows = [docs.index(d) for d in pool]
        want = (whole[block][rows] @ whole[block][rows].T).toarray()
        assert np.allclose(got, want, atol=1e-5), block


def test_reclustering_keeps_an_id_by_majority_and_moves_what_left() -> None:
    """Three articles of V1 and one of V2; reclustered with a new one, two of V1 stay
    together and the third goes with V2: V1 keeps its id, the third is moved (logged). Then
    an event whose id no cluster keeps is merged into the one its articles joined."""
    from storyline.link.events import Clustering

    docs = [EventDoc(k, "", "2023-01-01") for k in ("a", "b", "c", "d", "n")]
    out = Clustering({"a": "V1", "b": "V1", "c": "V1", "d": "V2"})
    clusterer = EventClusterer()
    clusterer._name(docs, [0, 1, 2, 3, 4], [0, 0, 2, 2, 2], out, counter=2)
    assert out.assign == {"a": "V1", "b": "V1", "c": "V2", "d": "V2", "n": "V2"}
    assert out.moved == {"c": ("V1", "V2")}
    assert out.log[-1][0] == "event split" and "c moved from V1 to V2" in out.log[-1][1]
    again = Clustering({"a": "V1", "b": "V1", "c": "V2"})
    clusterer._name(docs[:3], [0, 1, 2], [0, 0, 0], again, counter=2)
    assert again.assign == {"a": "V1", "b": "V1", "c": "V1"} and again.merged == {"V2": "V1"}


def test_the_shipped_event_model_is_learned_and_named() -> None:
    from storyline.link.event_model import BLOCKS, shipped

    model = shipped()
    assert set(model.weights) == set(BLOCKS) and all(w >= 0 for w in model.weights.values())
    assert model.threshold == 0.5 and "ECB+" in model.trained_on
    assert model.year_conflict < 0 < model.shared_year


def test_an_article_like_one_member_of_a_large_event_only_stays_apart() -> None:
    """Attaching needs the event's articles on average, not one of them: a page that one
    article of ten resembles (a later awards night recalling an earlier one) is another event."""
    from storyline.link.events import linkage_with_attach

    event = {(i, j): 0.9 for i in range(10) for j in range(i + 1, 10)}
    lone = 10
    assert linkage_with_attach(11, {**event, (0, lone): 0.9}, 0.5)[lone] != 0
    near = {**event, **{(i, lone): 0.4 for i in range(10)}}  # like them all, if less surely
    labels = linkage_with_attach(11, near, 0.5)
    assert labels[lone] == labels[0]


def test_a_weighted_row_is_a_cluster_already_formed() -> None:
    """A row of weight 10 whose edge holds the sum over its articles clusters as those ten
    articles held together would: averages, not sums, decide, and a peak decides attaching."""
    from storyline.link.events import average_linkage, linkage_with_attach

    ten = {(i, j): 0.9 for i in range(10) for j in range(i + 1, 10)}
    for value, joined in ((0.6, True), (0.3, False)):
        flat = {**ten, **{(i, 10): value for i in range(10)}}
        whole = average_linkage(11, flat, 0.5)
        weighted = average_linkage(2, {(0, 1): value * 10}, 0.5, weights=[10, 1])
        assert (whole[10] == whole[0]) is joined and (weighted[1] == weighted[0]) is joined
    # a lone article like the cluster on average (0.2 > ATTACH) attaches only through a peak
    assert linkage_with_attach(2, {(0, 1): 2.0}, 0.5, [10, 1], {(0, 1): 0.2})[1] != 0
    assert linkage_with_attach(2, {(0, 1): 2.0}, 0.5, [10, 1], {(0, 1): 0.9})[1] == 0


def test_a_bounded_join_keeps_large_events_whole_and_agrees_with_the_unbounded_one() -> None:
    """Reclustering reopens the touched events smallest first up to ``reopen`` older articles;
    a larger event is joined whole: new articles still join it, none of its articles moves,
    and the new articles land as the unbounded join puts them."""
    docs = _corpus(600, seed=7)
    old = docs[:520]
    before = EventClusterer().cluster(old).assign
    sizes = Counter(before.values())
    unbounded = EventClusterer().cluster(docs, before)
    bounded = EventClusterer(reopen=20).cluster(docs, before)
    big = {e for e, n in sizes.items() if n > 20}
    assert big  # the budget binds: some touched events are larger than it
    assert not any(was in big for was, _ in bounded.moved.values())
    joined_big = [d.id for d in docs[520:] if bounded.assign[d.id] in big]
    assert joined_big
    new = [d.id for d in docs[520:]]
    agree = sum(
        (bounded.assign[a] == bounded.assign[b]) == (unbounded.assign[a] == unbounded.assign[b])
        for a in new
        for b in before.keys() | set(new)
        if a != b
    )
    assert agree / (len(new) * (len(docs) - 1)) > 0.99
