// Package formats turns the bytes of a file into text for the extractor,
// recognising the format by its content: plain text (passed through, since
// the extractor decodes its encodings), HTML pages as government sites
// publish them (the article body, without navigation, scripts or styles),
// .docx files (the paragraphs of word/document.xml, in order) and PDF files
// that carry a text layer, and web pages saved as MHT.
//
// Detection looks at the bytes: a PDF header in the first kilobyte, a zip
// signature (then word/document.xml must be inside), the start of an HTML
// document; known binary formats (images, archives, executables, legacy
// .doc) are refused by name. The file name only sharpens the error for a
// file named .docx or .pdf whose content is not one.
//
// Every reader works under Limits, so that a hostile file costs a bounded
// amount of memory and time and ends in a *kg.Error naming the file and the
// reason: kg.EUndecodable when it cannot be read, kg.ETooLarge when it goes
// over a limit. The defaults:
//
//	MaxInput    64 MiB   largest file accepted
//	MaxOutput   64 MiB   text produced, and XML decompressed from a .docx
//	MaxEntries  10,000   entries in a .docx zip
//	MaxDepth    256      HTML nesting kept as structure (deeper is flattened, with a warning)
//	PDFTimeout  30 s     time for one PDF
//	PDFOps      20 M     content-stream operators interpreted in one PDF
//
// and, fixed: 8 MiB per decompressed PDF content stream, 256 levels of PDF
// array/dictionary nesting, 20,000 page-tree nodes, and a read budget of
// 16 MiB + 256 × the file size for the PDF library, 4 × MaxOutput of
// streams decompressed, 8 levels of form XObjects inside form XObjects.
//
// HTML: the body is the element where most sentence text (not link text)
// sits, with a bonus for the container ids and classes CMSs give article
// bodies (TRS_Editor, article, content, zoom...); navigation, header,
// footer, scripts, styles, forms and elements whose class says menu, footer,
// share... are dropped, and so are lines made only of links. The title is
// the page's h1/h2 (or its <title> up to the site name). The encoding comes
// from a BOM or <meta charset> (also after the first kilobyte); pages that
// declare none are read as UTF-8 when they are valid UTF-8, else GB18030.
// Blocks are separated by a blank line, <br> by a newline, table cells by a
// tab.
//
// MHT (a web page saved as one MIME file: .mht, and the .doc files Word
// saves as web pages): the first text/html part, decoded from
// quoted-printable or base64 in its declared charset, read as HTML.
//
// .docx: the paragraphs of word/document.xml in order, a blank line apart;
// automatic numbering (一、, （一）, 1., ①...) is written out from
// word/numbering.xml; deleted revisions, field codes and the fallback copies
// of text boxes are left out; headers, footers, footnotes and comments are
// not read.
//
// PDF: text is read from the page content streams and the form XObjects
// they draw, through each font's ToUnicode
// map, or a predefined Unicode (Uni…-UCS2/UTF16) or GBK/Big5 CMap; Kangxi
// and supplementary radicals that fonts map ideographs to are turned back
// into the ideographs. Lines break where the baseline moves, paragraphs
// where it jumps; page numbers and running heads and feet are dropped.
// What it does not handle: scanned pages (images without a text layer: an
// error asks for OCR), fonts without any Unicode map (Identity-H without
// ToUnicode: an error), text in several columns when the producer did not
// write it column by column (it comes out in the producer's order, which is
// usually but not always the reading order), rotated or vertical text
// (read as lines in stream order), tables (cells come out as lines, not as
// a grid), text drawn as outlines, and files encrypted with a user password.
// Files whose cross-reference table is broken are refused, not repaired.
package formats
