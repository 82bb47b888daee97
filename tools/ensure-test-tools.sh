#!/usr/bin/env bash
# Installs the system tools the test suite drives: Debian's chromium (never a
# browser download), Java and npm for the Nu Html Checker, and the checker
# itself (npm vnu-jar, pinned) into .cache/npm. As root it uses apt-get;
# otherwise it stops and names the package to install.
set -euo pipefail
cd "$(dirname "$0")/.."

VNU_JAR_VERSION=26.9.27
VNU_JAR=.cache/npm/node_modules/vnu-jar/build/dist/vnu.jar

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# pdftotext reads back the printed post (tests/ui/test_print.py); pdftoppm renders it (tools/screenshot.py).
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# Pillow's Raqm text layout (infographics, social cards) loads FriBiDi at run time.
ldconfig -p 2>/dev/null | grep -q 'libfribidi\.so\.0' || missing+=(libfribidi0)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "make test needs the Debian package(s): ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The jar ships inside the npm package; its install script (a Java download) is not needed.
installed_version=$(node -p "require('./.cache/npm/node_modules/vnu-jar/package.json').version" 2>/dev/null || true)
if [ ! -f "$VNU_JAR" ] || [ "$installed_version" != "$VNU_JAR_VERSION" ]; then
  mkdir -p .cache/npm
  npm install --no-save --no-audit --no-fund --ignore-scripts --prefix .cache/npm "vnu-jar@$VNU_JAR_VERSION"
fi
