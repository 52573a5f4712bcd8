# write the four documents of heldout21 from their UTF-8 sources in ../src/
import os, re, sys, zipfile
from xml.sax.saxutils import escape
HERE = os.path.dirname(os.path.abspath(__file__)); B = os.path.dirname(HERE); S = os.path.join(B, "src")
sys.path.insert(0, HERE)
from goldlib import doc_text, han, RUNNING
from pdfify import space_digits, cut_lines

def rd(n): return open(os.path.join(S, n), encoding="utf-8").read()

# 1. yichun: PDF-to-text style lines in GB18030: paragraphs indented with two ideographic spaces, lines cut
#    every 33–38 chars (widths cycle by page), spaces between digits and Chinese, a running title at the
#    top of pages 2.., a page number "- N -" at the foot of every page, CRLF as Windows tools leave it
paras = [p for p in rd("yichun-jkq-2026-lcz.src.txt").split("\n") if p.strip()]
lines = []
WIDTHS = (36, 34, 38, 33, 37, 35)
for k, p in enumerate(paras):
    w = WIDTHS[len(lines) // 40 % len(WIDTHS)]
    if k < 3:   # title, issuer, date: centred
        lines.append("\u3000" * (3 if k == 0 else 8) + space_digits(p))
        continue
    for ln in cut_lines("\u3000\u3000" + space_digits(p), w):
        lines.append(ln.strip(" "))
PAGE = 40
out = []
for pg in range(0, len(lines), PAGE):
    n = pg // PAGE + 1
    if n > 1:
        out.append(RUNNING)
    out += lines[pg:pg + PAGE]
    out.append("")
    out.append("- %d -" % n)
open(os.path.join(B, "yichun-jkq-2026-lcz.txt"), "wb").write(("\r\n".join(out) + "\r\n").encode("gb18030"))

# 2. bowang: UTF-8 with a BOM, one paragraph a line
open(os.path.join(B, "bowang-qu-2027-zfgzbg.txt"), "wb").write(b"\xef\xbb\xbf" + rd("bowang-qu-2027-zfgzbg.src.txt").encode("utf-8"))

# 3. liudong: a .docx (Office Open XML) written with zipfile; '# ' lines are headings (bold, larger),
#    '|' lines the rows of one table; runs split where Word would (digits, and an edit every ~23 chars)
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
def runs(text, bold=False, size=32):
    rpr = "<w:rPr>%s%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>" % (FONT, "<w:b/>" if bold else "", size, size)
    parts, cur = [], ""
    for j, ch in enumerate(text):
        if cur and ((ch.isdigit() != cur[-1].isdigit()) or (j % 23 == 0)):
            parts.append(cur); cur = ""
        cur += ch
    if cur: parts.append(cur)
    return "".join('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(x)) for x in parts)
def para(text, bold=False, size=32, jc=None, ind=True):
    ppr = "<w:pPr>%s%s<w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr>" % (
        '<w:jc w:val="%s"/>' % jc if jc else "", '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if ind else "")
    return "<w:p>%s%s</w:p>" % (ppr, runs(text, bold, size))
body, rows = [], []
def flush_table():
    if not rows: return
    widths = (700, 2600, 2300, 1300, 1300, 1000)
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
    b = '<w:tblBorders>' + "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % s for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>'
    trs = []
    for i, r in enumerate(rows):
        tcs = "".join('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (widths[j], para(c, bold=(i == 0), size=21, jc="center", ind=False)) for j, c in enumerate(r))
        trs.append("<w:tr>%s</w:tr>" % tcs)
    body.append('<w:tbl><w:tblPr><w:tblW w:w="9200" w:type="dxa"/><w:jc w:val="center"/>%s</w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (b, grid, "".join(trs)))
    rows.clear()
for k, l in enumerate(rd("liudong-xq-2026q3-zstb.src.txt").split("\n")):
    if not l.strip(): continue
    if l.startswith("|"):
        rows.append(l[1:].split("|")); continue
    flush_table()
    if k == 0: body.append(para(l[2:], bold=True, size=44, jc="center", ind=False))
    elif l.startswith("# "): body.append(para(l[2:], bold=True))
    elif k in (1, 2): body.append(para(l, jc="center", ind=False))
    elif l.startswith("各园区"): body.append(para(l, ind=False))
    else: body.append(para(l))
flush_table()
sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document %s><w:body>%s%s</w:body></w:document>' % (NS, "".join(body), sect)
ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(os.path.join(B, "liudong-xq-2026q3-zstb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
        zi = zipfile.ZipInfo(n, date_time=(2026, 10, 15, 9, 30, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data.encode("utf-8"))

# 4. yibin: plain UTF-8, LF
open(os.path.join(B, "yibin-lg-2026-w47.txt"), "w", encoding="utf-8", newline="\n").write(rd("yibin-lg-2026-w47.src.txt"))

for n in ("yichun-jkq-2026-lcz.txt", "bowang-qu-2027-zfgzbg.txt", "liudong-xq-2026q3-zstb.docx", "yibin-lg-2026-w47.txt"):
    t = doc_text(n)
    print("%s: %d bytes, text %d chars, %d Han" % (n, os.path.getsize(os.path.join(B, n)), len(t), han(t)))
