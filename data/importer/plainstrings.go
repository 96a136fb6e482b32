package importer

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// sharedStringsPart is where excelize reads a workbook's shared strings.
const sharedStringsPart = "xl/sharedStrings.xml"

// sharedStrings reads the workbook's shared strings as excelize's row
// reader gives them, for the plain worksheets that use them; ok is false
// when the table is one that excelize would read another way or might
// refuse (another encoding, a part too large to hold, phonetic runs,
// formatted runs), and the sheets that use it are then read with excelize.
func sharedStrings(zr *zip.Reader) (_ []string, ok bool) {
	var part *zip.File
	for _, f := range zr.File {
		switch name := strings.ReplaceAll(f.Name, "\\", "/"); {
		case name == sharedStringsPart:
			part = f
		case strings.EqualFold(name, sharedStringsPart):
			return nil, false
		}
	}
	if part == nil {
		return nil, true // no table: every index is outside it
	}
	if part.UncompressedSize64 > maxSheetInMemory {
		return nil, false
	}
	rc, err := part.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	type text struct {
		Val string `xml:",chardata"`
	}
	// The fields excelize's xlsxSST and xlsxSI decode, so that a table
	// this decodes is one excelize decodes alike.
	var sst struct {
		XMLName     xml.Name `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main sst"`
		Count       int      `xml:"count,attr"`
		UniqueCount int      `xml:"uniqueCount,attr"`
		SI          []struct {
			T *text `xml:"t"`
			R []struct {
				RPr *struct{} `xml:"rPr"`
				T   *text     `xml:"t"`
			} `xml:"r"`
			RPh        []struct{} `xml:"rPh"`
			PhoneticPr *struct{}  `xml:"phoneticPr"`
		} `xml:"si"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, maxSheetInMemory)).Decode(&sst); err != nil && err != io.EOF {
		return nil, false
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		if len(si.RPh) > 0 || si.PhoneticPr != nil {
			return nil, false
		}
		var b strings.Builder
		if si.T != nil {
			b.WriteString(si.T.Val)
		}
		for _, r := range si.R {
			if r.RPr != nil {
				return nil, false
			}
			if r.T != nil {
				b.WriteString(r.T.Val)
			}
		}
		out[i] = bstrUnmarshal(b.String())
	}
	return out, true
}

// bstrUnmarshal reads the _xHHHH_ escapes of characters XML cannot hold, as
// excelize does (its lib.go, MIT licence): _x005F_ is an underscore.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var result strings.Builder
	cursor := 0
	for _, match := range bstrExp.FindAllStringSubmatchIndex(s, -1) {
		result.WriteString(s[cursor:match[0]])
		cursor = match[1]
		if s[match[0]:match[1]] == "_x005F_" {
			result.WriteString("_")
			continue
		}
		v, _ := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`)
		result.WriteString(v)
	}
	result.WriteString(s[cursor:])
	return result.String()
}

var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
