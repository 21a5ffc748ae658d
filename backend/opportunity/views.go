package opportunity

import (
	"encoding/csv"
	"encoding/json"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// Column is one stage of the stage view with its totals and first cards.
type Column struct {
	Stage       store.Stage         `json:"stage"`
	Count       int                 `json:"count"`
	AmountCents int64               `json:"amountCents"`
	Cards       []store.Opportunity `json:"cards"`
}

// Board is the stage (kanban) view.
type Board struct {
	Columns []Column `json:"columns"`
}

// CardsPerColumn bounds the cards a column loads at once.
const CardsPerColumn = 50

// Board returns one column per stage in order (retired stages only while
// they hold matching opportunities), each with its count, amount and first
// cards by expected close date. Filter's stage and view conditions apply.
func (s *Service) Board(f Filter) (Board, error) {
	if err := checkFilter(&f); err != nil {
		return Board{}, err
	}
	ctx := s.env.Ctx()
	stages, err := store.OrderedStages(ctx, s.st.DB)
	if err != nil {
		return Board{}, err
	}
	byStage := map[int64]store.StageTotal{}
	totals, err := store.StageTotals(ctx, s.st.DB, f)
	switch {
	case err == nil:
		for _, t := range totals {
			byStage[t.StageID] = t
		}
	case store.IsOverflow(err):
		// Σ amount × probability left 64 bits (amounts near the cap); the
		// board needs only counts and amounts, which the grouped query gives.
		groups, err := store.FunnelGroups(ctx, s.st.DB, f)
		if err != nil {
			return Board{}, err
		}
		for _, g := range groups {
			t := byStage[g.StageID]
			t.StageID = g.StageID
			t.Count += g.Count
			t.AmountCents += g.AmountCents
			byStage[g.StageID] = t
		}
	default:
		return Board{}, err
	}
	b := Board{Columns: []Column{}}
	for _, st := range stages {
		t := byStage[st.ID]
		if st.Retired && t.Count == 0 {
			continue
		}
		col := Column{Stage: st, Count: t.Count, AmountCents: t.AmountCents, Cards: []store.Opportunity{}}
		if t.Count > 0 {
			if col.Cards, err = store.StageCards(ctx, s.st.DB, f, st.ID, CardsPerColumn); err != nil {
				return Board{}, err
			}
		}
		b.Columns = append(b.Columns, col)
	}
	return b, nil
}

// CSVHeader is the header row of exported opportunities (Chinese, as the
// import reads it back).
var CSVHeader = []string{"销售机会名称", "客户名称", "类型", "客户来源", "负责人", "营销活动", "金额", "预计完成日期",
	"下一步", "销售阶段", "可能性(%)", "描述", "丢单原因", "竞争对手"}

// ExportCSV returns the opportunities of the current view as CSV text:
// UTF-8 with a BOM so Excel on Chinese Windows opens it correctly.
func (s *Service) ExportCSV(f Filter) (string, error) {
	if err := checkFilter(&f); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(CSVHeader); err != nil {
		return "", err
	}
	err := store.EachOpportunity(s.env.Ctx(), s.st.DB, f, func(o store.Opportunity) error {
		return w.Write([]string{o.Name, o.CustomerName, o.Type, o.Source, o.OwnerName, o.Campaign,
			money.Plain(o.AmountCents), o.ExpectedClose, o.NextStep, o.StageName, money.Percent(o.ProbabilityBP),
			o.Description, o.LostReason, o.Competitor})
	})
	if err != nil {
		return "", err
	}
	w.Flush()
	return b.String(), w.Error()
}

// View is a user-saved list view.
type View struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Filter Filter `json:"filter"`
}

// ListViews returns the saved views by name.
func (s *Service) ListViews() ([]View, error) {
	rows, err := store.ListSavedViews(s.env.Ctx(), s.st.DB)
	if err != nil {
		return nil, err
	}
	out := []View{}
	for _, r := range rows {
		v := View{ID: r.ID, Name: r.Name}
		if err := json.Unmarshal([]byte(r.FilterJSON), &v.Filter); err != nil {
			continue // a view this version cannot read is skipped, not fatal
		}
		out = append(out, v)
	}
	return out, nil
}

// builtinViews are the names of the views that always exist.
var builtinViews = []string{"所有", "成功销售机会", "预期销售机会", "All", "Won", "Open"}

// SaveView saves the filter under a name; an existing view of that name is
// replaced.
func (s *Service) SaveView(name string, f Filter) (View, error) {
	name, err := validate.Text("name", "视图名称", "View name", name, true, 30)
	if err != nil {
		return View{}, err
	}
	for _, b := range builtinViews {
		if b == name {
			return View{}, apperr.Conflict("name", "「"+name+"」是内置视图的名称", "\""+name+"\" is a built-in view")
		}
	}
	if err := checkFilter(&f); err != nil {
		return View{}, err
	}
	js, err := json.Marshal(f)
	if err != nil {
		return View{}, err
	}
	var id int64
	err = s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		id, err = store.UpsertSavedView(s.env.Ctx(), tx, name, string(js))
		return err
	})
	return View{ID: id, Name: name, Filter: f}, err
}

// DeleteView removes a saved view.
func (s *Service) DeleteView(id int64) error {
	var ok bool
	err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) (err error) {
		ok, err = store.DeleteSavedView(s.env.Ctx(), tx, id)
		return err
	})
	if err == nil && !ok {
		return apperr.NotFound("id", "视图不存在", "View not found")
	}
	return err
}
