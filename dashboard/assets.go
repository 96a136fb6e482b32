package dashboard

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// static holds the browser assets; vendor/ is filled by `make assets`:
// ECharts bundled from the npm packages (pinned in package-lock.json) with
// only what the pages draw (static-src/), split into an ES module and its
// chunks, each with the .br and .gz forms cmd/precompress wrote.
//
//go:embed static
var static embed.FS

// asset is one embedded file, served under a URL that carries its content
// hash so that browsers may cache it for a year.
type asset struct {
	body    []byte
	gzipped []byte // nil when compression does not pay
	brotli  []byte // nil when compression does not pay
	mime    string
}

// assets maps hashed URL paths to files, and urls plain names to hashed URLs.
type assets struct {
	byURL map[string]asset
	urls  map[string]string
}

func loadAssets() (*assets, error) {
	a := &assets{byURL: map[string]asset{}, urls: map[string]string{}}
	files := map[string][]byte{}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := static.ReadFile(p)
		files[strings.TrimPrefix(p, "static/")] = body
		return err
	})
	if err != nil {
		return nil, err
	}
	for name, body := range files {
		if precompressedForm(name) {
			continue
		}
		a.addPrecompressed(name, body, mime.TypeByExtension(path.Ext(name)), files[name+".gz"], files[name+".br"])
	}
	if _, ok := a.urls["vendor/echarts.min.js"]; !ok {
		return nil, fmt.Errorf("dashboard/static/vendor/echarts.min.js is missing: run `make assets` (npm ci) before building")
	}
	if err := a.addCountyBoundaries(); err != nil {
		return nil, err
	}
	return a, nil
}

// precompressedForm tells the .gz and .br files that `make assets` writes
// beside a bundle (cmd/precompress): they are served as that file's forms.
func precompressedForm(name string) bool {
	return strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br")
}

// add serves body as the asset name under a URL that carries its content
// hash, compressed when that pays: the embedded files, and files of other
// packages such as the county boundaries.
func (a *assets) add(name string, body []byte, mime string) {
	a.addPrecompressed(name, body, mime, nil, nil)
}

// addPrecompressed is add with the compressed forms given where the build
// made them; the server compresses the rest itself, once per process.
//
// The chunks esbuild splits ECharts into (vendor/echarts-chunk-HASH.js) keep
// their names: the bundle's modules import them by name, and the name
// already changes with the content.
func (a *assets) addPrecompressed(name string, body []byte, mime string, gzipped, brotli []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:12] + ext
	if strings.HasPrefix(name, "vendor/echarts-chunk-") {
		url = "/static/" + name
	}
	a.urls[name] = url
	if gzipped == nil && brotli == nil {
		z := compressOnce(sum, body)
		gzipped, brotli = z.gzipped, z.brotli
	}
	a.byURL[url] = asset{body: body, gzipped: gzipped, brotli: brotli, mime: mime}
}

// URL returns the hashed URL of an embedded file; an unknown name is a
// template defect and panics during rendering in tests.
func (a *assets) URL(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fmt.Errorf("no embedded asset %q", name)
	}
	return u, nil
}

// serve answers /static/* with the file, compressed when the browser accepts
// it, and cached for a year since the URL changes with the content.
func (a *assets) serve(c *fiber.Ctx) error {
	f, ok := a.byURL[c.Path()]
	if !ok {
		return fiber.ErrNotFound
	}
	c.Set(fiber.HeaderContentType, f.mime)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	c.Vary(fiber.HeaderAcceptEncoding)
	accepts := c.Get(fiber.HeaderAcceptEncoding)
	if f.brotli != nil && strings.Contains(accepts, "br") {
		c.Set(fiber.HeaderContentEncoding, "br")
		return c.Send(f.brotli)
	}
	if f.gzipped != nil && strings.Contains(accepts, "gzip") {
		c.Set(fiber.HeaderContentEncoding, "gzip")
		return c.Send(f.gzipped)
	}
	return c.Send(f.body)
}

// compressedFiles holds each file's compressed forms by content hash: a
// process compresses a file once, however many servers it starts (tests).
var compressedFiles sync.Map // [32]byte → *compressedFile

type compressedFile struct {
	once            sync.Once
	gzipped, brotli []byte
}

func compressOnce(sum [32]byte, body []byte) *compressedFile {
	v, _ := compressedFiles.LoadOrStore(sum, &compressedFile{})
	f := v.(*compressedFile)
	f.once.Do(func() { f.gzipped, f.brotli = gzipIfSmaller(body), brotliIfSmaller(body) })
	return f
}

// brotliIfSmaller compresses a small file (the stylesheets, charts.js, the
// map's boundaries) at brotli's best level, a few milliseconds each, and a
// large one at level 9: level 11 would take seconds for a bundle the size of
// ECharts at every start (`make assets` precompresses those).
func brotliIfSmaller(body []byte) []byte {
	level := 9
	if len(body) <= bestBrotliUpTo {
		level = 11
	}
	out := fasthttp.AppendBrotliBytesLevel(nil, body, level)
	if len(out) >= len(body)*9/10 {
		return nil
	}
	return out
}

// bestBrotliUpTo is the largest file compressed at brotli's best level, where
// that takes about a tenth of a second.
const bestBrotliUpTo = 128 << 10

func gzipIfSmaller(body []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(body)
	w.Close()
	if buf.Len() >= len(body)*9/10 {
		return nil
	}
	return buf.Bytes()
}
