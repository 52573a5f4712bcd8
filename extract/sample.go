package extract

import _ "embed"

//go:embed sample/etown-2022.txt
var sampleText []byte

// Sample returns the bundled sample report (a copy of the corpus document
// etown-2022.txt), which kg build and kg serve use when given no files.
func Sample() (name string, data []byte) {
	return "etown-2022.txt", append([]byte(nil), sampleText...)
}
