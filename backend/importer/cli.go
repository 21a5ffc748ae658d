package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
)

// CLIUsage is the usage line of the import command.
const CLIUsage = "funneldesk [--db PATH] import opportunities FILE [--default-owner NAME]"

// RunCLI runs `import opportunities FILE [--default-owner NAME]` (args
// start after "import") and returns the exit code: 0 with a one-line
// summary on stdout, 1 with every problem on stderr, one per line, and the
// database unchanged, 2 for bad arguments.
func RunCLI(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) int {
	var file, defaultOwner string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--default-owner" || a == "-default-owner":
			if i+1 >= len(args) {
				fmt.Fprintln(stderr, "error: --default-owner needs a name")
				return 2
			}
			i++
			defaultOwner = args[i]
		case strings.HasPrefix(a, "--default-owner=") || strings.HasPrefix(a, "-default-owner="):
			_, defaultOwner, _ = strings.Cut(a, "=")
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "error: unknown option %s\nusage: %s\n", a, CLIUsage)
			return 2
		default:
			rest = append(rest, a)
		}
	}
	if len(rest) != 2 || rest[0] != "opportunities" {
		fmt.Fprintf(stderr, "usage: %s\n", CLIUsage)
		return 2
	}
	file = rest[1]
	src, err := FileSource(file)
	if err != nil {
		return cliFail(stderr, err)
	}
	res, err := Import(ctx, st, src, Options{DefaultOwner: defaultOwner})
	if err != nil {
		return cliFail(stderr, err)
	}
	if len(res.Ignored) > 0 {
		fmt.Fprintf(stderr, "note: ignored columns: %s\n", strings.Join(res.Ignored, ", "))
	}
	fmt.Fprintln(stdout, Summary(res, file))
	return 0
}

func cliFail(stderr io.Writer, err error) int {
	var rowErrs *RowErrors
	if asRowErrors(err, &rowErrs) {
		for _, e := range rowErrs.Errors {
			fmt.Fprintln(stderr, FormatRowError(e))
		}
		return 1
	}
	if e, ok := apperr.As(err); ok {
		fmt.Fprintln(stderr, "error:", e.Message, "/", e.MessageEn)
		return 1
	}
	fmt.Fprintln(stderr, "error:", err)
	return 1
}

// FormatRowError writes a problem on one line: row 5, 金额: "-100": 金额不能为负数.
func FormatRowError(e RowError) string {
	return fmt.Sprintf("row %d, %s: %q: %s", e.Row, e.Column, e.Value, e.Message)
}

// Summary is the one line that tells what an import wrote:
// imported 3 opportunities (2 new customers, 1 new owner) from FILE [GB18030].
func Summary(res Result, file string) string {
	enc := res.Encoding
	if res.Format == "xlsx" {
		enc = "XLSX"
	}
	return fmt.Sprintf("imported %s (%s, %s) from %s [%s]", plural(res.Opportunities, "opportunity", "opportunities"),
		plural(res.CustomersCreated, "new customer", "new customers"), plural(res.OwnersCreated, "new owner", "new owners"),
		file, enc)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func asRowErrors(err error, target **RowErrors) bool { return errors.As(err, target) }

func itoa(n int) string { return strconv.Itoa(n) }
