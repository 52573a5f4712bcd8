#!/bin/sh
# rebuild batch 23's documents and golds, check them, and score each gold against itself (../../tools/validate.sh)
exec sh "$(dirname "$0")/../../tools/validate.sh" "$(dirname "$0")/.." '^note: alias not in text'
