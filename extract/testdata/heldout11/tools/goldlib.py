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

from mkgold import docx_text

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


from mkgold import PGold, han, finish as finish_gold

def finish(G, name):
    text = doc_text(name)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"))
