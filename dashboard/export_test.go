package dashboard

import (
	"sort"

	"github.com/gofiber/fiber/v2"
)

// UnrenderedViews lists the templates that no request has rendered yet.
func UnrenderedViews() []string {
	v, err := loadViews(&assets{urls: map[string]string{}})
	if err != nil {
		return []string{err.Error()}
	}
	var missing []string
	for name := range v.pages {
		if _, ok := rendered.Load(name); !ok {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	return missing
}

// RouteRole is a route and the least role that may use it ("" public).
type RouteRole struct{ Method, Path, Role string }

// Routes lists every route of routeList, for the access test.
func Routes(s *Server) []RouteRole {
	var out []RouteRole
	for _, r := range s.routeList() {
		out = append(out, RouteRole{r.method, r.path, r.role})
	}
	return out
}

// NewServer is New's server, for tests that need its route list.
func NewServer(cfg Config) (*Server, error) {
	s, _, err := newServer(cfg)
	return s, err
}

// NewServerApp is New's server and app together, for tests that reach into
// the server while they send requests to the app.
func NewServerApp(cfg Config) (*Server, *fiber.App, error) { return newServer(cfg) }

// HoldPreviewSlots takes every slot of the upload previews, as uploads in
// progress would, until release is called.
func HoldPreviewSlots(s *Server) (release func()) {
	for range cap(s.previewSlots) {
		s.previewSlots <- struct{}{}
	}
	return func() {
		for range cap(s.previewSlots) {
			<-s.previewSlots
		}
	}
}
