package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"

	// Reports register themselves with the frame.
	_ "funneldesk/backend/target"
)

// reportUsage is `funneldesk report --help`: the shared flags, then each
// registered report with its own flags.
func reportUsage() string {
	var b strings.Builder
	b.WriteString(`Usage: funneldesk [--db PATH] report NAME [filters] (--json | --csv FILE | --xlsx FILE | --png FILE [--size screen|print])

Filters (every report):
  --period P        2026, 2026-03, 2026Q1, 2026-03-05 or 2026-01-01..2026-03-31
  --from D --to D   the period's first and last day (YYYY-MM-DD), instead of --period
  --owner O         an owner's name or id; repeat or separate with commas for several
  --team T          a team's name or id (its members and sub-teams' members)
  --type T          opportunity type
  --source S        opportunity source
  --lang zh-CN|en   language of the CSV/XLSX/PNG (default zh-CN)
  --clock TIME      test aid: the time the report reads as now (RFC 3339, YYYY-MM-DD or +OFFSET)

--json prints {"report": NAME, "filters": {...}, "result": ...}; the README documents each result.

Reports:
`)
	for _, s := range reportframe.Specs() {
		fmt.Fprintf(&b, "  %-14s %s\n", s.Name, s.Summary)
		for _, f := range s.Flags {
			def := ""
			if f.Default != "" {
				def = " (default " + f.Default + ")"
			}
			fmt.Fprintf(&b, "      --%-12s %s%s\n", f.Name, f.Usage, def)
		}
	}
	return b.String()
}

// multi is a repeatable flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// runReport runs `report NAME ...`: it checks the filters as the screens do,
// computes the report and prints or writes it.
func runReport(st *store.Store, args []string, env Env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		out := env.Stdout
		if len(args) == 0 {
			out = env.Stderr
		}
		fmt.Fprint(out, reportUsage())
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	spec, err := reportframe.Lookup(args[0])
	if err != nil {
		return fail(env, err)
	}
	fl := flag.NewFlagSet("report "+spec.Name, flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprint(env.Stderr, reportUsage()) }
	period := fl.String("period", "", "")
	from := fl.String("from", "", "")
	to := fl.String("to", "", "")
	var owners multi
	fl.Var(&owners, "owner", "")
	teamSpec := fl.String("team", "", "")
	typ := fl.String("type", "", "")
	source := fl.String("source", "", "")
	lang := fl.String("lang", "zh-CN", "")
	clockSpec := fl.String("clock", "", "")
	asJSON := fl.Bool("json", false, "")
	csvFile := fl.String("csv", "", "")
	xlsxFile := fl.String("xlsx", "", "")
	pngFile := fl.String("png", "", "")
	size := fl.String("size", "screen", "")
	own := map[string]*string{}
	for _, f := range spec.Flags {
		if fl.Lookup(f.Name) != nil {
			continue // a report's --from/--to are the shared ones
		}
		own[f.Name] = fl.String(f.Name, f.Default, f.Usage)
	}
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "unexpected argument %q\n\n%s", fl.Arg(0), reportUsage())
		return 2
	}
	if !*asJSON && *csvFile == "" && *xlsxFile == "" && *pngFile == "" {
		fmt.Fprint(env.Stderr, "say what to produce: --json, --csv FILE, --xlsx FILE or --png FILE\n\n"+reportUsage())
		return 2
	}
	if _, _, err := reportframe.ChartSize(*size); err != nil {
		return fail(env, err)
	}
	clock, err := svc.ParseClock(*clockSpec)
	if err != nil {
		return fail(env, err)
	}
	if *clockSpec != "" {
		store.SetClock(clock)
		defer store.SetClock(nil)
	}
	ctx := context.Background()
	f := reportframe.Filters{From: *from, To: *to, Type: *typ, Source: *source}
	if *period != "" {
		if f.From, f.To, err = reportframe.Period(*period); err != nil {
			return fail(env, err)
		}
	}
	if f.OwnerIDs, err = ownerIDs(ctx, st, owners); err != nil {
		return fail(env, err)
	}
	if *teamSpec != "" {
		if f.TeamID, err = teamID(ctx, st, *teamSpec); err != nil {
			return fail(env, err)
		}
	}
	sc, err := reportframe.Check(ctx, st.DB, f)
	if err != nil {
		return fail(env, err)
	}
	opts := map[string]string{}
	for k, v := range own {
		opts[k] = *v
	}
	// The period as resolved (from --period or --from/--to), for reports
	// that read it as two dates (changes: the funnel at A and at B).
	opts["from"], opts["to"] = sc.From, sc.To
	res, err := spec.Run(ctx, st, svc.New(clock), sc, opts)
	if err != nil {
		return fail(env, err)
	}
	l := msg.Lang(*lang)
	if l != msg.En {
		l = msg.Zh
	}
	for _, out := range []struct{ file, format string }{{*csvFile, reportframe.CSV}, {*xlsxFile, reportframe.XLSX}, {*pngFile, pngFormat(*size)}} {
		if out.file == "" {
			continue
		}
		if err := writeReport(out.file, out.format, res, sc, l); err != nil {
			return fail(env, err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"report": spec.Name, "filters": jsonFilters(sc), "result": res.JSON}); err != nil {
			return fail(env, err)
		}
	}
	return 0
}

func pngFormat(size string) string {
	if size == "print" {
		return reportframe.PNGPrint
	}
	return reportframe.PNG
}

// writeReport writes the file whole or not at all: a temporary file beside
// it, renamed once complete.
func writeReport(path, format string, res reportframe.Result, sc reportframe.Scope, lang msg.Lang) error {
	var buf bytes.Buffer
	if err := reportframe.Write(&buf, format, res, sc, lang); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// jsonFilters is the scope as --json prints it: what was asked, and the
// owners it came to.
func jsonFilters(sc reportframe.Scope) map[string]any {
	owners := any(sc.Owners)
	if sc.AllOwners {
		owners = "all"
	}
	ids := sc.OwnerIDs
	if ids == nil {
		ids = []int64{}
	}
	return map[string]any{"from": sc.From, "to": sc.To, "ownerIds": ids, "teamId": sc.TeamID,
		"type": sc.Type, "source": sc.Source, "owners": owners}
}

// ownerIDs resolves --owner values (names or ids, comma-separated).
func ownerIDs(ctx context.Context, st *store.Store, specs []string) ([]int64, error) {
	var ids []int64
	for _, s := range specs {
		for _, v := range strings.Split(s, ",") {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			o, err := store.OwnerByName(ctx, st.DB, v)
			if errors.Is(err, store.ErrNotFound) {
				if id, perr := strconv.ParseInt(v, 10, 64); perr == nil {
					if o, err = store.GetOwner(ctx, st.DB, id); err == nil {
						ids = append(ids, o.ID)
						continue
					}
				}
				return nil, apperr.NotFound("owner", msg.ReportOwnerUnknown, msg.P{"value": v})
			}
			if err != nil {
				return nil, err
			}
			ids = append(ids, o.ID)
		}
	}
	return ids, nil
}

// teamID resolves --team (a name or an id).
func teamID(ctx context.Context, st *store.Store, v string) (int64, error) {
	teams, err := store.ListTeams(ctx, st.DB)
	if err != nil {
		return 0, err
	}
	for _, t := range teams {
		if t.Name == strings.TrimSpace(v) || strconv.FormatInt(t.ID, 10) == strings.TrimSpace(v) {
			return t.ID, nil
		}
	}
	return 0, apperr.NotFound("team", msg.ReportTeamUnknown, msg.P{"value": v})
}
