# shared by the gold_*.py scripts of this batch: imports mkgold.py from the
# testdata's shared ../../tools and reads a document of the batch decoded.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(here)
sys.path.insert(0, os.path.join(here, '..', '..', 'tools'))  # mkgold.py, shared by the batches
from mkgold import Gold  # noqa: E402

ENC = {'changchun-qkq-2025.txt': 'gb18030', 'ningbo-qianwan-2025q3.txt': 'utf-16',
       'xiangyang-gxq-2025.txt': 'utf-8-sig', 'kunming-jkq-2025.txt': 'utf-8'}

def doc_text(name):
    return open(os.path.join(top, name), encoding=ENC[name], newline='').read()

def out(name):
    return os.path.join(top, name)
