# write heldout17's DOCX from a marked-up UTF-8 source, with the standard library only:
#   #T title, #S subtitle, #H1 / #H2 headings, #TABLE caption followed by |cell|cell rows, other lines body paragraphs.
# Each body paragraph that opens with a short verdict ending in 。 (…成效明显。) gets it as a bold run, and a few
# names are split over two runs the way Word's proofing marks split them; a reader must join the runs of a paragraph.
import re, zipfile
from xml.sax.saxutils import escape

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '</Relationships>')
DOCRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:styles xmlns:w="%s">'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>'
          '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
          '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
          '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>'
          '</w:styles>') % W
CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>%s</dc:title><dc:creator>投资促进局</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-12T08:00:00Z</dcterms:created></cp:coreProperties>')
SPLIT = ['乾和智能', '云廊数据', '泓彩光学']  # names split over two runs, as Word's proofing marks leave them

def run(t, bold=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(t))

def runs(text):
    out, m = [], re.match(r'^([^，。；：]{4,14}。)', text)
    if m:
        out.append(run(m.group(1), True)); text = text[len(m.group(1)):]
    for n in SPLIT:
        if n in text:
            a, b = text.split(n, 1)
            out += [run(a + n[:2]), '<w:proofErr w:type="spellStart"/>', run(n[2:] + b.split('。')[0] + ('。' if '。' in b else '')), '<w:proofErr w:type="spellEnd"/>']
            rest = b.split('。', 1)[1] if '。' in b else ''
            if rest: out.append(run(rest))
            return out
    return out + ([run(text)] if text else [])

def para(text, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>'
    body = ''.join(runs(text)) if style is None else run(text)
    return '<w:p>%s%s</w:p>' % (ppr, body)

def table(rows):
    x = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    x += ['<w:gridCol/>' for _ in rows[0]]
    x.append('</w:tblGrid>')
    for k, r in enumerate(rows):
        x.append('<w:tr>')
        for c in r:
            x.append('<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>%s</w:p></w:tc>' % run(c, k == 0))
        x.append('</w:tr>')
    x.append('</w:tbl>')
    return ''.join(x)

def build(src, dst):
    lines = [l for l in open(src, encoding='utf-8').read().split('\n') if l.strip()]
    body, rows, title = [], [], ''
    def flush():
        if rows: body.append(table(rows)); rows.clear()
    for l in lines:
        if l.startswith('|'):
            rows.append(l[1:].split('|')); continue
        flush()
        if l.startswith('#T '): title = l[3:]; body.append(para(l[3:], 'Title'))
        elif l.startswith('#S '): body.append(para(l[3:], 'Subtitle'))
        elif l.startswith('#H1 '): body.append(para(l[4:], 'Heading1'))
        elif l.startswith('#H2 '): body.append(para(l[4:], 'Heading2'))
        elif l.startswith('#TABLE '): body.append(para(l[7:], 'Subtitle'))
        else: body.append(para(l))
    flush()
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s"><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
           '</w:body></w:document>') % (W, ''.join(body))
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in (('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('docProps/core.xml', CORE % escape(title)),
                           ('word/_rels/document.xml.rels', DOCRELS), ('word/styles.xml', STYLES), ('word/document.xml', doc)):
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 12, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode('utf-8'))
