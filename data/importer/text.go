package importer

import (
	"fmt"
	"io"
	"strings"

	"malbild/analytics/locale"
)

// textListLimit is how many rows of each list the text report shows; the
// JSON form of a Plan has the rows its Options.RowLimit kept.
const textListLimit = 100

// WriteText writes the plan for a person to read, in lang: per sheet its
// kind and columns, the rows it adds and changes, the participations it
// ends, then every problem and the totals.
func (p *Plan) WriteText(w io.Writer, lang string) error {
	lang = locale.Lang(lang)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (sha256 %s)\n", p.File, short(p.SHA256))
	for _, s := range p.Sheets {
		b.WriteString("\n")
		writeSheet(&b, s, lang)
	}
	if problems := p.Problems(); len(problems) > 0 {
		fmt.Fprintf(&b, "\n%s\n", locale.Text(lang, "report.problems"))
		for _, pr := range problems {
			word := locale.Text(lang, "report."+pr.Severity)
			fmt.Fprintf(&b, "  %-8s %s", word, pr.Place(lang))
			if pr.Value != "" {
				fmt.Fprintf(&b, ", %s %q", locale.Text(lang, "report.value"), pr.Value)
			}
			fmt.Fprintf(&b, ": %s\n", pr.Message)
		}
	}
	n, c := 0, 0
	for _, count := range p.Counts {
		n, c = n+count.New, c+count.Changed
	}
	fmt.Fprintf(&b, "\n%s\n", locale.Text(lang, "report.total", n, c, p.Errors, p.Warnings))
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSheet(b *strings.Builder, s *SheetPlan, lang string) {
	fmt.Fprintf(b, "%s %q", locale.Text(lang, "report.sheet"), s.Name)
	switch {
	case s.Skipped != "":
		fmt.Fprintf(b, ": %s\n", s.Skipped)
		return
	case s.Kind == "":
		fmt.Fprintf(b, ": %s\n", locale.Text(lang, "report.unknown"))
		return
	}
	fmt.Fprintf(b, ": %s, %s\n", s.KindLabel, locale.Text(lang, "report.header_row", s.HeaderRow))
	if s.Day != "" {
		fmt.Fprintf(b, "  %s\n", locale.Text(lang, "report.day", s.Day))
	}
	cols := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		cols[i] = c.Header + " → " + c.Label
	}
	fmt.Fprintf(b, "  %s: %s\n", locale.Text(lang, "report.columns"), strings.Join(cols, ", "))
	if len(s.Ignored) > 0 {
		fmt.Fprintf(b, "  %s: %s\n", locale.Text(lang, "report.ignored"), strings.Join(s.Ignored, ", "))
	}
	fmt.Fprintf(b, "  %s\n", locale.Text(lang, "report.counts", s.New, s.Changed, s.Unchanged, len(s.Ended)))
	for i, r := range s.Rows {
		if i == textListLimit {
			break
		}
		fmt.Fprintf(b, "  %-9s %s: %s", locale.Text(lang, "report."+r.Change), locale.Text(lang, "place.row", r.Row), r.Label)
		for j, f := range r.Fields {
			sep := "; "
			if j == 0 {
				sep = ": "
			}
			fmt.Fprintf(b, "%s%s %s → %s", sep, f.Label, f.Old, f.New)
		}
		b.WriteString("\n")
	}
	if more := len(s.Rows) - min(len(s.Rows), textListLimit) + s.RowsOmitted; more > 0 {
		fmt.Fprintf(b, "  %s\n", locale.Text(lang, "report.more", more))
	}
	for i, e := range s.Ended {
		if i == textListLimit {
			fmt.Fprintf(b, "  %s\n", locale.Text(lang, "report.more", len(s.Ended)-i))
			break
		}
		fmt.Fprintf(b, "  %-9s %s, %s: %s %s–%s\n", locale.Text(lang, "report.ended"), locale.Text(lang, "place.row", e.Row),
			locale.Text(lang, "place.column", e.Column), e.Label, e.From, e.To)
	}
}

func short(sum string) string {
	if len(sum) > 12 {
		return sum[:12] + "…"
	}
	return sum
}
