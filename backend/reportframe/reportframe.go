// Package reportframe is what every analysis report shares (targets,
// owner/team/customer/source analysis, conversion, time in stage, forecast,
// pipeline changes, lead conversion): the filters a manager sets — period,
// owners or a team, opportunity type, source — checked the same way and
// worded the same way on screen and in every export; one path that writes a
// report as CSV, XLSX or PNG (screen or A4 print size); and the registry the
// command line's `funneldesk report NAME` reads.
//
// A report package computes its own typed answer (what the bound call
// returns and what `--json` prints, documented in the README) and wraps it
// in a Result: the same answer as a table for CSV/XLSX and as a chart.
package reportframe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// Filters are the filters every report takes. From and To (YYYY-MM-DD,
// both inclusive; either may be open) bound the period each report defines
// on its screen (created, won, signed …). OwnerIDs and TeamID narrow the
// salespeople: with both, the owners of the team that are also chosen.
// Type and Source are the opportunity's type and source ("" = all).
type Filters struct {
	From     string  `json:"from"`
	To       string  `json:"to"`
	OwnerIDs []int64 `json:"ownerIds"`
	TeamID   int64   `json:"teamId"`
	Type     string  `json:"type"`
	Source   string  `json:"source"`
}

// Scope is Filters checked: the dates as the user typed them (never
// corrected), the owners resolved, and the words that describe them.
type Scope struct {
	Filters
	// AllOwners is true when neither owners nor a team narrow the report;
	// otherwise Owners lists exactly the salespeople in scope (it may be
	// empty: a team without members selects nothing, not everyone).
	AllOwners bool
	Owners    []int64
	// Words are the filters in force, for the export's 筛选条件 sheet, the
	// chart's subtitle and the screen.
	Words export.Filters
}

// HasOwner reports whether id is in scope.
func (s Scope) HasOwner(id int64) bool {
	if s.AllOwners {
		return true
	}
	for _, o := range s.Owners {
		if o == id {
			return true
		}
	}
	return false
}

// Check checks f and resolves it into a Scope. Every bad field is named at
// once: an impossible date ("from"/"to", as typed), an end before the start,
// an unknown owner ("ownerIds") or team ("teamId").
func Check(ctx context.Context, q store.Querier, f Filters) (Scope, error) {
	var errs apperr.List
	from, err := validate.Date("from", msg.LabelPeriod, f.From, false)
	errs.Add(err)
	to, err := validate.Date("to", msg.LabelPeriod, f.To, false)
	if errs.OK(err) && from != "" && to != "" {
		errs.Add(validate.DateRange("to", from, to))
	}
	sc := Scope{Filters: f, AllOwners: len(f.OwnerIDs) == 0 && f.TeamID == 0}
	sc.From, sc.To = from, to
	sc.Type, sc.Source = strings.TrimSpace(f.Type), strings.TrimSpace(f.Source)
	var ownerNames []string
	for _, id := range f.OwnerIDs {
		o, err := store.GetOwner(ctx, q, id)
		if errors.Is(err, store.ErrNotFound) {
			errs.Add(apperr.NotFound("ownerIds", msg.ReportOwnerNotFound))
			continue
		}
		if err != nil {
			return sc, err
		}
		ownerNames = append(ownerNames, o.Name)
	}
	var teamName string
	if f.TeamID != 0 {
		t, err := store.GetTeam(ctx, q, f.TeamID)
		if errors.Is(err, store.ErrNotFound) {
			errs.Add(apperr.NotFound("teamId", msg.TeamNotFound))
		} else if err != nil {
			return sc, err
		} else {
			teamName = t.Name
		}
	}
	if err := errs.Err(); err != nil {
		return sc, err
	}
	if !sc.AllOwners {
		owners := append([]int64(nil), f.OwnerIDs...)
		if f.TeamID != 0 {
			members, err := store.OwnersInTeam(ctx, q, f.TeamID)
			if err != nil {
				return sc, err
			}
			if len(f.OwnerIDs) == 0 {
				owners = members
			} else {
				owners = intersect(f.OwnerIDs, members)
			}
		}
		sc.Owners = owners
	}
	sc.Words.AddPeriod(msg.LabelPeriod, sc.From, sc.To)
	sc.Words.Add(msg.LabelTeam, teamName)
	sc.Words.Add(msg.LabelOwner, strings.Join(ownerNames, "、"))
	sc.Words.Add(msg.LabelType, sc.Type)
	sc.Words.Add(msg.LabelSource, sc.Source)
	return sc, nil
}

func intersect(a, b []int64) []int64 {
	in := make(map[int64]bool, len(b))
	for _, x := range b {
		in[x] = true
	}
	out := []int64{}
	for _, x := range a {
		if in[x] {
			out = append(out, x)
		}
	}
	return out
}

// Period turns what a user types for a period into its first and last day:
// "2026", "2026-03", "2026Q1" (or 2026-Q1), "2026-03-05", or
// "2026-01-01..2026-03-31" (either end may be empty). Nothing is corrected:
// 2026-02-30 is refused.
func Period(spec string) (from, to string, err error) {
	s := strings.ToUpper(strings.TrimSpace(spec))
	bad := apperr.Invalid("period", msg.ReportPeriodBad, msg.P{"value": spec})
	if a, b, ok := strings.Cut(s, ".."); ok {
		var errs apperr.List
		from, err = validate.Date("from", msg.LabelPeriod, a, false)
		errs.Add(err)
		to, err = validate.Date("to", msg.LabelPeriod, b, false)
		if errs.OK(err) && from != "" && to != "" {
			errs.Add(validate.DateRange("to", from, to))
		}
		return from, to, errs.Err()
	}
	year := func(y string) (int, bool) {
		n, err := strconv.Atoi(y)
		return n, err == nil && len(y) == 4 && n >= 1900 && n <= 9999
	}
	span := func(start time.Time, months int) (string, string) {
		return start.Format("2006-01-02"), start.AddDate(0, months, -1).Format("2006-01-02")
	}
	if y, ok := year(s); ok {
		f, t := span(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), 12)
		return f, t, nil
	}
	if q := strings.Replace(s, "-Q", "Q", 1); len(q) == 6 && q[4] == 'Q' && q[5] >= '1' && q[5] <= '4' {
		if y, ok := year(q[:4]); ok {
			f, t := span(time.Date(y, time.Month(int(q[5]-'1')*3+1), 1, 0, 0, 0, 0, time.UTC), 3)
			return f, t, nil
		}
	}
	if len(s) == 7 && s[4] == '-' {
		m, err := strconv.Atoi(s[5:])
		if y, ok := year(s[:4]); ok && err == nil && m >= 1 && m <= 12 {
			f, t := span(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), 1)
			return f, t, nil
		}
	}
	if len(s) == 10 {
		d, err := validate.Date("period", msg.LabelPeriod, s, true)
		return d, d, err
	}
	return "", "", bad
}

// Result is one computed report as the frame writes it.
type Result struct {
	// Name is the file name's base (Chinese: files are named for the user).
	Name string
	// JSON is the report's typed answer: what the bound call returns and
	// what `funneldesk report NAME --json` prints as "result".
	JSON any
	// Table is the answer as rows for CSV/XLSX; the frame fills its
	// Filters from the scope when they are empty.
	Table export.Table
	// Chart draws the answer at w×h pixels in lang (nil: no chart).
	Chart func(w, h int, lang msg.Lang) ([]byte, error)
}

// Export formats: CSV and XLSX are the table, PNG the chart at screen size,
// PNGPrint the chart at A4 landscape, 300 dpi.
const (
	CSV      = export.CSV
	XLSX     = export.XLSX
	PNG      = "png"
	PNGPrint = "png-print"
)

// CheckFormat refuses anything but the four formats.
func CheckFormat(format string) error {
	switch format {
	case CSV, XLSX, PNG, PNGPrint:
		return nil
	}
	return apperr.Invalid("format", msg.ReportFormatBad, msg.P{"format": format})
}

// ChartSize is the pixel size of "screen" (also "") or "print".
func ChartSize(size string) (w, h int, err error) {
	switch size {
	case "", "screen":
		return chart.ScreenWidth, chart.ScreenHeight, nil
	case "print":
		return chart.PrintWidth, chart.PrintHeight, nil
	}
	return 0, 0, apperr.Invalid("size", msg.ReportSizeBad, msg.P{"size": size})
}

// DrawChart draws r's chart at size ("screen" or "print") in lang.
func DrawChart(r Result, size string, lang msg.Lang) ([]byte, error) {
	w, h, err := ChartSize(size)
	if err != nil {
		return nil, err
	}
	if r.Chart == nil {
		return nil, apperr.Invalid("format", msg.ReportNoChart)
	}
	return r.Chart(w, h, lang)
}

// Write writes r to w in format (see CheckFormat), in lang.
func Write(w io.Writer, format string, r Result, sc Scope, lang msg.Lang) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	switch format {
	case PNG, PNGPrint:
		size := "screen"
		if format == PNGPrint {
			size = "print"
		}
		b, err := DrawChart(r, size, lang)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	t := r.Table
	if len(t.Filters) == 0 {
		t.Filters = sc.Words
	}
	t.Lang = lang
	if t.Sheet == "" {
		t.Sheet = r.Name
	}
	return export.Write(w, format, t)
}

// Save asks where (the native dialog, or the serve --save-dir) and writes r
// there in format; files are in Chinese, as every export is. It returns the
// path, or "" when the user cancelled. Bad formats are refused before the
// dialog.
func Save(env *svc.Env, format string, r Result, sc Scope) (string, error) {
	if err := CheckFormat(format); err != nil {
		return "", err
	}
	ext, base := format, r.Name
	if format == PNGPrint {
		ext, base = PNG, base+"-A4"
	}
	today := env.Now().Format("2006-01-02")
	return export.SaveFile(env, export.FileName(base, today, ext), func(w io.Writer) error {
		return Write(w, format, r, sc, msg.Zh)
	})
}

// Subtitle is the scope's words as one line per filter, for a chart.
func Subtitle(sc Scope, lang msg.Lang) []string {
	var out []string
	for _, f := range sc.Words {
		label, value := f.Text(lang)
		out = append(out, label+"："+value)
	}
	return out
}

// A Spec is one report of `funneldesk report NAME`.
type Spec struct {
	// Name is the CLI name: targets, by-owner, conversion, changes …
	Name string
	// Summary is one line for `funneldesk report --help`.
	Summary string
	// Flags are the report's own flags beyond the shared ones (e.g. --by,
	// --dimension, --from/--to for changes); their values reach Run in opts.
	Flags []Flag
	// Run computes the report in the scope.
	Run func(ctx context.Context, st *store.Store, env *svc.Env, sc Scope, opts map[string]string) (Result, error)
}

// Flag is a report's own string flag.
type Flag struct {
	Name, Default, Usage string
}

var (
	mu    sync.Mutex
	specs = map[string]Spec{}
)

// Register adds a report to the CLI (from a report package's init).
func Register(s Spec) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := specs[s.Name]; dup {
		panic(fmt.Sprintf("reportframe: report %q registered twice", s.Name))
	}
	specs[s.Name] = s
}

// Lookup returns the report called name.
func Lookup(name string) (Spec, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := specs[name]; ok {
		return s, nil
	}
	return Spec{}, apperr.Invalid("report", msg.ReportUnknown, msg.P{"name": name, "names": strings.Join(names(), ", ")})
}

// Specs lists the reports by name.
func Specs() []Spec {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Spec, 0, len(specs))
	for _, n := range names() {
		out = append(out, specs[n])
	}
	return out
}

func names() []string {
	out := make([]string, 0, len(specs))
	for n := range specs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
