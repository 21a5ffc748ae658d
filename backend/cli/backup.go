package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"funneldesk/backend/backup"
	"funneldesk/backend/store"
)

// runBackup writes a checked backup: to --to FILE, or into the backup
// folder the app uses. It reads beside a running FunnelDesk.
func runBackup(st *store.Store, args []string, env Env) int {
	fl := flag.NewFlagSet("backup", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	to := fl.String("to", "", "the backup file to write (default: a new file in the backup folder)")
	if err := fl.Parse(args); err != nil || fl.NArg() > 0 {
		return 2
	}
	ctx := context.Background()
	var e backup.Entry
	if *to != "" {
		abs, err := filepath.Abs(*to)
		if err != nil {
			return fail(env, err)
		}
		if err := store.WriteBackup(ctx, st.Path, abs); err != nil {
			return fail(env, err)
		}
		if e, err = backup.Describe(ctx, abs); err != nil {
			return fail(env, err)
		}
	} else {
		folder, err := backup.Folder(ctx, st.DB, backup.DefaultFolder(st.Path))
		if err != nil {
			return fail(env, err)
		}
		if e, err = backup.Write(ctx, st.Path, folder, backup.KindManual, time.Now()); err != nil {
			return fail(env, err)
		}
	}
	fmt.Fprintf(env.Stdout, "backed up to %s (%d bytes, checked)\n", e.Path, e.Size)
	printSummary(env.Stdout, e.Summary)
	return 0
}

// runRestore replaces the data with a backup once the current data is
// backed up. It needs the file's lock: with the app open it is refused.
func runRestore(st *store.Store, args []string, env Env) int {
	if len(args) != 1 {
		fmt.Fprint(env.Stderr, "usage: funneldesk [--db PATH] restore FILE\n")
		return 2
	}
	ctx := context.Background()
	folder, err := backup.Folder(ctx, st.DB, backup.DefaultFolder(st.Path))
	if err != nil {
		return fail(env, err)
	}
	r, err := backup.Restore(ctx, st, args[0], folder, time.Now())
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "restored %s into %s\n", r.From, st.Path)
	printSummary(env.Stdout, &r.Summary)
	fmt.Fprintf(env.Stdout, "the data it replaced is in %s\n", r.Before.Path)
	return 0
}

func printSummary(w io.Writer, s *store.BackupSummary) {
	if s == nil {
		return
	}
	fmt.Fprintf(w, "schema %d: %d customers, %d contacts, %d opportunities, %d products, %d quotes, %d orders\n",
		s.Schema, s.Customers, s.Contacts, s.Opportunities, s.Products, s.Quotes, s.Orders)
}
