package dashboard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// The map is drawn 640 px tall for Sweden's 14 degrees of latitude, about
// 0.02° a pixel. The reference boundaries are rounded to about a metre (five
// decimals): sent as they are, they weigh 25 kB compressed, more than the
// map's code. Points within mapTolerance of the line through their
// neighbours, a quarter of a pixel, are dropped, and the rest rounded to
// mapDecimals (0.01°, half a pixel), which the eye cannot tell apart.
const (
	mapTolerance = 0.005 // degrees of latitude, longitude squeezed by swedenAspect
	mapDecimals  = 2
)

// geoFeatures is the part of a GeoJSON FeatureCollection the map needs: a
// name per feature (charts.js reads lansnamn) and its polygons.
type geoFeatures struct {
	Features []struct {
		Properties struct {
			Code string `json:"lanskod"`
			Name string `json:"lansnamn"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

type lonLat [2]float64

// simplifiedBoundaries is the counties' GeoJSON as the map draws it: each
// feature with its code and name, and a MultiPolygon whose rings are
// simplified (Douglas–Peucker) and rounded; rings that shrink to less than
// a triangle, islands smaller than a pixel, are left out.
func simplifiedBoundaries(geoJSON []byte) ([]byte, error) {
	var fc geoFeatures
	if err := json.Unmarshal(geoJSON, &fc); err != nil {
		return nil, fmt.Errorf("county boundaries: %w", err)
	}
	var out bytes.Buffer
	out.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range fc.Features {
		var polygons [][][]lonLat
		switch f.Geometry.Type {
		case "Polygon":
			var p [][]lonLat
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("county boundaries, %s: %w", f.Properties.Name, err)
			}
			polygons = [][][]lonLat{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polygons); err != nil {
				return nil, fmt.Errorf("county boundaries, %s: %w", f.Properties.Name, err)
			}
		default:
			return nil, fmt.Errorf("county boundaries, %s: geometry %q is not a polygon", f.Properties.Name, f.Geometry.Type)
		}
		if i > 0 {
			out.WriteByte(',')
		}
		props, _ := json.Marshal(map[string]string{"lanskod": f.Properties.Code, "lansnamn": f.Properties.Name})
		fmt.Fprintf(&out, `{"type":"Feature","properties":%s,"geometry":{"type":"MultiPolygon","coordinates":[`, props)
		writePolygons(&out, polygons)
		out.WriteString(`]}}`)
	}
	out.WriteString(`]}`)
	return out.Bytes(), nil
}

// writePolygons writes the polygons that keep their outer ring, each with
// the holes that keep theirs.
func writePolygons(out *bytes.Buffer, polygons [][][]lonLat) {
	first := true
	for _, p := range polygons {
		if len(p) == 0 {
			continue
		}
		outer := simplifiedRing(p[0])
		if outer == nil {
			continue
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		out.WriteByte('[')
		writeRing(out, outer)
		for _, hole := range p[1:] {
			if r := simplifiedRing(hole); r != nil {
				out.WriteByte(',')
				writeRing(out, r)
			}
		}
		out.WriteByte(']')
	}
}

func writeRing(out *bytes.Buffer, ring []lonLat) {
	out.WriteByte('[')
	for i, p := range ring {
		if i > 0 {
			out.WriteByte(',')
		}
		out.WriteByte('[')
		out.WriteString(strconv.FormatFloat(p[0], 'f', -1, 64))
		out.WriteByte(',')
		out.WriteString(strconv.FormatFloat(p[1], 'f', -1, 64))
		out.WriteByte(']')
	}
	out.WriteByte(']')
}

// simplifiedRing is the closed ring simplified and rounded, without points
// that rounding made repeat, or nil when fewer than three corners remain.
func simplifiedRing(ring []lonLat) []lonLat {
	if len(ring) < 4 {
		return nil
	}
	// A closed ring's first and last points are the same, so it is split at
	// the corner farthest from the first and each half simplified as a line.
	far := 0
	for i, p := range ring {
		if mapDistance(p, ring[0]) > mapDistance(ring[far], ring[0]) {
			far = i
		}
	}
	keep := make([]bool, len(ring))
	keep[0], keep[far], keep[len(ring)-1] = true, true, true
	douglasPeucker(ring, 0, far, keep)
	douglasPeucker(ring, far, len(ring)-1, keep)
	scale := math.Pow(10, mapDecimals)
	var out []lonLat
	for i, p := range ring {
		if !keep[i] {
			continue
		}
		q := lonLat{math.Round(p[0]*scale) / scale, math.Round(p[1]*scale) / scale}
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	if len(out) < 4 {
		return nil
	}
	return out
}

// douglasPeucker marks in keep the points of ring[i..j] that lie farther
// than mapTolerance from the line through the points kept around them.
func douglasPeucker(ring []lonLat, i, j int, keep []bool) {
	farthest, at := 0.0, -1
	for k := i + 1; k < j; k++ {
		if d := distanceToSegment(ring[k], ring[i], ring[j]); d > farthest {
			farthest, at = d, k
		}
	}
	if farthest <= mapTolerance {
		return
	}
	keep[at] = true
	douglasPeucker(ring, i, at, keep)
	douglasPeucker(ring, at, j, keep)
}

// mapPoint is a point as the map draws it, longitude squeezed as in
// countyMapChart, so that distances are those on the screen.
func mapPoint(p lonLat) (x, y float64) { return p[0] * swedenAspect, p[1] }

func mapDistance(p, q lonLat) float64 {
	px, py := mapPoint(p)
	qx, qy := mapPoint(q)
	return math.Hypot(px-qx, py-qy)
}

func distanceToSegment(p, a, b lonLat) float64 {
	px, py := mapPoint(p)
	ax, ay := mapPoint(a)
	bx, by := mapPoint(b)
	dx, dy := bx-ax, by-ay
	length2 := dx*dx + dy*dy
	if length2 == 0 {
		return math.Hypot(px-ax, py-ay)
	}
	t := math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/length2))
	return math.Hypot(px-ax-t*dx, py-ay-t*dy)
}
