#!/usr/bin/env bash
# Makes sure a CJK font is installed: the H5 build draws every article's share card in Node
# (scripts/share-cards/cardCanvas.ts), and without a Chinese font the titles would be boxes. `npm start`
# runs this first, so a fresh machine needs nothing by hand but Node (as root it installs
# Debian's fonts-wqy-microhei; otherwise it says what to install).
set -euo pipefail

CJK_FONT_PACKAGE=fonts-wqy-microhei
CJK_FONT_FILE=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

have_cjk_font() {
  [ -f "$CJK_FONT_FILE" ] && return 0
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]
}

if have_cjk_font; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "font: no CJK font found; the share cards need one. Install it with: sudo apt-get install -y $CJK_FONT_PACKAGE" >&2
  exit 1
fi
echo "font: installing $CJK_FONT_PACKAGE with apt-get (the share cards draw Chinese titles)..."
flock /tmp/apt.lock bash -c "
  set -euo pipefail
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $CJK_FONT_PACKAGE
"
have_cjk_font || { echo "font: apt-get finished but no CJK font is visible." >&2; exit 1; }
