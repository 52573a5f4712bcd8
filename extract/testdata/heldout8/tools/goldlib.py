# shared header of this batch's gold scripts: imports mkgold.py from the
# testdata's shared ../../tools and reads a document in its own encoding.
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tools'))  # mkgold.py, shared by the batches
from mkgold import Gold  # noqa: E402

ENCODINGS = {
    'nantong-etdz-2024.txt': 'gb18030',
    'weifang-gxq-2025h1.txt': 'utf-16',
    'luoyang-gxq-2024.txt': 'utf-8-sig',
    'nanning-etdz-2024.txt': 'utf-8',
}

def doc_text(name):
    """The decoded text of the document as encoded in the batch folder."""
    with open(os.path.join(HERE, '..', name), 'rb') as f:
        return f.read().decode(ENCODINGS[name])

def out_path(name):
    return os.path.join(HERE, '..', name.replace('.txt', '.gold.json'))
