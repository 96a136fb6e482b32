package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"malbild/analytics"
	"malbild/analytics/accounts"
)

// stdin is where passwords are read from; tests replace it.
var stdin io.Reader = os.Stdin

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("user", "manage accounts: add NAME --role R, passwd NAME, list, token NAME, disable NAME, enable NAME;\n"+
		"a password is read from standard input, or generated and printed once when the input is empty",
		"malbild user add kansliet --role editor < password.txt", stderr)
	role := fs.String("role", accounts.RoleViewer, "the role of a new account: viewer, editor or admin")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 || (rest[0] != "list" && len(rest) != 2) {
		fs.Usage()
		return errUsage
	}
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch rest[0] {
	case "add":
		given := readPassword()
		a, password, err := accounts.Of(store).CreateAccount(ctx, rest[1], *role, given)
		if err != nil {
			return err
		}
		accounts.Of(store).Audit(ctx, "cli", accounts.AuditAccount, fmt.Sprintf("added %s (%s)", a.Name, a.Role))
		printPassword(stdout, a.Name, given, password)
	case "passwd":
		given := readPassword()
		password, err := accounts.Of(store).SetPassword(ctx, rest[1], given)
		if err != nil {
			return err
		}
		accounts.Of(store).Audit(ctx, "cli", accounts.AuditAccount, "new password for "+rest[1]+"; its API tokens revoked")
		printPassword(stdout, rest[1], given, password)
	case "token":
		token, err := accounts.Of(store).NewAPIToken(ctx, rest[1])
		if err != nil {
			return err
		}
		accounts.Of(store).Audit(ctx, "cli", accounts.AuditAccount, "API token for "+rest[1])
		printSecret(stdout, "API token", rest[1], token)
	case "disable", "enable":
		if err := accounts.Of(store).SetDisabled(ctx, rest[1], rest[0] == "disable"); err != nil {
			return err
		}
		accounts.Of(store).Audit(ctx, "cli", accounts.AuditAccount, rest[0]+"d "+rest[1])
		fmt.Fprintf(stdout, "%sd %s\n", rest[0], rest[1])
	case "list":
		list, err := accounts.Of(store).Accounts(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "name\trole\tcreated\tdisabled")
		for _, a := range list {
			fmt.Fprintf(w, "%s\t%s\t%s\t%v\n", a.Name, a.Role, a.CreatedAt.Format("2006-01-02"), a.Disabled)
		}
		return w.Flush()
	default:
		fmt.Fprintf(stderr, "malbild user: unknown action %q\n", rest[0])
		return errUsage
	}
	return nil
}

// readPassword reads one line from standard input when it is not a
// terminal; "" lets the store generate one.
func readPassword() string {
	if f, ok := stdin.(*os.File); ok {
		if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice != 0 {
			return ""
		}
	}
	line, _ := bufio.NewReader(stdin).ReadString('\n')
	return strings.TrimRight(line, "\r\n")
}

// printSecret shows a generated secret once.
func printSecret(w io.Writer, what, name, secret string) {
	fmt.Fprintf(w, "%s for %s (shown once, store it safely): %s\n", what, name, secret)
}

// printPassword shows a generated password once; one read from standard
// input is not echoed (it would end up in a terminal's scrollback or a log).
func printPassword(w io.Writer, name, given, password string) {
	if given == "" {
		printSecret(w, "password", name, password)
		return
	}
	fmt.Fprintf(w, "password for %s set from standard input\n", name)
}
