"""The house rules the layout keeps: modules under 600 lines, functions under 100, and only
``store/`` speaking SQL (no other module imports sqlite3 or reaches for a connection)."""

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
