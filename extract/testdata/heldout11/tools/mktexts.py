# write the four documents of heldout17 from tools/src
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pdfify17, mkdocx
B = os.path.dirname(HERE)
S = lambda n: open(os.path.join(HERE, 'src', n), encoding='utf-8').read()
def w(name, data):
    open(os.path.join(B, name), 'wb').write(data)
# 1. UTF-16LE with BOM, CRLF line ends
w('changle-gzbg-2026.txt', b'\xff\xfe' + S('changle-gzbg-2026.utf8.txt').replace('\n', '\r\n').encode('utf-16-le'))
# 2. DOCX
mkdocx.build(os.path.join(HERE, 'src', 'langfang-etdz-2025.src.txt'), os.path.join(B, 'langfang-etdz-2025.docx'))
# 3. plain UTF-8, LF
w('zhundong-etdz-2025-10.txt', S('zhundong-etdz-2025-10.txt').encode('utf-8'))
# 4. PDF-converted, GB18030
text, pages = pdfify17.layout(os.path.join(HERE, 'src', 'haikou-gxq-2025.unbroken.txt'))
w('haikou-gxq-2025.txt', text.encode('gb18030'))
