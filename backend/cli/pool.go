package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"funneldesk/backend/msg"
	"funneldesk/backend/pool"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// runPool runs `pool recycle [--dry-run] [--json] [--clock ...]`: the
// recycle rules once, printing each customer that moves (or would) and why.
func runPool(st *store.Store, args []string, env Env) int {
	if len(args) == 0 || args[0] != "recycle" {
		fmt.Fprintf(env.Stderr, "usage: funneldesk pool recycle [--dry-run] [--json]\n")
		return 2
	}
	fl := flag.NewFlagSet("pool recycle", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	dry := fl.Bool("dry-run", false, "list what would move, move nothing")
	asJSON := fl.Bool("json", false, "print the result as JSON")
	lang := fl.String("lang", "zh-CN", "language of the reasons: zh-CN or en")
	clockSpec := fl.String("clock", "", "test aid: the time the rules read as now (RFC 3339, YYYY-MM-DD or +OFFSET)")
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	clock, err := svc.ParseClock(*clockSpec)
	if err != nil {
		return fail(env, err)
	}
	if *clockSpec != "" {
		store.SetClock(clock)
		defer store.SetClock(nil)
	}
	rep, err := pool.Recycle(context.Background(), st, clock(), *dry)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fail(env, err)
		}
		return 0
	}
	en := msg.Lang(*lang) == msg.En
	verb := "回收"
	if *dry {
		verb = "将回收"
	}
	if en {
		verb = "recycled"
		if *dry {
			verb = "would recycle"
		}
	}
	for _, m := range rep.Moves {
		reason := m.Reason
		if en {
			reason = m.ReasonEn
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s → %s\t%s (%s)\n", verb, m.Customer, m.Owner, m.Pool, reason, m.Due)
	}
	if en {
		fmt.Fprintf(env.Stdout, "%d customers (%s)\n", len(rep.Moves), rep.Today)
	} else {
		fmt.Fprintf(env.Stdout, "共 %d 个客户（%s）\n", len(rep.Moves), rep.Today)
	}
	return 0
}
