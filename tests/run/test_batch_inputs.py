"""Batch inputs: local paths, folders, globs and fsspec URLs name the same files; a name that
matches nothing is an error before any work starts."""

from __future__ import annotations

import pytest

from storyline.run.batch import plan
from storyline.run.passes import read_group
from tests.conftest import DEMO


def test_a_file_url_reads_like_the_local_folder() -> None:
    folder = DEMO / "corpus"
    local = plan([str(folder)], 12_000, 2)
    remote = plan([folder.resolve().as_uri()], 12_000, 2)
    assert [len(p) for p in remote] == [len(p) for p in local] and len(local) > 1
    for lp, rp in zip(local, remote, strict=True):
        arts, rejects = read_group(lp)
        got, got_rejects = read_group(rp)
        assert [(a.id, a.text) for a in got] == [(a.id, a.text) for a in arts]
        assert all(str(a.source.path).startswith("file://") for a in got)
        assert len(got_rejects) == len(rejects)


def test_a_file_named_twice_is_read_once() -> None:
    one = DEMO / "corpus"
    alone = [f for p in plan([str(one)], 1 << 30, 1) for f in p]
    paths = [f for p in plan([str(one), str(one / "."), str(one / "*")], 1 << 30, 1) for f in p]
    assert paths == alone and len(alone) > 10


@pytest.mark.parametrize("name", ["no/such/folder", "file:///no/such/folder", "*.nothing-here"])
def test_a_name_that_matches_nothing_is_an_error(name: str) -> None:
    with pytest.raises(ValueError, match=r"no such file|matched no files"):
        plan([name])


def test_a_protocol_without_its_package_says_what_to_install() -> None:
    pytest.importorskip("fsspec")
    try:
        import s3fs  # noqa: F401
    except ImportError:
        with pytest.raises(ValueError, match="s3fs"):
            plan(["s3://some-bucket/news/"])
    else:
        pytest.skip("s3fs is installed here")
