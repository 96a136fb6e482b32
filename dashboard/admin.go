package dashboard

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

type adminPage struct {
	Accounts []accounts.Account
	Tokens   []accounts.APIToken
	// Secret is a password or token shown once, right after it was made.
	Secret, SecretFor string
	Message, Notice   string
	Association       string // the setting, for the settings form (settings.go)
	BudgetRule        budgetRuleForm
}

// admin lists the accounts and API tokens, with forms to change them.
func (s *Server) admin(c *fiber.Ctx) error {
	return s.renderAdmin(c, adminPage{})
}

func (s *Server) renderAdmin(c *fiber.Ctx, data adminPage) error {
	var err error
	if data.Accounts, err = accounts.Of(s.store).Accounts(c.UserContext()); err != nil {
		return err
	}
	if data.Tokens, err = accounts.Of(s.store).APITokens(c.UserContext()); err != nil {
		return err
	}
	if data.Association, err = s.store.Setting(c.UserContext(), analytics.SettingAssociation); err != nil {
		return err
	}
	if data.BudgetRule, err = s.budgetRuleForm(c); err != nil {
		return err
	}
	return s.render(c, "admin", locale.Text(lang(c), "admin.title"), data)
}

// addAccount creates an account with a generated password, shown once.
func (s *Server) addAccount(c *fiber.Ctx) error {
	name, role := c.FormValue("name"), c.FormValue("role")
	a, password, err := accounts.Of(s.store).CreateAccount(c.UserContext(), name, role, "")
	if analytics.ErrorCode(err) == analytics.EInvalid {
		c.Status(fiber.StatusBadRequest)
		return s.renderAdmin(c, adminPage{Message: analytics.ErrorText(lang(c), err)})
	}
	if err != nil {
		return err
	}
	s.audit(c, actor(c), accounts.AuditAccount, fmt.Sprintf("added %s (%s)", a.Name, a.Role))
	return s.renderAdmin(c, adminPage{Secret: password, SecretFor: a.Name})
}

// resetPassword gives an account a new generated password, shown once, and
// ends its sessions.
func (s *Server) resetPassword(c *fiber.Ctx) error {
	name := c.Params("name")
	password, err := accounts.Of(s.store).SetPassword(c.UserContext(), name, "")
	if err != nil {
		return err
	}
	s.audit(c, actor(c), accounts.AuditAccount, "new password for "+name)
	return s.renderAdmin(c, adminPage{Secret: password, SecretFor: name})
}

// setDisabled disables or enables an account; an admin cannot lock itself out.
func (s *Server) setDisabled(c *fiber.Ctx) error {
	name, disable := c.Params("name"), c.FormValue("disabled") == "true"
	if disable && name == actor(c) {
		c.Status(fiber.StatusBadRequest)
		return s.renderAdmin(c, adminPage{Message: locale.Text(lang(c), "admin.self")})
	}
	if err := accounts.Of(s.store).SetDisabled(c.UserContext(), name, disable); err != nil {
		return err
	}
	verb := "enabled "
	if disable {
		verb = "disabled "
	}
	s.audit(c, actor(c), accounts.AuditAccount, verb+name)
	return redirect(c, "/admin")
}

// addToken makes an API token for an account, shown once.
func (s *Server) addToken(c *fiber.Ctx) error {
	name := c.FormValue("name")
	token, err := accounts.Of(s.store).NewAPIToken(c.UserContext(), name)
	if err != nil {
		return err
	}
	s.audit(c, actor(c), accounts.AuditAccount, "API token for "+name)
	return s.renderAdmin(c, adminPage{Secret: token, SecretFor: name})
}

func (s *Server) revokeToken(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	if err := accounts.Of(s.store).RevokeAPIToken(c.UserContext(), id); err != nil {
		return err
	}
	s.audit(c, actor(c), accounts.AuditAccount, fmt.Sprintf("revoked API token %d", id))
	return redirect(c, "/admin")
}

// auditLog shows the newest entries of the audit log.
func (s *Server) auditLog(c *fiber.Ctx) error {
	entries, err := accounts.Of(s.store).AuditLog(c.UserContext(), 500)
	if err != nil {
		return err
	}
	return s.render(c, "audit", locale.Text(lang(c), "audit.title"), entries)
}

// backup writes a backup of the running database into the backup folder,
// keeping the newest ones: the admin's button.
func (s *Server) backup(c *fiber.Ctx) error {
	if s.backupDir == "" {
		c.Status(fiber.StatusConflict)
		return s.renderAdmin(c, adminPage{Message: locale.Text(lang(c), "admin.backup.off")})
	}
	dir, err := s.store.BackupRotating(c.UserContext(), s.backupDir, s.keepBackups)
	if err != nil {
		return err
	}
	s.audit(c, actor(c), accounts.AuditBackup, dir)
	return s.renderAdmin(c, adminPage{Notice: locale.Text(lang(c), "admin.backup.done", dir)})
}

// backupBeforeImport keeps a copy of the database from just before an import
// commit, so that even an undo gone wrong can be recovered from.
func (s *Server) backupBeforeImport(c *fiber.Ctx) error {
	if s.backupDir == "" {
		return nil
	}
	dir, err := s.store.BackupRotating(c.UserContext(), s.backupDir, s.keepBackups)
	if err != nil {
		return fmt.Errorf("backup before import: %w", err)
	}
	s.log.Info("backup before import", "dir", dir)
	return nil
}
