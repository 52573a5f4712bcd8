# write the four documents of heldout16 from tools/src
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pdfify16
B = os.path.dirname(HERE)
S = lambda n: open(os.path.join(HERE, 'src', n), encoding='utf-8').read()
def w(name, data):
    open(os.path.join(B, name), 'wb').write(data)
w('chuzhou-etdz-2025.txt', S('chuzhou-etdz-2025.utf8.txt').encode('gb18030'))
w('deyang-etdz-2025q3.txt', b'\xef\xbb\xbf' + S('deyang-etdz-2025q3.utf8.txt').encode('utf-8'))
w('baoji-gxq-2025.html', (S('baoji-head.html') + S('baoji-gxq-2025.body.html') + S('baoji-foot.html')).encode('utf-8'))
text, pages = pdfify16.layout(os.path.join(HERE, 'src', 'qinzhou-zmcyy-2025h1.unbroken.txt'))
w('qinzhou-zmcyy-2025h1.txt', text.encode('utf-8'))
