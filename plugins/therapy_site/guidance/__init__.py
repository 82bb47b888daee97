"""Writing guidance for mental-health content: safe messaging, stigma, plain language, search basics, trust.

Guidance never fails a build. ``therapy-site check`` prints it after the errors
(``--strict-guidance`` makes its warnings fail), ``check --guidance`` prints a table
per post, and the preview (``therapy-site serve``) shows a panel on each page
(:mod:`therapy_site.guidance.plugin`); a built site never has one. Each rule has
an id, a severity (warning or info), a message that says what to write instead,
and its source in AUTHORING.md.
"""

from therapy_site.guidance.advice import GROUPS, Advice
from therapy_site.guidance.runner import GuidanceSettings, PageGuidance, guide_source, language_note

__all__ = ["GROUPS", "Advice", "GuidanceSettings", "PageGuidance", "guide_source", "language_note"]
