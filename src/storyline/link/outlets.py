"""One outlet per site across the corpus: the articles of one site carry the name its own
pages state, and one outlet has one spelling.

Per article, ``describe`` names the outlet from what that page says (its site name, JSON-LD
publisher, domain). A site whose pages differ — one states ``og:site_name``, another only has
its domain — would count as two outlets (``CHIP Online`` and ``chip.de``), and spellings
differ across sites' own markup (``WIRED``, ``Wired``). Here, over every stored article:
the pages of one host that are named only by their domain take the name that the site's
other pages state most often; then spellings that differ in case alone become the most
common one. Counts over the whole corpus, ties broken alphabetically, so the result does not
depend on the order the articles arrived in. Each change says why in ``outlet_basis``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from storyline.model import Renamed
from storyline.sites import host_of, outlet_from_domain


def _most_common(names: Counter[str]) -> str:
    return min(names, key=lambda n: (-names[n], n.casefold(), n))


_SPELLING = "; spelling: the corpus's most common spelling of "


def _original(name: str | None, basis: str | None) -> tuple[str | None, str]:
    """An article's outlet and basis as describe gave them, before any rename here (a
    respelled name keeps the one it had in its basis), so that running again on this
    module's own output gives the same."""
    why = basis or ""
    if _SPELLING in why:
        why, name = why.split(_SPELLING, 1)
    return name, why


def site_outlets(rows: list[tuple[str, str | None, str | None, str | None]]) -> list[Renamed]:
    """The renames for ``rows`` of (article id, url, outlet, outlet basis): a page named by
    its domain alone takes its site's stated name; spellings differing in case become one.
    Running it again on its own output changes nothing."""
    by_host: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    before = {aid: (name, why) for aid, _, name, why in rows}
    original = {aid: _original(name, why) for aid, _, name, why in rows}
    outlet = {aid: name for aid, (name, _) in original.items()}
    basis = {aid: why for aid, (_, why) in original.items()}
    for aid, url, _, _ in rows:
        if host := host_of(url):
            by_host[host].append((aid, *original[aid]))
    for host in sorted(by_host):
        pages = by_host[host]
        bare = outlet_from_domain(host)
        stated = Counter(n for _, n, why in pages if n and why == "metadata" and n != bare)
        if not stated:
            continue
        site = _most_common(stated)
        for aid, current, why in pages:
            if why != "given" and (current is None or current == bare or why.startswith("site:")):
                outlet[aid] = site
                basis[aid] = f"site: {host}'s pages name it so ({stated[site]} of {len(pages)})"
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for written in outlet.values():
        if written:
            spellings[written.casefold()][written] += 1
    for aid, written in list(outlet.items()):
        if written and basis[aid] != "given" and len(spellings[written.casefold()]) > 1:
            common = _most_common(spellings[written.casefold()])
            if common != written:
                outlet[aid] = common
                basis[aid] += f"{_SPELLING}{written}"
    return [
        Renamed(aid, str(outlet[aid]), basis[aid])
        for aid in sorted(outlet)
        if outlet[aid] is not None and (outlet[aid], basis[aid]) != before[aid]
    ]
