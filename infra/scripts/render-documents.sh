#!/usr/bin/env bash
# Renders every generated document to PNG for review (issue #16): the DOCX and the XLSX through LibreOffice
# headless (→ PDF → PNG, every page, 50 dpi), the HTML printed by headless Chromium (→ PDF → PNG), so the @page
# rules show (A4, margins, page numbers from page 2). Prints each file's page count and size (the XLSX of 30
# opinions: every page A4 landscape, one page wide). Needs: Debian packages libreoffice-writer,
# libreoffice-calc, poppler-utils, chromium, fonts-liberation (Liberation Serif is metric-compatible with Times
# New Roman). Generate the files first (the tests write them to functions/core/target/documents):
#   ./mvnw -o -q -pl functions/core test -Dtest='*DocumentTest,OpinionExportTest' -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/../.."
src=functions/core/target/documents
out=${1:-infra/docs/documents}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for f in "$src"/*.docx "$src"/*.xlsx; do
  [ -e "$f" ] || continue
  name=$(basename "${f%.*}")
  soffice --headless --convert-to pdf --outdir "$work" "$f" >/dev/null 2>&1
  echo "$(basename "$f"): $(pdfinfo "$work/$name.pdf" | grep -E '^Pages' | tr -s ' '), $(pdfinfo -f 1 -l 99 \
    "$work/$name.pdf" | grep -E '^Page +[0-9]+ size' | sed 's/.*size: *//' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
  pdftoppm -png -r 50 "$work/$name.pdf" "$out/$name-${f##*.}"
done
for f in "$src"/*.html; do
  [ -e "$f" ] || continue
  name=$(basename "${f%.*}")
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
    --print-to-pdf="$work/$name-html.pdf" "file://$PWD/$f" >/dev/null 2>&1
  echo "$(basename "$f") printed by Chromium: $(pdfinfo "$work/$name-html.pdf" | grep -E '^Pages' | tr -s ' ')"
  pdftoppm -png -r 50 "$work/$name-html.pdf" "$out/$name-html"
done
