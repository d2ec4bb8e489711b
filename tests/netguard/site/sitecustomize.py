"""Run by every Python process the tests start (on PYTHONPATH): guard its sockets too."""

import importlib.util
import os

_guard = os.environ.get("STORYLINE_TESTS_NETGUARD")
if _guard:
    _spec = importlib.util.spec_from_file_location("storyline_tests_netguard", _guard)
    if _spec and _spec.loader:
        _module = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(_module)
        _module.install()
