"""Valid HTML on every built page (Nu Html Checker).

vnu.jar comes from npm (``vnu-jar``) and runs on Debian's Java; ``make test``
installs both through ``tools/ensure-test-tools.sh``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from helpers import REPO, Build

VNU_JAR = REPO / ".cache" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_pages(build: Build) -> list[Path]:
    return sorted(build.site.rglob("*.html"))


def run_vnu(*targets: Path) -> list[dict[str, object]]:
    java = shutil.which("java")
    assert java, "Java is missing: run `bash tools/ensure-test-tools.sh` (make test does)"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `bash tools/ensure-test-tools.sh` (make test does)"
    # One short run: the quick compiler alone and one garbage-collector thread take half the CPU of the JVM's
    # defaults for the same findings; its frames are larger, so the schema's deep recursion gets a larger stack.
    java_options = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]
    command = [java, *java_options, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json"]
    result = subprocess.run([*command, *map(str, targets)], capture_output=True, text=True, check=False)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_nu_html_checker_finds_no_errors_in_any_page(site_build: Build, tmp_path: Path) -> None:
    pages = html_pages(site_build)
    assert len(pages) >= 15, "the site should have every page type"
    # A known-bad document checked in the same run proves the checker really reports errors.
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=en><title>x</title><p><span></p>", encoding="utf-8")
    messages = run_vnu(site_build.site, broken)
    on_broken = [message for message in messages if str(message.get("url", "")).endswith("/broken.html")]
    on_site = [message for message in messages if message not in on_broken]
    assert on_broken, "vnu did not report the broken control document"
    assert on_site == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in on_site)
