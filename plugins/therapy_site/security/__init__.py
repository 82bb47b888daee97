"""Security and conformance for the built pages.

A strict Content-Security-Policy (inline scripts and styles allowed only by
their SHA-256 hashes, computed from each page's final HTML), the other
security headers as a ``_headers`` file for static hosts, and small repairs
to Material's markup that its template blocks cannot reach (so that the Nu
Html Checker and axe find nothing to report).
"""
