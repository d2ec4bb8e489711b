from __future__ import annotations

from storyline.clean import Cleaner, Extractor, fix_unicode
from tests.conftest import make_article

PAGE = """<!doctype html><html><head><title>Quay to reopen - The Harbor Post</title>
<meta property="og:site_name" content="The Harbor Post">
<meta property="article:published_time" content="2023-02-14T09:00:00Z">
<script>var tracker = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Quay to reopen</h1>
<p>The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next month after three weeks of repairs.</p>
<p>“We are nearly there,” harbour master Ilse Varga told reporters, adding that ferries would return on the first day.</p>
<p>Share this:</p>
<p>Ferry operators said the closure had cost them more than 2 million crowns in lost fares since January.</p>
</article><footer>© 2023 The Harbor Post</footer><script>alert(1)</script></body></html>"""


def test_html_main_text_and_metadata() -> None:
    art = Cleaner()(Extractor()(make_article(PAGE, fmt="html", path="p.html")))
    assert art.hints["outlet"] == "The Harbor Post"
    assert art.hints["dates"][0] == ("meta article.published_time", "2023-02-14T09:00:00Z")
    assert "Home" not in art.text and "alert" not in art.text and "tracker" not in art.text
    assert "Share this" not in art.text and any(r.reason == "share widget" for r in art.removed)
    assert "harbour master Ilse Varga" in art.text and art.rejected is None


def test_html_with_only_scripts_is_rejected_with_a_reason() -> None:
    page = (
        "<html><head><script>"
        + "var a = 1;" * 500
        + "</script></head><body><script>x()</script></body></html>"
    )
    art = Extractor()(make_article(page, fmt="html"))
    assert art.rejected == "no main text found in the HTML page"


def test_fix_unicode_repairs_mojibake_and_keeps_curly_quotes() -> None:
    assert fix_unicode("The mayorâ€™s plan") == "The mayor’s plan"
    assert fix_unicode("“Quoted” as is") == "“Quoted” as is"
    assert fix_unicode("caf\u0065\u0301 ok\r\nnext") == "café ok\nnext"


def test_control_characters_are_stripped() -> None:
    # U+0002 / U+0003 are search's hit marks: left in a text, they would fake highlighting
    assert fix_unicode("a\x02fake hit\x03 b\x00c\x7f") == "afake hit bc"
    assert fix_unicode("page\x0cbreak\ttab") == "page\nbreak\ttab"
