"""The house rules the layout keeps: modules under 600 lines, functions under 100, only
``store/`` speaking SQL (no other module imports sqlite3 or reaches for a connection), and
natural-language words only in ``lang/``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
MODULES = sorted(p for p in SRC.rglob("*.py") if "demo" not in p.parts)


def test_no_module_over_600_lines_no_function_over_100() -> None:
    long_modules = [p for p in MODULES if len(p.read_text(encoding="utf-8").splitlines()) > 600]
    long_functions = [
        f"{p.relative_to(SRC)}:{node.lineno} {node.name}"
        for p in MODULES
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (node.end_lineno or node.lineno) - node.lineno + 1 > 100
    ]
    assert long_modules == [] and long_functions == []


def test_only_the_store_speaks_sql() -> None:
    outside = [p for p in MODULES if "store" not in p.relative_to(SRC).parts]
    speaking = [
        str(p.relative_to(SRC))
        for p in outside
        if re.search(r"\bimport sqlite3\b|\.conn\b|\.db\.execute|set_progress_handler", p.read_text())
    ]
    assert speaking == []


# Natural-language words live in storyline/lang/, by language; the stages read them from there.
# Literals that look like words and are not language, by module and the name that holds them.
NOT_LANGUAGE = {
    "clean/header_dates.py:_INVISIBLE": "HTML element names",
    "clean/html.py:_META_KEYS": "our hint fields and the meta tag names that fill them",
    "clean/markup_dates.py:_ARTICLE_TYPES": "schema.org types",
    "clean/markup_dates.py:_META_LINE": "CSS class names of a post's meta line",
    "clean/not_articles.py:_ROOT_PATHS": "the paths of a site's front page",
    "describe/bylines.py:_URL": "top-level domains",
    "describe/titles.py:_SUFFIXES": "top-level domains",
    "inputs/readers.py:_TEXT_FIELDS": "record fields that hold the text",
    "model/annotations.py:NOTE_KINDS": "annotation kinds",
    "pages/annotated.py:KIND_CLASS": "annotation kinds and their CSS classes",
    "pipeline.py:STAGES": "stage names",
    "profiles.py:COLUMNS": "the columns of an outlet profile table",
    "profiles.py:KINDS": "outlet kinds",
    "run/batch.py:TABLES": "table names",
    "run/batch.py:NOTE_TABLES": "table names",
    "store/alerts.py:WATCH_KINDS": "alert kinds",
    "store/annotations.py:KINDS": "annotation kinds",
    "store/export.py:FORMATS": "file formats",
    "store/export.py:TABLES": "table names",
    "store/links.py:RECORD_TABLES": "table names",
    "store/sources.py:KINDS": "source kinds",
    "store/views.py:STORY_ORDERS": "sort orders",
    "store/views.py:link_counts": "table names",
    "web/app.py:stories": "sort orders",
    "web/render.py:PAGES": "page names",
    "web/report.py:write_report": "the kinds of record a report counts",
}
_LANGUAGE_FREE = [p for p in MODULES if p.relative_to(SRC).parts[0] != "lang"]
# A word: letters (two or more), lower or title case, joined by spaces, apostrophes or hyphens,
# or an abbreviation with its dots ("u.s.", "sen."); not an ALL-CAPS label, not snake_case.
_WORD = re.compile(r"(?:[^\W\d_]{1,3}\.)+|[^\W\d_]+(?:[ '’-][^\W\d_]+)*\.?")
# spaCy's dependency labels: lower-case, and a schema, not language
_DEP_LABELS = {
    "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case",
    "cc", "ccomp", "compound", "conj", "csubj", "dative", "dep", "det", "dobj", "expl", "intj",
    "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis",
    "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl",
    "xcomp",
}  # fmt: skip
_ALTERNATIVES = re.compile(r"\||\(\?:|\(\?P<\w+>|\(\?<?[=!]|\(\?i:|\(|\)[?*+]?|\[[^\]]*\][?*+]?|\{\d*,?\d*\}")
_REGEX_NOISE = re.compile(r"\\[bBAZswWd][*+?]?|\\.|[\^$?*+]")


def _is_word(text: str) -> bool:
    """Whether a string constant reads as a natural-language word or phrase."""
    s = text.strip()
    if len(s) < 2 or len(s) > 40 or not _WORD.fullmatch(s) or s in _DEP_LABELS:
        return False
    words = re.findall(r"[^\W\d_]+", s)
    return all(w.islower() or (w[0].isupper() and w[1:].islower()) or len(w) == 1 for w in words) and not (
        s.isupper() and len(s) > 1
    )


def _words_of_collection(node: ast.AST) -> list[str]:
    """The string constants of a set, list, tuple or dict literal (a dict's keys, where the
    values are constants: a record's fields map to computed values)."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    elif isinstance(node, ast.Dict):
        strings = [
            k.value
            for k, v in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant)
            and isinstance(k.value, str)
            and isinstance(v, ast.Constant | ast.Tuple)
        ]
    else:
        return []
    if any("_" in s.strip("_") for s in strings):
        return []  # identifiers (rule names, fields): no language
    return [s for s in strings if _is_word(s)]


def _alternated_words(pattern: str) -> int:
    """How many of a regex's alternatives are words ("said|told|added": 3)."""
    if "|" not in pattern:
        return 0
    pieces = (_REGEX_NOISE.sub("", piece).strip() for piece in _ALTERNATIVES.split(pattern))
    return sum(_is_word(piece) for piece in pieces)


def _owners(tree: ast.Module) -> dict[int, str]:
    """Each node's owner: the name a module- or class-level assignment gives it, else the
    function it is in."""
    owner: dict[int, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            here = name
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                here = child.name
            elif isinstance(child, ast.Assign | ast.AnnAssign | ast.AugAssign) and not isinstance(
                node, ast.FunctionDef
            ):
                targets = child.targets if isinstance(child, ast.Assign) else [child.target]
                here = next((t.id for t in targets if isinstance(t, ast.Name)), name)
            owner[id(child)] = here
            visit(child, here)

    visit(tree, "")
    return owner


def _docstrings(tree: ast.Module) -> set[int]:
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def english_word_lists(path: Path) -> list[tuple[str, int, str]]:
    """Where a module holds a word list (a literal of four or more words), a regex that
    alternates three or more words, or names a language's built-in word list (scikit-learn's
    ``stop_words="english"``): (``path:owner``, line, what)."""
    return _word_lists(path.read_text(encoding="utf-8"), str(path.relative_to(SRC)))


def _word_lists(source: str, where: str) -> list[tuple[str, int, str]]:
    tree = ast.parse(source)
    owner, docs = _owners(tree), _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        name = owner.get(id(node), "")
        if name == "__all__":
            continue
        words = _words_of_collection(node)
        if len(words) >= 4:
            found.append((f"{where}:{name}", node.lineno, f"word list {words[:4]}"))
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "(?:)" for v in node.values)
        if text is not None and _alternated_words(text) >= 3:
            found.append((f"{where}:{name}", node.lineno, f"word pattern {text[:60]!r}"))
        if (
            isinstance(node, ast.keyword)
            and node.arg == "stop_words"
            and isinstance(named := node.value, ast.Constant)
        ):
            found.append((f"{where}:{name}", named.lineno, f"a language's word list {named.value!r}"))
    return found


def test_no_english_word_list_outside_lang() -> None:
    """Word lists and word patterns are the language's: in ``storyline/lang/<code>/``, read
    through ``storyline.lang``, never in the stages; every allowance of ``NOT_LANGUAGE`` is
    still needed."""
    found = [hit for p in _LANGUAGE_FREE for hit in english_word_lists(p)]
    assert [f"{key}:{line} {what}" for key, line, what in found if key not in NOT_LANGUAGE] == []
    assert set(NOT_LANGUAGE) - {key for key, _, _ in found} == set()


def _literal(source: str) -> ast.AST:
    statement = ast.parse(source).body[0]
    assert isinstance(statement, ast.Expr)
    return statement.value


def test_the_word_list_check_finds_word_lists() -> None:
    """The check is able to fail: on the English tables, a word list, a word pattern; and it
    leaves labels and field names alone."""
    english = SRC / "lang" / "en"
    assert all(english_word_lists(english / f"{name}.py") for name in ("speech", "timex", "boilerplate"))
    assert len(_words_of_collection(_literal('{"said", "told", "added", "Mr."}'))) == 4
    assert _alternated_words(r"\b(?:said|told|added)\b") == 3
    assert _word_lists('def f():\n    return TfidfVectorizer(stop_words="english")\n', "m.py") == [
        ("m.py:f", 2, "a language's word list 'english'")
    ]
    assert _word_lists("def f(words):\n    return TfidfVectorizer(stop_words=words)\n", "m.py") == []
    assert _words_of_collection(_literal('("PERSON", "ORG", "GPE", "LOC")')) == []
    assert _words_of_collection(_literal('("speaker_start", "text", "start", "end")')) == []
    assert _words_of_collection(_literal('("nsubj", "dobj", "pobj", "appos")')) == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The storyline modules ``path`` imports, wherever the import stands (in a function, under
    ``TYPE_CHECKING``): each module named and the package a name is taken from."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            for k in range(1, len(parts) + 1):  # a module, and every package above it that runs first
                candidate = ".".join(parts[:k])
                if candidate in modules and candidate != name:
                    found.add(candidate)
    return found


def test_no_import_circle() -> None:
    """No two modules import each other, directly or through others, not even inside a
    function (a circle hidden there is still one). A module's own package ``__init__`` runs
    before it whatever it imports, so that edge counts only when the module takes names
    from it."""
    modules = {_module_name(p): p for p in MODULES}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path, set(modules)) if not name.startswith(m + ".")}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            own = isinstance(node, ast.ImportFrom) and node.module and name.startswith(node.module + ".")
            if own and any(f"{node.module}.{a.name}" not in modules for a in node.names):  # type: ignore[union-attr]
                graph[name].add(str(node.module))  # type: ignore[union-attr]  # names from its package's __init__
    circles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert circles == []


def test_untyped_dicts_only_at_the_json_edges() -> None:
    """Records are typed (``model/``, and JSON-shaped ``TypedDict``s where they are JSON): a
    plain ``dict[str, Any]`` stays only where data is free-form or leaves as JSON (the API,
    the export, the CLI's JSON), at most 60 of them."""
    count = sum(p.read_text(encoding="utf-8").count("dict[str, Any]") for p in MODULES)
    assert count <= 60, count


def test_the_cli_imports_the_web_only_to_serve() -> None:
    """The CLI prints the page data (``pages/``); only ``serve`` and ``report`` start the web."""
    cli = [p for p in MODULES if p.relative_to(SRC).parts[0] == "cli" and p.name != "serve.py"]
    modules = {_module_name(p) for p in MODULES}
    importing = sorted(
        str(p.relative_to(SRC))
        for p in cli
        if any(m.startswith("storyline.web") for m in _imports(p, modules))
    )
    assert importing == []


def test_pages_and_the_web_open_the_store_read_only() -> None:
    """No page reads for writing: the web and the page data open the store read-only (SQLite
    then refuses any write); only ``POST /api/ingest`` (given a token) writes."""
    writing = []
    for p in MODULES:
        if p.relative_to(SRC).parts[0] not in ("web", "pages"):
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Store":
                readonly = {k.arg: k.value for k in node.keywords}.get("readonly")
                if not (isinstance(readonly, ast.Constant) and readonly.value is True):
                    writing.append(f"{p.relative_to(SRC)}:{node.lineno}")
    assert writing == ["web/app.py:" + str(_ingest_line())]


def _ingest_line() -> int:
    """The line of the one writing store of the web: ``POST /api/ingest``."""
    source = (SRC / "web" / "app.py").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(source, start=1) if "with Store(db) as s:" in line)
