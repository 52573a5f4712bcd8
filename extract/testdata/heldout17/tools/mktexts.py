# write the four documents of batch 23 from their UTF-8 sources in ../src/, byte-identical from run to run
import os, re, sys, zipfile
HERE = os.path.dirname(os.path.abspath(__file__)); B = os.path.dirname(HERE); S = os.path.join(B, "src")
sys.path.insert(0, HERE)
from goldlib import doc_text, han

def rd(n): return open(os.path.join(S, n), encoding="utf-8").read()
NAMES = []

# 1. jinzhong: a WeChat article page saved as HTML, UTF-8, LF
page = rd("jinzhong-head.html") + rd("jinzhong-kfq-2026-qzqy.article.html") + rd("jinzhong-foot.html")
open(os.path.join(B, "jinzhong-kfq-2026-qzqy.html"), "wb").write(page.encode("utf-8"))
NAMES.append("jinzhong-kfq-2026-qzqy.html")

if os.path.exists(os.path.join(S, "bengbu-gxq-2025-zqpg.src.txt")):
    # 2. bengbu: GB18030, CRLF, one paragraph a line
    t = rd("bengbu-gxq-2025-zqpg.src.txt").rstrip("\n") + "\n"
    open(os.path.join(B, "bengbu-gxq-2025-zqpg.txt"), "wb").write(t.replace("\n", "\r\n").encode("gb18030"))
    NAMES.append("bengbu-gxq-2025-zqpg.txt")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
def runs(text, bold=False, size=32):
    # runs split at digit boundaries and every 19 characters (so names are cut across w:r)
    parts = [p for p in re.split(r"(\d[\d.]*)", text) if p]
    out = []
    for p in parts:
        for k in range(0, len(p), 19):
            out.append(p[k:k + 19])
    rpr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>%s<w:sz w:val="%d"/></w:rPr>' % ("<w:b/>" if bold else "", size)
    return "".join('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(x)) for x in out)
def para(text, kind="body"):
    if kind == "title":
        return '<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr>%s</w:p>' % runs(text, True, 44)
    if kind == "head":
        return '<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr>%s</w:p>' % runs(text, True)
    if kind == "plain":
        return '<w:p>%s</w:p>' % runs(text)
    return '<w:p><w:pPr><w:ind w:firstLine="640"/><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>%s</w:p>' % runs(text)
def table(rows):
    b = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % e for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    n = len(rows[0])
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in ([600, 2600, 2000, 1500, 1500, 2600] if n == 6 else [9000 // n] * n))
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>%s</w:tblBorders></w:tblPr><w:tblGrid>%s</w:tblGrid>' % (b, grid)]
    for i, r in enumerate(rows):
        out.append("<w:tr>" + "".join('<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>%s</w:p></w:tc>' % runs(c, i == 0, 24) for c in r) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
if os.path.exists(os.path.join(S, "qujing-sz-2026-dcbt.src.txt")):
    # 3. qujing: a .docx written with zipfile (fixed dates)
    body, rows = [], []
    for l in rd("qujing-sz-2026-dcbt.src.txt").split("\n"):
        if l.startswith("|"):
            rows.append([c.strip() for c in l.strip("|").split("|")]); continue
        if rows:
            body.append(table(rows)); rows = []
        if not l.strip(): continue
        if l.startswith("= "): body.append(para(l[2:], "title"))
        elif l.startswith("# "): body.append(para(l[2:], "head"))
        elif l.startswith("- "): body.append(para(l[2:], "plain"))
        else: body.append(para(l))
    if rows: body.append(table(rows))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>') % (W, "".join(body))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>市级重点项目督查情况通报</dc:title><dc:creator>市重大项目办</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-20T08:00:00Z</dcterms:created></cp:coreProperties>')
    path = os.path.join(B, "qujing-sz-2026-dcbt.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("docProps/core.xml", core), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(n, date_time=(2026, 10, 20, 16, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    NAMES.append("qujing-sz-2026-dcbt.docx")

if os.path.exists(os.path.join(S, "suining-jkq-2026-zstp.txt")):
    # 4. suining: plain UTF-8, LF (the source is the file itself)
    open(os.path.join(B, "suining-jkq-2026-zstp.txt"), "wb").write(rd("suining-jkq-2026-zstp.txt").encode("utf-8"))
    NAMES.append("suining-jkq-2026-zstp.txt")

for n in NAMES:
    t = doc_text(n)
    print("%s: %d bytes, text %d chars, %d Han" % (n, os.path.getsize(os.path.join(B, n)), len(t), han(t)))
