package dashboard_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printLayout is what a printed page shows, as problems: the association
// and the day on top, no navigation, form or footer, and every chart drawn
// again no wider than the A4 page (180 mm of content, 680 px).
const printLayout = `(() => {
	const problems = [];
	const shown = el => el && getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
	const head = document.querySelector(".print-head");
	if (!shown(head) || !head.textContent.includes("Föreningen")) problems.push("no header with the association");
	document.querySelectorAll("header.top, form, footer, .skip").forEach(el => { if (shown(el)) problems.push("prints " + el.tagName.toLowerCase() + "." + el.className); });
	document.querySelectorAll(".chart").forEach(c => {
		const canvas = c.querySelector("canvas");
		if (!canvas || parseFloat(canvas.style.width) > 680) problems.push("chart " + c.id + " prints " + (canvas ? canvas.style.width : "nothing") + " wide");
	});
	return problems;
})()`

func TestTheOverviewAndGoalsPrintAsABoardReport(t *testing.T) {
	f := newA11yFixture(t)
	ctx, _ := newBrowserFor(t, 60)
	signInAs(t, ctx, f.base, "viewer")
	for _, path := range []string{"/?asof=2023-06-30", "/goals?year=2023"} {
		openDrawn(t, ctx, f.base+path)
		browse(t, ctx, "print "+path, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}), chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event("beforeprint"))`))
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](printLayout))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("printing %s: %s", path, p)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Fatalf("print %s to PDF: %v", path, err)
		}
		if dir := os.Getenv("MALBILD_SCREENSHOTS"); dir != "" {
			name := map[string]string{"/?asof=2023-06-30": "print-overview.pdf", "/goals?year=2023": "print-goals.pdf"}[path]
			if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
				t.Error(err)
			}
		}
		browse(t, ctx, "back to the screen", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
			return err
		}))
	}
}
