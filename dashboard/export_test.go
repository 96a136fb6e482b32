package dashboard

import "sort"

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
