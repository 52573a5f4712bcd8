# decode the four documents of heldout21 and give the text a reader sees
import os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = os.path.dirname(HERE)
# the shared gold helpers: ../../tools/ when this batch sits in
# extract/testdata/heldoutN/ of the repository, else copies beside this file
for _d in (os.path.join(BATCH, '..', 'tools'), HERE):
    if os.path.exists(os.path.join(_d, 'mkgold.py')):
        sys.path.insert(0, os.path.abspath(_d)); break
sys.path.insert(0, HERE)

RUNNING = "宜春经开区产业链链长制工作总结"   # the running title of yichun's pages
PAGENO = re.compile(r"^\s*-\s*\d+\s*-\s*$")
END = "。！？；："                            # a line ending so ends its sentence

def pdf_text(raw):
    """PDF-to-text lines (GB18030) → the text a reader sees: drop the page numbers (- N -) and the running
    titles, join a line to the next unless it ends a sentence or the next line opens a paragraph (two
    ideographic spaces), strip the indent, and remove the space PDF conversion left between digits and Chinese."""
    lines = [l.rstrip("\r") for l in raw.decode("gb18030").split("\n")]
    lines = [l for l in lines if l.strip() and not PAGENO.match(l) and l.strip() != RUNNING]
    out = []
    for k, l in enumerate(lines):
        out.append(l.strip(" \u3000"))
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if not nxt or l.rstrip()[-1:] in END or nxt.startswith("\u3000"):
            out.append("\n")
    s = "".join(out)
    s = re.sub(r"(?<=[\u4e00-\u9fff\uff08\u201c]) +(?=\d)", "", s)
    s = re.sub(r"(?<=[\d%]) +(?=[\u4e00-\u9fff\uff09\u201d])", "", s)
    return s

from mkgold import docx_text

def doc_text(name):
    """The decoded text of a document of the batch, by file name.
    yichun-*.txt: PDF-to-text output in GB18030 (see pdf_text);
    bowang-*.txt: UTF-8 with a BOM (dropped);
    liudong-*.docx: Office Open XML (see docx_text);
    yibin-*.txt: UTF-8."""
    path = os.path.join(BATCH, name)
    if name.endswith(".docx"):
        return docx_text(open(path, "rb").read())
    raw = open(path, "rb").read()
    if name.startswith("yichun-"):
        return pdf_text(raw)
    if raw[:3] == b"\xef\xbb\xbf":
        return raw[3:].decode("utf-8")
    return raw.decode("utf-8")


from mkgold import PGold, han, finish as finish_gold

def finish(G, name):
    text = doc_text(name)
    # cells kept apart for mkgold's value check (norm drops white space)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"), check=text.replace("\t", "|"))
