"""A cited source as features pass it on (typed data; moves into ``therapy_site/pagedata.py`` with issue 16)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# Hosts whose pages are scholarly articles (DOIs and PubMed records); anything else is a CreativeWork.
SCHOLARLY_HOSTS = frozenset(
    {"doi.org", "dx.doi.org", "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "www.ncbi.nlm.nih.gov"}
)


@dataclass(frozen=True)
class Citation:
    name: str  # the work's title as the page shows it
    url: str  # https only
    publisher: str  # who publishes it: the last comma-separated part after the link
    details: str = ""  # what stands between the link and the publisher, e.g. "Psychotherapy 55(4), 316–340"
    year: str = ""  # "(2018)" written before the link

    @property
    def kind(self) -> str:
        """schema.org type: ``ScholarlyArticle`` for DOI/PubMed links, else ``CreativeWork``."""
        return "ScholarlyArticle" if (urlsplit(self.url).hostname or "") in SCHOLARLY_HOSTS else "CreativeWork"
