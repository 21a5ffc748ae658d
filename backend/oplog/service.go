package oplog

import (
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// Filter selects log rows; Page is 1-based. From and To are dates.
type Filter struct {
	Kind     string `json:"kind"`
	Action   string `json:"action"`
	RecordID int64  `json:"recordId"`
	From     string `json:"from"`
	To       string `json:"to"`
	Query    string `json:"query"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Item is a log row with its changes rendered for people, in both
// languages, so the list, the record tabs and the export agree.
type Item struct {
	store.LogEntry
	Changes Changes `json:"changes"`
}

// Page is one page of the log and the total matching.
type Page struct {
	Items    []Item `json:"items"`
	Total    int    `json:"total"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Service is bound to the UI: the log's list screen and each record's tab.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the log service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

func (f Filter) store() (store.LogFilter, error) {
	from, err := validate.Date("from", msg.LabelFrom, f.From, false)
	if err != nil {
		return store.LogFilter{}, err
	}
	to, err := validate.Date("to", msg.LabelTo, f.To, false)
	if err != nil {
		return store.LogFilter{}, err
	}
	if from != "" && to != "" && to < from {
		from, to = to, from // a reversed range means the same days
	}
	return store.LogFilter{Kind: f.Kind, Action: f.Action, RecordID: f.RecordID, From: from, To: to, Query: f.Query}, nil
}

// List returns a page of the log, latest first.
func (s *Service) List(f Filter) (Page, error) {
	sf, err := f.store()
	if err != nil {
		return Page{}, err
	}
	sf.Offset, sf.Limit = validate.Page(f.Page, f.PageSize)
	items, total, err := store.ListLog(s.env.Ctx(), s.st.DB, sf)
	if err != nil {
		return Page{}, err
	}
	out := make([]Item, len(items))
	for i, e := range items {
		out[i] = Item{LogEntry: e, Changes: RenderBoth(e.Kind, e.OldJSON, e.NewJSON)}
	}
	return Page{Items: out, Total: total, Page: sf.Offset/sf.Limit + 1, PageSize: sf.Limit}, nil
}

// Columns of the exported log.
var Columns = []export.Column{
	{Label: msg.LogColTime, Kind: export.DateTime}, {Label: msg.LogColActor, Kind: export.Text}, {Label: msg.LabelOwner, Kind: export.Text},
	{Label: msg.LogColKind, Kind: export.Text}, {Label: msg.LogColID, Kind: export.Int}, {Label: msg.LogColName, Kind: export.Text},
	{Label: msg.LogColAction, Kind: export.Text}, {Label: msg.LogColOld, Kind: export.Text}, {Label: msg.LogColNew, Kind: export.Text},
	{Label: msg.LabelExplanation, Kind: export.Text},
}

// kindWords and actionWords name kinds and actions in the exported file.
var kindWords = map[string]msg.Key{"customer": msg.KindCustomer, "contact": msg.KindContact, "followup": msg.KindFollowUp,
	"opportunity": msg.KindOpportunity, "product": msg.KindProduct, "quote": msg.KindQuote, "order": msg.KindOrder,
	"import": msg.KindImport, "backup": msg.KindBackup, "receipt": msg.KindReceipt, "invoice": msg.KindInvoice,
	"return": msg.KindReturn, "category": msg.KindCategory, "pricelist": msg.KindPriceList, "owner": msg.KindOwner,
	"stage": msg.KindStage, "team": msg.KindTeam, "settings": msg.KindSettings,
	"target": msg.KindTarget}

var actionWords = map[string]msg.Key{Create: msg.ActCreate, Update: msg.ActUpdate, Delete: msg.ActDelete, Stage: msg.ActStage,
	Import: msg.ActImport, Restore: msg.ActRestore, Purge: msg.ActPurge, BackupRestore: msg.ActBackupRest,
	Reorder: msg.ActReorder, Claim: msg.ActClaim, Assign: msg.ActAssign, PoolReturn: msg.ActPoolReturn, Void: msg.ActVoid,
	PoolRestore: msg.ActPoolRestore, PoolMove: msg.ActPoolMove, PoolRecycle: msg.ActPoolRecycle}

// word renders k's word in Chinese, as every export's cells are.
func word(m map[string]msg.Key, k string) string {
	if w, ok := m[k]; ok {
		return msg.Render(msg.Zh, w, nil)
	}
	return k
}

// Export writes the log rows matching f to a file the user picks, as CSV or
// XLSX, and returns its path ("" when cancelled).
func (s *Service) Export(f Filter, format string) (string, error) {
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	sf, err := f.store()
	if err != nil {
		return "", err
	}
	var fs export.Filters
	fs.Add(msg.LogColKind, word(kindWords, f.Kind))
	fs.Add(msg.LogColAction, word(actionWords, f.Action))
	fs.AddPeriod(msg.LabelPeriod, sf.From, sf.To)
	fs.Add(msg.LabelSearch, f.Query)
	ctx := s.env.Ctx()
	return export.Save(s.env, msg.Render(msg.Zh, msg.LogSheet, nil), format, export.Table{Sheet: msg.Render(msg.Zh, msg.LogSheet, nil), Columns: Columns, Filters: fs,
		Rows: func(emit func(...any) error) error {
			return store.EachLog(ctx, s.st.DB, sf, func(e store.LogEntry) error {
				cs := Render(msg.Zh, e.Kind, e.OldJSON, e.NewJSON)
				return emit(e.At, e.Actor, e.OwnerName, word(kindWords, e.Kind), e.RecordID, e.RecordName,
					word(actionWords, e.Action), Text(cs, func(c Change) string { return c.Old }), Text(cs, func(c Change) string { return c.New }), e.Note)
			})
		}})
}
