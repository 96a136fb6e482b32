package dashboard_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"malbild/dashboard"
)

// Hole 3: a route reads no more body than it needs, and none before its
// login check. The client announces 20 MiB and sends 16 KiB: the server
// answers at once instead of waiting for (and keeping) the rest.
func TestBodiesAreRefusedBeforeTheyAreRead(t *testing.T) {
	app, _ := newApp(t)
	addr := listen(t, app)
	partial := strings.Repeat("a", 16<<10) // the server reads ahead 8 KiB
	for _, c := range []struct {
		request string
		want    int
	}{
		{"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 20971520\r\n\r\n" + partial, http.StatusRequestEntityTooLarge},
		{"POST /import HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 20971520\r\n\r\n--b\r\n" + partial, http.StatusUnauthorized},
		{"POST /admin/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n4000\r\n" + partial + "\r\n", http.StatusUnauthorized},
		{"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n\r\n" + partial, http.StatusSeeOther},
		{"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n\r\n" + partial, http.StatusRequestEntityTooLarge},
	} {
		resp, _ := rawRequest(t, addr, c.request)
		if resp.StatusCode != c.want {
			t.Errorf("%.40q: %d, want %d", c.request, resp.StatusCode, c.want)
		}
		if resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%.40q: the answer has no security headers", c.request)
		}
	}
}

// Hole 3: an editor's form is bounded too; only the upload takes more.
func TestFormsAreSmallAndOnlyTheUploadIsLarge(t *testing.T) {
	app, _ := newDemoApp(t)
	big := "comment=" + strings.Repeat("x", 100<<10)
	req := httptest.NewRequest(http.MethodPost, "/goals/1/edit", strings.NewReader(big))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, body := send(t, app, req, "as=editor"); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "64 KiB") {
		t.Errorf("a 100 KiB form: %d, want 413 saying the bound", resp.StatusCode)
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, _ := w.CreateFormFile("file", "medlemmar.csv")
	fmt.Fprintf(part, "Namn;Typ\n%s;kommun\n", strings.Repeat("Lund", 50<<10))
	w.Close()
	req = httptest.NewRequest(http.MethodPost, "/import", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	if resp, _ := send(t, app, req, "as=editor"); resp.StatusCode == http.StatusRequestEntityTooLarge {
		t.Errorf("a 200 KiB upload: %d, want it read", resp.StatusCode)
	}
}

// Hole 3: at most two previews at a time; the third is told to wait.
func TestConcurrentPreviewsAreBounded(t *testing.T) {
	srv, app, _ := newServerApp(t, nil)
	release := dashboard.HoldPreviewSlots(srv)
	upload := func() (*http.Response, string) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		part, _ := w.CreateFormFile("file", "medlemmar.csv")
		part.Write([]byte("Namn;Typ\nLund;kommun\n"))
		w.Close()
		req := httptest.NewRequest(http.MethodPost, "/import", &buf)
		req.Header.Set("Content-Type", w.FormDataContentType())
		return send(t, app, req, "as=editor")
	}
	resp, body := upload()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "förhandsgranskas redan") {
		t.Errorf("a third preview: %d %q, want 503 with Retry-After and a message", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	release()
	if resp, _ := upload(); resp.StatusCode == http.StatusServiceUnavailable {
		t.Error("a preview after the others finished is still refused")
	}
}

// A body left unread (the route refused the request first) closes the
// connection: what follows it is never read as a next request. A body that
// was read keeps the connection for the next request.
func TestAnUnreadBodyEndsTheConnection(t *testing.T) {
	app, _ := newApp(t)
	addr := listen(t, app)
	smuggled := "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
	body := strings.Repeat("a", 16<<10) + smuggled
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST /admin/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the refused request: %v %v", resp, err)
	}
	io.Copy(io.Discard, resp.Body)
	if next, err := http.ReadResponse(r, nil); err == nil {
		t.Errorf("the body was read as a request: %d", next.StatusCode)
	}

	keep, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer keep.Close()
	keep.SetDeadline(time.Now().Add(10 * time.Second))
	form := "name=nobody&password=wrong+password+here"
	fmt.Fprintf(keep, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%sGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", len(form), form)
	kr := bufio.NewReader(keep)
	for _, want := range []int{http.StatusUnauthorized, http.StatusOK} {
		resp, err := http.ReadResponse(kr, nil)
		if err != nil || resp.StatusCode != want {
			t.Fatalf("keep-alive: %v %v, want %d", resp, err, want)
		}
		io.Copy(io.Discard, resp.Body)
	}
}
