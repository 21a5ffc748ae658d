package importer

import (
	"context"
	"strings"

	"golang.org/x/text/unicode/norm"

	"funneldesk/backend/apperr"
	"funneldesk/backend/dupe"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// KindLeads is a file of leads (线索).
const KindLeads = "leads"

// Field keys of a lead file (with EFContactName, EFPhone, EFSource,
// EFOwner and EFNotes, which mean there what they mean in a customer file).
const (
	EFLeadName = "lead_name"
	EFCompany  = "company"
	EFEmail    = "email"
	EFStatus   = "status"
	EFReason   = "invalid_reason"
)

// LeadFields are what a column of a lead file may be mapped to. A lead
// file's 客户名称 / Account Name is the lead's company: there is no
// customer yet.
var LeadFields = labelled([]Field{
	entityField(EFLeadName, msg.LabelLeadName, true, 100, []string{"线索名称", "线索", "线索标题", "名称", "lead name", "lead", "leadname",
		"lead title", "name", "title"}),
	entityField(EFCompany, msg.LabelLeadCompany, false, 100, []string{"公司名称", "公司", "单位", "单位名称", "客户名称", "企业名称",
		"company", "company name", "account name", "organization", "organization name", "accountname"}),
	entityField(EFContactName, msg.LabelLeadContact, false, 50, contactNameAliases, []string{"姓名"}),
	entityField(EFPhone, msg.LabelPhone, false, 50, []string{"电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "phone", "mobile",
		"mobile phone", "telephone", "phone number", "tel"}),
	entityField(EFEmail, msg.LabelEmail, false, 100, emailAliases),
	entityField(EFSource, msg.LabelLeadSource, false, 50, []string{"线索来源", "来源", "source", "lead source", "leadsource"}),
	entityField(EFOwner, msg.LabelOwner, false, 50, ownerAliases, []string{"销售", "lead owner"}),
	entityField(EFStatus, msg.LabelLeadStatus, false, 0, []string{"线索状态", "状态", "status", "lead status"}),
	entityField(EFNotes, msg.LabelNotes, false, 2000, notesAliases),
	entityField(EFReason, msg.LabelInvalidReason, false, 500, []string{"无效原因", "原因", "reason", "invalid reason"}),
})

// leadStatusWords are the statuses a file may write, folded to lower case.
var leadStatusWords = map[string]string{
	"新线索": store.LeadNew, "新建": store.LeadNew, "未处理": store.LeadNew, "new": store.LeadNew, "open": store.LeadNew,
	"跟进中": store.LeadWorking, "跟进": store.LeadWorking, "working": store.LeadWorking, "contacted": store.LeadWorking,
	"in progress": store.LeadWorking,
	"已转化":         store.LeadConverted, "converted": store.LeadConverted, "qualified": store.LeadConverted,
	"无效": store.LeadInvalid, "invalid": store.LeadInvalid, "unqualified": store.LeadInvalid, "disqualified": store.LeadInvalid,
}

// leadStatusKey is how a status cell is looked up in leadStatusWords.
func leadStatusKey(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// leadStatusCode is the status a cell writes ("" when none it knows).
func leadStatusCode(s string) string { return leadStatusWords[leadStatusKey(s)] }

// leadOnlyHeaders are headers only a lead file has: they make DetectKind
// say leads (线索来源 / Lead Source is not one: opportunity exports have it).
var leadOnlyHeaders = map[string]bool{"线索名称": true, "线索": true, "线索标题": true, "线索状态": true, "leadname": true,
	"leadtitle": true, "leadstatus": true, "lead": true}

func isLeadFile(headers []string) bool {
	for _, h := range headers {
		if leadOnlyHeaders[normHeader(h)] {
			return true
		}
	}
	return false
}

// checkLead reads a lead row. Empty values were not given: an update
// keeps what the lead has; a new lead is new (新线索) unless the row says.
func (er *entityRow) checkLead(rec *entityRec) {
	l := &rec.lead
	l.Name = er.text(EFLeadName)
	l.Company = er.text(EFCompany)
	l.ContactName = er.text(EFContactName)
	l.Phone = er.phone(EFPhone)
	l.Email = er.email(EFEmail)
	l.Source = er.text(EFSource)
	l.Notes = er.text(EFNotes)
	rec.owner = er.text(EFOwner)
	reason := er.text(EFReason)
	if s := er.value(EFStatus); s != "" {
		rec.statusText = s
		st, ok := leadStatusWords[leadStatusKey(s)]
		if !ok {
			er.fail(EFStatus, apperr.Invalid(EFStatus, msg.LeadStatusUnknown, msg.P{"value": clip(s)}))
		}
		l.Status = st
	}
	if l.Status == store.LeadInvalid {
		if reason == "" {
			er.fail(EFReason, apperr.Invalid(EFReason, msg.LeadReasonNeeded))
		}
		l.InvalidReason = reason
	}
}

// leadOp is what the import does to one lead.
type leadOp struct {
	id     int64
	action string
	l      store.Lead
	owner  string
	// statusText is the status as the file wrote it (for merge notes).
	statusText string
	seen       bool
	first      int
	from       [10]int
}

// Natural key of a lead (查重), in this order:
//   - its phone (folded as the customers' 查重 folds it: digits only, +86
//     and the trunk 0 dropped), what Chinese CRMs find a lead by, since a
//     lead is first of all someone to call;
//   - else its email, folded to lower case;
//   - else, for a row with neither, its name + company + contact person
//     (case, width and the company's legal suffix folded): a lead's name
//     alone (展会名片, 官网咨询) is a title many leads share.
//
// Two different phones are two leads even when the names agree. Rows of
// one file that find each other are one lead (the later cells win), as a
// customer file's rows are one customer (the later row is counted as
// merged, and each value of an earlier row it replaces is noted); with
// "create" every row is a new lead and nothing is matched.
func leadNameKey(name, company, contact string) string {
	f := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(norm.NFKC.String(s)), " ")) }
	return f(name) + "\x1f" + dupe.Name(company) + "\x1f" + f(contact)
}

func planLeads(ctx context.Context, q store.Querier, p *entityPlan, recs []entityRec, dup dupChoices) error {
	n := len(recs)
	exPhone, exEmail, exName := make(map[string]int64, n), make(map[string]int64, n), make(map[string]int64, n)
	if dup.main != DupCreate {
		first := func(m map[string]int64, k string, id int64) {
			if _, ok := m[k]; !ok && k != "" {
				m[k] = id
			}
		}
		if err := store.EachLeadKey(ctx, q, func(k store.LeadKey) {
			first(exPhone, dupe.Phone(k.Phone), k.ID)
			first(exEmail, dupe.Email(k.Email), k.ID)
			first(exName, leadNameKey(k.Name, k.Company, k.ContactName), k.ID)
		}); err != nil {
			return err
		}
	}
	fPhone, fEmail, fName := map[string]*leadOp{}, map[string]*leadOp{}, map[string]*leadOp{}
	exOps := map[int64]*leadOp{}
	find := func(key string, file map[string]*leadOp, ex map[string]int64) *leadOp {
		if key == "" {
			return nil
		}
		if op := file[key]; op != nil {
			return op
		}
		if id, ok := ex[key]; ok {
			if op := exOps[id]; op != nil {
				return op
			}
			op := &leadOp{id: id, action: dupAction(dup.main)}
			exOps[id] = op
			p.count(KindLeads, op.action)
			if op.action == ActionUpdate {
				p.leads = append(p.leads, op)
			}
			return op
		}
		return nil
	}
	for i := range recs {
		r := &recs[i]
		phone, email := dupe.Phone(r.lead.Phone), dupe.Email(r.lead.Email)
		name := ""
		if phone == "" && email == "" {
			name = leadNameKey(r.lead.Name, r.lead.Company, r.lead.ContactName)
		}
		var op *leadOp
		if dup.main != DupCreate {
			if op = find(phone, fPhone, exPhone); op == nil {
				if op = find(email, fEmail, exEmail); op == nil {
					op = find(name, fName, exName)
				}
			}
		}
		action := ""
		switch {
		case op == nil:
			op = &leadOp{action: ActionNew}
			p.count(KindLeads, ActionNew)
			p.leads = append(p.leads, op)
		case op.seen:
			action = p.again(KindLeads, op.action)
		}
		if action == "" {
			action = op.action
		}
		if !op.seen {
			op.seen, op.first = true, r.row
		}
		if dup.main != DupCreate {
			for _, k := range []struct {
				m   map[string]*leadOp
				key string
			}{{fPhone, phone}, {fEmail, email}, {fName, name}} {
				if _, ok := k.m[k.key]; !ok && k.key != "" {
					k.m[k.key] = op
				}
			}
		}
		mergeLead(merger{p: p, kind: KindLeads, row: r.row, first: op.first, quiet: op.action == ActionSkip}, op, r)
		if len(p.rowActions) < SampleRows {
			p.rowActions = append(p.rowActions, action)
		}
	}
	return nil
}

// mergeLead puts the row's given (non-empty) values over the lead's.
func mergeLead(m merger, op *leadOp, r *entityRec) {
	d, src := &op.l, &r.lead
	m.str(EFLeadName, msg.LabelLeadName, &d.Name, &op.from[0], src.Name, nil)
	m.str(EFCompany, msg.LabelLeadCompany, &d.Company, &op.from[1], src.Company, nil)
	m.str(EFContactName, msg.LabelLeadContact, &d.ContactName, &op.from[2], src.ContactName, nil)
	m.str(EFPhone, msg.LabelPhone, &d.Phone, &op.from[3], src.Phone, dupe.Phone)
	m.str(EFEmail, msg.LabelEmail, &d.Email, &op.from[4], src.Email, dupe.Email)
	m.str(EFSource, msg.LabelLeadSource, &d.Source, &op.from[5], src.Source, nil)
	m.str(EFNotes, msg.LabelNotes, &d.Notes, &op.from[6], src.Notes, nil)
	if src.Status != "" {
		// Compared as statuses, noted as the file wrote them (New after
		// 新线索 changes nothing and keeps the first row's word).
		if leadStatusCode(op.statusText) != src.Status {
			m.str(EFStatus, msg.LabelLeadStatus, &op.statusText, &op.from[7], r.statusText, nil)
		}
		d.Status = src.Status
		m.str(EFReason, msg.LabelInvalidReason, &d.InvalidReason, &op.from[8], src.InvalidReason, nil)
		d.InvalidReason = src.InvalidReason
	}
	m.str(EFOwner, msg.LabelOwner, &op.owner, &op.from[9], r.owner, nil)
}

// writeLeads carries out the leads of a plan: a new lead whose rows name
// no owner gets the default one; an updated lead keeps its owner then.
func writeLeads(w *store.LeadWriter, p *entityPlan, owners *ownerResolver, step func() error) error {
	for _, op := range p.leads {
		l := op.l
		if op.owner != "" {
			id, err := owners.id(op.owner)
			if err != nil {
				return err
			}
			l.OwnerID = id
		}
		switch op.action {
		case ActionNew:
			if l.OwnerID == 0 {
				id, err := owners.fallback()
				if err != nil {
					return err
				}
				l.OwnerID = id
			}
			id, err := w.AddLead(l)
			if err != nil {
				return err
			}
			op.id = id
		case ActionUpdate:
			changed, err := w.UpdateLead(op.id, l)
			if err != nil {
				return err
			}
			if !changed {
				p.same(KindLeads)
			}
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
