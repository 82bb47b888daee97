"""Runs console-script commands, each in its own process forked from this one (tests/cli/test_init.py).

Started with the environment the commands need (the wheel's folder on PYTHONPATH), it imports the package, MkDocs
and Material once, prints where it imported the package from, then reads one JSON command per line from standard
input: ``{"script": "therapy-site" | "mkdocs", "args": [...], "cwd": ..., "stdout": path, "stderr": path}``. Each
runs in a forked child (``helpers.console_script``, as for the tests' other commands), and the exit code is
written back as one line. A site's every command otherwise pays the same third of a second of imports again.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tests/, for helpers

# Imported once, here, for every command the server forks.
import mkdocs.__main__
import mkdocs.commands.build  # noqa: F401

import therapy_site
import therapy_site.cli
import therapy_site.engine.plugin
import therapy_site.validation.runner
from helpers import console_script


def run_in_child(command: dict) -> None:
    """In the forked child: never returns."""
    code = 1
    try:
        paths = (Path(command["cwd"]), command["script"], command["args"], dict(os.environ))
        console_script(*paths, Path(command["stdout"]), Path(command["stderr"]))
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    print(therapy_site.__file__, flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        child = os.fork()
        if child == 0:
            run_in_child(command)
        _, status = os.waitpid(child, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    main()
