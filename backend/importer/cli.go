package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// CLIUsage is the usage line of the import command.
const CLIUsage = "funneldesk [--db PATH] import opportunities|customers|contacts|products|leads FILE [--on-duplicate update|skip|create] " +
	"[--default-owner NAME] [--stage-map \"A=初期沟通,B=new:40\"] [--create-stages] [--date-order mdy|dmy|ymd]\n" +
	"       funneldesk [--db PATH] import history\n" +
	"       funneldesk [--db PATH] import undo ID [--others]\n" +
	"       funneldesk import --help"

// CLIHelp is what `import --help` prints: every kind, flag and subcommand.
const CLIHelp = `Import a CSV, tab-separated text, XLSX or XLS file into FunnelDesk, all rows or none.

Usage:
  funneldesk [--db PATH] import KIND FILE [flags]
  funneldesk [--db PATH] import history
  funneldesk [--db PATH] import undo ID [--others]

Kinds:
  opportunities  销售机会: Chinese or English headers, and the exports of Odoo, SuiteCRM, EspoCRM,
                 WukongCRM, Pipedrive, Salesforce and HubSpot as they are
  customers      客户, with one contact per row when the file has one (客户名称 + 联系人 + 手机)
  contacts       联系人, each naming its customer (客户名称 / Account Name); missing customers are created
  products       产品, found again by their code (产品编码 / SKU)
  leads          线索: 线索名称 / Lead Name, 公司名称, 联系人, 电话, 邮箱, 线索来源, 负责人, 状态, 备注, 无效原因

Records that exist already are found by their natural key (查重): a customer by its normalized
name (华强电子 = 华强电子有限公司), phone or email; a contact among its customer's contacts by its
phone, else its email, else its name - but a contact of the same name whose phone and email
both differ (both given on both sides) is another person, a new contact; a product by its code;
an opportunity by its external ID, else name + customer + close date; a lead by its phone, else
its email, else (a row with neither) name + company + contact person.
Rows of one file are matched among themselves the same way: a row that finds an earlier row's
record is merged into it (合并): its non-empty cells win (an opportunity row replaces the whole
record, empty cells included), and each value of an earlier row it replaces is noted. Every row
is counted once: new + updated + skipped + merged = the rows of the file. With skip, a row of a
record there was is skipped, its repeats too.
An import never changes the status of a converted lead.
Importing a file twice leaves the same records as importing it once.

Flags:
  --on-duplicate update|skip|create
                 what a row matching an existing record does (default update). For a customer
                 file, give its contacts their own choice: --on-duplicate customers=update,contacts=skip.
                 Products cannot be created twice (codes are unique): update or skip.
  --default-owner NAME
                 owner of the new records whose owner cell is empty (created when missing);
                 default: the first active owner by name, else a new owner "admin"
  --stage-map "A=初期沟通,B=new:40"
                 opportunities: map the file's stage A onto our stage 初期沟通, create B at 40%
  --create-stages
                 opportunities: create every open stage of the file not named like one of ours
  --date-order mdy|dmy|ymd
                 how to read dates like 03/04/2025 when the file does not decide it
  --others       undo: keep the records changed since the import and undo the rest
  -h, --help     this help

Subcommands:
  history        list the recorded imports: id, time, kind, file, counts
  undo ID        remove what import ID added and restore what it updated; refused, naming them,
                 when records were changed since (then --others undoes the rest)

On success one summary line goes to stdout (the new / updated / skipped / merged counts), then
each value a merged row replaced goes to stderr, one "note:" line each (row, field, the earlier
value and its row, the value kept; the import is done, exit 0); on bad rows every problem goes
to stderr, one per line (row, column, value, why), and nothing is written.
Exit codes: 0 done, 1 refused (nothing written), 2 bad arguments.
`

// WantsHelp reports whether the import command's arguments ask for help
// (answered without opening the database).
func WantsHelp(args []string) bool {
	if len(args) == 0 {
		return true
	}
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return args[0] == "help"
}

// RunCLI runs `import KIND FILE [flags]`, `import history` and
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
		if a == "help" && len(rest) == 0 {
			a = "--help"
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "h", "help":
			fmt.Fprint(stdout, CLIHelp)
			return 0
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
			if n := UnchangedOf(im); n > 0 {
				state = fmt.Sprintf(", %d unchanged", n)
			}
			if im.UndoneAt != "" {
				state += " (undone " + im.UndoneAt + ")"
			}
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\t%d new, %d updated, %d skipped, %d merged%s\n", im.ID, im.CreatedAt, im.Kind, im.FileName,
				im.Added, im.Updated, im.Skipped, MergedOf(im), state)
		}
		return 0
	case len(rest) == 2 && rest[0] == "undo":
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "usage: %s\n", CLIUsage)
			return 2
		}
		progress, done := terminalProgress(stderr, "undoing: %s / %s records")
		res, err := undoImport(ctx, st, id, others, progress)
		done()
		if err != nil {
			return cliFail(stderr, err)
		}
		fmt.Fprintf(stdout, "undid import %d (%d records changed since kept)\n", id, len(res.Kept))
		return 0
	case len(rest) != 2 || kindFields(rest[0]) == nil || rest[0] == "":
		fmt.Fprintf(stderr, "usage: %s\n", CLIUsage)
		return 2
	}
	kind := rest[0]
	if d, ok := parseDupFlag(opts.OnDuplicate); ok {
		bad := false
		for k := range d {
			bad = bad || kindFields(k) == nil || k == ""
		}
		if !bad {
			opts.OnDuplicate, opts.OnDuplicateContacts = d[kind], d[KindContacts]
			if kind == KindContacts {
				opts.OnDuplicateContacts = ""
			}
		}
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
	var done func()
	opts.Progress, done = terminalProgress(stderr, "importing: %s / %s rows")
	res, err := ImportKind(ctx, st, kind, src, opts)
	done()
	if err != nil {
		return cliFail(stderr, err)
	}
	if len(res.Ignored) > 0 {
		fmt.Fprintf(stderr, "note: ignored columns: %s\n", strings.Join(res.Ignored, ", "))
	}
	fmt.Fprintln(stdout, Summary(res, file))
	// The import is done; what rows of one record replaced is said, never
	// done silently.
	for _, n := range res.Notes {
		fmt.Fprintln(stderr, "note:", n.Message, "/", n.MessageEn)
	}
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
	if res.Format == "xlsx" || res.Format == "xls" {
		enc = strings.ToUpper(res.Format)
	}
	if res.Kind != "" && res.Kind != KindOpportunities {
		s := entitiesSummary(msg.En, res) + " from " + file + " [" + enc + "]"
		if res.OwnersCreated > 0 {
			s += "; " + plural(res.OwnersCreated, "new owner", "new owners")
		}
		return s
	}
	s := fmt.Sprintf("imported %s (%s, %s) from %s [%s]", plural(res.Opportunities, "opportunity", "opportunities"),
		plural(res.CustomersCreated, "new customer", "new customers"), plural(res.OwnersCreated, "new owner", "new owners"),
		file, enc)
	if res.Updated > 0 || res.Skipped > 0 || res.Merged > 0 || res.Unchanged > 0 {
		s += fmt.Sprintf("; %d new, %d updated, %d skipped, %d merged", res.Added, res.Updated, res.Skipped, res.Merged)
	}
	if res.Unchanged > 0 {
		s += fmt.Sprintf("; %d unchanged (the same as their records: not written)", res.Unchanged)
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

// terminalProgress shows how far a long command is (rows imported,
// records undone: line, with the two figures grouped, e.g. "importing: %s
// / %s rows") on one line of stderr, once a second, when stderr is a
// terminal: a million rows take minutes, and a silent command looks hung.
// Scripts and pipes see nothing of it (progress is then nil). done clears
// the line.
func terminalProgress(stderr io.Writer, line string) (progress func(n, total int), done func()) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil, func() {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil, func() {}
	}
	var mu sync.Mutex
	last, shown, stopped := time.Now(), false, false
	progress = func(n, total int) {
		mu.Lock()
		defer mu.Unlock()
		if stopped || time.Since(last) < time.Second {
			return
		}
		last, shown = time.Now(), true
		fmt.Fprintf(f, "\r"+line+" ", money.Group(int64(n)), money.Group(int64(total)))
	}
	return progress, func() {
		mu.Lock()
		defer mu.Unlock()
		if shown {
			fmt.Fprint(f, "\r\033[K")
		}
		stopped = true
	}
}

// parseDupFlag reads "customers=update,contacts=skip" (ok false for a
// plain choice such as "update").
func parseDupFlag(s string) (map[string]string, bool) {
	if !strings.Contains(s, "=") {
		return nil, false
	}
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			out[""] = part // refused by the choice check
			continue
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return out, true
}
