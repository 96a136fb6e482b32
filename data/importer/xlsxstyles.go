package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// worksheetParts maps each worksheet's name to its part in the zip, from
// xl/workbook.xml and its relationships, and lists the names in the
// workbook's order.
func worksheetParts(zr *zip.Reader) (map[string]string, []string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXMLPart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, nil, err
	}
	if err := readXMLPart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/worksheet") {
			t := strings.TrimPrefix(r.Target, "/")
			if !strings.HasPrefix(t, "xl/") {
				t = path.Join("xl", t)
			}
			targets[r.ID] = t
		}
	}
	parts := map[string]string{}
	var order []string
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			parts[s.Name] = t
			order = append(order, s.Name)
		}
	}
	return parts, order, nil
}

func readXMLPart(zr *zip.Reader, name string, v any) error {
	f := findPart(zr, name)
	if f == nil {
		return fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxSheetInMemory)).Decode(v)
}

func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}

// dateScan walks a worksheet's XML beside excelize's row reader and tells,
// per row, which cells are numbers and their style, which can make them
// dates. It reads tags only, so it is cheap.
type dateScan struct {
	rc    io.ReadCloser
	r     *bufio.Reader
	at    int         // the row last read
	cells map[int]int // its number cells: column (0-based) → style id (0: none)
	done  bool
}

func (s *xlsxSource) dateCells(sheet string) (*dateScan, error) {
	f := findPart(s.zip, s.parts[sheet])
	if f == nil {
		return nil, fmt.Errorf("no worksheet part for %s", sheet)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &dateScan{rc: rc, r: bufio.NewReaderSize(io.LimitReader(rc, MaxUnzipSize), 64<<10)}, nil
}

func (d *dateScan) close() { d.rc.Close() }

// row returns the number cells of row n; rows are asked for in increasing
// order.
func (d *dateScan) row(n int) map[int]int {
	for !d.done && d.at < n {
		d.readRow()
	}
	if d.at == n {
		return d.cells
	}
	return nil
}

// readRow reads the next <row> element.
func (d *dateScan) readRow() {
	d.cells = nil
	col := -1
	for {
		t, err := d.tag()
		if err != nil {
			d.done = true
			return
		}
		switch t.name {
		case "row":
			d.at++
			if t.ref > 0 {
				d.at = t.ref
			}
			if t.empty {
				return
			}
		case "/row", "/sheetData":
			return
		case "c":
			col++
			if t.ref > 0 {
				col = t.ref - 1
			}
			if t.number {
				if d.cells == nil {
					d.cells = map[int]int{}
				}
				d.cells[col] = t.style
			}
		}
	}
}

// xmlTag is what the scan needs of a tag: for <row>, its number; for <c>,
// its column, style and whether it holds a number.
type xmlTag struct {
	name   string // local name of "row", "c", "/row" or "/sheetData"; "" for others
	ref    int    // row number of a row, column number (1-based) of a cell; 0 if not given
	style  int
	number bool
	empty  bool // <row …/>
}

// tag reads to the next element tag. It works on the reader's buffer and
// allocates nothing for the tags it does not need.
func (d *dateScan) tag() (xmlTag, error) {
	for {
		_, err := d.r.ReadSlice('<')
		if err == nil {
			break
		}
		if err != bufio.ErrBufferFull {
			return xmlTag{}, err
		}
	}
	raw, err := d.r.ReadSlice('>')
	for err == bufio.ErrBufferFull { // a tag longer than the buffer: not one we read
		_, err = d.r.ReadSlice('>')
		raw = nil
	}
	if err != nil {
		return xmlTag{}, err
	}
	raw = raw[:len(raw)-1]
	t := xmlTag{empty: len(raw) > 0 && raw[len(raw)-1] == '/'}
	closing := len(raw) > 0 && raw[0] == '/'
	if closing {
		raw = raw[1:]
	}
	end := 0
	for end < len(raw) && raw[end] != ' ' && raw[end] != '\t' && raw[end] != '\r' && raw[end] != '\n' && raw[end] != '/' {
		end++
	}
	name, attrs := raw[:end], raw[end:]
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	switch {
	case closing && string(name) == "row":
		t.name = "/row"
	case closing && string(name) == "sheetData":
		t.name = "/sheetData"
	case !closing && string(name) == "row":
		t.name = "row"
		t.ref = atoi(attr(attrs, "r"))
	case !closing && string(name) == "c":
		t.name = "c"
		t.ref = columnNumber(attr(attrs, "r"))
		t.style = atoi(attr(attrs, "s"))
		typ := attr(attrs, "t")
		t.number = len(typ) == 0 || string(typ) == "n"
	}
	return t, nil
}

// attr finds an attribute's value among a tag's attributes.
func attr(attrs []byte, name string) []byte {
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 || eq+1 >= len(attrs) {
			return nil
		}
		key := bytes.TrimSpace(attrs[:eq])
		if i := bytes.LastIndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		q := attrs[eq+1]
		rest := attrs[eq+2:]
		close := bytes.IndexByte(rest, q)
		if close < 0 {
			return nil
		}
		if string(key) == name {
			return rest[:close]
		}
		attrs = rest[close+1:]
	}
	return nil
}

// atoi reads a non-negative decimal number; anything else is 0.
func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' || n > 1<<30 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// columnNumber reads the column of a cell reference such as "AB12": 28.
func columnNumber(ref []byte) int {
	n := 0
	for _, b := range ref {
		switch {
		case b >= 'A' && b <= 'Z':
			n = n*26 + int(b-'A') + 1
		case b >= 'a' && b <= 'z':
			n = n*26 + int(b-'a') + 1
		default:
			return n
		}
	}
	return n
}
