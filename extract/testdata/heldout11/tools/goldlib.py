# decode the four documents of heldout17 and give the text a reader sees
import os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = os.path.dirname(HERE)
# the shared gold helpers: ../../tools/ when this batch sits in
# extract/testdata/heldoutN/ of the repository, else copies beside this file
for _d in (os.path.join(BATCH, '..', 'tools'), HERE):
    if os.path.exists(os.path.join(_d, 'mkgold.py')):
        sys.path.insert(0, os.path.abspath(_d)); break
sys.path.insert(0, HERE)

import zipfile
import xml.etree.ElementTree as ET
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def _wtext(el):
    """The text of a w:p: its w:t in order (runs joined), w:tab as a tab, w:br as a line break."""
    out = []
    for x in el.iter():
        if x.tag == _W + "t": out.append(x.text or "")
        elif x.tag == _W + "tab": out.append("\t")
        elif x.tag in (_W + "br", _W + "cr"): out.append("\n")
    return "".join(out)

def docx_text(raw):
    """word/document.xml's body: one line per paragraph; a table row is one line, its cells joined by tabs."""
    import io
    body = ET.fromstring(zipfile.ZipFile(io.BytesIO(raw)).read("word/document.xml")).find(_W + "body")
    lines = []
    for el in body:
        if el.tag == _W + "p":
            lines.append(_wtext(el))
        elif el.tag == _W + "tbl":
            for tr in el.iter(_W + "tr"):
                lines.append("\t".join("".join(_wtext(p) for p in tc.iter(_W + "p")) for tc in tr.iter(_W + "tc")))
    return "\n".join(lines) + "\n"

def doc_text(name):
    """The decoded text of a document of the batch, by file name; CRLF becomes LF."""
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith(".docx"):
        return docx_text(raw)
    if raw.startswith(b"\xff\xfe"):
        return raw.decode("utf-16").replace("\r\n", "\n")
    if name.startswith("haikou"):
        return raw.decode("gb18030")
    return raw.decode("utf-8-sig")

def han(s):
    return len(re.findall("[\u4e00-\u9fff]", s))

from mkgold import PGold, finish as finish_gold

def finish(G, name):
    text = doc_text(name)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"))
