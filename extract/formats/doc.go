// Package formats turns the bytes of a file into text for the extractor,
// recognising the format by its content: plain text (passed through, since
// the extractor decodes its encodings), HTML pages as government sites
// publish them (the article body, without navigation, scripts or styles),
// .docx files (the paragraphs of word/document.xml, in order) and PDF files
// that carry a text layer.
//
// Every reader works under Limits (input size, decompressed size, zip
// entries, HTML depth, PDF work), so that a hostile file costs a bounded
// amount of memory and time and ends in a *kg.Error naming the file and the
// reason: kg.EUndecodable when it cannot be read, kg.ETooLarge when it goes
// over a limit.
//
// PDF text is read from the content streams through each font's ToUnicode
// map (or a predefined Unicode or GBK CMap). Scanned pages (images without a
// text layer) and fonts without any Unicode map give no text; text in
// several columns comes out in the order the producer wrote it, which is
// usually but not always the reading order; rotated text, text drawn as
// vector outlines, and tables are not reconstructed.
package formats
