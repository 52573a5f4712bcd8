# write the four .txt documents of the batch from their UTF-8 sources in tools/
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(here)
sys.path.insert(0, here)
import pdfify12

def src(name):
    return open(os.path.join(here, name), encoding='utf-8').read()

def put(name, data):
    open(os.path.join(top, name), 'wb').write(data)
    print('wrote', name, len(data), 'bytes')

# 1. GB18030, LF
put('changchun-qkq-2025.txt', src('changchun-qkq-2025.utf8.txt').encode('gb18030'))
# 2. UTF-16 LE with BOM, LF
put('ningbo-qianwan-2025q3.txt', b'\xff\xfe' + src('ningbo-qianwan-2025q3.utf8.txt').encode('utf-16-le'))
# 3. UTF-8 with BOM, CRLF
put('xiangyang-gxq-2025.txt', b'\xef\xbb\xbf' + src('xiangyang-gxq-2025.utf8.txt').replace('\n', '\r\n').encode('utf-8'))
# 4. UTF-8, PDF-converted
k = pdfify12.layout(os.path.join(here, 'kunming-jkq-2025.unbroken.txt'), '昆明经济技术开发区2025年工作总结')
put('kunming-jkq-2025.txt', k.encode('utf-8'))
