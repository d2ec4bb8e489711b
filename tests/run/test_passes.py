"""What the embedded ingest and the batch share: the inputs expanded and read the same way
(local names and fsspec URLs alike), the two passes over one options object."""

from __future__ import annotations

import pickle
from pathlib import Path

from storyline.pipeline import PipelineOptions
from storyline.run.embedded import Ingest
from storyline.run.passes import expand, first_pass, read_group, second_pass
from storyline.store import Store
from tests.conftest import DEMO


def test_the_embedded_ingest_reads_a_file_url_like_the_local_folder(tmp_path: Path) -> None:
    folder = DEMO / "corpus" / "harbor-post"
    found = expand([str(folder), folder.resolve().as_uri(), "no/such/folder"])
    assert len(found.items) == 2 * len(list(folder.iterdir()))
    assert [r.reason for r in found.rejects] == ["no such file or directory"]
    options = PipelineOptions(until="describe")
    texts = {}
    for name in (str(folder), folder.resolve().as_uri()):
        with Store(tmp_path / f"{len(texts)}.db") as store:
            report = Ingest(store, options).run([name])
            texts[name] = sorted(
                (a.id, a.text, a.source.path.startswith("file://")) for a in store.articles.each()
            )
        assert report.stored and report.ok
    local, remote = texts.values()
    assert [t[:2] for t in local] == [t[:2] for t in remote] and all(t[2] for t in remote)


def test_the_passes_take_one_picklable_options_object() -> None:
    options = PipelineOptions(until="split", max_chars=5000)
    assert pickle.loads(pickle.dumps(options)) == options
    articles, rejects = read_group(expand([str(DEMO / "corpus" / "harbor-post")]).items, options.max_bytes)
    extracted, lines = first_pass(articles, options)
    assert not rejects and set(lines) == {a.content_hash for a in extracted if not a.rejected}
    done = second_pass(extracted, {}, options)
    assert all(a.stages == ["extract", "clean", "split"] for a in done if not a.rejected)
