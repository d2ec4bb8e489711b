"""Property-based run of the OpenAPI spec (schemathesis strategies driven by hypothesis):
no request the spec describes, valid or not, gives a server error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from storyline.web import create_app


def _nothing_invalid(operation: Any) -> bool:
    """No query and only free-text path parameters: every request to it is a valid one."""
    schemas = [p.definition["schema"] for p in operation.path_parameters]
    return not operation.query and all(set(s) <= {"type", "title"} and s["type"] == "string" for s in schemas)


def test_no_request_gives_a_server_error(demo_db: Path) -> None:
    schema = schemathesis.openapi.from_asgi(
        "/api/openapi.json", create_app(demo_db, allowed_hosts=("testserver",))
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    for operation, mode in [(op, m) for op in operations for m in modes]:
        if mode is GenerationMode.NEGATIVE and _nothing_invalid(operation):
            continue  # hypothesis would search seconds to find no invalid request

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])

        try:
            check()
        except Unsatisfiable:  # nothing invalid can be sent to an operation with no inputs
            assert mode is GenerationMode.NEGATIVE and not operation.query
