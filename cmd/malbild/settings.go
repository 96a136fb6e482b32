package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"malbild/analytics"
	"malbild/analytics/accounts"
)

// runSettings reads and changes the settings the admin page edits:
// `settings` lists them, `settings get KEY` prints one, `settings set KEY
// VALUE` stores one (an empty VALUE removes it, so its default applies).
func runSettings(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("settings", "show or change a setting: get KEY, set KEY VALUE, or no action to list them;\n"+
		"keys: "+strings.Join(analytics.SettingKeys(), ", ")+" (the association's name on the annual meeting report;\n"+
		"the budget's reporting rule: an overrun of at least this percent or this many prisbasbelopp)",
		`malbild settings set association_name "Föreningen Sambruk"`, stderr)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	wantArgs := map[string]int{"": 0, "list": 1, "get": 2, "set": 3}
	action := ""
	if len(rest) > 0 {
		action = rest[0]
	}
	if n, ok := wantArgs[action]; !ok || n != len(rest) && action != "" {
		fs.Usage()
		return errUsage
	}
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch action {
	case "get":
		v, err := store.Setting(ctx, rest[1])
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, v)
	case "set":
		if err := store.SetSetting(ctx, rest[1], rest[2]); err != nil {
			return err
		}
		accounts.Of(store).Audit(ctx, "cli", accounts.AuditSettings, "set "+rest[1])
		fmt.Fprintf(stdout, "set %s\n", rest[1])
	default:
		for _, key := range analytics.SettingKeys() {
			v, err := store.Setting(ctx, key)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s=%s\n", key, v)
		}
	}
	return nil
}
