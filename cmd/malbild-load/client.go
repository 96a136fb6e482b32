package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// session is a logged-in account: every client of the run sends its cookie.
type session struct {
	base   string // http://127.0.0.1:PORT
	cookie string // the malbild_session value
	http   *http.Client
}

// newHTTPClient keeps a connection per client and never follows a
// redirect: a redirect to the login page is an error, not a page.
func newHTTPClient(conns int) *http.Client {
	return &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        conns,
			MaxIdleConnsPerHost: conns,
			IdleConnTimeout:     90 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// login posts the login form and keeps the session cookie.
func login(client *http.Client, base, name, password string) (*session, error) {
	form := url.Values{"name": {name}, "password": {password}, "next": {"/"}}
	resp, err := client.PostForm(base+"/login", form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("login as %s: status %d", name, resp.StatusCode)
	}
	for _, c := range resp.Cookies() {
		if c.Name == "malbild_session" && c.Value != "" {
			return &session{base: base, cookie: c.Value, http: client}, nil
		}
	}
	return nil, fmt.Errorf("login as %s: no session cookie", name)
}

// do sends a request with the session cookie and reads the whole answer.
func (s *session) do(ctx context.Context, method, path, contentType string, body io.Reader) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, body)
	if err != nil {
		return nil, nil, err
	}
	req.AddCookie(&http.Cookie{Name: "malbild_session", Value: s.cookie})
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp, data, err
}

// get fetches a page, discards it and returns its size; a non-2xx status
// is an error.
func (s *session) get(ctx context.Context, path string) (int, error) {
	resp, body, err := s.do(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return len(body), err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return len(body), fmt.Errorf("status %d", resp.StatusCode)
	}
	return len(body), nil
}

var (
	csrfField        = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)
	idField          = regexp.MustCompile(`name="id" value="([^"]+)"`)
	fingerprintField = regexp.MustCompile(`name="fingerprint" value="([^"]*)"`)
)

// field is the value of the first hidden field the pattern finds in a page.
func field(re *regexp.Regexp, page []byte) string {
	m := re.FindSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(string(m[1]))
}

// importResult says how the import during the run went.
type importResult struct {
	started          time.Time
	at               time.Duration // when it started, from the start of the measured window
	preview, commit  time.Duration
	location         string // where the commit redirected: /import?done=N
	err              error
	finishedInWindow bool
}

// importFile uploads a workbook (POST /import), reads the preview's commit
// form and commits it (POST /import/commit), as the office would.
func (s *session) importFile(ctx context.Context, name string, data []byte) importResult {
	r := importResult{started: time.Now()}
	_, page, err := s.do(ctx, http.MethodGet, "/import", "", nil)
	if err != nil {
		r.err = fmt.Errorf("GET /import: %w", err)
		return r
	}
	csrf := field(csrfField, page)
	if csrf == "" {
		r.err = fmt.Errorf("GET /import: no CSRF token in the page (is the account an editor?)")
		return r
	}

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("_csrf", csrf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	resp, page, err := s.do(ctx, http.MethodPost, "/import", mw.FormDataContentType(), &body)
	r.preview = time.Since(r.started)
	if err != nil {
		r.err = fmt.Errorf("POST /import: %w", err)
		return r
	}
	id, fingerprint := field(idField, page), field(fingerprintField, page)
	if resp.StatusCode != http.StatusOK || id == "" {
		r.err = fmt.Errorf("POST /import: status %d, no commit form in the preview", resp.StatusCode)
		return r
	}

	start := time.Now()
	form := url.Values{"_csrf": {csrf}, "id": {id}, "fingerprint": {fingerprint}}
	resp, _, err = s.do(ctx, http.MethodPost, "/import/commit", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	r.commit = time.Since(start)
	if err != nil {
		r.err = fmt.Errorf("POST /import/commit: %w", err)
		return r
	}
	r.location = resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.location, "/import?done=") {
		r.err = fmt.Errorf("POST /import/commit: status %d, location %q", resp.StatusCode, r.location)
	}
	return r
}
