package dashboard_test

import (
	"context"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/gofiber/fiber/v2"
)

// browserLog is what a page did in the browser: every request it made and
// every console error, exception or CSP violation it caused.
type browserLog struct {
	mu       sync.Mutex
	requests []string
	problems []string
}

func (b *browserLog) add(list *[]string, s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	*list = append(*list, s)
}

func (b *browserLog) snapshot() (requests, problems []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...), append([]string(nil), b.problems...)
}

// chromium finds the browser; in CI (CI=true) a missing browser fails the
// test, so that a browser test is never silently skipped there.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium not found (set CHROMIUM or install Debian's chromium): CI must run the browser tests")
	}
	t.Skip("Chromium not found; install Debian's chromium to run the browser tests")
	return ""
}

// serveOnLoopback serves the app on a free loopback port for the test.
func serveOnLoopback(t *testing.T, app *fiber.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.Shutdown() })
	return "http://" + ln.Addr().String()
}

// newBrowser starts a headless Chromium that records what pages do.
func newBrowser(t *testing.T) (context.Context, *browserLog) {
	t.Helper()
	return newBrowserFor(t, 60)
}

// newBrowserFor is newBrowser for a test that may take the given seconds,
// such as one that visits every page.
func newBrowserFor(t *testing.T, seconds int) (context.Context, *browserLog) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Duration(seconds)*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })

	b := &browserLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.add(&b.requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				b.add(&b.problems, "console "+string(e.Type)+": "+describe(e.Args))
			}
		case *runtime.EventExceptionThrown:
			b.add(&b.problems, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				b.add(&b.problems, "log "+string(e.Entry.Source)+": "+e.Entry.Text+" "+e.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("start browser: %v", err)
	}
	return context.WithValue(ctx, browserLogKey{}, b), b
}

// browserLogKey finds a browser's log in its context, for browse's report.
type browserLogKey struct{}

// stepTimeout bounds one browser step: a step that cannot succeed (a login
// refused, a chart never drawn) fails in seconds, not at the test's deadline.
const stepTimeout = 15 * time.Second

// browse does the actions as one step; when they fail, the test fails with
// what the browser saw: the URL it ended on, the page's heading and the
// console's problems.
func browse(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	err := chromedp.Do(step, actions...)
	if err == nil {
		return
	}
	look, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	location, _ := chromedp.Run(look, chromedp.Location())
	heading, _ := chromedp.Run(look, chromedp.Evaluate[string](`(document.querySelector("h1, main, body") || {}).innerText?.slice(0, 300) || ""`))
	var problems []string
	if b, ok := ctx.Value(browserLogKey{}).(*browserLog); ok {
		_, problems = b.snapshot()
	}
	t.Fatalf("%s: %v\n  the browser is at %s\n  the page says: %q\n  console: %q", what, err, location, heading, problems)
}

func describe(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Description != "" {
			parts = append(parts, a.Description)
		} else {
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// assertOffline fails when the page requested anything but the server.
func assertOffline(t *testing.T, base string, requests []string) {
	t.Helper()
	server, _ := url.Parse(base)
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Host != server.Host) {
			t.Errorf("the page requested %s, which is not the server %s", r, server.Host)
		}
	}
}

// canvasPainted is a script that counts the canvas pixels that are not
// transparent: a drawn chart has thousands.
const canvasPainted = `(() => {
	const c = document.querySelector(%q);
	if (!c) return -1;
	const ctx = c.getContext("2d");
	const d = ctx.getImageData(0, 0, c.width, c.height).data;
	let n = 0;
	for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
	return n;
})()`

// contextLike is the chromedp context the helpers take.
type contextLike = context.Context

// saveScreenshot keeps a picture of the page for a reviewer, in
// $MALBILD_SCREENSHOTS when set, else in the test's temporary directory.
func saveScreenshot(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Errorf("screenshot of %s: %v", page, err)
		return
	}
	dir := os.Getenv("MALBILD_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	name := strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "-").Replace(strings.TrimPrefix(page, "/"))
	if err := os.WriteFile(filepath.Join(dir, "page_"+name+".jpg"), png, 0o644); err != nil {
		t.Error(err)
	}
}

// loginInBrowser signs the browser in as the test app's admin through the
// real login form.
func loginInBrowser(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	browse(t, ctx, "log in",
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS("#name"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPasswords["admin"]),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("form.logout")),
	)
}

// locationWhen returns the browser's location once it ends with suffix, or
// the last one seen after stepTimeout: a click or a key navigates, so ask
// for the location until it has changed rather than after a fixed pause
// that a slower machine may outlast.
func locationWhen(t *testing.T, ctx context.Context, suffix string) string {
	t.Helper()
	var location string
	for deadline := time.Now().Add(stepTimeout); time.Now().Before(deadline); {
		if location, _ = chromedp.Run(ctx, chromedp.Location()); strings.HasSuffix(location, suffix) {
			break
		}
		browse(t, ctx, "wait for the navigation", chromedp.Sleep(100*time.Millisecond))
	}
	return location
}
