package dashboard

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

//go:embed templates
var templateFiles embed.FS

// views holds one template set per page: the layout and partials, plus the
// page's own file, so that every page defines its own "content".
type views struct {
	pages map[string]*template.Template
	// charts names the pages that draw charts: only they load ECharts.
	charts map[string]bool
}

func loadViews(a *assets) (*views, error) {
	base, err := template.New("layout.html").Funcs(template.FuncMap{"asset": a.URL, "list": func(xs ...string) []string { return xs }, "newestFirst": newestFirst,
		"kindOnDayLink": kindOnDayLink, "flowLink": flowLink}).
		ParseFS(templateFiles, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}, charts: map[string]bool{}}
	for _, p := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFiles, p)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		v.pages[name] = t
		src, err := templateFiles.ReadFile(p)
		if err != nil {
			return nil, err
		}
		v.charts[name] = bytes.Contains(src, []byte(`{{template "chart"`))
	}
	return v, nil
}

// rendered records the views rendered since start, so that a test can fail
// on a template that no test renders (a page nobody can reach).
var rendered sync.Map

// page is what every template receives: the request's language and as-of
// date, helpers for texts, numbers and links, and the page's own Data.
type page struct {
	Lang  string
	Title string
	Path  string
	AsOf  time.Time
	// AsOfSet says the user chose the date: links then carry it along.
	AsOfSet bool
	// query is the request's query string, kept by the language switch.
	query string
	// User is who is logged in ("" on the login page); CSRF goes into
	// every form that changes something.
	User, Role, CSRF string
	// Charts says the page draws charts and so loads ECharts.
	Charts bool
	// Association is the name on the printed page's header.
	Association string
	Data        any
}

// T is the text of a catalogue key in the page's language.
func (p page) T(key string, args ...any) string { return locale.Text(p.Lang, key, args...) }

// Int and Percent format numbers the way the page's language writes them.
func (p page) Int(n int) string         { return formatInt(p.Lang, n) }
func (p page) Percent(f float64) string { return formatPercent(p.Lang, f) }

// Metric writes a metric's value; Decimal a number with the given decimals.
func (p page) Metric(key string, v *float64) string   { return formatMetric(p.Lang, key, v) }
func (p page) Decimal(f float64, decimals int) string { return formatDecimal(p.Lang, f, decimals) }
func (p page) PercentOf(f *float64) string            { return formatMetric(p.Lang, "top_service_share", f) }

// Date writes an ISO date, the format of every date on every page.
func (p page) Date(t time.Time) string { return t.Format(time.DateOnly) }

// Link is path with the chosen as-of date carried along.
func (p page) Link(path string) string {
	if !p.AsOfSet {
		return path
	}
	u, err := url.Parse(path)
	if err != nil {
		return path
	}
	q := u.Query()
	q.Set("asof", p.Date(p.AsOf))
	u.RawQuery = q.Encode()
	return u.String()
}

// navItem is one link of the main navigation, for a role and up.
type navItem struct {
	Path, Key, Role string
	Current         bool
}

// navigation lists the pages of the main menu in order.
var navigation = []navItem{
	{Path: "/", Key: "nav.overview", Role: viewer},
	{Path: "/goals", Key: "nav.goals", Role: viewer},
	{Path: "/members", Key: "nav.members", Role: viewer},
	{Path: "/services", Key: "nav.services", Role: viewer},
	{Path: "/events", Key: "nav.events", Role: viewer},
	{Path: "/fees", Key: "nav.fees", Role: viewer},
	{Path: "/budget", Key: "nav.budget", Role: viewer},
	{Path: "/benefits", Key: "nav.benefits", Role: viewer},
	{Path: "/import", Key: "nav.import", Role: editor},
	{Path: "/export", Key: "nav.export", Role: viewer},
	{Path: "/admin", Key: "nav.admin", Role: admin},
}

// Nav is the main menu of the user's role with the current section marked:
// a page under /members/ belongs to /members.
func (p page) Nav() []navItem {
	var items []navItem
	for _, n := range navigation {
		if accounts.RoleRank(p.Role) < accounts.RoleRank(n.Role) {
			continue
		}
		n.Current = p.Path == n.Path || (n.Path != "/" && strings.HasPrefix(p.Path, n.Path+"/"))
		items = append(items, n)
	}
	return items
}

// CanEdit says the user may correct data (editors and admins).
func (p page) CanEdit() bool { return accounts.RoleRank(p.Role) >= accounts.RoleRank(editor) }

// Chart is what the chart partial takes: the chart's element and its
// options, written as an escaped JSON block for charts.js. The chart is
// described by its table of numbers, whose id is the chart's with "-table".
func (p page) Chart(class, id, label string, block any) map[string]any {
	return p.ChartOf(class, id, label, id+"-table", block)
}

// ChartOf is Chart for a chart whose numbers are in the table of another.
func (p page) ChartOf(class, id, label, table string, block any) map[string]any {
	if b, ok := block.(chartBlock); ok {
		block = b.accessible()
	}
	return map[string]any{"Class": class, "ID": id, "Label": label, "Table": table, "Block": block}
}

// WithPager is what the pager partial takes: the page and a list's pager.
func (p page) WithPager(pg pager) map[string]any { return map[string]any{"Page": p, "Pager": pg} }

// LangLink is this page, with its query, in the other language.
func (p page) LangLink() string {
	q, _ := url.ParseQuery(p.query)
	q.Set("lang", p.OtherLang())
	return p.Path + "?" + q.Encode()
}

// OtherLang is the language the switch in the header offers.
func (p page) OtherLang() string {
	if p.Lang == locale.En {
		return locale.Sv
	}
	return locale.En
}

// render writes the page through the layout.
func (s *Server) render(c *fiber.Ctx, name, title string, data any) error {
	t, ok := s.views.pages[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	association, err := s.association(c)
	if err != nil {
		return err
	}
	p := page{Lang: lang(c), Title: title, Path: c.Path(), AsOf: s.store.Today(), Data: data,
		query: string(c.Request().URI().QueryString()), Charts: s.views.charts[name], Association: association}
	if u, ok := currentUser(c); ok {
		p.User, p.Role, p.CSRF = u.Name, u.Role, u.CSRF
	}
	if d, ok := c.Locals(chosenDate).(time.Time); ok {
		p.AsOf, p.AsOfSet = d, true
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	rendered.Store(name, true)
	c.Type("html", "utf-8")
	return c.Send(buf.Bytes())
}

// newestFirst is a slice of years or days, oldest first as the charts draw
// them, in the order a year table lists them: the newest first.
func newestFirst(rows any) any {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return rows
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		out.Index(v.Len() - 1 - i).Set(v.Index(i))
	}
	return out.Interface()
}
