package lead

import (
	"context"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/importer"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
)

// Import columns: the keys MapHeaders gives.
const (
	colName    = "name"
	colCompany = "company"
	colContact = "contactName"
	colPhone   = "phone"
	colEmail   = "email"
	colSource  = "source"
	colOwner   = "owner"
	colStatus  = "status"
	colNotes   = "notes"
	colReason  = "reason"
)

// headerAliases are the headers a lead file may have, in Chinese and
// English (matching folds case, width and spaces).
var headerAliases = map[string]string{
	"线索名称": colName, "线索": colName, "名称": colName, "lead name": colName, "lead": colName, "name": colName,
	"公司名称": colCompany, "公司": colCompany, "单位": colCompany, "单位名称": colCompany, "客户名称": colCompany,
	"company": colCompany, "company name": colCompany, "account name": colCompany, "organization": colCompany,
	"联系人": colContact, "联系人姓名": colContact, "contact": colContact, "contact name": colContact, "contact person": colContact,
	"电话": colPhone, "手机": colPhone, "手机号": colPhone, "联系电话": colPhone, "phone": colPhone, "mobile": colPhone,
	"telephone": colPhone, "phone number": colPhone,
	"邮箱": colEmail, "电子邮箱": colEmail, "电子邮件": colEmail, "email": colEmail, "e-mail": colEmail, "email address": colEmail,
	"线索来源": colSource, "来源": colSource, "source": colSource, "lead source": colSource,
	"负责人": colOwner, "所有者": colOwner, "销售": colOwner, "owner": colOwner, "lead owner": colOwner, "assigned to": colOwner,
	"状态": colStatus, "线索状态": colStatus, "status": colStatus, "lead status": colStatus,
	"备注": colNotes, "说明": colNotes, "notes": colNotes, "note": colNotes, "description": colNotes, "remarks": colNotes,
	"无效原因": colReason, "原因": colReason, "reason": colReason, "invalid reason": colReason,
}

// columnLabels word a column no header maps to, in errors on the header row.
var columnLabels = map[string]msg.Key{colName: msg.LabelLeadName, colOwner: msg.LabelOwner, colReason: msg.LabelInvalidReason}

// statusWords are the statuses a file may write, folded to lower case.
var statusWords = map[string]string{
	"": store.LeadNew, "新线索": store.LeadNew, "新建": store.LeadNew, "未处理": store.LeadNew, "new": store.LeadNew, "open": store.LeadNew,
	"跟进中": store.LeadWorking, "跟进": store.LeadWorking, "working": store.LeadWorking, "contacted": store.LeadWorking,
	"in progress": store.LeadWorking,
	"已转化":         store.LeadConverted, "converted": store.LeadConverted, "qualified": store.LeadConverted,
	"无效": store.LeadInvalid, "invalid": store.LeadInvalid, "unqualified": store.LeadInvalid, "disqualified": store.LeadInvalid,
}

// ImportOptions are the choices of a lead import: the owner of rows that
// name none (created when missing, as the owners rows name are).
type ImportOptions struct {
	DefaultOwner string
	FileName     string
}

// ImportResult is what an import wrote.
type ImportResult struct {
	Leads         int      `json:"leads"`
	OwnersCreated int      `json:"ownersCreated"`
	Format        string   `json:"format"`
	Encoding      string   `json:"encoding"`
	Ignored       []string `json:"ignored"`
}

// Import reads a CSV, tab-separated or XLSX file of leads (any encoding the
// importer detects, Chinese or English headers) and writes them all in one
// transaction, or none: a bad row refuses the file with an
// *importer.RowErrors naming every problem's row and column.
func Import(ctx context.Context, st *store.Store, src importer.Source, opts ImportOptions) (ImportResult, error) {
	t, err := importer.Parse(src)
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Format: t.Format, Encoding: t.Encoding}
	mapping := importer.MapHeaders(t, headerAliases)
	col := map[string]int{}
	for i, k := range mapping {
		if k == "" {
			if strings.TrimSpace(t.Headers[i]) != "" {
				res.Ignored = append(res.Ignored, t.Headers[i])
			}
			continue
		}
		col[k] = i
	}
	var errs []importer.RowError
	fail := func(row int, key string, value string, e *apperr.Error) {
		re := importer.RowError{Row: row, Field: key, Value: importer.Clip(value), Key: e.Key, Params: e.Params,
			Message: e.Message, MessageEn: e.MessageEn}
		if i, ok := col[key]; ok {
			re.Column = importer.Clip(t.Headers[i])
		} else {
			re.Column = msg.Render(msg.Zh, columnLabels[key], nil)
		}
		errs = append(errs, re)
	}
	if _, ok := col[colName]; !ok {
		fail(t.HeaderRow, colName, "", apperr.Invalid(colName, msg.Required, msg.P{"label": msg.LabelLeadName}))
		return res, &importer.RowErrors{Errors: errs}
	}
	cell := func(r *importer.Row, key string) string {
		if i, ok := col[key]; ok {
			return r.Cell(i)
		}
		return ""
	}
	err = st.Tx(ctx, func(tx store.Tx) error {
		owners := map[string]int64{}
		ownerOf := func(name string) (int64, error) {
			if id, ok := owners[name]; ok {
				return id, nil
			}
			o, err := store.OwnerByName(ctx, tx, name)
			if err == nil {
				owners[name] = o.ID
				return o.ID, nil
			}
			id, err := owner.EnsureByName(ctx, tx, name)
			if err != nil {
				return 0, err
			}
			res.OwnersCreated++
			owners[name] = id
			return id, nil
		}
		defOwner := strings.TrimSpace(opts.DefaultOwner)
		for i := range t.Rows {
			r := &t.Rows[i]
			bad := len(errs)
			in := Input{Name: cell(r, colName), Company: cell(r, colCompany), ContactName: cell(r, colContact),
				Phone: cell(r, colPhone), Email: cell(r, colEmail), Source: cell(r, colSource), Notes: cell(r, colNotes)}
			status, ok := statusWords[strings.ToLower(cell(r, colStatus))]
			if !ok {
				fail(r.Num, colStatus, cell(r, colStatus), apperr.Invalid(colStatus, msg.LeadStatusUnknown, msg.P{"value": cell(r, colStatus)}))
			}
			reason := cell(r, colReason)
			if status == store.LeadInvalid && reason == "" {
				fail(r.Num, colReason, "", apperr.Invalid(colReason, msg.LeadReasonNeeded))
			}
			if len([]rune(reason)) > 500 {
				fail(r.Num, colReason, reason, apperr.Invalid(colReason, msg.TooLong, msg.P{"label": msg.LabelInvalidReason, "max": 500}))
			}
			name := cell(r, colOwner)
			if name == "" {
				name = defOwner
			}
			var ownerID int64
			if name == "" {
				fail(r.Num, colOwner, "", apperr.Invalid(colOwner, msg.OwnerRequired))
			} else if len([]rune(name)) > 50 {
				fail(r.Num, colOwner, name, apperr.Invalid(colOwner, msg.TooLong, msg.P{"label": msg.LabelOwner, "max": 50}))
			} else {
				var err error
				if ownerID, err = ownerOf(name); err != nil {
					return err
				}
			}
			in.OwnerID = ownerID
			// The owner already checked: a retired one named in a file
			// is kept, as an edit keeps it.
			l, err := Check(ctx, tx, in, store.Lead{OwnerID: ownerID})
			if e, ok := apperr.As(err); ok {
				for _, fe := range e.All() {
					key := fe.Field
					if key == "ownerId" {
						if ownerID == 0 {
							continue // already reported
						}
						key = colOwner
					}
					fail(r.Num, key, cell(r, key), fe)
				}
			} else if err != nil {
				return err
			}
			if len(errs) > bad {
				continue
			}
			l.Status = status
			if status == store.LeadInvalid {
				l.InvalidReason = reason
			}
			if _, err := store.InsertLead(ctx, tx, l); err != nil {
				return err
			}
			res.Leads++
		}
		if len(errs) > 0 {
			return &importer.RowErrors{Errors: errs}
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "lead", Name: opts.FileName, Action: oplog.Import,
			Note: strconv.Itoa(res.Leads)})
	})
	if err != nil {
		return ImportResult{Format: res.Format, Encoding: res.Encoding}, err
	}
	return res, nil
}
