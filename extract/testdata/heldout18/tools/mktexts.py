# write the four documents of batch 24 from their UTF-8 sources in ../src/, byte-identical from run to run
import os, re, sys, zipfile
HERE = os.path.dirname(os.path.abspath(__file__)); B = os.path.dirname(HERE); S = os.path.join(B, "src")
sys.path.insert(0, HERE)
from goldlib import doc_text, han

def rd(n): return open(os.path.join(S, n), encoding="utf-8").read()
def has(n): return os.path.exists(os.path.join(S, n))
NAMES = []

if has("boluo-xzf-2027-zfgzbg.src.txt"):
    # 1. boluo: a 政府工作报告 as PDF-to-text lines (pdfify.py's layout), UTF-8 with a BOM, LF
    from pdfify import space_digits, cut_lines  # the shared pdfify.py, beside mkgold.py (goldlib put it on the path)
    WIDTH, PAGE, HEADER = 36, 30, "博罗县人民政府工作报告"
    lines = []
    for i, p in enumerate(x for x in rd("boluo-xzf-2027-zfgzbg.src.txt").split("\n") if x.strip()):
        if i:
            p = "\u3000\u3000" + space_digits(p)
        lines += cut_lines(p, WIDTH)
    out, page = [], 1
    for n, ln in enumerate(lines, 1):
        out.append(ln.strip(" "))
        if n % PAGE == 0:
            out += ["— %d —" % page, HEADER]; page += 1
    out.append("— %d —" % page)
    open(os.path.join(B, "boluo-xzf-2027-zfgzbg.txt"), "wb").write(("\ufeff" + "\n\n".join(out) + "\n").encode("utf-8"))
    NAMES.append("boluo-xzf-2027-zfgzbg.txt")

if has("lanzhou-gxq-2026-tjgb.src.txt"):
    # 2. lanzhou: a 统计公报, GBK, CRLF, one paragraph a line
    t = rd("lanzhou-gxq-2026-tjgb.src.txt").rstrip("\n") + "\n"
    open(os.path.join(B, "lanzhou-gxq-2026-tjgb.txt"), "wb").write(t.replace("\n", "\r\n").encode("gbk"))
    NAMES.append("lanzhou-gxq-2026-tjgb.txt")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
def runs(text, bold=False, size=32):
    # runs split at digit boundaries, at 《》 and every 17 characters (so names are cut across w:r)
    parts = [p for p in re.split(r"(\d[\d.]*|[《》])", text) if p]
    out = []
    for p in parts:
        for k in range(0, len(p), 17):
            out.append(p[k:k + 17])
    rpr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>%s<w:sz w:val="%d"/></w:rPr>' % ("<w:b/>" if bold else "", size)
    return "".join('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(x)) for x in out)
def para(text, kind="body"):
    if kind == "title":
        return '<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="120"/></w:pPr>%s</w:p>' % runs(text, True, 44)
    if kind == "head":
        return '<w:p><w:pPr><w:ind w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr>%s</w:p>' % runs(text, False, 32).replace("仿宋_GB2312", "黑体")
    if kind == "plain":
        return '<w:p>%s</w:p>' % runs(text)
    return '<w:p><w:pPr><w:ind w:firstLine="640"/><w:spacing w:line="580" w:lineRule="exact"/></w:pPr>%s</w:p>' % runs(text)
def table(rows):
    b = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % e for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    n = len(rows[0])
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in ([600, 2800, 2200, 1000, 1200, 2200] if n == 6 else [9000 // n] * n))
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>%s</w:tblBorders></w:tblPr><w:tblGrid>%s</w:tblGrid>' % (b, grid)]
    for i, r in enumerate(rows):
        out.append("<w:tr>" + "".join('<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>%s</w:p></w:tc>' % runs(c, i == 0, 21) for c in r) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
if has("yidu-jxj-2026-rdjy.src.txt"):
    # 3. yidu: a 建议答复函 .docx written with zipfile (fixed dates), one table
    body, rows = [], []
    for l in rd("yidu-jxj-2026-rdjy.src.txt").split("\n"):
        if l.startswith("|"):
            rows.append([c.strip() for c in l.strip().strip("|").split("|")]); continue
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
            '<dc:title>关于市十届人大六次会议第26号建议的答复</dc:title><dc:creator>市经信局</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T08:00:00Z</dcterms:created></cp:coreProperties>')
    path = os.path.join(B, "yidu-jxj-2026-rdjy.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("docProps/core.xml", core), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(n, date_time=(2026, 11, 20, 16, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    NAMES.append("yidu-jxj-2026-rdjy.docx")

if has("xuchang-jkq-2026-tcys.src.txt"):
    # 4. xuchang: a 投产仪式 release and its Markdown-style 项目清单, UTF-16BE with a BOM, LF
    t = rd("xuchang-jkq-2026-tcys.src.txt").rstrip("\n") + "\n"
    open(os.path.join(B, "xuchang-jkq-2026-tcys.txt"), "wb").write(("\ufeff" + t).encode("utf-16-be"))
    NAMES.append("xuchang-jkq-2026-tcys.txt")

for n in NAMES:
    t = doc_text(n)
    print("%s: %d bytes, text %d chars, %d Han" % (n, os.path.getsize(os.path.join(B, n)), len(t), han(t)))
