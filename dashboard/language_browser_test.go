package dashboard_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestLanguageSwitchInTheBrowserIsRemembered(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, _ := newBrowser(t)
	loginInBrowser(t, ctx, base)
	heading := func() string {
		h, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("h1").firstChild.textContent.trim()`))
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	browse(t, ctx, "open the overview", chromedp.Navigate(base+"/?asof=2023-06-30"))
	if h := heading(); h != "Översikt" {
		t.Fatalf("default heading %q, want Swedish", h)
	}
	browse(t, ctx, "switch to English", chromedp.Click(chromedp.CSS("a.lang")), chromedp.WaitVisible(chromedp.CSS("html[lang=en]")))
	if h := heading(); h != "Overview" {
		t.Errorf("after the switch the heading is %q, want Overview", h)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if loc != base+"/?asof=2023-06-30" {
		t.Errorf("the switch left the page at %s, want the same page and date", loc)
	}
	browse(t, ctx, "open the goals of 2023", chromedp.Navigate(base+"/goals?year=2023"))
	if h := heading(); h != "Business plan 2023" {
		t.Errorf("another page after the switch: %q, want it in English", h)
	}
}
