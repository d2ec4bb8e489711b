"""Full-text search over articles: ranked hits, their count, and snippets built only for the
page of hits shown, each from a bounded part of its article.

FTS5's ``snippet()`` in the ranking query runs for every hit before the ``LIMIT`` and costs
the square of an article's hits (a 5 MB article of 80,000 hits took 49 s, out of reach of the
time limit). Here the ranking query computes no snippet; each shown article's first
``SNIPPET_CHARS`` characters are cut into chunks, indexed in a private in-memory FTS5 table
with the corpus's tokenizer, and the best chunk gives the snippet: the same query syntax,
stemming and diacritics, at a cost bounded per article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, cast

from storyline.store.database import Database
from storyline.store.rows import SearchHit

TOKENIZE = "porter unicode61 remove_diacritics 2"  # as articles_fts (migration 0001)
SNIPPET_CHARS = 200_000  # the part of an article a snippet is looked for in
CHUNK_CHARS = 2_000  # a chunk's size: hits inside one chunk are few
SNIPPET_TOKENS = 16
HIT_START, HIT_END = "\x02", "\x03"  # hit markers in a snippet (cleaning strips them from text)


class Search:
    """Hits, counts and snippets of one corpus."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _run(
        self, make: Callable[[str], list[sqlite3.Row]], query: str, strict: bool
    ) -> tuple[list[sqlite3.Row], str]:
        """Rows of ``make(query)`` and the query they answered: a query that is not valid FTS5
        syntax is searched as its words (each a phrase), or with ``strict`` refused."""
        try:
            return make(query), query
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise
            if strict:
                raise ValueError(
                    f'not a valid search query ({exc}): use words, "a phrase", a OR b, NOT c, pre*'
                ) from None
        safe = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        return (make(safe) if safe else []), safe

    def hits(
        self, query: str, where: str, args: tuple[Any, ...], limit: int, offset: int, strict: bool = False
    ) -> list[SearchHit]:
        """One page of hits ranked by BM25 (headline hits weigh more), each with a snippet whose
        hits are wrapped in U+0002 ... U+0003. ``where`` filters ``articles a`` (starting AND)."""
        sql = (
            "SELECT a.rowid AS rowid, a.id, a.published, a.outlet, a.headline,"
            " bm25(articles_fts, 4.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? {where} ORDER BY score LIMIT ? OFFSET ?"
        )
        rows, used = self._run(lambda q: self.db.rows(sql, (q, *args, limit, offset)), query, strict)
        found = [dict(r) for r in rows]
        texts = {
            r["rowid"]: r["text"]
            for r in self.db.select_in(
                f"SELECT rowid, substr(text, 1, {SNIPPET_CHARS}) AS text FROM articles"
                " WHERE rowid IN ({marks})",
                [f["rowid"] for f in found],
            )
        }
        snippets = self.snippets(used, texts) if used else {}
        for f in found:
            rowid = f.pop("rowid")
            f["snippet"] = snippets.get(rowid) or opening(texts.get(rowid) or "")
        return [cast(SearchHit, f) for f in found]

    def count(self, query: str, where: str, args: tuple[Any, ...]) -> int:
        """How many articles the query finds (with the same filters as ``hits``)."""
        sql = (
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? {where}"
        )
        rows, _ = self._run(lambda q: self.db.rows(sql, (q, *args)), query, False)
        return int(rows[0][0]) if rows else 0

    def ids(self, query: str, limit: int) -> list[str]:
        """The ids of up to ``limit`` articles the query finds, best first (no snippets)."""
        sql = (
            "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?"
        )
        rows, _ = self._run(lambda q: self.db.rows(sql, (q, limit)), query, False)
        return [r[0] for r in rows]

    def among(self, query: str, ids: list[str]) -> set[str]:
        """Which of the articles ``ids`` the query finds (an alert's new articles): read by
        id, so the answer never depends on how many other articles the query finds."""
        sql = (
            "SELECT a.id FROM articles a JOIN articles_fts ON articles_fts.rowid = a.rowid"
            " WHERE a.id IN ({marks}) AND articles_fts MATCH ?"
        )
        rows, _ = self._run(lambda q: list(self.db.select_in(sql, ids, (q,))), query, False)
        return {r[0] for r in rows}

    def snippets(self, query: str, texts: dict[int, str]) -> dict[int, str]:
        """Article rowid → the snippet of its best chunk for ``query`` (articles whose text
        the query does not reach, e.g. a headline hit, are left out)."""
        mem = sqlite3.connect(":memory:")
        try:
            self.db.limit(mem)
            mem.execute(
                f"CREATE VIRTUAL TABLE chunks USING fts5(headline, text, art UNINDEXED, part UNINDEXED,"
                f" tokenize='{TOKENIZE}')"
            )
            mem.executemany(
                "INSERT INTO chunks (headline, text, art, part) VALUES ('', ?, ?, ?)",
                [(chunk, art, k) for art, text in texts.items() for k, chunk in enumerate(cut(text))],
            )
            rows = mem.execute(
                "SELECT art, part, snippet(chunks, 1, char(2), char(3), ' … ', ?) FROM chunks"
                " WHERE chunks MATCH ? ORDER BY rank",
                (SNIPPET_TOKENS, query),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise
            return {}  # a column filter the chunks lack, say: the caller shows the opening
        finally:
            mem.close()
        out: dict[int, str] = {}
        for art, part, text in rows:
            if art not in out:
                out[art] = text if part == 0 or text.startswith(" … ") else " … " + text
        return out


def cut(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` in chunks of about ``size`` characters, each cut at a space where one is near."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            space = text.rfind(" ", start + size // 2, end)
            end = space + 1 if space > 0 else end
        out.append(text[start:end])
        start = end
    return out


def opening(text: str, tokens: int = SNIPPET_TOKENS) -> str:
    """A snippet without hits: the text's first words."""
    words = text[: tokens * 40].split()
    return " ".join(words[:tokens]) + (" …" if len(words) > tokens else "")
