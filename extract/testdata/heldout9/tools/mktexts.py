# write the four documents of the batch from the UTF-8 sources in src/
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
def src(n): return open(os.path.join(HERE, 'src', n), encoding='utf-8').read()
def put(n, b): open(os.path.join(ROOT, n), 'wb').write(b)
# 1. GB18030, LF
put('jiujiang-etdz-2025.txt', src('jiujiang-etdz-2025.utf8.txt').encode('gb18030'))
# 2. UTF-16 little-endian with BOM (FF FE), LF
if os.path.exists(os.path.join(HERE, 'src', 'xiangyang-gxq-2024h1.utf8.txt')):
    put('xiangyang-gxq-2024h1.txt', b'\xff\xfe' + src('xiangyang-gxq-2024h1.utf8.txt').encode('utf-16-le'))
# 3. UTF-8, CRLF (the full-width digits and letters are written in the source)
if os.path.exists(os.path.join(HERE, 'src', 'kunshan-zbq-2023.utf8.txt')):
    put('kunshan-zbq-2023.txt', src('kunshan-zbq-2023.utf8.txt').replace('\n', '\r\n').encode('utf-8'))
# 4. UTF-8, PDF-converted by pdfify15.py
if os.path.exists(os.path.join(HERE, 'src', 'ganzhou-etdz-2025.unbroken.txt')):
    import pdfify15
    put('ganzhou-etdz-2025.txt', pdfify15.layout(os.path.join(HERE, 'src', 'ganzhou-etdz-2025.unbroken.txt')).encode('utf-8'))
print('wrote the documents')
