package dashboard

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// maxRedirectLength bounds a redirect target: a longer one is nobody's link.
const maxRedirectLength = 2048

// redirect answers 303 See Other to target, a path on this site. It is the
// only way the dashboard redirects: a target that is not a safe local path
// (see localPath) goes to the overview instead.
func redirect(c *fiber.Ctx, target string) error {
	safe, ok := localPath(target)
	if !ok {
		safe = "/"
	}
	return c.Redirect(safe, fiber.StatusSeeOther)
}

// localPath says whether target is a path on this site that a browser
// cannot read as another site and that a header can carry as it is: it
// starts with one "/" (not "//" or "/\", which browsers take for another
// host), has no scheme, no control character, space or backslash, also
// after percent-decoding its path. Bytes beyond ASCII are percent-encoded in
// the returned path.
func localPath(target string) (string, bool) {
	if len(target) > maxRedirectLength || !strings.HasPrefix(target, "/") || !plainASCIIPath(target) {
		return "", false
	}
	path, _, _ := strings.Cut(target, "?")
	path, _, _ = strings.Cut(path, "#")
	for range 3 { // "%252F" is "%2F" after one decoding, "/" after two
		decoded, err := url.PathUnescape(path)
		if err != nil || !plainASCIIPath(decoded) {
			return "", false
		}
		if decoded == path {
			break
		}
		path = decoded
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(target); i++ {
		if ch := target[i]; ch >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", ch)
		} else {
			b.WriteByte(ch)
		}
	}
	return b.String(), true
}

// plainASCIIPath is false for a text that starts as another host would or
// holds a control character, a space or a backslash; bytes beyond ASCII
// (UTF-8 of a name) are allowed.
func plainASCIIPath(s string) bool {
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if ch := s[i]; ch <= ' ' || ch == 0x7f || ch == '\\' {
			return false
		}
	}
	return true
}
