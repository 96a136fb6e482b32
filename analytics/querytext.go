package analytics

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"malbild/analytics/store"
)

// A query file runs in one of two forms (queries.go, keptPlan says which):
//
//   - with a kept plan: $on becomes (SELECT "on" FROM query_args), inside the
//     file's own CAST, and the values are written into that table of the
//     connection as bound parameters just before it runs. DuckDB plans the
//     file once per connection and keeps the plan (store/planned.go says why
//     that matters).
//   - with its values in the text: $on becomes a quoted literal, '2026-11-29',
//     which the file's CAST reads back as the value. DuckDB plans it every
//     time, but folds the values into the plan: a filter on a list of services
//     is applied where the rows are read, not after every join.
//
// Either way a parameter's value is first argText, and every $parameter of a
// file is the whole argument of a CAST (checkCasts, when the files load), so
// a number or a date written as text reads back as itself.

// queryText is a query file split at its parameters: text[0], parameter
// slots[0], text[1], … text[len(slots)], with the comments left out (a $name
// in a comment is not a parameter).
type queryText struct {
	text  []string
	slots []string
}

// splitQuery splits a query file at its $parameters, leaving out its
// comments and keeping quoted strings and identifiers as they are.
func splitQuery(sql string) (queryText, error) {
	var q queryText
	var b strings.Builder
	for i := 0; i < len(sql); {
		switch c := sql[i]; {
		case strings.HasPrefix(sql[i:], "--"):
			end := strings.IndexByte(sql[i:], '\n')
			if end < 0 {
				end = len(sql) - i
			}
			i += end // the line break stays
		case strings.HasPrefix(sql[i:], "/*"):
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				return q, fmt.Errorf("a /* comment that does not end")
			}
			b.WriteByte(' ')
			i += 2 + end + 2
		case c == '\'' || c == '"':
			end := quotedEnd(sql, i)
			if end < 0 {
				return q, fmt.Errorf("a %c that does not close", c)
			}
			b.WriteString(sql[i:end])
			i = end
		case c == '$' && i+1 < len(sql) && isParamStart(sql[i+1]):
			end := i + 2
			for end < len(sql) && isParamPart(sql[end]) {
				end++
			}
			q.text = append(q.text, b.String())
			q.slots = append(q.slots, sql[i+1:end])
			b.Reset()
			i = end
		default:
			b.WriteByte(c)
			i++
		}
	}
	q.text = append(q.text, b.String())
	return q, nil
}

// quotedEnd is the index just after the quoted string or identifier that
// starts at sql[start], where a doubled quote stands for one; -1 if it does
// not close.
func quotedEnd(sql string, start int) int {
	quote := sql[start]
	for i := start + 1; i < len(sql); i++ {
		if sql[i] != quote {
			continue
		}
		if i+1 < len(sql) && sql[i+1] == quote {
			i++
			continue
		}
		return i + 1
	}
	return -1
}

func isParamStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isParamPart(c byte) bool  { return isParamStart(c) || '0' <= c && c <= '9' }

var (
	castOpen = regexp.MustCompile(`(?i)CAST\(\s*$`)
	castAs   = regexp.MustCompile(`(?i)^\s+AS\s`)
)

// checkCasts says which parameter, if any, is not the whole argument of a
// CAST: its value, written as text, would not be read as the type meant.
func (q queryText) checkCasts() error {
	for i, slot := range q.slots {
		if !castOpen.MatchString(q.text[i]) || !castAs.MatchString(q.text[i+1]) {
			return fmt.Errorf("$%s is not the whole argument of a CAST", slot)
		}
	}
	return nil
}

// literal is the query with each parameter's value from args written in as
// a quoted string.
func (q queryText) literal(args map[string]any) (string, error) {
	var b strings.Builder
	for i, slot := range q.slots {
		b.WriteString(q.text[i])
		t, err := argText(args[slot])
		if err != nil {
			return "", fmt.Errorf("parameter $%s: %w", slot, err)
		}
		b.WriteString(quoteText(t))
	}
	b.WriteString(q.text[len(q.slots)])
	return b.String(), nil
}

// quoteText is NULL for nil, else the text in single quotes with each quote
// doubled: DuckDB reads no other escape in such a string, so whatever the
// text holds it stays inside the quotes (argText has refused NUL).
func quoteText(t *string) string {
	if t == nil {
		return "NULL"
	}
	return "'" + strings.ReplaceAll(*t, "'", "''") + "'"
}

// planned is the query with each parameter read from the argument table.
func (q queryText) planned() string {
	var b strings.Builder
	for i, slot := range q.slots {
		b.WriteString(q.text[i])
		b.WriteString(`(SELECT "` + slot + `" FROM ` + store.PlannedArgsTable + `)`)
	}
	b.WriteString(q.text[len(q.slots)])
	return b.String()
}

// argText is a parameter's value as the text its CAST reads back as the
// value: nil for NULL, a number in Go's shortest form. A string that is not
// UTF-8 or holds a NUL, a number that is not finite and any other type are
// refused: the query files' values are none of these, so one is a defect.
func argText(v any) (*string, error) {
	var t string
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		if !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
			return nil, fmt.Errorf("a string that is not UTF-8 text or holds a NUL")
		}
		t = v
	case *string:
		if v == nil {
			return nil, nil
		}
		return argText(*v)
	case int:
		t = strconv.Itoa(v)
	case int64:
		t = strconv.FormatInt(v, 10)
	case *int64:
		if v == nil {
			return nil, nil
		}
		return argText(*v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("a number that is not finite")
		}
		t = strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		t = strconv.FormatBool(v)
	default:
		return nil, fmt.Errorf("a value of type %T", v)
	}
	return &t, nil
}
