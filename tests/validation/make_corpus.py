# ruff: noqa: E501  (a table of corpus cases: one case per line reads best)
"""Regenerates tests/validation/corpus (the files are committed): python tests/validation/make_corpus.py"""
import io
import shutil
import struct
import zlib
from pathlib import Path

import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parent / "corpus"
shutil.rmtree(ROOT, ignore_errors=True)

def front(case, extra="", title=None, slug=None, description=None, categories="  - Anxiety\n"):
    title = title or f"Corpus case {case.replace('-', ' ')}"
    slug = slug if slug is not None else f"corpus-{case}"
    description = description or "A post from the validation corpus, with one realistic author mistake checked by both gates."
    return (f"---\ntitle: {title}\ndescription: {description}\ndate:\n  created: 2025-06-01\n"
            f"slug: {slug}\ncategories:\n{categories}authors:\n  - anna\n{extra}---\n\n")

BODY = "A short paragraph that sets the scene for the reader.\n\n"
cases = []
def case(name, text, rule, marker, *, column=None, files=None, path=None, why="", data=None, occurrence=0):
    cases.append(dict(name=name, text=text, rule=rule, marker=marker, column=column, files=files or {}, path=path,
                      why=why, data=data, occurrence=occurrence))

# --- 1. security -------------------------------------------------------------------------------------------------
case("script-inline", front("script-inline") + BODY + "<script>alert('corpus-xss-1')</script>\n", "html-script", "<script>alert")
case("script-widget", front("script-widget") + BODY + "Book below:\n\n<script src=\"https://widget.example/book.js\"></script>\n", "html-script", "<script src")
case("iframe-widget", front("iframe-widget") + BODY + "<iframe src=\"https://booking.example/embed\" width=\"600\"></iframe>\n", "html-embed", "<iframe")
case("object-tag", front("object-tag") + BODY + "<object data=\"https://media.example/clip.swf\"></object>\n", "html-embed", "<object")
case("embed-tag", front("embed-tag") + BODY + "<div>\n<embed src=\"https://media.example/clip.swf\">\n</div>\n", "html-embed", "<embed")
case("onclick", front("onclick") + BODY + "Read the <a href=\"https://www.nhs.uk/\" onclick=\"alert('corpus-xss-6')\">NHS advice</a> too.\n", "html-event-handler", "onclick=")
case("onerror-img", front("onerror-img") + BODY + "<img src=\"../../assets/images/anna-reyes.webp\" alt=\"Anna smiling\" onerror=\"alert('corpus-xss-7')\">\n", "html-event-handler", "onerror=")
case("javascript-markdown-link", front("javascript-markdown-link") + BODY + "[Click here](javascript:alert('corpus-xss-8')) to start.\n", "link-unsafe", "[Click here]")
case("javascript-html-link", front("javascript-html-link") + BODY + "<a href=\"javascript:alert('corpus-xss-9')\">Start</a>\n", "link-unsafe", "<a href=")
case("data-link", front("data-link") + BODY + "See [the leaflet](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n", "link-unsafe", "[the leaflet]")
case("vbscript-link", front("vbscript-link") + BODY + "<p><a href=\"vbscript:msgbox('corpus')\">Old link</a></p>\n", "link-unsafe", "<p><a href=\"vbscript")
case("obfuscated-javascript", front("obfuscated-javascript") + BODY + "<a href=\"jav&#x09;ascript:alert('corpus-xss-12')\">Tricky</a>\n", "link-unsafe", "Tricky")
case("hotlinked-image", front("hotlinked-image") + BODY + "![A calm lake at dawn](https://images.example.com/lake.jpg)\n", "image-external", "![A calm")
case("hotlinked-html-image", front("hotlinked-html-image") + BODY + "<img src=\"https://images.example.com/lake.jpg\" alt=\"A calm lake at dawn\">\n", "image-external", "<img src")
case("external-stylesheet", front("external-stylesheet") + BODY + "<link rel=\"stylesheet\" href=\"https://fonts.example.com/fancy.css\">\n", "resource-external", "<link")
case("external-video", front("external-video") + BODY + "<video controls src=\"https://cdn.example.com/breathing.mp4\"></video>\n", "resource-external", "<video")
case("closing-script-text", front("closing-script-text") + BODY + "## FAQ\n\n### What does the code do?\n\nIt ends with </script> and then stops.\n", "html-script", "</script>")
case("reference-javascript", front("reference-javascript") + BODY + "Read [the guide][guide].\n\n[guide]: javascript:alert('corpus-xss-18')\n", "link-unsafe", "[guide]: javascript")
case("form-tag", front("form-tag") + BODY + "<form action=\"https://forms.example/submit\">\n<input name=\"email\">\n</form>\n", "html-embed", "<form")

# --- 2. block structure -------------------------------------------------------------------------------------------
case("block-unclosed", front("block-unclosed") + BODY + "/// takeaways\n\n- One thing to remember.\n\n## Frequently Asked Questions\n\n### Does it help?\n\nYes.\n", "block-unclosed", "/// takeaways")
case("block-unknown-typo", front("block-unknown-typo") + BODY + "/// takeaway\n\n- One thing to remember.\n\n///\n", "block-unknown", "/// takeaway")
case("block-unknown-name", front("block-unknown-name") + BODY + "/// bookin | Talk to me\n\nBook a call.\n\n///\n", "block-unknown", "/// bookin")
case("block-nested", front("block-nested") + BODY + "/// takeaways\n\n- One thing to remember.\n\n/// booking\n\nBook a call.\n\n///\n\n///\n", "block-nesting", "/// booking")
case("block-option-unindented", front("block-option-unindented") + BODY + "/// booking | Book now\nurl: https://booking.stillwater-therapy.example/x\n\nTalk to us.\n\n///\n", "block-option-indent", "url: https")
case("block-option-after-blank", front("block-option-after-blank") + BODY + "/// booking | Book now\n\n    button: Book a call\n\nTalk to us.\n\n///\n", "block-option-indent", "button: Book")
case("block-stray-end", front("block-stray-end") + BODY + "Some words.\n\n///\n\nMore words.\n", "block-unclosed", "///")
case("block-malformed-header", front("block-malformed-header") + BODY + "/// Key takeaways!\n\n- One thing.\n\n///\n", "block-unknown", "/// Key")
case("block-bad-option-value", front("block-bad-option-value") + BODY + "/// booking | Book now\n    button: Book a call\n    url: javascript:alert('corpus-xss-28')\n\nTalk to us.\n///\n", "block", "url: javascript")
case("block-unknown-option", front("block-unknown-option") + BODY + "/// takeaways\n    colour: red\n\n- One thing.\n///\n", "block", "colour: red")

# --- 3. robust input ---------------------------------------------------------------------------------------------
text = front("windows-1252", title="Corpus case windows 1252") + BODY + "Caf\u00e9 \u201cquotes\u201d \u2013 like Word writes them.\n"
case("windows-1252", text, "file-encoding", "Caf", data=text.encode("cp1252"), column=4)
text = front("utf-16") + BODY + "Saved by Notepad.\n"
case("utf-16", text, "file-encoding", "---", data=text.encode("utf-16"))

def png_header(width, height):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")

def hero_case(name, image_name, image_bytes, rule):
    extra = f"hero:\n  src: assets/images/corpus/{image_name}\n  alt: A quiet room with two chairs facing each other.\n"
    case(name, front(name, extra=extra) + BODY, rule, "  src: assets", files={f"docs/assets/images/corpus/{image_name}": image_bytes})

hero_case("hero-not-an-image", "not-an-image.webp", b"This is a text file with a picture's name.\n", "image-invalid")
buffer = io.BytesIO()
Image.new("RGB", (64, 64), (200, 220, 210)).save(buffer, "PNG")
hero_case("hero-truncated", "truncated.png", buffer.getvalue()[:60], "image-invalid")
hero_case("hero-decompression-bomb", "bomb.png", png_header(30000, 30000), "image-too-large")
hero_case("hero-too-many-pixels", "huge.png", png_header(9000, 9000), "image-too-large")
case("body-image-fake", front("body-image-fake") + BODY + "![A drawing of a lighthouse](../../assets/images/corpus/fake-photo.jpg)\n", "image-invalid", "![A drawing",
     files={"docs/assets/images/corpus/fake-photo.jpg": b"<html>not really a photo</html>\n"})

# --- 4. metadata -------------------------------------------------------------------------------------------------
case("tags-as-text", front("tags-as-text", extra="tags: sleep, anxiety\n"), "front-matter-type", "tags: sleep")
case("title-as-list", front("title-as-list", title="\n  - Sleep\n  - Worry"), "front-matter-type", "title:")
case("slug-spaces-capitals", front("slug-spaces-capitals", slug="My First Post About Sleep"), "front-matter-slug", "slug: My")
case("duplicate-slug-a", front("duplicate-slug-a", slug="corpus-same-slug"), "front-matter-slug", "slug: corpus-same-slug")
case("duplicate-slug-b", front("duplicate-slug-b", slug="corpus-same-slug"), "front-matter-slug", "slug: corpus-same-slug")
case("date-impossible", front("date-impossible").replace("created: 2025-06-01", "created: 2025-02-30"), "front-matter-date", "created: 2025-02-30")
case("updated-before-created", front("updated-before-created").replace("created: 2025-06-01", "created: 2025-06-01\n  updated: 2025-05-01"), "front-matter-date", "updated: 2025-05-01")
case("date-in-words", front("date-in-words").replace("created: 2025-06-01", "created: next Tuesday"), "front-matter-date", "created: next")
case("draft-as-text", front("draft-as-text", extra="draft: not yet\n"), "front-matter-type", "draft:")
case("categories-as-text", front("categories-as-text", categories="").replace("categories:\n", "categories: Anxiety, Sleep\n"), "front-matter-category", "categories:")
case("reviewer-unknown", front("reviewer-unknown", extra="reviewed_by: dr-smith\nlast_reviewed: 2025-06-10\n"), "front-matter-review", "reviewed_by:")
case("social-image-without-infographic", front("social-image-without-infographic", extra="social_image: infographic\n") + BODY, "social-image", "social_image:")
case("emoji-title-no-hero", front("emoji-title-no-hero", title="Calm mornings \U0001F305 start here"), "card-glyph", "title:")
case("description-as-number", front("description-as-number", description="42"), "front-matter-description", "description:")
case("faq-question-without-answer", front("faq-question-without-answer") + BODY + "## FAQs:\n\n### Is it confidential?\n\n### How long is a session?\n\nFifty minutes.\n", "faq", "### Is it confidential?")
case("hero-alt-missing", front("hero-alt-missing", extra="hero:\n  src: assets/images/anxiety-hero.webp\n") + BODY, "image-alt", "hero:")
case("yaml-tab-indent", front("yaml-tab-indent").replace("  - anna", "\t- anna"), "front-matter-yaml", "\t- anna")

# --- more, found by thinking like an author ------------------------------------------------------------------------
case("block-two-slashes", front("block-two-slashes") + BODY + "// takeaways\n\n- One thing.\n", "block-unknown", "// takeaways")
case("template-missing", front("template-missing", extra="template: fancy-post.html\n"), "front-matter-type", "template:")
case("schema-type-unknown", front("schema-type-unknown", extra="schema_type: FAQ\n"), "front-matter-type", "schema_type:")
case("updated-in-future", front("updated-in-future").replace("created: 2025-06-01", "created: 2025-06-01\n  updated: 2099-01-01"), "front-matter-date", "updated: 2099")
case("post-without-title", front("post-without-title").replace("title: Corpus case post without title\n", ""), "front-matter-type", "---")
case("review-on-a-page", "---\ntitle: Fees\ndescription: What sessions cost and how to pay, with the sliding scale explained in plain words.\nreviewed_by: anna\nlast_reviewed: 2099-06-01\n---\n\nOur fees.\n", "front-matter-review", "last_reviewed:", path="docs/fees.md", why="any page may be reviewed (issue 15), but not in the future")
case("page-url-clash", "---\ntitle: About again\ndescription: A second about page that would take the address of the first one, silently replacing it.\n---\n\nHello.\n", "page-url-duplicate", "---", path="docs/about/index.md")
text = "---\ntitle: Prices\ndescription: What sessions cost and how to pay, with the sliding scale explained in plain words.\n---\n\nFees \u2013 \u00a360 per session.\n"
case("markdown-suffix-windows-1252", text, "file-encoding", "Fees", path="docs/prices.markdown", data=text.encode("cp1252"))
case("html-comment-unclosed", front("html-comment-unclosed") + BODY + "Before.\n\n<!-- a note to self\n\nThe rest of the post.\n", "html-unclosed", "<!-- a note")
case("html-div-unclosed", front("html-div-unclosed") + BODY + "<div class=\"note\">\n\nSome **bold** text.\n", "html-unclosed", "<div class")
case("key-typo", front("key-typo", extra="tag:\n  - sleep\n"), "front-matter-unknown-key", "tag:")
case("style-tag", front("style-tag") + BODY + "<style>body { display: none }</style>\n", "html-style", "<style>")
case("svg-onload", front("svg-onload") + BODY + "<svg onload=\"alert('corpus-xss-40')\"><circle r=\"5\"/></svg>\n", "html-event-handler", "<svg")
case("picture-external-source", front("picture-external-source") + BODY + "<picture><source srcset=\"https://cdn.example.com/a.webp 1x\"><img src=\"../../assets/images/anna-reyes.webp\" alt=\"Anna smiling warmly\"></picture>\n", "resource-external", "<picture>", column=10)
case("image-heic", front("image-heic") + BODY + "![Anna in the garden](../../assets/images/corpus/garden.heic)\n", "image-invalid", "![Anna", files={"docs/assets/images/corpus/garden.heic": b"ftypheic not really decodable"})
case("block-option-tab", front("block-option-tab") + BODY + "/// booking | Book\n\tbutton: Book now\n\nText.\n///\n", "block-option-indent", "button: Book now")
case("block-options-as-list", front("block-options-as-list") + BODY + "/// takeaways\n    - One\n    - Two\n///\n", "block", "/// takeaways")
case("front-matter-not-first-line", "\n---\ntitle: Contact\ndescription: How to reach the practice by phone or email, and what happens after you get in touch.\n---\n\nText.\n", "front-matter-yaml", "---", path="docs/contact.md")
case("uppercase-suffix", front("uppercase-suffix"), "file-stray", "---", path="docs/blog/posts/Uppercase-Suffix.MD")
case("yaml-colon-in-title", front("yaml-colon-in-title", title="Anxiety: the basics"), "front-matter-yaml", "title: Anxiety")


# --- second round (issue 27): from other tools and from a phone ------------------------------------------------------
def gps_photo():
    """A phone photo: GPS position, camera, taken sideways."""
    image = Image.new("RGB", (96, 48), (180, 200, 190))
    exif = Image.Exif()
    exif[0x010F], exif[0x0112] = "PhoneMaker", 6
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 27.0, 12.5), "W", (2.0, 35.0, 1.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'
case("svg-file-script", SVG_OPEN + '<circle cx="5" cy="5" r="4"/>\n<script>alert(\'corpus-xss-41\')</script>\n</svg>\n', "svg-script", "<script>", path="docs/assets/images/corpus/leaf.svg")
case("svg-file-onload", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"\n     onload="alert(\'corpus-xss-42\')">\n<circle cx="5" cy="5" r="4"/>\n</svg>\n', "svg-script", "onload=", path="docs/assets/images/corpus/wave.svg")
case("svg-file-javascript-href", SVG_OPEN + '<a xlink:href="javascript:alert(\'corpus-xss-43\')">\n<circle cx="5" cy="5" r="4"/>\n</a>\n</svg>\n', "svg-script", "<a xlink", path="docs/assets/images/corpus/badge.svg")
case("svg-file-foreign-object", SVG_OPEN + '<rect width="10" height="10"/>\n<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">corpus-xss-44</div></foreignObject>\n</svg>\n', "svg-script", "<foreignObject", path="docs/assets/images/corpus/card.svg")
case("wikilink", front("wikilink") + BODY + "Trust takes time; see [[Role of trust in therapy]] for more.\n", "wikilink", "[[Role")
case("wikilink-label", front("wikilink-label") + BODY + "Read [[role-of-trust-in-therapy|the article on trust]] first.\n", "wikilink", "[[role-of")
case("wikilink-embed-photo", front("wikilink-embed-photo") + BODY + "My consulting room:\n\n![[IMG_2041.jpg]]\n", "wikilink", "![[IMG",
     files={"docs/assets/images/corpus/IMG_2041.jpg": gps_photo()})
case("shortcode-contact-form", front("shortcode-contact-form") + BODY + "Get in touch:\n\n[contact-form-7 id=\"123\" title=\"Contact form 1\"]\n", "shortcode", "[contact-form-7")
case("shortcode-gallery", front("shortcode-gallery") + BODY + "[gallery ids=\"12,13,14\" columns=\"3\"]\n", "shortcode", "[gallery")
case("shortcode-caption", front("shortcode-caption") + BODY + "[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]The waiting room[/caption]\n", "shortcode", "[caption")
case("shortcode-embed", front("shortcode-embed") + BODY + "A short breathing exercise:\n\n[embed]https://www.youtube.com/watch?v=abc123[/embed]\n", "shortcode", "[embed]")
case("invisible-faq-heading", front("invisible-faq-heading") + BODY + "## Frequently Asked Questions\u200b\n\n### Is it confidential?\n\nYes, with a few legal exceptions.\n", "invisible-character", "## Frequently")
case("invisible-soft-hyphen-heading", front("invisible-soft-hyphen-heading") + BODY + "## Self\u00adcompassion in practice\n\nBe kind to yourself.\n", "invisible-character", "## Self")
case("invisible-key", front("invisible-key", extra="tags\u200b:\n  - sleep\n"), "invisible-character", "tags\u200b:")
case("nbsp-indent-list", front("nbsp-indent-list", categories="\u00a0\u00a0- Anxiety\n"), "invisible-character", "\u00a0\u00a0- Anxiety")
case("nbsp-indent-hero", front("nbsp-indent-hero", extra="hero:\n\u00a0\u00a0src: assets/images/anxiety-hero.webp\n\u00a0\u00a0alt: A calm sea under a pale sky.\n") + BODY, "invisible-character", "\u00a0\u00a0src:")
case("slug-zero-width", front("slug-zero-width", slug="corpus-slug-zero\u200bwidth"), "invisible-character", "slug: corpus")
case("bom-mid-file", front("bom-mid-file") + BODY + "\ufeff## The second part\n\nPasted from another file.\n", "invisible-character", "The second part")
case("nbsp-block-option", front("nbsp-block-option") + BODY + "/// booking | Book a call\n\u00a0\u00a0\u00a0\u00a0button: Book now\n\nText.\n///\n", "invisible-character", "button: Book now")
case("curly-quotes-title", front("curly-quotes-title", title="\u201cAnxiety: the basics\u201d"), "front-matter-yaml", "title:")
case("curly-quoted-description", front("curly-quoted-description", description="\u201cA gentle look at worry at night, and small ways to help your mind settle.\u201d"), "front-matter-yaml", "description:")
case("data-uri-image", front("data-uri-image") + BODY + "![A leaflet about sleep](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==)\n", "link-unsafe", "![A leaflet")
DRAFT_TARGET = front("draft-target", title="Corpus draft target", slug="corpus-draft-target", extra="draft: true\n") + BODY
SCHEDULED_TARGET = front("scheduled-target", title="Corpus scheduled target", slug="corpus-scheduled-target").replace("created: 2025-06-01", "created: 2099-03-01") + BODY
case("link-to-draft", front("link-to-draft") + BODY + "Part two: [what happens next](corpus-draft-target.md).\n", "link-unpublished", "[what happens",
     files={"docs/blog/posts/corpus-draft-target.md": DRAFT_TARGET.encode()})
case("link-to-draft-address", front("link-to-draft-address") + BODY + "Part two: [what happens next](../corpus-draft-target/).\n", "link-unpublished", "[what happens")
case("link-to-scheduled", front("link-to-scheduled") + BODY + "Coming soon: [part three](corpus-scheduled-target.md).\n", "link-unpublished", "[part three",
     files={"docs/blog/posts/corpus-scheduled-target.md": SCHEDULED_TARGET.encode()})
case("emoji-only-title", front("emoji-only-title", title="\U0001F305\U0001F319").replace("slug: corpus-emoji-only-title\n", ""), "front-matter-slug", "title:")
case("mailto-bcc", front("mailto-bcc") + BODY + "[Email me](mailto:hello@example.org?bcc=someone@elsewhere.example) to ask.\n", "link-mailto", "[Email me]")
case("mailto-header-line-break", front("mailto-header-line-break") + BODY + "<a href=\"mailto:hello@example.org?subject=Hello%0D%0ABcc:list@elsewhere.example\">Email</a>\n", "link-mailto", "<a href")
case("mailto-two-addresses", front("mailto-two-addresses") + BODY + "Write to [us](mailto:hello@example.org,records@elsewhere.example).\n", "link-mailto", "[us]")
case("booking-block-mailto-cc", front("booking-block-mailto-cc") + BODY + "/// booking | Email me\n    url: mailto:hello@example.org?cc=list@elsewhere.example\n\nText.\n///\n", "block", "url: mailto")
case("booking-front-matter-mailto", front("booking-front-matter-mailto", extra="booking:\n  url: mailto:hello@example.org?bcc=list@elsewhere.example\n") + BODY, "booking", "url: mailto")

case("heic-from-phone", "not a real HEIC, but named like one from an iPhone\n", "image-private", "not a real", path="docs/assets/images/corpus/IMG_2042.HEIC")
case("svg-file-handler", SVG_OPEN + '<rect width="10" height="10"/>\n<handler type="application/ecmascript" ev:event="click" xmlns:ev="http://www.w3.org/2001/xml-events">alert(\'corpus-xss-45\')</handler>\n</svg>\n', "svg-script", "<handler", path="docs/assets/images/corpus/tiny.svg")
case("obsidian-callout", front("obsidian-callout") + BODY + "> [!note] Before your first session\n> Bring any questions you have.\n", "obsidian", "> [!note]")
case("obsidian-comment", front("obsidian-comment") + BODY + "Clients often feel nervous. %% check with supervisor: client J said this %%\n", "obsidian", "%%")
case("hugo-shortcode", front("hugo-shortcode") + BODY + "A short video:\n\n{{< youtube dQw4w9WgXcQ >}}\n", "shortcode", "{{<")
case("nbsp-list-marker", front("nbsp-list-marker") + BODY + "Things that help:\n\n-\u00a0Regular sleep\n-\u00a0Short walks\n", "invisible-character", "Regular sleep")

case("nbsp-category", front("nbsp-category", categories="  - Anxiety\u00a0\n"), "invisible-character", "  - Anxiety")

case("nbsp-faq-heading", front("nbsp-faq-heading") + BODY + "## Frequently\u00a0Asked Questions\n\n### Is it confidential?\n\nYes, with a few legal exceptions.\n", "invisible-character", "## Frequently")
case("blank-looking-line", front("blank-looking-line") + BODY + "Things that help:\n\u00a0\n- Regular sleep\n- Short walks\n", "invisible-character", "\u00a0")

for item in cases:
    folder = ROOT / item["name"]
    folder.mkdir(parents=True)
    text = item["text"]
    lines = text.splitlines()
    line = next(number for number, content in enumerate(lines, start=1) if item["marker"] in content)
    if item["rule"] == "front-matter-slug" and item["name"].startswith("duplicate"):
        pass
    data = item["data"] if item["data"] is not None else text.encode("utf-8")
    (folder / "post.md").write_bytes(data)
    for relative, content in item["files"].items():
        target = folder / "files" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    manifest = {"rule": item["rule"], "line": 1 if item["name"] == "utf-16" else line}
    if item["path"]:
        manifest["path"] = item["path"]
    if item["column"]:
        manifest["column"] = item["column"]
    (folder / "case.yml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
print(len(cases), "cases")
