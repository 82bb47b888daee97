"""Site foundation: shipped fonts, post template, hero images, latest and related posts."""
