"""The deploy workflow publishes only what passes ``therapy-site check`` and ``therapy-site build`` (strict)."""

from __future__ import annotations

import yaml

from helpers import REPO

WORKFLOW = REPO / ".github" / "workflows" / "deploy.yml"


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_workflow_gates_the_upload_on_check_and_strict_build() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    commands = [step.get("run", "") for step in steps(build)]
    uses = [step.get("uses", "").split("@")[0] for step in steps(build)]
    check = next(index for index, command in enumerate(commands) if command.startswith("therapy-site check"))
    strict = next(index for index, command in enumerate(commands) if command == "therapy-site build")
    upload = uses.index("actions/upload-pages-artifact")
    assert check < upload and strict < upload
    assert {"actions/checkout", "actions/setup-python"} <= set(uses)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in steps(deploy)] == ["actions/deploy-pages"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_readme_documents_deploy_below_the_set_up_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.index("make test") < readme.index("## Deploy")
    deploy = readme[readme.index("## Deploy") :].split("\n## ", 1)[0]
    for needed in ("deploy.yml", "_headers", "Netlify", "Cloudflare Pages", "therapy-site check", "--strict"):
        assert needed in deploy
