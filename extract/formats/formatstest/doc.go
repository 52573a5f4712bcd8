// Package formatstest builds real documents for tests: PDF, .docx and HTML
// files made in memory, and Hostile, a table of bad inputs (empty, binary,
// zip bombs, truncated and looping PDFs, deep HTML, a 200 MB file...) with
// the error each must end in, for the suites that run them through
// formats.Read, the extractor, kg build and POST /documents.
package formatstest
