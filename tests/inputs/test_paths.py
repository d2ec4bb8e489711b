from __future__ import annotations

from pathlib import Path

from storyline.inputs.paths import expand_inputs


def test_folders_globs_stdin_and_repeats(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "deep" / "two.html").write_text("y")
    (tmp_path / "a" / ".hidden").write_text("z")
    found = expand_inputs(
        [
            str(tmp_path / "a"),
            str(tmp_path / "a" / "one.txt"),
            str(tmp_path / "**" / "*.html"),
            "-",
            str(tmp_path / "nope.txt"),
            str(tmp_path / "*.none"),
        ],
        stdin=b"from stdin",
    )
    names = [i.name for i in found.items]
    assert names == [
        str(tmp_path / "a" / "deep" / "two.html"),
        str(tmp_path / "a" / "one.txt"),
        "<stdin>",
    ]
    assert len(found.repeated) == 2
    assert sorted(r.reason for r in found.rejects) == [
        "glob matched no files",
        "no such file or directory",
    ]
