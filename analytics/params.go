package analytics

import (
	"slices"
	"strconv"
	"strings"
)

// Params are a metric's parameters as the office writes them in a goal's
// Parameter column ("n=20", "kind=kommun"): names and values as text.
type Params map[string]string

// ParseParams reads "n=20,kind=kommun": comma-separated name=value pairs,
// spaces around names and values ignored; "" gives no parameters. A pair
// without "=", an empty name or a name given twice is EInvalid.
func ParseParams(s string) (Params, error) {
	p := Params{}
	for _, pair := range strings.Split(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		name, value, ok := strings.Cut(pair, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" {
			return nil, Keyed(EInvalid, "invalid.param.syntax", strings.TrimSpace(pair))
		}
		if _, dup := p[name]; dup {
			return nil, Keyed(EInvalid, "invalid.param.twice", name)
		}
		p[name] = value
	}
	return p, nil
}

// String writes the parameters back as "kind=kommun,n=20", names in order.
func (p Params) String() string {
	names := make([]string, 0, len(p))
	for name := range p {
		names = append(names, name)
	}
	slices.Sort(names)
	for i, name := range names {
		names[i] = name + "=" + p[name]
	}
	return strings.Join(names, ",")
}

// defaultNetworkSize is n of networks_min_participants when not given (DESIGN).
const defaultNetworkSize = 20

// bindParams checks p against what metric m accepts and returns the values
// its query binds, defaults filled in. Anything else is EInvalid.
func (m MetricInfo) bindParams(p Params) (map[string]any, error) {
	args := map[string]any{}
	for name := range p {
		if !slices.Contains(m.Params, name) {
			if len(m.Params) == 0 {
				return nil, Keyed(EInvalid, "invalid.param.none", m.Key, name)
			}
			return nil, Keyed(EInvalid, "invalid.param.other", m.Key, strings.Join(m.Params, ", "), name)
		}
	}
	for _, name := range m.Params {
		value, given := p[name]
		switch name {
		case "kind":
			if !given || value == "" {
				args["kind"] = nil
				continue
			}
			if !slices.Contains(memberKinds, value) {
				return nil, Keyed(EInvalid, "invalid.param.kind", value, strings.Join(memberKinds, ", "))
			}
			args["kind"] = value
		case "n":
			if !given || value == "" {
				args["n"] = defaultNetworkSize
				continue
			}
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return nil, Keyed(EInvalid, "invalid.param.n", value)
			}
			args["n"] = n
		case "group", "category":
			// A budget line's name as the office writes it; a name the
			// year's budget lacks measures nothing (null), as a goal may be
			// set before its year's budget is.
			if !given || value == "" {
				args[name] = nil
				continue
			}
			if len(value) > maxBudgetNameLength || strings.ContainsAny(value, "\x00\r\n") {
				return nil, Keyed(EInvalid, "invalid.param.budget_name", name, maxBudgetNameLength)
			}
			args[name] = value
		case "service":
			// benefit_realised: the benefits of the service with this name;
			// a name no service has gives no benefits (null), as an unknown
			// kind gives no members.
			if !given || value == "" {
				args["service"] = nil
				continue
			}
			args["service"] = value
		}
	}
	return args, nil
}

// maxBudgetNameLength bounds a group's or category's name in a parameter.
const maxBudgetNameLength = 200

// memberKinds are the kinds of member, in the order pages list them.
var memberKinds = []string{KindKommun, KindRegion, KindKommunalforbund, KindOvrig}
