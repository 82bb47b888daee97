"""What kind of work a citation is, for schema.org (the citation itself is ``therapy_site.pagedata.Citation``)."""

from __future__ import annotations

from urllib.parse import urlsplit

# Hosts whose pages are scholarly articles (DOIs and PubMed records); anything else is a CreativeWork.
SCHOLARLY_HOSTS = frozenset(
    {"doi.org", "dx.doi.org", "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "www.ncbi.nlm.nih.gov"}
)


def citation_kind(url: str) -> str:
    """``ScholarlyArticle`` for DOI/PubMed links, else ``CreativeWork``."""
    return "ScholarlyArticle" if (urlsplit(url).hostname or "") in SCHOLARLY_HOSTS else "CreativeWork"
