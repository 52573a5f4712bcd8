# writes the four documents of the batch from their UTF-8 sources in tools/
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pdfify13  # noqa: E402
ROOT = os.path.join(HERE, '..')

def src(name):
    return open(os.path.join(HERE, name), encoding='utf-8').read()

def put(name, data):
    with open(os.path.join(ROOT, name), 'wb') as f:
        f.write(data)

# GB18030, LF
put('nantong-etdz-2024.txt', src('nantong-etdz-2024.utf8.txt').encode('gb18030'))
# UTF-16 big-endian with BOM, LF
put('weifang-gxq-2025h1.txt', b'\xfe\xff' + src('weifang-gxq-2025h1.utf8.txt').encode('utf-16-be'))
# UTF-8 with BOM, LF
put('luoyang-gxq-2024.txt', src('luoyang-gxq-2024.utf8.txt').encode('utf-8-sig'))
# UTF-8, PDF-converted
put('nanning-etdz-2024.txt', pdfify13.layout(os.path.join(HERE, 'nanning-etdz-2024.unbroken.txt')).encode('utf-8'))
print('wrote 4 documents')
