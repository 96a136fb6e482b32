package analytics

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Why the query files' parameters are written into the text as literals
// rather than bound to a prepared statement: DuckDB prepares a statement that
// passes a parameter into a table macro (every metric does, as_of_days and
// active_members) without optimising it, and binds the whole statement a
// second time when it runs, once the values are known (its "rebind"). For a
// metric query of 40–180 operators that second bind was a quarter of its
// time. A statement with its values in the text is bound once. The values
// come from Go (dates, ids, numbers, a member kind checked against the list
// of kinds) and sqlLiteral writes each as a literal DuckDB reads back as the
// same value, whatever it holds (TestSQLLiteralReadsBackTheValue, and the
// fuzz target beside it).

// queryText is a query file split at its parameters: text[0], the value of
// slots[0], text[1], … text[len(slots)]. Comments are left out, so that no
// value is ever written into one (a value with a line break written into a
// -- comment would end the comment).
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

// render writes the query with each parameter's value from args as a literal.
func (q queryText) render(args map[string]any) (string, error) {
	var b strings.Builder
	for i, slot := range q.slots {
		lit, err := sqlLiteral(args[slot])
		if err != nil {
			return "", fmt.Errorf("parameter $%s: %w", slot, err)
		}
		b.WriteString(q.text[i])
		b.WriteString(lit)
	}
	b.WriteString(q.text[len(q.slots)])
	return b.String(), nil
}

// sqlLiteral writes v as a DuckDB literal that reads back as v: NULL, a
// number in parentheses (so that a minus sign never meets another to make a
// comment) or a string in single quotes with each quote doubled (DuckDB reads
// no other escape in such a string). A string with a NUL or that is not UTF-8,
// a number that is not finite and any other type are refused: the query
// files' values are none of these, so one would be a defect.
func sqlLiteral(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		if !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
			return "", fmt.Errorf("a string that is not UTF-8 text or holds a NUL")
		}
		return "'" + strings.ReplaceAll(v, "'", "''") + "'", nil
	case *string:
		if v == nil {
			return "NULL", nil
		}
		return sqlLiteral(*v)
	case int:
		return "(" + strconv.Itoa(v) + ")", nil
	case int64:
		return "(" + strconv.FormatInt(v, 10) + ")", nil
	case *int64:
		if v == nil {
			return "NULL", nil
		}
		return sqlLiteral(*v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "", fmt.Errorf("a number that is not finite")
		}
		return "(" + strconv.FormatFloat(v, 'e', -1, 64) + ")", nil
	case bool:
		return strings.ToUpper(strconv.FormatBool(v)), nil
	}
	return "", fmt.Errorf("a value of type %T", v)
}
