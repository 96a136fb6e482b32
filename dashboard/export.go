package dashboard

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
	"malbild/data/export"
)

// exportKind is one download and the least role that may have it.
type exportKind struct {
	name, path, role string
	handler          fiber.Handler
}

// exports is the one place that decides who may download what (DESIGN
// "Pages"): the annual meeting report, which holds no personal data, for
// everyone who may read the dashboard; the data, the import template and
// the fee list for editors (and admins). The routes and the export page's
// forms both follow it.
func (s *Server) exports() []exportKind {
	return []exportKind{
		{"report", "/export/report.xlsx", viewer, s.exportReport},
		{"data", "/export/data.xlsx", editor, s.exportData},
		{"template", "/export/template.xlsx", editor, s.exportTemplate},
		{"fees", "/export/fees.xlsx", editor, s.exportFees},
	}
}

// exportPage is the export page's data: the defaults of its forms and the
// exports the user may have, by name.
type exportPage struct {
	Year      int
	May       map[string]bool
	Approvals approvalsSection // approvals.go
}

// exportForms shows a form per export the user may have: the annual meeting
// report (year, as-of date, language), the data, the import template and
// the fee list.
func (s *Server) exportForms(c *fiber.Ctx) error {
	asOf, err := s.asOf(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	may := map[string]bool{}
	for _, e := range s.exports() {
		may[e.name] = accounts.RoleRank(u.Role) >= accounts.RoleRank(e.role)
	}
	approvals, err := s.approvalsOf(c, asOf.Year())
	if err != nil {
		return err
	}
	return s.render(c, "export", locale.Text(lang(c), "export.title"), exportPage{Year: asOf.Year(), May: may, Approvals: approvals})
}

// personalData says whether an export carries contact names and e-mail
// addresses: for editors and admins, and then the audit log records it.
func (s *Server) personalData(c *fiber.Ctx) bool {
	if !s.showPersonal(c) {
		return false
	}
	s.audit(c, actor(c), accounts.AuditExportPersonal, c.Path())
	return true
}

// exportReport sends the annual meeting report of ?year= (default: the
// year of ?asof=, else this year) as of ?asof= (default: 31 December of the
// year, or today) in ?language= sv or en (default: the page's language; not
// ?lang=, which switches the interface).
func (s *Server) exportReport(c *fiber.Ctx) error {
	asOf, err := s.exportDay(c)
	if err != nil {
		return err
	}
	year, err := s.exportYear(c, asOf)
	if err != nil {
		return err
	}
	if !asOf.IsZero() && asOf.Year() < year {
		return &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "export.asofbefore", asOf.Format(time.DateOnly), year)}
	}
	language := c.Query("language", lang(c))
	if language != locale.Sv && language != locale.En {
		return &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "export.badlanguage", language)}
	}
	var buf bytes.Buffer
	o := export.ReportOptions{Year: year, AsOf: asOf, Lang: language, MadeBy: actor(c)}
	if err := export.WriteReport(c.UserContext(), s.store, o, &buf); err != nil {
		return err
	}
	name := locale.Text(language, "export.file.report", year)
	if !asOf.IsZero() {
		name += " " + locale.Text(language, "export.file.asof", asOf.Format(time.DateOnly))
	}
	return sendWorkbook(c, name, buf.Bytes())
}

// exportData sends every table in the import's own format.
func (s *Server) exportData(c *fiber.Ctx) error {
	var buf bytes.Buffer
	if err := export.Data(c.UserContext(), s.store, &buf, s.personalData(c)); err != nil {
		return err
	}
	return sendWorkbook(c, "Målbild data "+s.store.Today().Format(time.DateOnly), buf.Bytes())
}

// exportTemplate sends the import template.
func (s *Server) exportTemplate(c *fiber.Ctx) error {
	var buf bytes.Buffer
	if err := export.Template(c.UserContext(), s.store, &buf); err != nil {
		return err
	}
	return sendWorkbook(c, "Importmall Målbild", buf.Bytes())
}

// exportFees sends the fee list of ?year= (default: this year); a year
// without a fee schedule is the user's error, said so.
func (s *Server) exportFees(c *fiber.Ctx) error {
	year, err := s.exportYear(c, time.Time{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	err = export.Fees(c.UserContext(), s.store, year, &buf, s.personalData(c))
	if analytics.ErrorCode(err) == analytics.ENotFound {
		return &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "export.noschedule", year)}
	}
	if err != nil {
		return err
	}
	return sendWorkbook(c, fmt.Sprintf("Avgiftslista %d", year), buf.Bytes())
}

// exportDay reads ?asof=; empty is the zero time, the export's default.
func (s *Server) exportDay(c *fiber.Ctx) (time.Time, error) {
	if c.Query("asof") == "" {
		return time.Time{}, nil
	}
	return s.asOf(c)
}

// exportYear reads ?year=; empty is the year of asOf, or this year.
func (s *Server) exportYear(c *fiber.Ctx, asOf time.Time) (int, error) {
	year, err := analytics.ParseYear(c.Query("year"))
	if err != nil {
		return 0, &analytics.Error{Code: analytics.EInvalid, Message: locale.Text(lang(c), "export.badyear", c.Query("year"))}
	}
	switch {
	case year != 0:
		return year, nil
	case !asOf.IsZero():
		return asOf.Year(), nil
	}
	return s.store.Today().Year(), nil
}

// sendWorkbook sends an .xlsx as a download named name + ".xlsx": the name
// in UTF-8 (RFC 5987) with a plain ASCII fallback for old clients. Exports
// are never cached: they may hold personal data.
func sendWorkbook(c *fiber.Ctx, name string, body []byte) error {
	c.Set(fiber.HeaderContentType, export.ContentType)
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s.xlsx"; filename*=UTF-8''%s.xlsx`,
		asciiName(name), encodeRFC5987(name)))
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(body)
}

// asciiName is name in lower-case ASCII with dashes: "Årsmötesrapport 2026"
// becomes "arsmotesrapport-2026".
func asciiName(name string) string {
	r := strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "Å", "a", "Ä", "a", "Ö", "o", "É", "e")
	var b strings.Builder
	for _, ch := range strings.ToLower(r.Replace(name)) {
		switch {
		case ch >= 'a' && ch <= 'z', ch >= '0' && ch <= '9', ch == '-', ch == '.':
			b.WriteRune(ch)
		case ch == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// encodeRFC5987 percent-encodes every byte of s but RFC 5987's attr-char.
func encodeRFC5987(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte("!#$&+-.^_`|~", ch) >= 0 {
			b.WriteByte(ch)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", ch)
	}
	return b.String()
}
