// Command precompress writes FILE.br (brotli, level 11) and FILE.gz (gzip,
// level 9) beside each file it is given, when compression pays. `make assets`
// runs it on the bundled ECharts: brotli's best level saves a tenth of the
// bytes but takes seconds, which a server should not spend at every start.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := precompress(name); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

// precompress writes the compressed forms of name that are at least a tenth
// smaller than the file (the rule the server applies to what it compresses
// itself) and removes stale ones.
func precompress(name string) error {
	body, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(body)
	if err := bw.Close(); err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(body)
	if err := zw.Close(); err != nil {
		return err
	}
	for ext, out := range map[string][]byte{".br": br.Bytes(), ".gz": gz.Bytes()} {
		if len(out) >= len(body)*9/10 {
			if err := os.Remove(name + ext); err != nil && !os.IsNotExist(err) {
				return err
			}
			continue
		}
		if err := os.WriteFile(name+ext, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}
