// Package locale is the one catalogue of the texts Målbild shows: the pages,
// the import's messages and problems, the exports and the domain's errors.
// Each language is one embedded JSON file of key → text (sv.json, en.json),
// sorted by key with one entry a line, so a text is added by hand with one
// line in each file; TestCatalogue checks that every key has every language
// and that every key the code names exists.
package locale

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The languages of the interface; Swedish is the default.
const (
	Sv = "sv"
	En = "en"
)

// Languages are the languages every key has a text in, the default first.
var Languages = []string{Sv, En}

//go:embed sv.json en.json
var files embed.FS

// texts holds each language's catalogue, read once at start: a file that is
// not valid JSON is a defect and panics.
var texts = map[string]map[string]string{}

func init() {
	for _, lang := range Languages {
		b, err := files.ReadFile(lang + ".json")
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("locale/%s.json: %v", lang, err))
		}
		texts[lang] = m
	}
}

// Lang is En for "en" and Sv for anything else.
func Lang(lang string) string {
	if lang == En {
		return En
	}
	return Sv
}

// Text is the text of key in lang (Swedish unless "en"), formatted with args
// by fmt.Sprintf. Texts may refer to their arguments by index (%[2]d) and so
// leave some unused. An unknown key shows as "[key]", which the tests look for.
func Text(lang, key string, args ...any) string {
	text, ok := texts[Lang(lang)][key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 || !strings.Contains(text, "%") {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// Has says whether key is in the catalogue, for labels that fall back to
// the raw value (a metric or kind the catalogue does not name).
func Has(key string) bool {
	_, ok := texts[Sv][key]
	return ok
}

// Keys are the catalogue's keys that start with prefix, sorted.
func Keys(prefix string) []string {
	var keys []string
	for key := range texts[Sv] {
		if strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return keys
}
