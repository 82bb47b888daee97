"""Runs console-script commands, each in its own process forked from this one (tests/cli/test_init.py).

Started with the environment the commands need (the wheel's folder on PYTHONPATH), it imports the package, MkDocs
and Material once, prints where it imported the package from, then reads one JSON command per line from standard
input: ``{"script": "therapy-site" | "mkdocs", "args": [...], "cwd": ..., "stdout": path, "stderr": path}``. Each
runs in a forked child, as the console script would after its imports, and the exit code is written back as one
line. A site's every command otherwise pays the same third of a second of imports again.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

import mkdocs.__main__
import mkdocs.commands.build

import therapy_site
import therapy_site.cli
import therapy_site.engine.plugin
import therapy_site.validation.runner

SCRIPTS = {"therapy-site": therapy_site.cli.main, "mkdocs": mkdocs.__main__.cli}


def run_in_child(command: dict) -> None:
    """In the forked child: never returns."""
    code = 1
    try:
        os.chdir(command["cwd"])
        nothing = os.open(os.devnull, os.O_RDONLY)  # the commands read no answers from the server's input
        os.dup2(nothing, 0)
        os.close(nothing)
        for path, descriptor in ((command["stdout"], 1), (command["stderr"], 2)):
            file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(file, descriptor)
            os.close(file)
        sys.argv = [command["script"], *command["args"]]
        SCRIPTS[command["script"]](command["args"], prog_name=command["script"])
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
