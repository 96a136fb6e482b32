package export

// The name of the benefit register's metric (DESIGN "Benefits") where the
// workbooks name metrics: a goal's metric in the report and the template's
// list of metrics.
func init() {
	if _, ok := texts["m.benefit_realised"]; !ok {
		texts["m.benefit_realised"] = [2]string{"Realiserad nytta (kr)", "Realised benefit (SEK)"}
	}
}
