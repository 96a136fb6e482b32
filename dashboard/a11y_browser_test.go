package dashboard_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
)

// axeSource is axe-core from the npm registry (pinned in package-lock.json),
// copied by `make assets` to testdata/, outside the embedded static files:
// it is never served to users.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("testdata/vendor/axe.min.js")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is missing (%v): run `make assets`", err)
		}
		t.Skipf("axe-core is missing (%v): run `make assets`", err)
	}
	return string(src)
}

// a11yPages are the pages of the dashboard for the accessibility tests, by
// the least identity that sees them as they are for it: editors see edit
// links and forms that viewers do not, the admin sees the admin pages.
type a11yPage struct{ who, path string }

func a11yPages(memberID, serviceID, goalID int64) []a11yPage {
	m, sv, g := itoa(memberID), itoa(serviceID), itoa(goalID)
	return []a11yPage{
		{"anonymous", "/login"},
		{"anonymous", "/tillganglighet"},
		{accounts.RoleViewer, "/?asof=2023-06-30"},
		{accounts.RoleViewer, "/goals?year=2023"},
		{accounts.RoleViewer, "/members?asof=2023-06-30"},
		{accounts.RoleViewer, "/members/" + m + "?asof=2023-06-30"},
		{accounts.RoleViewer, "/services?asof=2023-06-30"},
		{accounts.RoleViewer, "/services/" + sv + "?asof=2023-06-30"},
		{accounts.RoleViewer, "/events?asof=2023-06-30"},
		{accounts.RoleViewer, "/fees?asof=2023-06-30"},
		{accounts.RoleViewer, "/budget?year=2024&asof=2024-12-31"},
		{accounts.RoleViewer, "/benefits?asof=2023-06-30"},
		{accounts.RoleViewer, "/benefits/1?asof=2023-06-30"}, // the demo's first benefit (Egil's), measured per member
		{accounts.RoleViewer, "/export"},
		{accounts.RoleViewer, "/tillganglighet"},
		{accounts.RoleViewer, "/no-such-page"},
		{accounts.RoleEditor, "/goals?year=2023"},
		{accounts.RoleEditor, "/members/" + m + "?asof=2023-06-30"},
		{accounts.RoleEditor, "/members/" + m + "/edit"},
		{accounts.RoleEditor, "/goals/" + g + "/edit"},
		{accounts.RoleEditor, "/import"},
		{accounts.RoleEditor, "/export"},
		{accounts.RoleAdmin, "/admin"},
		{accounts.RoleAdmin, "/admin/audit"},
		// 2022 is approved, and corrected since (approveWithChanges).
		{accounts.RoleViewer, "/?asof=2022-12-31"},
		{accounts.RoleViewer, "/goals?year=2022"},
		{accounts.RoleAdmin, "/export"},
	}
}

// a11yFixture is the demo app served on loopback with ids of a member, a
// service and a goal to open.
type a11yFixture struct {
	base                        string
	memberID, serviceID, goalID int64
}

func newA11yFixture(t *testing.T) a11yFixture {
	t.Helper()
	app, s := newDemoApp(t)
	approveWithChanges(t, s)
	var f a11yFixture
	if err := analyticstest.Handle(s).QueryRow(`SELECT member_id, service_id FROM participations GROUP BY ALL ORDER BY member_id, service_id LIMIT 1`).Scan(&f.memberID, &f.serviceID); err != nil {
		t.Fatal(err)
	}
	if err := analyticstest.Handle(s).QueryRow(`SELECT min(id) FROM goals`).Scan(&f.goalID); err != nil {
		t.Fatal(err)
	}
	f.base = serveOnLoopback(t, app)
	return f
}

// injectIntoEveryPage makes the browser run script in every document it
// loads, before the page's own scripts and outside its CSP.
func injectIntoEveryPage(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	browse(t, ctx, "inject a script", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
}

// signInAs drops the browser's cookies and signs in as who ("anonymous"
// stays signed out). One tab serves every identity in turn: a second tab of
// chromedp's never finishes a navigation here.
func signInAs(t *testing.T, ctx context.Context, base, who string) {
	t.Helper()
	browse(t, ctx, "drop the cookies", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
		return err
	}))
	if who == "anonymous" {
		return
	}
	browse(t, ctx, "log in as "+who,
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS("#name"), who),
		chromedp.SendKeys(chromedp.CSS("#password"), testPasswords[who]),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("form.logout")))
}

// openDrawn opens url and waits until every chart of the page is drawn.
func openDrawn(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	browse(t, ctx, "open "+url, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("footer")))
	poll := chromedp.Poll[bool](everyChartDrawn)
	browse(t, ctx, "draw the charts of "+url, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := poll(ctx, tg)
		return chromedp.Void{}, err
	})
}

// withLang adds lang=en to a path; the switch is remembered, so the
// Swedish run sets lang=sv.
func withLang(path, lang string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "lang=" + lang
}

// axeRun runs axe with the WCAG 2.0/2.1 A and AA rules and describes each
// violation with the elements it found.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
	.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " at " +
		v.nodes.slice(0, 4).map(n => n.target.join(" ") + (n.failureSummary ? " [" + n.failureSummary.replace(/\s+/g, " ").slice(0, 160) + "]" : "")).join("; ")))`

// ownChecks are what axe cannot see, as problems: every chart described
// by a table of its numbers (aria-describedby) in which every place a click
// on the chart leads is a link, so that a keyboard gets there too; a skip
// link as the first tab stop; the language switch marked with its language;
// the accessibility statement linked from the footer.
const ownChecks = `(() => {
	const problems = [];
	document.querySelectorAll("script[data-chart-for]").forEach(block => {
		const id = block.getAttribute("data-chart-for");
		const chart = document.getElementById(id);
		const table = chart && document.getElementById(chart.getAttribute("aria-describedby") || "");
		if (!table || table.tagName !== "TABLE") { problems.push("chart " + id + " is described by no table"); return; }
		const hrefs = new Set(Array.from(table.querySelectorAll("a[href]"), a => a.getAttribute("href")));
		const spec = JSON.parse(block.textContent);
		[].concat(spec.links || [], ...(spec.seriesLinks || [])).forEach(link => {
			if (link && !hrefs.has(link)) problems.push("chart " + id + " leads to " + link + ", which its table does not link");
		});
	});
	const first = document.querySelector("body a[href], body button, body input, body select");
	if (!first || first.getAttribute("href") !== "#content" || !document.getElementById("content")) problems.push("the first tab stop is not a skip link to the content");
	const other = document.querySelector("a.lang");
	if (!other || other.getAttribute("lang") !== other.getAttribute("hreflang")) problems.push("the language switch does not say its language");
	if (!document.querySelector("footer a[href^='/tillganglighet']")) problems.push("no link to the accessibility statement in the footer");
	return problems;
})()`

// TestAxeAndReflowOnEveryPage runs axe and the checks of ownChecks on every
// page in both languages, then narrows the window to 320 and 390 px: no page
// may scroll sideways there (WCAG 1.4.10), but a wide table in a region of
// its own may.
func TestAxeAndReflowOnEveryPage(t *testing.T) {
	f := newA11yFixture(t)
	script := axeSource(t)
	ctx, b := newBrowserFor(t, 300) // two languages of every page, on a shared machine
	injectIntoEveryPage(t, ctx, script)
	who, seen := "", 0
	for _, p := range a11yPages(f.memberID, f.serviceID, f.goalID) {
		if p.who != who {
			signInAs(t, ctx, f.base, p.who)
			who = p.who
		}
		tab := ctx
		for _, lang := range []string{"sv", "en"} {
			url := f.base + withLang(p.path, lang)
			openDrawn(t, tab, url)
			violations, err := chromedp.Run(tab, chromedp.Evaluate[[]string](axeRun, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("axe on %s as %s: %v", url, p.who, err)
			}
			for _, v := range violations {
				t.Errorf("%s %s as %s: %s", p.path, lang, p.who, v)
			}
			problems, err := chromedp.Run(tab, chromedp.Evaluate[[]string](ownChecks))
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range problems {
				t.Errorf("%s %s as %s: %s", p.path, lang, p.who, pr)
			}
			// The console stays quiet: an ECharts part missing from the
			// bundle (dashboard/static-src) shows there first.
			_, logged := b.snapshot()
			for _, pr := range logged[seen:] {
				if !(p.path == "/no-such-page" && strings.Contains(pr, "404")) {
					t.Errorf("%s %s as %s: the browser reported %s", p.path, lang, p.who, pr)
				}
			}
			seen = len(logged)
			for _, width := range []int64{320, 390} {
				browse(t, tab, "narrow the window", chromedp.EmulateViewport(width, 800))
				// The charts follow the window's resize event: let it come.
				over, err := chromedp.Run(tab, chromedp.Evaluate[string](`new Promise(r => setTimeout(r, 100)).then(() => `+sideways+`)`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatal(err)
				}
				if over != "" {
					t.Errorf("%s %s as %s at %d px: %s", p.path, lang, p.who, width, over)
				}
			}
			browse(t, tab, "widen the window", chromedp.EmulateViewport(1280, 900))
		}
	}
}

// sideways is how many pixels a page is wider than the window, with the
// widest element that sticks out, for the report.
const sideways = `(() => {
	const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
	if (over <= 0) return "";
	let widest = null, right = 0;
	const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
	document.querySelectorAll("body *").forEach(el => {
		if (scrolls(el)) return;
		const r = el.getBoundingClientRect().right;
		if (r > right + 1 && r > document.documentElement.clientWidth) { right = r; widest = el; }
	});
	const name = widest ? widest.tagName.toLowerCase() + (widest.id ? "#" + widest.id : "") + (widest.className && widest.className.baseVal === undefined ? "." + String(widest.className).trim().replace(/\s+/g, ".") : "") : "?";
	return over + " px too wide, widest " + name + " to " + Math.round(right);
})()`

func TestAFieldErrorSaysWhatIsWrongKeepsTheInputAndTakesTheFocus(t *testing.T) {
	f := newA11yFixture(t)
	ctx, _ := newBrowserFor(t, 40)
	signInAs(t, ctx, f.base, "editor")
	browse(t, ctx, "type a population that is no number",
		chromedp.Navigate(f.base+"/members/"+itoa(f.memberID)+"/edit?lang=en"),
		chromedp.SetValue(chromedp.CSS("#f-population"), "about 12 000"),
		chromedp.Submit(chromedp.CSS("#f-population")),
		chromedp.WaitVisible(chromedp.CSS("#err-population")))
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
		const f = document.getElementById("f-population");
		return {value: f.value, invalid: f.getAttribute("aria-invalid") || "", describedby: f.getAttribute("aria-describedby") || "",
			focused: document.activeElement ? document.activeElement.id : "", message: document.getElementById("err-population").textContent};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got["value"] != "about 12 000" || got["invalid"] != "true" || got["describedby"] != "err-population" || got["focused"] != "f-population" {
		t.Errorf("the refused field: %v; want the input kept, marked invalid, described by its error and focused", got)
	}
	if !strings.Contains(got["message"], "Population") || !strings.Contains(got["message"], "whole number") || !strings.Contains(got["message"], "about 12 000") {
		t.Errorf("the error says %q; want the field, what is wrong and the input", got["message"])
	}
	// The refused form passes axe too.
	browse(t, ctx, "load axe", chromedp.Evaluate[chromedp.Void](axeSource(t)))
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("the refused member form: %s", v)
	}
}

func TestKeyboardFirstTabStopSkipsToTheContent(t *testing.T) {
	f := newA11yFixture(t)
	ctx, _ := newBrowserFor(t, 30)
	signInAs(t, ctx, f.base, "viewer")
	openDrawn(t, ctx, f.base+"/members?asof=2023-06-30")
	browse(t, ctx, "tab once and follow the link", chromedp.KeyEvent("\t"))
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute("href") + " " + (document.activeElement.getBoundingClientRect().top >= 0)`))
	if err != nil || first != "#content true" {
		t.Fatalf("the first tab stop is %q (%v), want the visible skip link to #content", first, err)
	}
	browse(t, ctx, "follow the skip link", chromedp.KeyEvent("\r"))
	browse(t, ctx, "tab into the content", chromedp.KeyEvent("\t"))
	inMain, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("content").contains(document.activeElement)`))
	if err != nil || !inMain {
		t.Errorf("after the skip link the next tab stop is outside the content (%v)", err)
	}
}
