#!/usr/bin/env bash
# Makes sure the headless browser used by the H5 end-to-end tests, the first-screen benchmark
# and the README screenshots exists. Debian's chromium is used because `npx playwright install`
# downloads a browser from outside the npm registry, which is not reachable here. The CJK font
# is needed so that screenshots show Chinese characters instead of boxes.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CJK_FONT_PACKAGE=fonts-wqy-microhei

have_cjk_font() {
  # fc-list is part of fontconfig, which chromium pulls in; fall back to dpkg when absent.
  if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]
  else
    dpkg -s "$CJK_FONT_PACKAGE" >/dev/null 2>&1
  fi
}

if [ -x "$CHROMIUM" ] && have_cjk_font; then
  echo "chromium: $CHROMIUM is present (with a CJK font)."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if [ -x "$CHROMIUM" ]; then
    # Tests read text from the DOM and still pass; only screenshots would show boxes.
    echo "chromium: warning: no CJK font, so screenshots will show boxes for Chinese text; install one with: sudo apt-get install -y $CJK_FONT_PACKAGE" >&2
    exit 0
  fi
  echo "chromium: $CHROMIUM is missing and this user is not root, so it cannot be installed here." >&2
  echo "chromium: install it with: sudo apt-get install -y chromium $CJK_FONT_PACKAGE" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: $CHROMIUM is missing and apt-get is not available; install Chromium and a CJK font by other means." >&2
  exit 1
fi

echo "chromium: installing chromium and $CJK_FONT_PACKAGE with apt-get (about 20 s)..."
# Several sessions may run this at once; dpkg refuses concurrent installs, so serialise them.
flock /tmp/apt.lock bash -c "
  set -euo pipefail
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium $CJK_FONT_PACKAGE
"

if [ ! -x "$CHROMIUM" ]; then
  echo "chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")."
