package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"funneldesk/backend/apperr"
	"funneldesk/backend/funnel"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// share prints hundredths of a percent as an exact JSON number: 33.33, 8.00.
type share int

func (s share) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%d.%02d", int(s)/100, int(s)%100), nil
}

type jsonStage struct {
	Name          string `json:"name"`
	Count         int    `json:"count"`
	CountPct      share  `json:"countPct"`
	AmountCents   int64  `json:"amountCents"`
	AmountPct     share  `json:"amountPct"`
	ExpectedCents int64  `json:"expectedCents"`
	ExpectedPct   share  `json:"expectedPct"`
}

type jsonFunnel struct {
	Stages []jsonStage   `json:"stages"`
	Total  funnel.Total  `json:"total"`
	Filter funnel.Filter `json:"-"`
}

func runFunnel(st *store.Store, args []string, env Env) int {
	fl := flag.NewFlagSet("funnel", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	ownerName := fl.String("owner", "", "only this salesperson's opportunities (exact name)")
	from := fl.String("from", "", "expected close date from (YYYY-MM-DD, inclusive)")
	to := fl.String("to", "", "expected close date to (YYYY-MM-DD, inclusive)")
	typ := fl.String("type", "", "opportunity type")
	source := fl.String("source", "", "customer source")
	stageSet := fl.String("stage-set", "", "only the types of this stage set, over its stages (exact name)")
	asJSON := fl.Bool("json", false, "print the funnel as JSON")
	png := fl.String("png", "", "write the funnel chart to this PNG file")
	size := fl.String("size", "screen", "PNG size: screen (1600×1000) or print (A4 landscape, 300 dpi)")
	measure := fl.String("measure", "count", "band widths by count or amount")
	lang := fl.String("lang", "zh-CN", "chart language: zh-CN or en")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	env.Lang = msg.Lang(*lang)
	if !*asJSON && *png == "" {
		fmt.Fprintln(env.Stderr, "funnel: give --json, --png FILE or both")
		return 2
	}
	ctx := context.Background()
	f := funnel.Filter{From: *from, To: *to, Type: *typ, Source: *source}
	if *ownerName != "" {
		o, err := store.OwnerByName(ctx, st.DB, *ownerName)
		if errors.Is(err, store.ErrNotFound) {
			return fail(env, apperr.Invalid("owner", msg.OwnerNoSuchName, msg.P{"name": *ownerName}))
		}
		if err != nil {
			return fail(env, err)
		}
		f.OwnerID = o.ID
	}
	if *stageSet != "" {
		set, err := store.StageSetByName(ctx, st.DB, *stageSet)
		if errors.Is(err, store.ErrNotFound) {
			return fail(env, apperr.Invalid("stage-set", msg.StageSetUnknown))
		}
		if err != nil {
			return fail(env, err)
		}
		f.StageSetID = set.ID
	}
	rep, err := funnel.Compute(ctx, st.DB, f)
	if err != nil {
		return fail(env, err)
	}
	if *png != "" {
		b, err := funnel.DrawPNG(rep, funnel.ChartRequest{Filter: f, Measure: *measure, Size: *size, Lang: *lang})
		if err != nil {
			return fail(env, err)
		}
		if err := os.WriteFile(*png, b, 0o644); err != nil {
			return fail(env, err)
		}
	}
	if *asJSON {
		out := jsonFunnel{Stages: []jsonStage{}, Total: rep.Total}
		for _, r := range rep.Stages {
			out.Stages = append(out.Stages, jsonStage{Name: r.Name, Count: r.Count, CountPct: share(r.CountShare),
				AmountCents: r.AmountCents, AmountPct: share(r.AmountShare), ExpectedCents: r.ExpectedCents, ExpectedPct: share(r.ExpectedShare)})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return fail(env, err)
		}
	} else {
		fmt.Fprintf(env.Stdout, "wrote %s\n", *png)
	}
	return 0
}
