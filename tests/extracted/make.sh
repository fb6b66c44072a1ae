#!/bin/sh
# Regenerates the PDF extractions read by tests/generated.rs (pdf_extractions_read_back):
# generated reports as HTML -> PDF (Chromium, A4) -> text, as users' tools extract it.
# Needs chromium, fonts-wqy-zenhei, poppler-utils (pdftotext) and pdfplumber (PyPI).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GEN_DIR="$work" cargo test -q --test generated write_pdf_sources -- --ignored >/dev/null
for html in "$work"/*.html; do
  name=$(basename "$html" .html)
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --no-pdf-header-footer \
    --print-to-pdf="$work/$name.pdf" "file://$html" 2>/dev/null
  pdftotext -layout "$work/$name.pdf" "$here/layout_$name.txt"
  pdftotext -raw "$work/$name.pdf" "$here/raw_$name.txt"
  python3 -c 'import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    print("\n".join(p.extract_text() or "" for p in pdf.pages))' "$work/$name.pdf" > "$here/plumber_$name.txt" 2>/dev/null
done
ls "$here"/*.txt | wc -l
