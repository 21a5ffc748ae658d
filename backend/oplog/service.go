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

// Page is one page of the log and the total matching.
type Page struct {
	Items    []store.LogEntry `json:"items"`
	Total    int              `json:"total"`
	Page     int              `json:"page"`
	PageSize int              `json:"pageSize"`
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
	return Page{Items: items, Total: total, Page: sf.Offset/sf.Limit + 1, PageSize: sf.Limit}, nil
}

// Columns of the exported log.
var Columns = []export.Column{
	{Header: "时间", Kind: export.DateTime}, {Header: "操作人", Kind: export.Text}, {Header: "负责人", Kind: export.Text},
	{Header: "对象", Kind: export.Text}, {Header: "编号", Kind: export.Int}, {Header: "名称", Kind: export.Text},
	{Header: "操作", Kind: export.Text}, {Header: "原值", Kind: export.Text}, {Header: "新值", Kind: export.Text},
	{Header: "说明", Kind: export.Text},
}

// kindWords and actionWords name kinds and actions in the exported file,
// whose headers are Chinese like every other export.
var kindWords = map[string]string{"customer": "客户", "contact": "联系人", "followup": "跟进记录", "opportunity": "销售机会",
	"product": "产品", "quote": "报价单", "order": "合同订单", "import": "导入", "backup": "备份"}

var actionWords = map[string]string{Create: "新建", Update: "修改", Delete: "删除", Stage: "阶段变更", Import: "导入",
	Restore: "恢复", Purge: "彻底删除", BackupRestore: "从备份恢复"}

func word(m map[string]string, k string) string {
	if w, ok := m[k]; ok {
		return w
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
	fs.Add("对象", word(kindWords, f.Kind))
	fs.Add("操作", word(actionWords, f.Action))
	fs.Add("开始日期", sf.From)
	fs.Add("结束日期", sf.To)
	fs.Add("搜索", f.Query)
	ctx := s.env.Ctx()
	return export.Save(s.env, "操作日志", format, export.Table{Sheet: "操作日志", Columns: Columns, Filters: fs,
		Rows: func(emit func(...any) error) error {
			return store.EachLog(ctx, s.st.DB, sf, func(e store.LogEntry) error {
				return emit(e.At, e.Actor, e.OwnerName, word(kindWords, e.Kind), e.RecordID, e.RecordName,
					word(actionWords, e.Action), e.OldJSON, e.NewJSON, e.Note)
			})
		}})
}
