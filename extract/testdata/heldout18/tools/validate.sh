#!/bin/sh
# rebuild batch 24's documents and golds, check them, and score each gold against itself: the shared
# validator (../../tools/validate.sh once the batch sits in extract/testdata/heldoutN/, else the copy validate_shared.sh)
D=$(dirname "$0")
V="$D/../../tools/validate.sh"; [ -f "$V" ] || V="$D/validate_shared.sh"
exec sh "$V" "$D/.." '^note: alias not in text'
