package analytics

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"malbild/analytics/store"
)

// Setting keys the application knows.
const (
	// SettingAssociation is the association's name on the annual meeting
	// report; without it the export's own fallback is used.
	SettingAssociation = "association_name"
	// SettingBudgetPercent and SettingBudgetPBBMultiple are the budget's
	// reporting rule (budgetrule.go).
	SettingBudgetPercent     = "budget_rule_percent"
	SettingBudgetPBBMultiple = "budget_rule_pbb_multiple"
)

// settingKeys are the keys Setting and SetSetting accept.
var settingKeys = map[string]bool{SettingAssociation: true, SettingBudgetPercent: true, SettingBudgetPBBMultiple: true}

// SettingKeys lists the keys a setting may have, for the interfaces' help.
func SettingKeys() []string {
	return []string{SettingAssociation, SettingBudgetPercent, SettingBudgetPBBMultiple}
}

// maxSettingLength bounds a value: a name on a report, not a document.
const maxSettingLength = 200

// Setting is the value of key; "" when it has none. An unknown key is
// EInvalid.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	if !settingKeys[key] {
		return "", unknownSetting(key)
	}
	// Once per state of the data inside WithDayValues (keptRead).
	return keptRead(ctx, readKey("setting", key, nil), func() (string, error) {
		var v string
		err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
		if errors.Is(err, store.ErrNoRows) {
			return "", nil
		}
		return v, err
	})
}

// SetSetting stores value (trimmed) for key, dated by the store's clock; an
// empty value removes the setting so that its default applies again. An
// unknown key, a value longer than 200 characters or one with a line break,
// or a value its setting's check refuses (settingChecks) is EInvalid.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.SetSettings(ctx, [][2]string{{key, value}})
}

// SetSettings stores several settings as SetSetting does, all or none: a
// bad value of any is EInvalid and changes nothing.
func (s *Store) SetSettings(ctx context.Context, settings [][2]string) error {
	values := make([]string, len(settings))
	for i, kv := range settings {
		v, err := checkSetting(kv[0], kv[1])
		if err != nil {
			return err
		}
		values[i] = v
	}
	return s.Write(ctx, func(tx *store.Tx) error {
		for i, kv := range settings {
			if values[i] == "" {
				if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, kv[0]); err != nil {
					return err
				}
				continue
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
				kv[0], values[i], s.Now())
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// checkSetting checks a value for key and returns it as stored.
func checkSetting(key, value string) (string, error) {
	if !settingKeys[key] {
		return "", unknownSetting(key)
	}
	value = strings.TrimSpace(value)
	if utf8.RuneCountInString(value) > maxSettingLength {
		return "", Keyed(EInvalid, "invalid.setting.long", key, maxSettingLength)
	}
	if strings.ContainsAny(value, "\r\n") {
		return "", Keyed(EInvalid, "invalid.setting.lines", key)
	}
	if check := settingChecks[key]; check != nil && value != "" {
		return check(value)
	}
	return value, nil
}

func unknownSetting(key string) error {
	return Keyed(EInvalid, "invalid.setting.unknown", key, strings.Join(SettingKeys(), ", "))
}
