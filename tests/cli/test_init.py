"""``therapy-site init``: a new practice's complete site from a few answers.

Unit tests run the command in-process. The end-to-end tests install the package from a
wheel (not the editable install), write one site per supported country in a folder
outside the repository, and check and build it strictly as an author would: the wheel's
console scripts, each in its own process (forked from ``command_server.py``, which imports
the wheel's package once). README's walk-through runs its shell lines as written.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from click.testing import CliRunner, Result
from lxml import etree
from lxml import html as lxml_html
from PIL import Image

from helpers import REPO, free_port
from therapy_site.cli import main
from therapy_site.init.countries import COUNTRIES, crisis_lines, dial
from therapy_site.init.site import markdown_text

TEMPLATE_IDENTITY = (
    "Stillwater",
    "Anna Reyes",
    "stillwater-therapy.example",
    "+44 117 496 0123",
    "Bristol",
    "UKCP",
)
PAGES = ("index", "about", "services", "fees", "book", "privacy", "urgent-help", "blog/index", "blog/posts/welcome")
AWKWARD_PRACTICE = "O'Brien & Co: Counselling"

# The practice's own facts for each supported country: complete answers (photo, bio, fees, services).
ANSWERS: dict[str, dict[str, Any]] = {
    "GB": {
        "practice": "Harbour Light Counselling",
        "site_url": "https://harbourlight-counselling.co.uk/",
        "practitioner": "Dr. Mei Tanaka",
        "short_name": "Mei",
        "job_title": "Counselling psychologist",
        "credentials": ["DCounsPsych", "HCPC-registered practitioner psychologist"],
        "registered_with": {"name": "Health and Care Professions Council", "url": "https://www.hcpc-uk.org/"},
        "email": "hello@harbourlight-counselling.co.uk",
        "phone": "+44 1752 600418",
        "city": "Plymouth",
        "online": True,
        "booking_url": "https://harbourlight-counselling.co.uk/book-online",
        "country": "GB",
        "language": "en-GB",
    },
    "US": {
        "practice": "Maple & Pine Counseling",
        "site_url": "https://mapleandpine-counseling.com",
        "practitioner": "Jordan Ellis",
        "short_name": "Jordan",
        "job_title": "Licensed professional counselor",
        "credentials": ["MA Clinical Mental Health Counseling", "Licensed Professional Counselor (LPC)"],
        "registered_with": {
            "name": "Oregon Board of Licensed Professional Counselors and Therapists",
            "url": "https://www.oregon.gov/oblpct/",
        },
        "email": "jordan@mapleandpine-counseling.com",
        "phone": "+1 503 724 1180",
        "city": "Portland",
        "booking_url": "https://mapleandpine-counseling.com/schedule",
        "country": "US",
        "language": "en-US",
        "free_consultation": 20,
    },
    "IE": {
        "practice": "Riverbank: O'Brien & Byrne Psychotherapy",  # a colon, a quote and an ampersand
        "site_url": "https://riverbank-psychotherapy.ie/",
        "practitioner": "Aoife Byrne",
        "short_name": "Aoife",
        "job_title": "Psychotherapist",
        "credentials": ["MSc Psychotherapy", "IACP-accredited psychotherapist"],
        "registered_with": {
            "name": "Irish Association for Counselling and Psychotherapy",
            "url": "https://iacp.ie/",
            "credential": "IACP-accredited psychotherapist",
        },
        "email": "aoife@riverbank-psychotherapy.ie",
        "phone": "+353 91 528 410",
        "city": "Galway",
        "booking_url": "https://riverbank-psychotherapy.ie/book",
        "country": "IE",
        "free_consultation": 15,
    },
    "CA": {
        "practice": "Northern Lake Therapy",
        "site_url": "https://northernlaketherapy.ca/",
        "practitioner": "Sam Okafor",
        "short_name": "Sam",
        "job_title": "Registered psychotherapist",
        "credentials": ["MA Counselling Psychology", "Registered Psychotherapist (RP)"],
        "registered_with": {
            "name": "College of Registered Psychotherapists of Ontario",
            "url": "https://www.crpo.ca/",
        },
        "email": "sam@northernlaketherapy.ca",
        "phone": "+1 416 862 3071",
        "online": True,
        "booking_url": "https://northernlaketherapy.ca/book",
        "country": "CA",
        "language": "en-CA",
    },
    "AU": {
        "practice": "Saltbush Psychology",
        "site_url": "https://saltbushpsychology.com.au/",
        "practitioner": "Priya Raman",
        "short_name": "Priya",
        "job_title": "Clinical psychologist",
        "credentials": ["DPsych (Clinical)", "AHPRA-registered psychologist"],
        "registered_with": {"name": "Psychology Board of Australia", "url": "https://www.psychologyboard.gov.au/"},
        "email": "priya@saltbushpsychology.com.au",
        "phone": "+61 8 9321 4470",
        "city": "Perth",
        "online": False,
        "booking_url": "https://saltbushpsychology.com.au/appointments",
        "country": "AU",
        "language": "en-AU",
    },
    "NZ": {
        "practice": "Kōwhai Counselling",
        "site_url": "https://kowhaicounselling.co.nz/",
        "practitioner": "Tama Ngata",
        "short_name": "Tama",
        "job_title": "Counsellor",
        "credentials": ["Master of Counselling", "NZAC registered counsellor"],
        "registered_with": {"name": "New Zealand Association of Counsellors", "url": "https://www.nzac.org.nz/"},
        "email": "kiaora@kowhaicounselling.co.nz",
        "phone": "+64 4 499 2260",
        "city": "Wellington",
        "online": True,
        "booking_url": "https://kowhaicounselling.co.nz/book",
        "country": "NZ",
        "language": "en-NZ",
    },
}
COMPLETE = {
    "bio": "I work with adults who feel stuck, at a pace that suits them.\n\nSessions are unhurried and confidential.",
    "photo": "me.jpg",
    "fees": ["Individual session: 90 a session", "A few reduced-fee places; please ask"],
    "services": ["Individual therapy for adults", "Short-term therapy"],
}


def write_answers(folder: Path, answers: dict[str, Any], *, photo: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if photo:
        Image.new("RGB", (640, 480), (150, 120, 100)).save(folder / "me.jpg", "JPEG")
    path = folder / "answers.yml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---\n(.*?\n)---\n(.*)$", path.read_text(encoding="utf-8"), re.DOTALL)
    assert match, path
    return yaml.safe_load(match.group(1)), match.group(2)


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# --- Unit-level: no build ----------------------------------------------------------------------------------


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "in", {**ANSWERS["GB"], **COMPLETE})
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(site), "--answers", str(answers))
    assert result.exit_code == 1
    assert "not empty" in result.output
    assert sorted(path.name for path in site.iterdir()) == ["notes.txt"]
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": None}, "'email': missing"),
        ({"country": "FR"}, "'country': 'FR' is not supported; use one of GB, US, IE, CA, AU, NZ"),
        ({"site_url": "http://harbourlight.co.uk"}, "'site_url': 'http://harbourlight.co.uk' is not a web address"),
        ({"booking_url": "book online"}, "'booking_url': 'book online' is not a web address"),
        ({"language": "fr-FR"}, "'language': 'fr-FR' is not supported"),
        ({"photo": "missing.jpg"}, "'photo': the picture file"),
        ({"registered_with": {"name": "HCPC"}}, "'registered_with': 'url' is missing"),
        ({"pratice": "Typo"}, "'pratice': unknown key; did you mean 'practice'?"),
        ({"online": False, "city": None}, "'city': missing"),
        ({"practice": "<b>Bold</b> Therapy"}, "'practice': '<b>Bold</b> Therapy' contains '<' or '>'"),
        ({"practitioner": 'Jo "JJ" Smith'}, "'practitioner': 'Jo \"JJ\" Smith' contains a straight double quote"),
    ],
)
def test_bad_answers_exit_2_with_a_message_naming_the_key(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    answers = {**ANSWERS["GB"], **COMPLETE, **change}
    path = write_answers(tmp_path / "in", {key: value for key, value in answers.items() if value is not None})
    result = run("init", str(tmp_path / "site"), "--answers", str(path))
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a message, never a traceback
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_every_problem_in_an_answers_file_is_reported_at_once(tmp_path: Path) -> None:
    answers = {**ANSWERS["GB"], "country": "XX", "phone": "call me"}
    del answers["email"]
    result = run("init", str(tmp_path / "site"), "--answers", str(write_answers(tmp_path / "in", answers)))
    assert result.exit_code == 2
    for key in ("'country'", "'phone'", "'email'"):
        assert key in result.output


def test_missing_optional_answers_are_todo_errors_that_check_reports_at_their_lines(tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "in", ANSWERS["GB"], photo=False)  # no photo, bio, fees or services
    site = tmp_path / "site"
    result = run("init", str(site), "--answers", str(answers))
    assert result.exit_code == 0, result.output
    assert "Still to write: your photo" in result.output
    assert "therapy-site check" in result.output
    checked = CliRunner().invoke(main, ["check", "--format", "json", "-f", str(site / "mkdocs.yml")])
    assert checked.exit_code == 1, checked.output
    errors = {
        (finding["path"], finding["line"])
        for finding in json.loads(checked.stdout)["findings"]
        if finding["rule"] == "placeholder" and finding["severity"] == "error"
    }
    config, authors = site / "mkdocs.yml", site / "docs/blog/.authors.yml"
    expected = {
        ("mkdocs.yml", line_of(config, "bio: 'TODO")),
        ("mkdocs.yml", line_of(config, "image: assets/images/TODO-your-photo.webp")),
        ("mkdocs.yml", line_of(config, "- 'TODO: the services")),
        ("docs/blog/.authors.yml", line_of(authors, "avatar: assets/images/TODO-your-photo.webp")),
        ("docs/about.md", line_of(site / "docs/about.md", "![TODO")),
        ("docs/about.md", line_of(site / "docs/about.md", "TODO: Write a few sentences")),
        ("docs/fees.md", line_of(site / "docs/fees.md", "TODO")),
        ("docs/services.md", line_of(site / "docs/services.md", "TODO")),
    }
    assert expected <= errors, errors
    # Every other page, and the first post, is complete.
    assert {path for path, _ in errors} == {"mkdocs.yml", "docs/blog/.authors.yml", *{p for p, _ in expected}}


def test_a_plain_mkdocs_build_of_a_new_site_is_strict(tmp_path: Path) -> None:
    """The site's own mkdocs.yml says ``strict: true``: ``mkdocs build`` without ``--strict`` stops at a warning."""
    answers = write_answers(tmp_path / "in", {**ANSWERS["GB"], **COMPLETE})
    site = tmp_path / "site"
    assert run("init", str(site), "--answers", str(answers)).exit_code == 0
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert config["strict"] is True
    config["nav"].append({"Gone": "gone.md"})  # MkDocs warns of a nav entry without its page
    config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([tool("mkdocs"), "build"], cwd=site, env=env, capture_output=True, text=True, check=False)
    assert build.returncode != 0, build.stdout + build.stderr
    assert "'gone.md'" in build.stderr and "in strict mode" in build.stdout + build.stderr, build.stderr


def test_awkward_names_give_valid_yaml_and_pages_that_show_them_as_written(tmp_path: Path) -> None:
    answers = {
        **ANSWERS["GB"],
        **COMPLETE,
        "practice": AWKWARD_PRACTICE,
        "practitioner": "Dr. Siobhán “Shiv” O'Brien",
        "short_name": "Shiv_*",
        "job_title": "Counselling psychologist [HCPC] & supervisor",
        "credentials": ["# 1 in my year: PhD", "- MSc {distinction}", "HCPC-registered practitioner psychologist"],
        "city": "Stoke-on-Trent: Hanley",
        "bio": "Shiv's work: *gentle*, <steady> & honest.\n\n/// booking\n\n1. first",
    }
    site = tmp_path / "site"
    result = run("init", str(site), "--answers", str(write_answers(tmp_path / "in", answers)))
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == AWKWARD_PRACTICE
    person = config["extra"]["practice"]["practitioner"]
    assert person["name"] == answers["practitioner"]
    assert person["credentials"] == answers["credentials"]
    assert config["extra"]["practice"]["location"]["locality"] == answers["city"]
    authors = yaml.safe_load((site / "docs/blog/.authors.yml").read_text(encoding="utf-8"))["authors"]
    assert authors["shiv"]["name"] == answers["practitioner"]
    for page in PAGES:
        meta, body = front_matter(site / "docs" / f"{page}.md")
        assert 50 <= len(meta["description"]) <= 160, (page, meta["description"])
        assert "TODO" not in body
    meta, body = front_matter(site / "docs/index.md")
    assert meta["title"] == AWKWARD_PRACTICE
    index = lxml_html.fromstring(markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"]))
    assert index.findtext("h1") == AWKWARD_PRACTICE
    assert answers["practitioner"] in index.text_content()
    _, body = front_matter(site / "docs/about.md")
    about = lxml_html.fromstring(markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"]))
    assert about.findtext("h1") == "About Shiv_*"
    assert [item.text_content() for item in about.iter("li")] == answers["credentials"]
    paragraphs = [p.text_content() for p in about.iter("p")]
    assert "Shiv's work: *gentle*, <steady> & honest." in paragraphs
    assert "/// booking" in paragraphs and "1. first" in paragraphs
    assert about.find(".//img").get("alt") == f"Photo of {answers['practitioner']}"


def test_init_asks_the_questions_and_asks_again_after_a_wrong_answer(tmp_path: Path) -> None:
    typed = [
        "Harbour Light Counselling",
        "harbourlight-counselling.co.uk",  # no https://: asked again
        "https://harbourlight-counselling.co.uk",
        "Dr. Mei Tanaka",
        "Mei",
        "Counselling psychologist",
        "DCounsPsych",
        "HCPC-registered practitioner psychologist",
        "",  # ends the list
        "Health and Care Professions Council",
        "https://www.hcpc-uk.org/",
        "hello@harbourlight-counselling.co.uk",
        "+44 1752 600418",
        "FR",  # asked again
        "gb",
        "",  # language: the country's
        "y",  # online
        "Plymouth",
        "https://harbourlight-counselling.co.uk/book-online",
        "15",
        "",  # bio, photo, fees, services: later
        "",
        "",
        "",
    ]
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["init", str(site)], input="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert "is not a web address starting with https://" in result.output
    assert "'FR' is not supported" in result.output
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://harbourlight-counselling.co.uk/"
    assert config["theme"]["language"] == "en-GB"
    assert config["extra"]["practice"]["location"] == {
        "locality": "Plymouth",
        "country": "GB",
        "note": "Sessions online and in person in Plymouth.",
    }
    assert "markdown_extensions" not in config  # a free 15-minute call: the booking invitation's own words
    assert config["extra"]["practice"]["crisis"]["line_name"] == "Samaritans"
    assert "Still to write: your photo, a few sentences about you (bio), your fees, your services" in result.output


@pytest.mark.parametrize(
    "text",
    ["A_b *c* `d` [e](f) {: .g}", "# not a heading", "- not a list", "1. not a list", "&amp; <b>x</b>", "!!! no"],
)
def test_markdown_text_shows_exactly_what_was_written(text: str) -> None:
    rendered = markdown.markdown(markdown_text(text), extensions=["attr_list", "admonition", "tables"])
    assert lxml_html.fromstring(rendered).text_content() == text


def test_a_photo_is_cropped_square_and_loses_its_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    exif = Image.Exif()
    exif[0x010E] = "holiday near home"
    Image.new("RGB", (1200, 800), (90, 60, 40)).save(folder / "me.jpg", "JPEG", exif=exif.tobytes())
    answers = write_answers(folder, {**ANSWERS["GB"], **COMPLETE}, photo=False)
    assert run("init", str(tmp_path / "site"), "--answers", str(answers)).exit_code == 0
    with Image.open(tmp_path / "site/docs/assets/images/dr-mei-tanaka.webp") as photo:
        assert photo.size == (384, 384)
        assert not photo.getexif()


@pytest.mark.parametrize("code", list(COUNTRIES))
def test_each_country_has_its_crisis_lines_from_the_data_file(code: str) -> None:
    lines = crisis_lines(code)
    assert lines.emergency_numbers and lines.emergency_source.startswith("https://")
    assert lines.footer.call and all(line.source.startswith("https://") for line in lines.lines)


# --- End to end: the wheel, one site per country, checked and built strictly ---------------------------------


@dataclass
class Wheel:
    lib: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.lib), "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Wheel:
    """The package as a user installs it: a wheel built from a clean copy, installed into its own folder."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"  # never the working tree: setuptools leaves build/ there and reuses it
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "plugins", source / "plugins", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(root / "dist"), str(source)], check=True)
    (built,) = (root / "dist").glob("therapy_site-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(root / "lib"), str(built)], check=True)
    return Wheel(root / "lib")


@dataclass
class Made:
    code: str
    project: Path
    init: subprocess.CompletedProcess[str]
    check: subprocess.CompletedProcess[str]
    build: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, url_path: str) -> Any:
        return lxml_html.fromstring((self.site / url_path / "index.html").read_bytes())


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


class WheelCommands:
    """The wheel's console scripts, each run in its own process forked from ``command_server.py``, which runs with
    the wheel's folder on PYTHONPATH and imports the package once (the end-to-end sites run 18 commands)."""

    def __init__(self, wheel: Wheel, folder: Path) -> None:
        self.folder = folder
        self.server = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("command_server.py"))],
            env=wheel.env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.server.stdout is not None
        self.package_file = self.server.stdout.readline().strip()  # where the server imported therapy_site from
        self.count = 0

    def run(self, script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        assert self.server.stdin is not None and self.server.stdout is not None
        self.count += 1
        stdout, stderr = self.folder / f"{self.count}.out", self.folder / f"{self.count}.err"
        command = {"script": script, "args": list(args), "cwd": str(cwd), "stdout": str(stdout), "stderr": str(stderr)}
        self.server.stdin.write(json.dumps(command) + "\n")
        self.server.stdin.flush()
        code = int(self.server.stdout.readline())
        output, errors = stdout.read_text(encoding="utf-8"), stderr.read_text(encoding="utf-8")
        return subprocess.CompletedProcess([script, *args], code, output, errors)

    def stop(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=30)


@pytest.fixture(scope="module")
def wheel_commands(wheel: Wheel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WheelCommands]:
    commands = WheelCommands(wheel, tmp_path_factory.mktemp("commands"))
    try:
        yield commands
    finally:
        commands.stop()


@pytest.fixture(scope="module", params=list(ANSWERS))
def made(
    request: pytest.FixtureRequest, wheel_commands: WheelCommands, tmp_path_factory: pytest.TempPathFactory
) -> Made:
    """One country's site: written by init from complete answers, checked, and built with --strict."""
    code = request.param
    work = tmp_path_factory.mktemp(f"init-{code}")
    answers = write_answers(work / "answers", {**ANSWERS[code], **COMPLETE})
    project = work / "practice-site"
    init = wheel_commands.run("therapy-site", "init", str(project), "--answers", str(answers), cwd=work)
    check = wheel_commands.run("therapy-site", "check", cwd=project)
    build = wheel_commands.run("mkdocs", "build", "--strict", cwd=project)
    return Made(code, project, init, check, build)


def test_the_end_to_end_tests_run_the_wheel_not_the_editable_install(
    wheel: Wheel, wheel_commands: WheelCommands, tmp_path: Path
) -> None:
    assert Path(wheel_commands.package_file).resolve().is_relative_to(wheel.lib.resolve())
    probe = (
        "import inspect, therapy_site; from importlib.metadata import entry_points; "
        "plugin = next(e for e in entry_points(group='mkdocs.plugins') if e.name == 'therapy-site').load(); "
        "print(therapy_site.__file__); print(inspect.getfile(plugin))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=wheel.env(), capture_output=True, text=True, check=True
    )
    for line in result.stdout.split():
        assert Path(line).resolve().is_relative_to(wheel.lib.resolve()), result.stdout
    assert not wheel.lib.resolve().is_relative_to(REPO)


def test_a_new_site_passes_check_and_the_strict_build(made: Made) -> None:
    assert not made.project.resolve().is_relative_to(REPO)
    assert made.init.returncode == 0, made.init.stdout + made.init.stderr
    assert "Still to write" not in made.init.stdout
    assert made.check.returncode == 0, made.check.stdout + made.check.stderr
    assert "0 error(s)" in made.check.stderr
    assert "guidance: 0 warning(s)" in made.check.stderr, "a new site starts with no writing guidance to act on"
    assert made.build.returncode == 0, made.build.stdout + made.build.stderr
    assert {"index.html", "robots.txt", "sitemap.xml", "feed_rss_created.xml", "404.html"} <= {
        path.name for path in made.site.iterdir()
    }
    assert (made.site / "search/search_index.json").is_file()
    assert (made.site / "blog/welcome/index.html").is_file()
    language = ANSWERS[made.code].get("language") or COUNTRIES[made.code].language
    assert made.html("").get("lang") == language
    practice = ANSWERS[made.code]["practice"]
    assert made.html("").findtext(".//title").startswith(practice)
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        channel = etree.parse(str(made.site / feed)).getroot().find("channel")
        assert channel.findtext("title") == channel.findtext("image/title") == practice
    assert json.loads((made.site / "feed_json_created.json").read_text(encoding="utf-8"))["title"] == practice


def test_no_written_or_built_file_has_the_template_practice_in_it(made: Made) -> None:
    found = []
    for path in sorted(made.project.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        found += [f"{path.relative_to(made.project)}: {name}" for name in TEMPLATE_IDENTITY if name.encode() in data]
    assert found == []
    assert len(list(made.site.rglob("*.html"))) > 10
    assert "md-banner" not in (made.site / "index.html").read_text(encoding="utf-8"), "the demo's notice is the demo's"


def test_urgent_help_and_every_footer_show_the_country_s_crisis_lines(made: Made) -> None:
    lines = crisis_lines(made.code)
    page = made.html("urgent-help")
    hrefs = {link.get("href") for link in page.iter("a")}
    for number in lines.emergency_numbers:
        assert f"tel:{dial(number)}" in hrefs
    text = page.text_content()
    for line in lines.lines:
        assert line.name in text and line.source in hrefs
        if line.call:
            assert f"tel:{dial(line.call)}" in hrefs
        if line.text:
            assert f"sms:{dial(line.text)}" in hrefs
    pages = [path for path in made.site.rglob("index.html")]
    assert len(pages) > 10
    for path in pages:
        footer = lxml_html.fromstring(path.read_bytes()).find_class("ts-practice-footer__crisis")
        assert footer, path
        words = footer[0].text_content()
        links = {link.get("href") for link in footer[0].iter("a")}
        assert lines.footer.name in words, path
        assert {f"tel:{dial(lines.footer.call)}", f"tel:{dial(lines.emergency_numbers[0])}"} <= links, path


def test_the_site_says_what_the_answers_say_and_no_more(made: Made) -> None:
    answers = ANSWERS[made.code]
    home = made.html("").text_content()
    assert answers["practitioner"] in home and answers["practice"] in home
    about = made.html("about").text_content()
    for credential in answers["credentials"]:
        assert credential in about
    assert answers["registered_with"]["name"] in about
    privacy = made.html("privacy").text_content()
    law = {"GB": "UK GDPR", "IE": "the GDPR"}.get(made.code, "data-protection law")
    assert law in privacy
    if made.code != "GB":
        assert "UK GDPR" not in privacy
    booking = made.html("blog/welcome").find_class("ts-booking")[0].text_content()
    minutes = answers.get("free_consultation")
    assert ("free consultation" in booking.lower()) is bool(minutes)
    if minutes:
        assert f"{minutes}-minute" in booking
    book = made.html("book")
    assert book.find_class("ts-booking"), "the Book page has its booking block"
    assert "not an emergency service" in book.text_content()
    assert any(link.get("href", "").endswith("urgent-help/") for link in book.iter("a"))
    schema = [
        json.loads(script.text)
        for script in made.html("").iter("script")
        if script.get("type") == "application/ld+json"
    ]
    assert answers["registered_with"]["name"] in json.dumps(schema)


# --- README's "Start your own site", followed literally -------------------------------------------------------


def readme_start_section() -> tuple[str, list[str]]:
    """The answers file and the shell lines of README's "Start your own site" (up to "Upgrading")."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own site\n", 1)[1].split("### Upgrading", 1)[0]
    (answers,) = re.findall(r"^```yaml\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    (shell,) = re.findall(r"^```sh\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    lines = [line.split("#", 1)[0].strip() for line in shell.splitlines()]
    return answers, [line for line in lines if line]


def test_readme_start_your_own_site_works_as_written(wheel: Wheel, tmp_path_factory: pytest.TempPathFactory) -> None:
    answers, lines = readme_start_section()
    work = tmp_path_factory.mktemp("readme")
    (work / "answers.yml").write_text(answers, encoding="utf-8")
    Image.new("RGB", (800, 600), (120, 150, 140)).save(work / "mei.jpg", quality=90)
    assert lines[0].startswith("pip install therapy-site"), lines  # the wheel fixture is that install
    cwd, outputs = work, {}
    for line in lines[1:]:
        command = shlex.split(line)
        if command[0] == "cd":
            cwd = cwd / command[1]
            continue
        if command[:2] == ["therapy-site", "serve"]:
            outputs["serve"] = preview_home(command, cwd, wheel)
            continue
        result = subprocess.run(
            [tool(command[0]), *command[1:]], cwd=cwd, env=wheel.env(), capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, (line, result.stdout + result.stderr)
        outputs[command[1]] = result.stdout + result.stderr
    assert "0 error(s)" in outputs["check"]
    assert cwd == work / "harbour-light" and (cwd / "site" / "index.html").is_file()
    assert "Harbour Light Counselling" in outputs["serve"]


def preview_home(command: list[str], cwd: Path, wheel: Wheel) -> str:
    """Start the README's preview (on a free port: the tests' machine may use 8000), fetch the home page, stop it."""
    port = free_port()
    server = subprocess.Popen(
        [tool(command[0]), *command[1:], "--port", str(port)],
        cwd=cwd, env=wheel.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    return response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        raise AssertionError("the preview did not answer within 120 s")
    finally:
        server.terminate()
        server.wait(timeout=30)
