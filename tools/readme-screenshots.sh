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
# The demo's documents: p001's reply letter is a PDF attachment, p003's 2021 check-up an MHLW hc08 CDA.
shot document-pdf-attachment-ja.png --patient p001 --view documents
shot document-cda-checkup-ja.png --patient p003 --view documents --document p003-doc-01
shot demo-p001-pharmacist-ja.png --patient p001 --role pharmacist
# Comparison with a prior: the demo CT beside a copy made to look like last year's study from another
# hospital (its own study, series, frame of reference and Patient ID; DCMTK's dcmodify).
cmp_dir=$(mktemp -d)
trap 'rm -rf "$cmp_dir"' EXIT
for d in "$build"/demo-data/dicom/*/; do
    [ "$(find "$d" -name '*.dcm' | wc -l)" -gt 1 ] && ct="$d"
done
cp -r "$ct" "$cmp_dir/current"
cp -r "$ct" "$cmp_dir/prior"
find "$cmp_dir/prior" -name '*.dcm' -exec dcmodify -nb -gin -m "(0020,000d)=2.25.1111222233334444555566667777" \
    -m "(0020,000e)=2.25.1111222233334444555566667778" -m "(0020,0052)=2.25.1111222233334444555566667779" \
    -m "(0008,0020)=20250521" -m "(0008,0080)=港南中央病院" -m "(0010,0020)=K-88123" -m "(0008,1030)=腹部CT（前回）" \
    -m "(0020,0011)=2" {} +
"$bin" --lang ja --window-size 1600x1000 --open "$cmp_dir/current" --open "$cmp_dir/prior" --view compare \
    --screenshot "$out/dicom-comparison-ja.png"
echo "$out/dicom-comparison-ja.png"
