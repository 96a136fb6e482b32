package dashboard

import (
	"encoding/json"
	"math"
	"testing"

	"malbild/data/reference"
)

// boundsOf is each county's bounding box by name, and how many corners its
// rings have, all rings being closed.
func boundsOf(t *testing.T, geoJSON []byte) (map[string][4]float64, int) {
	t.Helper()
	var fc geoFeatures
	if err := json.Unmarshal(geoJSON, &fc); err != nil {
		t.Fatal(err)
	}
	bounds, corners := map[string][4]float64{}, 0
	for _, f := range fc.Features {
		var polygons [][][][2]float64
		var err error
		if f.Geometry.Type == "Polygon" {
			polygons = make([][][][2]float64, 1)
			err = json.Unmarshal(f.Geometry.Coordinates, &polygons[0])
		} else {
			err = json.Unmarshal(f.Geometry.Coordinates, &polygons)
		}
		if err != nil {
			t.Fatalf("%s: %v", f.Properties.Name, err)
		}
		b := [4]float64{180, 90, -180, -90}
		for _, polygon := range polygons {
			for _, ring := range polygon {
				if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
					t.Errorf("%s: a ring of %d points, open or less than a triangle", f.Properties.Name, len(ring))
				}
				corners += len(ring) - 1
				for _, p := range ring {
					b = [4]float64{math.Min(b[0], p[0]), math.Min(b[1], p[1]), math.Max(b[2], p[0]), math.Max(b[3], p[1])}
				}
			}
		}
		bounds[f.Properties.Name] = b
	}
	return bounds, corners
}

func TestTheMapsBoundariesKeepEveryCountyWithinHalfAPixel(t *testing.T) {
	original := reference.CountyBoundaries()
	simple, err := simplifiedBoundaries(original)
	if err != nil {
		t.Fatal(err)
	}
	want, wantCorners := boundsOf(t, original)
	got, corners := boundsOf(t, simple)
	if len(got) != 21 || len(got) != len(want) {
		t.Fatalf("%d counties, want the reference data's %d", len(got), len(want))
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s is missing", name)
			continue
		}
		// The outermost corners are kept, rounded to 0.01°.
		for i := range g {
			if math.Abs(g[i]-w[i]) > 0.0051 {
				t.Errorf("%s reaches %v, want %v", name, g, w)
				break
			}
		}
	}
	if corners >= wantCorners || len(simple)*10 > len(original)*6 {
		t.Errorf("%d corners in %d bytes, from %d in %d: not simplified", corners, len(simple), wantCorners, len(original))
	}
	t.Logf("%d corners in %d bytes, from %d in %d", corners, len(simple), wantCorners, len(original))
}
