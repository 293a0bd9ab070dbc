#!/usr/bin/env bash
# Retakes the README's screenshots (docs/screenshots/) at 1366×768, a common hospital PC, offscreen.
# Usage: tools/readme-screenshots.sh [BUILD_DIR]   (needs the kakehashi and demo_data targets built)
# Japanese unless the file name ends in -en. Run after lupdate + tools/i18n/apply_glossary.py and a
# rebuild, so that the Japanese is complete.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
bin="$build/bin/kakehashi"
out=docs/screenshots
size=1366x768
export QT_QPA_PLATFORM=offscreen
shot() {
    local file="$1"
    shift
    local lang=ja
    [[ "$file" == *-en.png ]] && lang=en
    "$bin" --demo --lang "$lang" --window-size "$size" "$@" --screenshot "$out/$file"
    echo "$out/$file"
}
shot demo-p001-ja.png --patient p001
shot demo-p001-en.png --patient p001
shot demo-p002-labs-ja.png --patient p002 --view labs
shot demo-p002-emergency-ja.png --patient p002 --view emergency
shot demo-p002-ct-ja.png --patient p002 --view images
shot demo-p001-referral-ja.png --patient p001 --view documents
shot demo-p001-pharmacist-ja.png --patient p001 --role pharmacist
