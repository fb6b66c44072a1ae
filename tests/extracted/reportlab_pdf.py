"""Generated report HTML -> PDF by ReportLab: a non-embedded CJK font (STSong-Light,
UniGB-UCS2-H), table grids stroked as lines, labels wrapped inside their cells."""
import sys, html.parser
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer

rl_config.invariant = 1  # no creation date or random ID: the same HTML gives the same bytes
pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
body = ParagraphStyle('b', fontName='STSong-Light', fontSize=10.5, leading=16, wordWrap='CJK')
head = ParagraphStyle('h', parent=body, fontSize=13, leading=20)
cell = ParagraphStyle('c', fontName='STSong-Light', fontSize=7, leading=9, wordWrap='CJK')

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.blocks = []; self.text = None; self.table = None; self.row = None; self.tag = None
    def handle_starttag(self, t, a):
        a = dict(a)
        if t == 'table': self.table = []
        elif t == 'tr' and self.table is not None: self.row = []; self.table.append(self.row)
        elif t in ('td', 'th') and self.row is not None:
            self.text = ''; self.span = (int(a.get('colspan') or 1), int(a.get('rowspan') or 1))
        elif t in ('h1', 'h2', 'h3', 'p') and self.table is None: self.text = ''; self.tag = t
        elif t == 'br' and self.text is not None: self.text += '\n'
    def handle_endtag(self, t):
        if t == 'table': self.blocks.append(('table', self.table)); self.table = None
        elif t in ('td', 'th') and self.row is not None and self.text is not None:
            self.row.append((self.text.strip(), *self.span)); self.text = None
        elif t in ('h1', 'h2', 'h3', 'p') and self.table is None and self.text is not None:
            self.blocks.append((t, self.text.strip())); self.text = None
    def handle_data(self, d):
        if self.text is not None: self.text += d

def grid_lines(rows):
    taken = {}; data = []
    for r, row in enumerate(rows):
        c = 0; line = {}
        for text, cs, rs in row:
            while (r, c) in taken: c += 1
            line[c] = text
            for i in range(rs):
                for j in range(cs): taken[(r + i, c + j)] = True
            c += cs
        data.append(line)
    return data

def grid(rows):
    data = grid_lines(rows)
    spans = []
    taken = {}
    for r, row in enumerate(rows):
        c = 0
        for text, cs, rs in row:
            while (r, c) in taken: c += 1
            if cs > 1 or rs > 1: spans.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
            for i in range(rs):
                for j in range(cs): taken[(r + i, c + j)] = True
            c += cs
    width = max((c for (r, c) in taken), default=-1) + 1
    out = [[Paragraph(line.get(c, '').replace('&', '&amp;').replace('<', '&lt;'), cell) for c in range(width)] for line in data]
    return out, spans, width

def main(src, dst):
    p = P(); p.feed(open(src, encoding='utf-8').read())
    story = []
    for kind, x in p.blocks:
        if kind == 'table':
            data, spans, width = grid(x)
            if not width:
                continue
            num = lambda t: t.replace('.', '', 1).lstrip('-').isdigit()
            firsts = [min((c for c, t in line.items() if num(t)), default=None) for line in grid_lines(x)]
            labels = max(1, min((f for f in firsts if f is not None), default=1))
            values = width - labels
            vw = min(34, (A4[0] - 100 - 90) / max(values, 1))
            lw = (A4[0] - 100 - vw * values) / labels
            t = Table(data, colWidths=[lw] * labels + [vw] * values, repeatRows=0)
            t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')] + spans))
            story += [t, Spacer(1, 8)]
        elif x:
            story.append(Paragraph(x.replace('&', '&amp;').replace('<', '&lt;'), head if kind != 'p' else body))
    SimpleDocTemplate(dst, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50).build(story)

main(sys.argv[1], sys.argv[2])
