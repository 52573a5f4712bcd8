package formats

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kgraph/kg"
	"golang.org/x/text/encoding/unicode"
)

// Kind is a document format.
type Kind string

// The formats Read recognises.
const (
	KindText Kind = "text"
	KindHTML Kind = "html"
	KindDOCX Kind = "docx"
	KindPDF  Kind = "pdf"
	// KindMHT is a web page saved as one MIME file (.mht, .mhtml, and .doc
	// files that Word saved as a web page); its HTML part is read.
	KindMHT Kind = "mht"
)

// Text is what Read found in a file.
type Text struct {
	// Kind is the detected format.
	Kind Kind
	// Data is the text to hand to the extractor: the input bytes unchanged
	// for KindText (in whatever encoding they are), UTF-8 for the others.
	Data []byte
	// Warnings name what was read on a best-effort basis (a flattened HTML
	// tree, a PDF page without text...). They are for the user, not errors.
	Warnings []string
}

// Limits bound the resources one file may use. A zero field takes its
// default (the DefaultXxx constants).
type Limits struct {
	// MaxInput is the largest file accepted, in bytes.
	MaxInput int64
	// MaxOutput is the most text (and, for .docx, decompressed XML) that one
	// file may produce, in bytes.
	MaxOutput int64
	// MaxEntries is the most entries a .docx zip may hold.
	MaxEntries int
	// MaxDepth is the HTML nesting kept as structure; deeper elements are
	// read as part of their ancestor at that depth.
	MaxDepth int
	// PDFTimeout bounds the time spent reading one PDF.
	PDFTimeout time.Duration
	// PDFOps bounds the number of content-stream operators interpreted in
	// one PDF, a deterministic guard besides the timeout.
	PDFOps int
}

// Defaults of Limits.
const (
	DefaultMaxInput   = 64 << 20
	DefaultMaxOutput  = 64 << 20
	DefaultMaxEntries = 10000
	DefaultMaxDepth   = 256
	DefaultPDFTimeout = 30 * time.Second
	DefaultPDFOps     = 20_000_000
)

func (l Limits) withDefaults() Limits {
	if l.MaxInput <= 0 {
		l.MaxInput = DefaultMaxInput
	}
	if l.MaxOutput <= 0 {
		l.MaxOutput = DefaultMaxOutput
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.PDFTimeout <= 0 {
		l.PDFTimeout = DefaultPDFTimeout
	}
	if l.PDFOps <= 0 {
		l.PDFOps = DefaultPDFOps
	}
	return l
}

// Read detects the format of data by its content and returns its text.
// name is the file name, used in errors and as a hint only: a file named
// .docx or .pdf whose content is not one gets an error saying so.
func Read(name string, data []byte, lim Limits) (Text, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxInput {
		return Text{}, tooLarge(name, "file is %d bytes, over the limit of %d", len(data), lim.MaxInput)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Text{}, undecodable(name, "file is empty")
	}
	kind, err := Detect(name, data)
	if err != nil {
		return Text{}, err
	}
	var t Text
	switch kind {
	case KindText:
		return Text{Kind: KindText, Data: data}, nil
	case KindHTML:
		t, err = readHTML(name, data, lim)
	case KindDOCX:
		t, err = readDOCX(name, data, lim)
	case KindPDF:
		t, err = readPDF(name, data, lim)
	case KindMHT:
		t, err = readMHT(name, data, lim)
	}
	if err != nil {
		return Text{}, err
	}
	t.Kind = kind
	// The readers decode, but a page that declares UTF-8 can still hold
	// invalid bytes; the extractor gets valid UTF-8 from every format.
	if !utf8.Valid(t.Data) {
		t.Data = bytes.ToValidUTF8(t.Data, []byte("\uFFFD"))
		t.Warnings = append(t.Warnings, "invalid UTF-8 bytes were replaced")
	}
	if len(bytes.TrimSpace(t.Data)) == 0 {
		return Text{}, undecodable(name, "%s file holds no text", kind)
	}
	return t, nil
}

// ReadFile reads the file at path and its text as Read does, refusing a
// file over lim.MaxInput before reading it into memory.
func ReadFile(path string, lim Limits) (Text, error) {
	lim = lim.withDefaults()
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return Text{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > lim.MaxInput {
		return Text{}, tooLarge(name, "file is %d bytes, over the limit of %d", st.Size(), lim.MaxInput)
	}
	// The file may grow while it is read: read one byte past the limit.
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxInput+1))
	if err != nil {
		return Text{}, fmt.Errorf("read %s: %w", path, err)
	}
	return Read(name, data, lim)
}

// magic lists binary formats that are not documents, so that they get a
// clear error instead of reaching the text decoder.
var magic = []struct {
	prefix, what string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\x1f\x8b", "a gzip archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"\x7fELF", "an executable"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls/.wps); save it as .docx"},
	{"{\\rtf", "an RTF file; save it as .docx"},
}

// Detect returns the format of data, judged by its content. The file name
// only sharpens the error for a file whose name promises a format that its
// content does not have.
func Detect(name string, data []byte) (Kind, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case isPDF(data):
		return KindPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return KindDOCX, nil
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", undecodable(name, "file is %s, not a document", m.what)
		}
	}
	if isPE(data) {
		return "", undecodable(name, "file is a Windows executable, not a document")
	}
	switch ext {
	case ".docx":
		return "", undecodable(name, "named .docx but is not a zip archive")
	case ".pdf":
		return "", undecodable(name, "named .pdf but has no PDF header")
	}
	if isMHT(data) {
		return KindMHT, nil
	}
	if looksHTML(data) {
		return KindHTML, nil
	}
	return KindText, nil
}

// isPE reports a Windows executable: "MZ", and at the offset it gives, the
// PE signature (two letters alone are too common a start for a text).
func isPE(data []byte) bool {
	if len(data) < 0x40 || !bytes.HasPrefix(data, []byte("MZ")) {
		return false
	}
	off := int(binary.LittleEndian.Uint32(data[0x3c:]))
	return off >= 0x40 && off+4 <= len(data) && string(data[off:off+4]) == "PE\x00\x00"
}

// isPDF reports whether the PDF header is within the first 1024 bytes, as
// readers accept it.
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// looksHTML sniffs the first kilobytes for markup, the way browsers do:
// a doctype or one of the tags that only HTML starts with.
func looksHTML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		// A UTF-16 page: sniff its decoded start.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if d, err := dec.Bytes(head[:len(head)&^1]); err == nil {
			head = d
		}
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false // every form below starts with a tag
	}
	head = asciiLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<table", "<?xml version"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<?xml version" || bytes.Contains(head, []byte("<html"))
		}
	}
	// A comment or a script first: look for the html element further on.
	if bytes.HasPrefix(head, []byte("<!--")) || bytes.HasPrefix(head, []byte("<script")) {
		return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body"))
	}
	return false
}

// asciiLower returns a copy of b with its ASCII letters lowercased. Sniffing
// compares ASCII markup only, and bytes.ToLower's Unicode path costs a tenth
// of a whole extraction on Chinese text.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

func undecodable(name, format string, args ...any) error {
	return &kg.Error{Code: kg.EUndecodable, Op: "formats.Read", Message: name + ": " + fmt.Sprintf(format, args...)}
}

func tooLarge(name, format string, args ...any) error {
	return &kg.Error{Code: kg.ETooLarge, Op: "formats.Read", Message: name + ": " + fmt.Sprintf(format, args...)}
}
