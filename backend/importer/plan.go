package importer

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// StageChoice is what becomes of one stage value of the file: mapped onto
// one of our stages, or created as a new stage.
type StageChoice struct {
	Value string `json:"value"`
	Count int    `json:"count"`
	// Kind is what the value means: open, won or lost.
	Kind string `json:"kind"`
	// SourceBP is the stage's probability in the other system (its
	// default, or the rows' most common one); -1 when unknown.
	SourceBP int `json:"sourceBp"`
	// Action is "map" (onto StageID) or "create" (NewName at NewBP).
	Action  string `json:"action"`
	StageID int64  `json:"stageId"`
	NewName string `json:"newName"`
	NewBP   int    `json:"newBp"`
	// Why the suggestion: "won", "lost", "name", "synonym", "probability", "new".
	Reason string `json:"reason"`
	// order is the value's place in the other system's pipeline.
	order float64
}

// ChoiceCreate and ChoiceMap are the actions of a StageChoice.
const (
	ChoiceMap    = "map"
	ChoiceCreate = "create"
)

// suggestStages lists the distinct stage values of the file with a
// suggestion each: won and lost names go to our won and lost stages; a
// value named like one of our stages, or a synonym of it, maps there; else
// a value whose probability equals one of our open stages' maps there;
// else it is created with its probability, in the file's pipeline order.
func suggestStages(t *Table, mapping []string, crm int, stages []store.Stage) []StageChoice {
	stageCol, probCol := -1, -1
	for i, k := range mapping {
		switch k {
		case FieldStage:
			stageCol = i
		case FieldProbability:
			probCol = i
		}
	}
	if stageCol < 0 {
		return []StageChoice{}
	}
	type acc struct {
		c     *StageChoice
		first int
		probs map[int]int
	}
	byValue := map[string]*acc{}
	var list []*acc
	for i := range t.Rows {
		v := cleanCell(t.Rows[i].cell(stageCol))
		if v == "" {
			continue
		}
		a := byValue[v]
		if a == nil {
			a = &acc{c: &StageChoice{Value: v, SourceBP: -1}, first: len(list), probs: map[int]int{}}
			byValue[v] = a
			list = append(list, a)
		}
		a.c.Count++
		if probCol >= 0 {
			if bp, err := parsePercent(cleanCell(t.Rows[i].cell(probCol))); err == nil {
				a.probs[bp]++
			}
		}
	}
	var out []StageChoice
	for _, a := range list {
		c := a.c
		c.order = 1000 + float64(a.first)
		if i, k, ok := knownStageOf(crm, c.Value); ok {
			c.order, c.SourceBP, c.Kind = float64(i), k.bp*100, k.kind
			if k.bp < 0 {
				c.SourceBP = -1
			}
		}
		if c.SourceBP < 0 {
			// The rows' most common probability stands for the stage's.
			best, n := -1, 0
			for bp, m := range a.probs {
				if m > n || (m == n && bp < best) {
					best, n = bp, m
				}
			}
			c.SourceBP = best
		}
		if c.Kind == "" || c.Kind == "open" {
			c.Kind = "open"
			if k := closedKind(c.Value); k != "" {
				c.Kind = k
			}
		}
		suggest(c, stages)
		out = append(out, *c)
	}
	// The file's pipeline order: the other system's where known, else by
	// probability, else as the values first appear.
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := out[i].order, out[j].order
		if (oi < 1000) != (oj < 1000) || (oi < 1000 && oj < 1000) {
			return oi < oj
		}
		if out[i].SourceBP != out[j].SourceBP && out[i].SourceBP >= 0 && out[j].SourceBP >= 0 {
			return out[i].SourceBP < out[j].SourceBP
		}
		return oi < oj
	})
	if out == nil {
		out = []StageChoice{}
	}
	return out
}

func suggest(c *StageChoice, stages []store.Stage) {
	live := func(pred func(s store.Stage) bool) (store.Stage, bool) {
		for _, s := range stages {
			if !s.Retired && pred(s) {
				return s, true
			}
		}
		return store.Stage{}, false
	}
	mapTo := func(s store.Stage, reason string) {
		c.Action, c.StageID, c.Reason = ChoiceMap, s.ID, reason
	}
	if c.Kind == store.KindWon || c.Kind == store.KindLost {
		if s, ok := live(func(s store.Stage) bool { return s.Kind == c.Kind }); ok {
			mapTo(s, c.Kind)
			return
		}
	}
	// A stage of ours by the same name, retired or not (a retired one is
	// refused row by row, never created a second time).
	for _, s := range stages {
		if s.Name == c.Value {
			mapTo(s, "name")
			return
		}
	}
	if s, ok := live(func(s store.Stage) bool { return normStage(s.Name) == normStage(c.Value) }); ok {
		mapTo(s, "name")
		return
	}
	if ours, ok := stageSynonyms[normStage(c.Value)]; ok {
		if s, ok := live(func(s store.Stage) bool { return s.Name == ours && s.Kind == store.KindOpen }); ok {
			mapTo(s, "synonym")
			return
		}
	}
	if c.SourceBP >= 0 {
		if s, ok := live(func(s store.Stage) bool { return s.Kind == store.KindOpen && s.ProbabilityBP == c.SourceBP }); ok {
			mapTo(s, "probability")
			return
		}
	}
	c.Action, c.NewName, c.NewBP, c.Reason = ChoiceCreate, c.Value, max(c.SourceBP, 0), "new"
}

// ParseStageMap reads the CLI's --stage-map "A=初期沟通,B=new:40": each
// value of the file onto one of our stage names, or new:P to create it at
// P percent (new:NAME:P to give it another name).
func ParseStageMap(s string) (map[string]StageChoice, error) {
	out := map[string]StageChoice{}
	for _, part := range splitList(s) {
		from, to, ok := strings.Cut(part, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok || from == "" || to == "" {
			return nil, apperr.Invalid("stageMap", msg.ImportStageMapSyntax, msg.P{"part": clip(part)})
		}
		if rest, ok := strings.CutPrefix(to, "new:"); ok {
			name, pct := from, rest
			if i := strings.LastIndexByte(rest, ':'); i >= 0 {
				name, pct = strings.TrimSpace(rest[:i]), rest[i+1:]
			}
			bp, err := parsePercent(pct)
			if err != nil {
				return nil, apperr.Invalid("stageMap", msg.ImportStageMapSyntax, msg.P{"part": clip(part)})
			}
			out[from] = StageChoice{Value: from, Action: ChoiceCreate, NewName: name, NewBP: bp}
			continue
		}
		out[from] = StageChoice{Value: from, Action: ChoiceMap, NewName: to}
	}
	return out, nil
}

// splitList splits on commas outside quotes ("方案/报价" has none, but
// stage names may hold commas when quoted).
func splitList(s string) []string {
	var out []string
	var b strings.Builder
	q := false
	for _, r := range s {
		switch {
		case r == '"':
			q = !q
		case r == ',' && !q:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	if strings.TrimSpace(b.String()) != "" {
		out = append(out, b.String())
	}
	return out
}

// applyStageChoices puts the user's choices (by value; a map choice may
// name our stage by NewName instead of StageID) over the suggestions.
// createAll turns every open value that is not named exactly like one of
// our stages into a new stage (CLI --create-stages).
func applyStageChoices(sugg []StageChoice, user map[string]StageChoice, createAll bool, stages []store.Stage) ([]StageChoice, error) {
	out := make([]StageChoice, len(sugg))
	copy(out, sugg)
	for i := range out {
		c := &out[i]
		if createAll && c.Kind == store.KindOpen && c.Reason != "name" {
			c.Action, c.NewName, c.NewBP, c.StageID, c.Reason = ChoiceCreate, c.Value, max(c.SourceBP, 0), 0, "new"
		}
		u, ok := user[c.Value]
		if !ok {
			continue
		}
		switch u.Action {
		case ChoiceCreate:
			c.Action, c.NewName, c.NewBP, c.StageID, c.Reason = ChoiceCreate, u.NewName, u.NewBP, 0, "user"
			if c.NewName == "" {
				c.NewName = c.Value
			}
		case ChoiceMap:
			id := u.StageID
			if id == 0 {
				for _, s := range stages {
					if s.Name == u.NewName {
						id = s.ID
					}
				}
			}
			var found *store.Stage
			for j := range stages {
				if stages[j].ID == id {
					found = &stages[j]
				}
			}
			if found == nil {
				return nil, apperr.Invalid("stageMap", msg.ImportStageMapTarget, msg.P{"value": clip(c.Value), "name": clip(u.NewName)})
			}
			if found.Retired {
				return nil, apperr.Invalid("stageMap", msg.StageRetired, msg.P{"name": found.Name})
			}
			c.Action, c.StageID, c.NewName, c.Reason = ChoiceMap, id, "", "user"
			c.Kind = found.Kind
		}
	}
	for v := range user {
		found := false
		for _, c := range out {
			found = found || c.Value == v
		}
		if !found {
			return nil, apperr.Invalid("stageMap", msg.ImportStageMapNoValue, msg.P{"value": clip(v)})
		}
	}
	return out, nil
}

// describeChoices is the summary of the stage mapping: A→初期沟通, new B (40%).
func describeChoices(cs []StageChoice, stages []store.Stage) (mapped, created []string) {
	name := map[int64]string{}
	for _, s := range stages {
		name[s.ID] = s.Name
	}
	for _, c := range cs {
		if c.Action == ChoiceCreate {
			created = append(created, c.NewName+" ("+strconv.Itoa(c.NewBP/100)+"%)")
		} else if name[c.StageID] != c.Value {
			mapped = append(mapped, c.Value+"→"+name[c.StageID])
		}
	}
	return mapped, created
}

// createStages inserts the stages the choices create, each among our open
// stages after the last one of no higher probability (the file's order
// among equals), and renumbers the positions. It fills each choice's
// StageID.
func createStages(ctx context.Context, tx store.Tx, cs []StageChoice) ([]store.Stage, error) {
	stages, err := store.ImportStages(ctx, tx)
	if err != nil {
		return nil, err
	}
	byName := map[string]int64{}
	for _, s := range stages {
		byName[s.Name] = s.ID
	}
	var open, rest []store.Stage
	for _, s := range stages {
		if s.Kind == store.KindOpen {
			open = append(open, s)
		} else {
			rest = append(rest, s)
		}
	}
	created := false
	for i := range cs {
		c := &cs[i]
		if c.Action != ChoiceCreate {
			continue
		}
		if id, ok := byName[c.NewName]; ok { // two values onto one new name
			c.StageID = id
			continue
		}
		if len([]rune(c.NewName)) > 50 {
			return nil, apperr.Invalid("stageMap", msg.ImportStageNameLong, msg.P{"name": clip(c.NewName)})
		}
		id, err := store.InsertStage(ctx, tx, store.Stage{Name: c.NewName, ProbabilityBP: c.NewBP, Kind: store.KindOpen})
		if err != nil {
			return nil, err
		}
		c.StageID, byName[c.NewName] = id, id
		s := store.Stage{ID: id, Name: c.NewName, ProbabilityBP: c.NewBP, Kind: store.KindOpen}
		at := 0
		for j, o := range open {
			if o.ProbabilityBP <= c.NewBP {
				at = j + 1
			}
		}
		open = append(open[:at], append([]store.Stage{s}, open[at:]...)...)
		created = true
	}
	if !created {
		return stages, nil
	}
	all := append(open, rest...)
	for i := range all {
		all[i].Position = i + 1
		if err := store.SetStagePosition(ctx, tx, all[i].ID, i+1); err != nil {
			return nil, err
		}
	}
	return store.ImportStages(ctx, tx)
}
