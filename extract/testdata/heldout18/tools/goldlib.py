# decode the four documents of batch 24 and give the text a reader sees
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = os.path.dirname(HERE)
# the shared gold helpers: ../../tools/ when this batch sits in
# extract/testdata/heldoutN/ of the repository, else copies beside this file
for _d in (os.path.join(BATCH, '..', 'tools'), HERE):
    if os.path.exists(os.path.join(_d, 'mkgold.py')):
        sys.path.insert(0, os.path.abspath(_d)); break
sys.path.insert(0, HERE)
from mkgold import PGold, han, docx_text, finish as finish_gold

def doc_text(name):
    """The decoded text of a document of the batch, by file name.
    boluo-*.txt: UTF-8 with a BOM (dropped), LF; PDF-to-text layout (lines of 36 characters with a blank line between them,
      spaces around digit runs, a page footer `— N —` and the running header 博罗县人民政府工作报告 every 30 lines);
    lanzhou-*.txt: GBK, CRLF -> LF, one paragraph a line;
    yidu-*.docx: word/document.xml, a line per w:p (its runs joined), a line per table row (cells joined by a tab);
    xuchang-*.txt: UTF-16BE with a BOM (FE FF, dropped), LF; the list as Markdown-style `|` rows."""
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith(".docx"):
        return docx_text(raw)
    if name.startswith("boluo"):
        return raw.decode("utf-8-sig")
    if name.startswith("lanzhou"):
        return raw.decode("gbk").replace("\r\n", "\n")
    if name.startswith("xuchang"):
        assert raw[:2] == b"\xfe\xff"
        return raw[2:].decode("utf-16-be")
    return raw.decode("utf-8")

def finish(G, name):
    text = doc_text(name)
    # cells kept apart for mkgold's value check (norm drops white space)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"), check=text.replace("\t", "|").replace("\u3000", "|"))
