#!/usr/bin/env bash
# Renders the golden conclusion notices (seed 000, Party; seed 002, state) to PNG for review and the README:
# the DOCX through LibreOffice headless (→ PDF → PNG, first page), the HTML through headless Chromium.
# Needs: Debian packages libreoffice-writer-nogui, poppler-utils, chromium, fonts-liberation (Liberation Serif
# is metric-compatible with Times New Roman). Run after `./mvnw verify` (the tests write the DOCX to target/).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=functions/core/target/documents
golden=functions/core/src/test/resources/vn/doithoai/core/document
out=infra/docs/documents
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for seed in 000 002; do
  soffice --headless --convert-to pdf --outdir "$work" "$src/conclusion-$seed.docx" >/dev/null
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/conclusion-$seed.pdf" "$out/conclusion-$seed-docx"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chrome" --hide-scrollbars \
    --window-size=900,1900 --screenshot="$out/conclusion-$seed-html.png" "file://$PWD/$golden/conclusion-$seed.html" \
    >/dev/null 2>&1
done
ls -l "$out"
