package importer

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// plainXML reads the plain XML that spreadsheet programs write for a
// worksheet, byte by byte and about ten times faster than encoding/xml (issue
// 18: a 100 000-row sheet is 50 MB of XML). It reads only a strict subset:
// UTF-8, names of ASCII letters, digits and at most one prefix, attribute
// values in double or single quotes, the five predefined entities and
// character references, and no comments, CDATA, DOCTYPE or processing
// instructions but the XML declaration. Anything else, damaged or merely
// unusual, is errNotPlain, and the sheet is then checked and read the
// careful way (scanWorksheet, excelize). So every document plainXML reads to
// its end is one that encoding/xml reads strictly too.
type plainXML struct {
	src   io.Reader
	buf   []byte
	pos   int // next byte to read in buf
	end   int // end of the bytes read into buf
	eof   bool
	start bool // nothing read yet: the XML declaration may come

	attrs []xmlAttr // the last start tag's attributes, reused
}

// errNotPlain is a worksheet outside plainXML's subset, or cut off.
var errNotPlain = errors.New("not plain XML")

type tokenKind int

const (
	tokStart tokenKind = iota + 1
	tokEnd
	tokText
)

// xmlToken is one token, its slices valid until the next call of next.
type xmlToken struct {
	kind  tokenKind
	name  []byte // qualified name of a tag
	empty bool   // a start tag that closes itself: <c …/>
	text  []byte // raw text between tags, entities not decoded
}

type xmlAttr struct {
	name  []byte // local name
	value []byte // raw value, entities not decoded
}

// maxToken is the longest tag or text plainXML holds; a cell holds at most
// 32 767 characters, a few hundred kilobytes escaped.
const maxToken = 4 << 20

func newPlainXML(r io.Reader) *plainXML {
	return &plainXML{src: r, buf: make([]byte, 64<<10), start: true}
}

// fill reads more input, keeping buf[from:end]; it says false at the end of
// the input. Read errors other than EOF are errNotPlain.
func (p *plainXML) fill(from int) (bool, error) {
	if p.eof {
		return false, nil
	}
	if from > 0 {
		n := copy(p.buf, p.buf[from:p.end])
		p.pos -= from
		p.end = n
	}
	if p.end == len(p.buf) {
		if len(p.buf) >= maxToken {
			return false, errNotPlain
		}
		p.buf = append(p.buf, make([]byte, len(p.buf))...)
	}
	for {
		n, err := p.src.Read(p.buf[p.end:])
		p.end += n
		if err == io.EOF {
			p.eof = true
			return n > 0, nil
		}
		if err != nil {
			return false, errNotPlain
		}
		if n > 0 {
			return true, nil
		}
	}
}

// next reads the next token; io.EOF at the end of the input.
func (p *plainXML) next() (xmlToken, error) {
	for {
		if p.pos == p.end {
			p.pos, p.end = 0, 0
			more, err := p.fill(0)
			if err != nil {
				return xmlToken{}, err
			}
			if !more {
				return xmlToken{}, io.EOF
			}
		}
		if p.buf[p.pos] != '<' {
			return p.readText()
		}
		t, ok, err := p.readTag()
		if err != nil || ok {
			return t, err
		}
		// the XML declaration: no token
	}
}

// readText reads the text up to the next tag or the end of the input.
func (p *plainXML) readText() (xmlToken, error) {
	from := p.pos
	for {
		if i := bytes.IndexByte(p.buf[p.pos:p.end], '<'); i >= 0 {
			p.pos += i
			break
		}
		p.pos = p.end
		more, err := p.fill(from)
		from = 0
		if err != nil {
			return xmlToken{}, err
		}
		if !more {
			break
		}
	}
	text := p.buf[from:p.pos]
	if !validText(text) || bytes.Contains(text, []byte("]]>")) { // encoding/xml refuses ]]> in text
		return xmlToken{}, errNotPlain
	}
	p.start = false
	return xmlToken{kind: tokText, text: text}, nil
}

// readTag reads a tag; ok is false for the XML declaration.
func (p *plainXML) readTag() (t xmlToken, ok bool, err error) {
	from := p.pos
	end := -1
	quote := byte(0)
	for i := p.pos + 1; ; i++ {
		if i == p.end {
			n := i - from
			more, err := p.fill(from)
			if err != nil {
				return t, false, err
			}
			if !more {
				return t, false, errNotPlain // cut off inside a tag
			}
			from, i = 0, n
		}
		c := p.buf[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			end = i
		}
		if end >= 0 {
			break
		}
	}
	tag := p.buf[from+1 : end] // between < and >
	p.pos = end + 1
	first := p.start
	p.start = false
	switch {
	case len(tag) == 0:
		return t, false, errNotPlain
	case tag[0] == '?':
		if first && xmlDecl.Match(tag) {
			return t, false, nil
		}
		return t, false, errNotPlain
	case tag[0] == '!':
		return t, false, errNotPlain
	case tag[0] == '/':
		name, rest := splitName(tag[1:])
		if name == nil || len(skipSpace(rest)) > 0 {
			return t, false, errNotPlain
		}
		return xmlToken{kind: tokEnd, name: name}, true, nil
	}
	t.kind = tokStart
	if tag[len(tag)-1] == '/' {
		t.empty, tag = true, tag[:len(tag)-1]
	}
	name, rest := splitName(tag)
	if name == nil {
		return t, false, errNotPlain
	}
	t.name = name
	if err := p.readAttrs(rest); err != nil {
		return t, false, err
	}
	return t, true, nil
}

// xmlDecl is the XML declaration plainXML accepts: version 1.0, UTF-8.
var xmlDecl = regexp.MustCompile(`^\?xml version="1\.0"( encoding="(?i:utf-8)")?( standalone="(yes|no)")? ?\?$`)

// splitName reads a qualified name at the start of b.
func splitName(b []byte) (name, rest []byte) {
	i, colon := 0, -1
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case c >= '0' && c <= '9', c == '-', c == '.':
			if i == 0 || i == colon+1 {
				return nil, nil
			}
		case c == ':':
			if i == 0 || colon >= 0 {
				return nil, nil
			}
			colon = i
		default:
			goto done
		}
	}
done:
	if i == 0 || colon == i-1 {
		return nil, nil
	}
	return b[:i], b[i:]
}

// localName is a qualified name without its prefix.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// readAttrs reads ` name="value"` pairs, each after white space.
func (p *plainXML) readAttrs(b []byte) error {
	p.attrs = p.attrs[:0]
	for {
		n := len(b)
		b = skipSpace(b)
		if len(b) == 0 {
			return nil
		}
		if n == len(b) {
			return errNotPlain // no white space before the attribute
		}
		name, rest := splitName(b)
		if name == nil || len(rest) < 3 || rest[0] != '=' || (rest[1] != '"' && rest[1] != '\'') {
			return errNotPlain
		}
		closing := bytes.IndexByte(rest[2:], rest[1])
		if closing < 0 {
			return errNotPlain
		}
		value := rest[2 : 2+closing]
		if bytes.IndexByte(value, '<') >= 0 || !validText(value) {
			return errNotPlain
		}
		local := localName(name)
		for _, a := range p.attrs {
			if bytes.Equal(a.name, local) {
				return errNotPlain // readers differ on which one counts
			}
		}
		p.attrs = append(p.attrs, xmlAttr{name: local, value: value})
		b = rest[3+closing:]
	}
}

// attr is the value of the last start tag's attribute, decoded.
func (p *plainXML) attr(name string) ([]byte, bool) {
	for i := range p.attrs {
		if string(p.attrs[i].name) == name {
			v := p.attrs[i].value
			if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 {
				v = []byte(decodeText(v))
			}
			return v, true
		}
	}
	return nil, false
}

// skipSpace skips XML white space.
func skipSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	return b
}

// validText says whether raw text is UTF-8 of characters XML allows, with
// every & starting a predefined entity or a character reference.
func validText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '&':
			_, n := entity(b[i:])
			if n == 0 {
				return false
			}
			i += n
		case c >= 0x20 && c < 0x80, c == '\t', c == '\n', c == '\r':
			i++
		case c < 0x80:
			return false
		default:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || !xmlChar(r) {
				return false
			}
			i += n
		}
	}
	return true
}

// xmlChar is XML 1.0's Char production (encoding/xml's isInCharacterRange).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// entity reads the entity at the start of b: its text and length, or 0.
func entity(b []byte) (string, int) {
	end := bytes.IndexByte(b[:min(len(b), 12)], ';')
	if end < 2 {
		return "", 0
	}
	switch name := string(b[1:end]); name {
	case "lt":
		return "<", end + 1
	case "gt":
		return ">", end + 1
	case "amp":
		return "&", end + 1
	case "apos":
		return "'", end + 1
	case "quot":
		return `"`, end + 1
	default:
		if name[0] != '#' || len(name) < 2 {
			return "", 0
		}
		digits, base := name[1:], 10
		if digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		if digits == "" || digits[0] == '+' || digits[0] == '-' {
			return "", 0
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil || !xmlChar(rune(n)) {
			return "", 0
		}
		return string(rune(n)), end + 1
	}
}

// decodeText decodes valid raw text as encoding/xml does: entities
// replaced, and line ends (\r\n and a lone \r) read as \n.
func decodeText(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		switch c := b[i]; c {
		case '&':
			s, n := entity(b[i:])
			out = append(out, s...)
			i += n
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(b) && b[i] == '\n' {
				i++
			}
		default:
			out = append(out, c)
			i++
		}
	}
	return string(out)
}
