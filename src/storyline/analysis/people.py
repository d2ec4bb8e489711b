"""A story's key people and who said what: the persons its articles mention in most articles
(wire copies left out), each with how many quotes the story attributes to them and the first
of those quotes, cited; speakers the text names but no entity holds are listed apart."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

KEY_PEOPLE = 8
QUOTES_EACH = 2


def key_people(
    article_ids: list[str], articles: dict[str, dict[str, Any]], copies: set[str], limit: int = KEY_PEOPLE
) -> list[dict[str, Any]]:
    """Up to ``limit`` persons, most widely reported first: entity id, the name the story
    writes most, articles, quotes, and up to ``QUOTES_EACH`` quotes with their spans."""
    seen: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    said: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for aid in article_ids:
        art = articles.get(aid)
        if art is None or aid in copies:
            continue
        persons = {
            e["entity_id"]
            for e in art.get("entities", [])
            if e.get("label") == "PERSON" and e.get("entity_id")
        }
        for e in art.get("entities", []):
            if e.get("entity_id") in persons:
                names[e["entity_id"]][" ".join(e["text"].split())] += 1
        seen.update(persons)
        for q in art.get("quotes", []):
            who = q.get("speaker_entity_id")
            if who:
                said[who].append(
                    {
                        "article_id": aid,
                        "start": q["start"],
                        "end": q["end"],
                        "text": q["text"],
                        "kind": "quotation" if q.get("kind") != "indirect" else "reported speech",
                        "published": art.get("published"),
                    }
                )
    ranked = sorted(seen, key=lambda p: (-(seen[p] + len(said.get(p, []))), p))[:limit]
    out = []
    for p in ranked:
        quotes = sorted(
            said.get(p, []), key=lambda q: (q["published"] or "9999", q["article_id"], q["start"])
        )
        out.append(
            {
                "entity_id": p,
                "name": max(names[p].items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1], kv[0]))[0],
                "articles": seen[p],
                "quotes": len(quotes),
                "said": quotes[:QUOTES_EACH],
            }
        )
    return out
