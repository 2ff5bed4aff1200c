#!/bin/sh
# Renders the generated documents to PNG for review (issue #16): DOCX and XLSX through LibreOffice, HTML
# printed by headless Chromium. Generate them first:
#   ./mvnw -o -q -pl functions/core test -Dtest='*DocumentTest,OpinionExportTest' -Dsurefire.failIfNoSpecifiedTests=false
# then run this from the repository root. Needs libreoffice-writer, libreoffice-calc, poppler-utils, chromium.
set -eu
src=functions/core/target/documents
out=${1:-infra/docs/documents}
tmp=$(mktemp -d)
for f in "$src"/*.docx "$src"/*.xlsx; do
  [ -e "$f" ] || continue
  soffice --headless --convert-to pdf --outdir "$tmp" "$f" >/dev/null 2>&1
  pdf="$tmp/$(basename "${f%.*}").pdf"
  echo "$(basename "$f"): $(pdfinfo "$pdf" | grep -E '^(Pages|Page size)' | tr -s ' ' | tr '\n' ' ')"
  pdftoppm -png -r 50 "$pdf" "$out/$(basename "${f%.*}")-$(echo "${f##*.}")"
done
for f in "$src"/*.html; do
  [ -e "$f" ] || continue
  # printed as the browser prints it, so the @page rules (size, margins, page numbers from page 2) show
  pdf="$tmp/$(basename "${f%.*}")-html.pdf"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "file://$(pwd)/$f" \
    >/dev/null 2>&1
  echo "$(basename "$f") printed by Chromium: $(pdfinfo "$pdf" | grep -E '^Pages' | tr -s ' ')"
  pdftoppm -png -r 50 "$pdf" "$out/$(basename "${f%.*}")-html"
done
rm -rf "$tmp"
