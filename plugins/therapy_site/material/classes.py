"""Material's CSS class names that our own markup wears so that Material's styles apply to it."""

from __future__ import annotations

PRIMARY_BUTTON = "md-button md-button--primary"
