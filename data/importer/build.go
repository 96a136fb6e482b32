package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// builder makes a Plan: it finds each sheet's kind, then reads the sheets in
// the order their references need (members and services before the
// participation that names them) into the registry.
type builder struct {
	plan    *Plan
	reg     *registry
	src     source
	lang    string
	today   time.Time
	sheets  []*sheet
	lookups lookups
	// rowLimit is how many rows each sheet's plan lists; negative: all.
	rowLimit int
}

// sheet is one sheet being read: its plan, its header, and the rows above
// the header (titles, where a wide sheet may name its day).
type sheet struct {
	b        *builder
	plan     *SheetPlan
	head     *header
	titles   [][]Cell
	wideHead []Cell // the header row of a wide sheet candidate
	wideRow  int
	dataRows int
	// exampleRows counts the template's example rows skipped.
	exampleRows int
}

// instructionSheets are the names of sheets that explain a workbook, such as
// the template's, and are not read.
var instructionSheets = map[string]bool{"instruktioner": true, "instructions": true, "anvisningar": true,
	"läs mig": true, "readme": true}

// order is the order sheets are read in, by kind.
var order = []Kind{KindMembers, KindServices, KindEvents, KindGoals, KindFees, KindParticipation, KindWide, KindAttendance,
	KindBenefits, KindBenefitMeasurements}

// buildPlan reads the file into the registry as the database has it and
// returns the plan, and the registry with the file's changes for Commit.
func buildPlan(ctx context.Context, v *analytics.ImportView, f File, o Options) (*Plan, *registry, error) {
	lang := locale.Lang(o.Lang)
	src, err := open(f.Name, f.Data, lang)
	if err != nil {
		return nil, nil, err
	}
	defer src.close()
	reg, err := loadRegistry(ctx, v)
	if err != nil {
		return nil, nil, err
	}
	sum := sha256.Sum256(f.Data)
	p := &Plan{File: f.Name, SHA256: hex.EncodeToString(sum[:]), Counts: map[string]*Count{}}
	for _, t := range tables {
		p.Counts[t] = &Count{}
	}
	b := &builder{plan: p, reg: reg, src: src, lang: lang, today: o.Day, rowLimit: o.RowLimit}
	if err := b.findHeaders(); err != nil {
		return nil, nil, err
	}
	for _, kind := range order {
		for _, s := range b.sheets {
			if s.kind() == kind || (kind == KindWide && s.wideHead != nil && s.head == nil) {
				if err := s.read(); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	return p, reg, nil
}

func (s *sheet) kind() Kind {
	if s.head == nil {
		return ""
	}
	return s.head.spec.kind
}

// findHeaders reads the top of every sheet for its header row.
func (b *builder) findHeaders() error {
	for _, info := range b.src.sheets() {
		s := &sheet{b: b, plan: &SheetPlan{Name: info.name}}
		b.plan.Sheets = append(b.plan.Sheets, s.plan)
		b.sheets = append(b.sheets, s)
		if info.hidden {
			s.plan.Skipped = locale.Text(b.lang, "sheet.hidden")
			continue
		}
		if instructionSheets[fold(info.name)] {
			s.plan.Skipped = locale.Text(b.lang, "sheet.instructions")
			continue
		}
		firstRow := 0
		err := b.src.rows(info.name, func(row int, cells []Cell) bool {
			if allEmpty(cells) {
				return row < maxTitleRows
			}
			if firstRow == 0 {
				firstRow = row
			}
			if h := recognise(row, cells); h != nil {
				s.head = h
				return false
			}
			if s.wideHead == nil && isWideMemberHeader(cells[0].Text()) && countNonEmpty(cells) > 1 {
				s.wideHead, s.wideRow = cells, row
			}
			if s.wideHead == nil {
				s.titles = append(s.titles, cells)
			}
			return row < maxTitleRows
		})
		if err != nil {
			return err
		}
		switch {
		case firstRow == 0:
			s.plan.Skipped = locale.Text(b.lang, "sheet.empty")
		case s.head == nil && s.wideHead == nil:
			s.unknownKind(firstRow)
		case s.head != nil:
			s.wideHead = nil
			s.describe(s.head.spec.kind, s.head.row)
		}
	}
	return nil
}

// finish counts the problems, refuses a file with nothing to import, and
// fingerprints the changes.
func (b *builder) finish() error {
	p := b.plan
	withData, headerOnly, examples := 0, []*sheet{}, 0
	for _, s := range b.sheets {
		examples += s.exampleRows
		if s.dataRows > 0 {
			withData++
		} else if s.plan.Kind != "" && s.exampleRows == 0 {
			headerOnly = append(headerOnly, s)
		}
	}
	unknown := slices.ContainsFunc(b.sheets, func(s *sheet) bool { return s.plan.Kind == "" && s.plan.Skipped == "" })
	if withData == 0 && !unknown {
		if examples > 0 {
			return fileError(b.lang, ReasonOnlyExamples, examples, strings.TrimSpace(ExamplePrefix))
		}
		if len(headerOnly) > 0 {
			return fileError(b.lang, ReasonHeaderOnly, headerOnly[0].plan.Name)
		}
		return fileError(b.lang, ReasonEmpty)
	}
	for _, s := range headerOnly {
		s.warn(0, "", Cell{}, "sheet.header_only")
	}
	for _, s := range p.Sheets {
		for _, pr := range s.Problems {
			if pr.Severity == SeverityError {
				p.Errors++
			} else {
				p.Warnings++
			}
		}
	}
	p.Fingerprint = b.reg.fingerprint()
	return nil
}

func allEmpty(cells []Cell) bool { return countNonEmpty(cells) == 0 }

func countNonEmpty(cells []Cell) int {
	n := 0
	for _, c := range cells {
		if !c.Empty() {
			n++
		}
	}
	return n
}
