#!/usr/bin/env bash
# The one system library the site's build uses at run time: FriBiDi, which Pillow's Raqm text layout
# loads to draw infographics and social cards exactly as in CI. Installed with apt-get when run as root;
# otherwise named (Pillow then falls back to its basic layout, so the preview still works).
set -euo pipefail
if ldconfig -p 2>/dev/null | grep -q 'libfribidi\.so\.0'; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libfribidi0
else
  echo "Note: install the Debian package libfribidi0 (sudo apt-get install libfribidi0) so images are" >&2
  echo "drawn with the same text layout as the published site." >&2
fi
