"""``therapy-site init``: a new practice's complete site, made from a few answers.

:mod:`~therapy_site.init.answers` asks the questions (or reads them from a YAML file) and
checks them; :mod:`~therapy_site.init.site` writes ``mkdocs.yml``, the pages, the first post
and the pictures; the crisis lines of each country are in ``crisis_lines.yml``.
"""

from therapy_site.init.answers import Answers, AnswersProblem, answers_from_mapping, ask_answers, load_answers
from therapy_site.init.site import is_empty_folder, markdown_text, site_files, write_site

__all__ = [
    "Answers",
    "AnswersProblem",
    "answers_from_mapping",
    "ask_answers",
    "is_empty_folder",
    "load_answers",
    "markdown_text",
    "site_files",
    "write_site",
]
