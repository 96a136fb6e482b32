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
)

// settingKeys are the keys Setting and SetSetting accept.
var settingKeys = map[string]bool{SettingAssociation: true}

// SettingKeys lists the keys a setting may have, for the interfaces' help.
func SettingKeys() []string { return []string{SettingAssociation} }

// maxSettingLength bounds a value: a name on a report, not a document.
const maxSettingLength = 200

// Setting is the value of key; "" when it has none. An unknown key is
// EInvalid.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	if !settingKeys[key] {
		return "", unknownSetting(key)
	}
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, store.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting stores value (trimmed) for key, dated by the store's clock; an
// empty value removes the setting so that its default applies again. An
// unknown key, a value longer than 200 characters or one with a line break
// is EInvalid.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if !settingKeys[key] {
		return unknownSetting(key)
	}
	value = strings.TrimSpace(value)
	if utf8.RuneCountInString(value) > maxSettingLength {
		return Keyed(EInvalid, "invalid.setting.long", key, maxSettingLength)
	}
	if strings.ContainsAny(value, "\r\n") {
		return Keyed(EInvalid, "invalid.setting.lines", key)
	}
	return s.Serialized(func() error {
		if value == "" {
			_, err := s.db.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
			return err
		}
		_, err := s.db.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			key, value, s.Now())
		return err
	})
}

func unknownSetting(key string) error {
	return Keyed(EInvalid, "invalid.setting.unknown", key, strings.Join(SettingKeys(), ", "))
}
