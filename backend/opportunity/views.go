package opportunity

import (
	"context"
	"encoding/json"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/stage"
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
	s.monthView(&f)
	ctx := s.env.Ctx()
	stages, err := store.OrderedStages(ctx, s.st.DB)
	if err != nil {
		return Board{}, err
	}
	// A stage set's board shows its stages only (shared ones and its own).
	stages = InSet(stages, f.StageSetID)
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
	var filled []int64
	for _, st := range stages {
		if byStage[st.ID].Count > 0 {
			filled = append(filled, st.ID)
		}
	}
	cards, err := store.StagesCards(ctx, s.st.DB, f, filled, CardsPerColumn)
	if err != nil {
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
			col.Cards = cards[st.ID]
		}
		b.Columns = append(b.Columns, col)
	}
	return b, nil
}

// Columns are the columns of exported opportunities (Chinese headers by
// default, as the import reads them back).
var Columns = []export.Column{
	{Label: msg.LabelOpportunityName, Kind: export.Text}, {Label: msg.LabelOpportunityCustomer, Kind: export.Text},
	{Label: msg.LabelType, Kind: export.Text}, {Label: msg.LabelSource, Kind: export.Text}, {Label: msg.LabelOwner, Kind: export.Text},
	{Label: msg.LabelCampaign, Kind: export.Text}, {Label: msg.LabelAmount, Kind: export.Money},
	{Label: msg.LabelExpectedClose, Kind: export.Date}, {Label: msg.LabelNextStep, Kind: export.Text},
	{Label: msg.LabelStage, Kind: export.Text}, {Label: msg.LabelProbabilityPct, Kind: export.Percent},
	{Label: msg.LabelDescription, Kind: export.Text}, {Label: msg.LabelLostReason, Kind: export.Text},
	{Label: msg.LabelCompetitor, Kind: export.Text},
}

// viewNames word the built-in views for the filters sheet.
var viewNames = map[string]msg.Key{store.KindOpen: msg.ViewOpen, store.KindWon: msg.ViewWon, store.KindLost: msg.ViewLost,
	ViewCreatedMonth: msg.ViewCreatedMonth, ViewClosedMonth: msg.ViewClosedMonth}

// InSet keeps the stages a stage set uses: the shared ones and its own
// (setID 0: every stage, the "all types" choice).
func InSet(stages []store.Stage, setID int64) []store.Stage {
	if setID == 0 {
		return stages
	}
	out := make([]store.Stage, 0, len(stages))
	for _, st := range stages {
		if st.SetID == 0 || st.SetID == setID {
			out = append(out, st)
		}
	}
	return out
}

// Export writes the opportunities of the current view to a file the user
// picks, as CSV or XLSX (format), and returns its path, or "" when the user
// cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	if err := checkFilter(&f); err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	filters, err := s.filterWords(ctx, f)
	if err != nil {
		return "", err
	}
	s.monthView(&f)
	return export.Save(s.env, "销售机会", format, export.Table{Sheet: "销售机会", Columns: Columns, Filters: filters,
		Rows: func(emit func(...any) error) error {
			return store.EachOpportunity(ctx, s.st.DB, f, func(o store.Opportunity) error {
				return emit(o.Name, o.CustomerName, o.Type, o.Source, o.OwnerName, o.Campaign, o.AmountCents, o.ExpectedClose,
					o.NextStep, o.StageName, o.ProbabilityBP, o.Description, o.LostReason, o.Competitor)
			})
		}})
}

// filterWords says in words which opportunities f selects.
func (s *Service) filterWords(ctx context.Context, f Filter) (export.Filters, error) {
	var fs export.Filters
	if k, ok := viewNames[f.View]; ok {
		fs.AddWords(msg.LabelView, k, nil)
	}
	stages, err := export.Names(f.StageIDs, func(id int64) (string, error) {
		st, err := stage.Get(ctx, s.st.DB, id)
		return st.Name, err
	})
	if err != nil {
		return nil, err
	}
	fs.Add(msg.LabelStage, stages)
	owners, err := owner.Names(ctx, s.st.DB, f.OwnerIDs)
	if err != nil {
		return nil, err
	}
	fs.Add(msg.LabelOwner, owners)
	fs.Add(msg.LabelSource, strings.Join(f.Sources, "、"))
	fs.Add(msg.LabelType, strings.Join(f.Types, "、"))
	cust, err := customer.Name(ctx, s.st.DB, f.CustomerID)
	if err != nil {
		return nil, err
	}
	fs.Add(msg.LabelCustomer, cust)
	fs.AddPeriod(msg.LabelExpectedClose, f.CloseFrom, f.CloseTo)
	fs.Add(msg.LabelSearch, f.Query)
	return fs, nil
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
var builtinViews = []string{"所有", "成功销售机会", "预期销售机会", "本月创建", "本月完成", "All", "Won", "Open",
	"Created this month", "Closed this month"}

// SaveView saves the filter under a name; an existing view of that name is
// replaced.
func (s *Service) SaveView(name string, f Filter) (View, error) {
	name, err := validate.Text("name", msg.LabelViewName, name, true, 30)
	if err != nil {
		return View{}, err
	}
	for _, b := range builtinViews {
		if b == name {
			return View{}, apperr.Conflict("name", msg.ViewBuiltIn, msg.P{"name": name})
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
		return apperr.NotFound("id", msg.ViewNotFound)
	}
	return err
}
