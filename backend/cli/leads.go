package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"funneldesk/backend/importer"
	"funneldesk/backend/lead"
	"funneldesk/backend/store"
)

// runImportLeads runs `import leads FILE [--default-owner NAME]`: every row
// or none. A refused file prints each problem on its own line (row, column,
// value, message) and exits 1.
func runImportLeads(st *store.Store, args []string, env Env) int {
	fl := flag.NewFlagSet("import leads", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	def := fl.String("default-owner", "", "owner of the rows that name none (created when missing)")
	// FILE may come before the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if file == "" && fl.NArg() == 1 {
		file = fl.Arg(0)
	} else if file == "" || fl.NArg() != 0 {
		fmt.Fprintln(env.Stderr, "usage: funneldesk import leads FILE [--default-owner NAME]")
		return 2
	}
	src, err := importer.FileSource(file)
	if err != nil {
		return fail(env, err)
	}
	res, err := lead.Import(context.Background(), st, src, lead.ImportOptions{DefaultOwner: *def, FileName: src.Name})
	var rows *importer.RowErrors
	if errors.As(err, &rows) {
		for _, e := range rows.Errors {
			fmt.Fprintln(env.Stderr, importer.FormatRowError(e))
		}
		return 1
	}
	if err != nil {
		return fail(env, err)
	}
	if len(res.Ignored) > 0 {
		fmt.Fprintf(env.Stderr, "note: ignored columns: %s\n", strings.Join(res.Ignored, ", "))
	}
	enc := res.Encoding
	if res.Format == "xlsx" {
		enc = "XLSX"
	}
	fmt.Fprintf(env.Stdout, "imported %d leads (%d new owners) from %s [%s]\n", res.Leads, res.OwnersCreated, file, enc)
	return 0
}
