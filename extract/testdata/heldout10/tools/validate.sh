#!/bin/sh
# rebuild batch 16's documents and golds, check them, and score each gold against itself (../../tools/validate.sh)
exec sh "$(dirname "$0")/../../tools/validate.sh" "$(dirname "$0")/.." '^note: alias not in text: Enterprise 澜港新能源 / 广西澜港新能源材料有限公司$'
