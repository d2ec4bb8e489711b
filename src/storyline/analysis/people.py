"""A story's key people and who said what: the persons its articles mention in most articles
(wire copies left out), each with how many quotes the story attributes to them and the first
of those quotes, cited; speakers the text names but no entity holds are listed apart."""

from __future__ import annotations

from collections import Counter, defaultdict

from storyline.model import Article
from storyline.model.analyses import Person, Said

KEY_PEOPLE = 8
QUOTES_EACH = 2


def key_people(
    article_ids: list[str], articles: dict[str, Article], copies: set[str], limit: int = KEY_PEOPLE
) -> list[Person]:
    """Up to ``limit`` persons, most widely reported first: entity id, the name the story
    writes most, articles, quotes, and up to ``QUOTES_EACH`` quotes with their spans."""
    seen: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    said: dict[str, list[Said]] = defaultdict(list)
    for aid in article_ids:
        art = articles.get(aid)
        if art is None or aid in copies:
            continue
        persons = {e.entity_id for e in art.entities if e.label == "PERSON" and e.entity_id}
        for e in art.entities:
            if e.entity_id in persons:
                names[e.entity_id][" ".join(e.text.split())] += 1
        seen.update(persons)
        for q in art.quotes:
            who = q.speaker_entity_id
            if who:
                said[who].append(
                    Said(
                        article_id=aid,
                        start=q.start,
                        end=q.end,
                        text=q.text,
                        kind="quotation" if q.kind != "indirect" else "reported speech",
                        published=art.published,
                    )
                )
    ranked = sorted(seen, key=lambda p: (-(seen[p] + len(said.get(p, []))), p))[:limit]
    out: list[Person] = []
    for p in ranked:
        quotes = sorted(
            _apart(said.get(p, [])), key=lambda q: (q["published"] or "9999", q["article_id"], q["start"])
        )
        out.append(
            Person(
                entity_id=p,
                name=max(names[p].items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1], kv[0]))[0],
                articles=seen[p],
                quotes=len(quotes),
                said=quotes[:QUOTES_EACH],
            )
        )
    return out


def _apart(quotes: list[Said]) -> list[Said]:
    """One quote for each stretch of an article's words: where two quotes of one article
    overlap (reading found the words as a partial quote and as reported speech around it),
    the longer stands for both, so a page never lists the same words twice."""
    kept: list[Said] = []
    for q in sorted(quotes, key=lambda q: (q["article_id"], -(q["end"] - q["start"]), q["start"])):
        if not any(
            k["article_id"] == q["article_id"] and k["start"] < q["end"] and q["start"] < k["end"]
            for k in kept
        ):
            kept.append(q)
    return kept
