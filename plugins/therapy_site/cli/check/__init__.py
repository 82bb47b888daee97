"""``therapy-site check``: the validation rules (:mod:`therapy_site.validation`) without building the site."""

from therapy_site.validation import RULES, CheckContext, Finding, check_file, check_paths, render
from therapy_site.validation.files import markdown_files

CHECKS = RULES

__all__ = ["CHECKS", "CheckContext", "Finding", "check_file", "check_paths", "markdown_files", "render"]
