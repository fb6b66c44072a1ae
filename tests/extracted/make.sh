#!/bin/sh
# Regenerates the extractions read by tests/extractions.rs (extractions_read_back,
# word_documents_read_as_their_html):
# generated reports as HTML -> PDF (Chromium, A4) -> text, as users' tools extract it;
# and the same reports as a Word document (LibreOffice Writer) saved as HTML, as
# text and as PDF; and both pages as Chromium copies them as text (Ctrl+A,
# Ctrl+C). Needs chromium, fonts-wqy-zenhei, poppler-utils (pdftotext),
# pdfplumber, pymupdf, pypdfium2 and reportlab (PyPI), libreoffice-writer-nogui and www's
# npm packages (npm ci).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# PDF -> text with each tool, as $here/{layout,raw,default,plumber,mupdf,pdfium}_NAME.txt.
extract() {
  pdftotext -layout "$1" "$here/layout_$2.txt"
  pdftotext -raw "$1" "$here/raw_$2.txt"
  # No flag: pdftotext's default mode, which moves some row labels (see tests/generated.rs).
  pdftotext "$1" "$here/default_$2.txt"
  python3 -c 'import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    print("\n".join(p.extract_text() or "" for p in pdf.pages))' "$1" > "$here/plumber_$2.txt" 2>/dev/null
  # MuPDF (PyMuPDF), line by line as its text extraction gives them.
  python3 -c 'import sys, pymupdf
sys.stdout.write("".join(page.get_text() for page in pymupdf.open(sys.argv[1])))' "$1" > "$here/mupdf_$2.txt"
  # PDFium, as Chrome and Edge copy from a PDF (CRLF line ends). Not for the
  # narrow columns: there PDFium breaks numbers apart (11 as 1, 1 on two lines).
  case $2 in n_*) return ;; esac
  python3 -c 'import sys, pypdfium2
pages = [p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(sys.argv[1])]
sys.stdout.write("\r\n".join(pages))' "$1" > "$here/pdfium_$2.txt"
}
# LibreOffice: office OUTDIR ARGS...
office() {
  dir=$1
  shift
  soffice --headless "$@" --outdir "$dir" >/dev/null 2>&1
}
GEN_DIR="$work" cargo test -q --test extractions write_pdf_sources -- --ignored >/dev/null
for html in "$work"/*.html; do
  name=$(basename "$html" .html)
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --no-pdf-header-footer \
    --print-to-pdf="$work/$name.pdf" "file://$html" 2>/dev/null
  # The borderless style is read as a PDF only (tests/extractions.rs BORDERLESS).
  case $name in o_*) continue ;; esac
  extract "$work/$name.pdf" "$name"
done
# Some of the PDFs themselves, one or two per page style (tests/extractions.rs pdf_documents_read_back;
# PDF_DIR=$work reads all of them).
for name in s0_f1 n_s0_f0 f_s1_f2 b_s1_f2 o_s0_f0 o_s1_f1; do cp "$work/$name.pdf" "$here/pdf_$name.pdf"; done
# A third PDF producer, ReportLab (reportlab_pdf.py): a CJK font not embedded, grids stroked as lines.
for name in s0_f0 s1_f1 s2_f2; do python3 "$here/reportlab_pdf.py" "$work/$name.html" "$here/pdf_reportlab_$name.pdf"; done
# Word documents: the plain pages opened in Writer, tables at page width in 9 pt
# as a report's are (wider, they run off the page and the PDF cuts them).
for html in "$work"/s*_f*.html; do
  name=$(basename "$html" .html)
  mkdir -p "$work/$name"
  sed 's/<table /<table width="100%" /; s#<style>#<style>td{font-size:9pt} #' "$html" > "$work/$name/doc.html"
  office "$work/$name" --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" "$work/$name/doc.html"
  # HTML as Writer copies it to the clipboard; text as "save as .txt" writes it.
  office "$work/$name/out" --convert-to html "$work/$name/doc.docx"
  office "$work/$name" --convert-to "txt:Text (encoded):UTF8" "$work/$name/doc.docx"
  office "$work/$name" --convert-to pdf "$work/$name/doc.docx"
  cp "$work/$name/doc.docx" "$here/docx_$name.docx"
  cp "$work/$name/out/doc.html" "$here/office_html_$name.html"
  cp "$work/$name/doc.txt" "$here/office_text_$name.txt"
  # Writer's PDF itself (60 KB), read by tests/extractions.rs writer_pdfs_read_as_their_word_documents.
  cp "$work/$name/doc.pdf" "$here/pdf_office_$name.pdf"
  extract "$work/$name/doc.pdf" "office_$name"
done
node "$here/copy.mjs" "$here" "$work"/s*_f*.html "$here"/office_html_*.html
ls "$here"/*.txt "$here"/*.html | wc -l
