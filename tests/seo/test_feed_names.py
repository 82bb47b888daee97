"""The rss plugin writes the site name and authors' names unescaped in places: the repair keeps the feed valid."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from therapy_site.seo.feeds import DC, rewrite_rss

FEED = """<?xml version="1.0" encoding="UTF-8" ?> <?xml-stylesheet type="text/xsl" href="rss.xsl"?>\
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>\
<title>O&#39;Brien &amp; Co: Counselling</title><language>en</language>\
<image><url>https://obrien.co.uk/favicon.png</url><title>O'Brien & Co: Counselling</title></image>\
<item><title>Hello</title><author>Smith & Jones</author><link>https://obrien.co.uk/blog/hello/</link></item>\
</channel></rss>"""


def test_a_bare_ampersand_from_the_rss_plugin_is_escaped_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "feed_rss_created.xml"
    path.write_text(FEED, encoding="utf-8")
    rewrite_rss(path, {}, "en-GB", "hello@obrien.co.uk")
    data = path.read_bytes()
    assert b'<?xml-stylesheet type="text/xsl" href="rss.xsl"?>' in data
    channel = etree.fromstring(data).find("channel")
    assert channel.findtext("title") == "O'Brien & Co: Counselling"
    assert channel.findtext("image/title") == "O'Brien & Co: Counselling"
    assert channel.findtext("language") == "en-GB"
    assert channel.find("item").findtext(f"{{{DC}}}creator") == "Smith & Jones"
