package formats

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"golang.org/x/net/html/charset"
)

// MHT files ("single file web page", as Word and browsers save them, and
// as some sites publish .doc files) are MIME messages whose first text/html
// part is the page.

// isMHT reports a MIME message with an HTML or multipart/related body.
func isMHT(data []byte) bool {
	if len(data) == 0 || !strings.ContainsRune("mMfFcC", rune(data[0])) {
		return false // not one of the header names below
	}
	head := asciiLower(data[:min(len(data), 4096)])
	return (bytes.HasPrefix(head, []byte("mime-version:")) || bytes.HasPrefix(head, []byte("from:")) ||
		bytes.HasPrefix(head, []byte("content-type:")) || bytes.HasPrefix(head, []byte("content-location:"))) &&
		(bytes.Contains(head, []byte("multipart/related")) || bytes.Contains(head, []byte("text/html")))
}

func readMHT(name string, data []byte, lim Limits) (Text, error) {
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(data)))
	if err != nil {
		return Text{}, undecodable(name, "MHT file with a broken MIME header: %v", err)
	}
	page, err := mhtHTML(textproto.MIMEHeader(msg.Header), msg.Body, lim, 0)
	if err != nil {
		return Text{}, undecodable(name, "reading the MHT file: %v", err)
	}
	if page == nil {
		return Text{}, undecodable(name, "MHT file without an HTML part")
	}
	return readHTML(name, page, lim)
}

// mhtHTML returns the first text/html part under header and body, as
// UTF-8 with a BOM (so that a <meta charset> inside cannot override the
// part's declared charset), or nil when there is none.
func mhtHTML(header textproto.MIMEHeader, body io.Reader, lim Limits, depth int) ([]byte, error) {
	mediaType, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil {
		mediaType = "text/plain"
	}
	switch {
	case strings.HasPrefix(mediaType, "multipart/") && depth < 4:
		mr := multipart.NewReader(body, params["boundary"])
		for i := 0; i < 1000; i++ {
			part, err := mr.NextRawPart()
			if err == io.EOF {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			page, err := mhtHTML(part.Header, part, lim, depth+1)
			if page != nil || err != nil {
				return page, err
			}
		}
		return nil, fmt.Errorf("more than 1000 parts")
	case mediaType == "text/html":
		var r io.Reader = body
		switch strings.ToLower(header.Get("Content-Transfer-Encoding")) {
		case "quoted-printable":
			r = quotedprintable.NewReader(r)
		case "base64":
			r = base64.NewDecoder(base64.StdEncoding, newlineSkipper{r})
		}
		r = io.LimitReader(r, lim.MaxOutput)
		bom := []byte{}
		if cs := params["charset"]; cs != "" {
			if cr, err := charset.NewReaderLabel(cs, r); err == nil {
				r, bom = cr, []byte("\xef\xbb\xbf")
			}
		}
		page, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return append(bom, page...), nil
	}
	return nil, nil
}

// newlineSkipper drops line breaks from base64 bodies.
type newlineSkipper struct{ r io.Reader }

func (n newlineSkipper) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	j := 0
	for _, c := range p[:k] {
		if c != '\r' && c != '\n' {
			p[j] = c
			j++
		}
	}
	return j, err
}
