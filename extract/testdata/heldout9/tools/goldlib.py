# locate the shared gold helpers: ../../tools/ when this batch sits in
# extract/testdata/heldoutN/ of the repository, else the copies beside this file
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
for d in (os.path.join(ROOT, '..', 'tools'), HERE):
    if os.path.exists(os.path.join(d, 'mkgold.py')):
        sys.path.insert(0, os.path.abspath(d)); TOOLS = os.path.abspath(d); break
from mkgold import Gold  # noqa: E402
ENC = {
    'jiujiang-etdz-2025.txt': 'gb18030',
    'xiangyang-gxq-2024h1.txt': 'utf-16',
    'kunshan-zbq-2023.txt': 'utf-8',
    'ganzhou-etdz-2025.txt': 'utf-8',
}
def doc_text(name):
    """The decoded text of a document as an extractor would read it."""
    raw = open(os.path.join(ROOT, name), 'rb').read()
    return raw.decode(ENC[name]).lstrip('\ufeff')
def out(name):
    return os.path.join(ROOT, name.replace('.txt', '.gold.json'))
