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
const CLIUsage = "funneldesk [--db PATH] import opportunities FILE [--default-owner NAME] [--stage-map \"A=初期沟通,B=new:40\"] " +
	"[--create-stages] [--date-order mdy|dmy|ymd] [--on-duplicate update|skip|create]\n" +
	"       funneldesk [--db PATH] import history\n" +
	"       funneldesk [--db PATH] import undo ID [--others]"

// RunCLI runs `import opportunities FILE [flags]`, `import history` and
// `import undo ID` (args start after "import") and returns the exit code:
// 0 with a one-line summary on stdout, 1 with every problem on stderr, one
// per line, and the database unchanged, 2 for bad arguments.
func RunCLI(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) int {
	var opts Options
	var stageMap string
	others := false
	var rest []string
	valued := map[string]*string{"default-owner": &opts.DefaultOwner, "stage-map": &stageMap, "date-order": &opts.DateOrder,
		"on-duplicate": &opts.OnDuplicate}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "create-stages":
			opts.CreateStages = true
			continue
		case "others":
			others = true
			continue
		}
		dst, ok := valued[name]
		if !ok {
			fmt.Fprintf(stderr, "error: unknown option %s\nusage: %s\n", a, CLIUsage)
			return 2
		}
		if !hasVal {
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "error: --%s needs a value\n", name)
				return 2
			}
			i++
			val = args[i]
		}
		*dst = val
	}
	switch {
	case len(rest) == 1 && rest[0] == "history":
		list, err := store.ListImports(ctx, st.DB)
		if err != nil {
			return cliFail(stderr, err)
		}
		for _, im := range list {
			state := ""
			if im.UndoneAt != "" {
				state = " (undone " + im.UndoneAt + ")"
			}
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\t%d new, %d updated, %d skipped%s\n", im.ID, im.CreatedAt, im.Kind, im.FileName,
				im.Added, im.Updated, im.Skipped, state)
		}
		return 0
	case len(rest) == 2 && rest[0] == "undo":
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "usage: %s\n", CLIUsage)
			return 2
		}
		res, err := UndoImport(ctx, st, id, others)
		if err != nil {
			return cliFail(stderr, err)
		}
		fmt.Fprintf(stdout, "undid import %d (%d records changed since kept)\n", id, len(res.Kept))
		return 0
	case len(rest) != 2 || rest[0] != "opportunities":
		fmt.Fprintf(stderr, "usage: %s\n", CLIUsage)
		return 2
	}
	file := rest[1]
	if stageMap != "" {
		m, err := ParseStageMap(stageMap)
		if err != nil {
			return cliFail(stderr, err)
		}
		opts.StageMap = m
	}
	src, err := FileSource(file)
	if err != nil {
		return cliFail(stderr, err)
	}
	opts.FileName = src.Name
	res, err := Import(ctx, st, src, opts)
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
	s := fmt.Sprintf("imported %s (%s, %s) from %s [%s]", plural(res.Opportunities, "opportunity", "opportunities"),
		plural(res.CustomersCreated, "new customer", "new customers"), plural(res.OwnersCreated, "new owner", "new owners"),
		file, enc)
	if res.Updated > 0 || res.Skipped > 0 {
		s += fmt.Sprintf("; %d new, %d updated, %d skipped", res.Added, res.Updated, res.Skipped)
	}
	if res.Source != "" {
		s += "; from " + CRMName(res.Source)
	}
	if len(res.StagesMapped) > 0 {
		s += "; stages mapped: " + strings.Join(res.StagesMapped, ", ")
	}
	if len(res.StagesCreated) > 0 {
		s += "; stages created: " + strings.Join(res.StagesCreated, ", ")
	}
	if len(res.TypesAdded) > 0 {
		s += "; types added: " + strings.Join(res.TypesAdded, ", ")
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func asRowErrors(err error, target **RowErrors) bool { return errors.As(err, target) }

func itoa(n int) string { return strconv.Itoa(n) }
