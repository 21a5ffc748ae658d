package oplog

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"funneldesk/backend/money"
	"funneldesk/backend/msg"
)

// Change is one changed field as people read it: its label and its old and
// new values, formatted (money in yuan, probability in %, names for ids).
type Change struct {
	Label string `json:"label"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Changes are an entry's changes in both languages of the UI.
type Changes struct {
	Zh []Change `json:"zh"`
	En []Change `json:"en"`
}

// format is how a field's value is written.
type format int

const (
	text     format = iota
	yuan            // int64 cents → ¥1,234.00
	percent         // basis points → 60%
	date            // YYYY-MM-DD (a time keeps its date and minute)
	yesNo           // bool → 是/否
	list            // a list of strings, joined
	plan            // a payment plan: "1. 2026-04-01 ¥400.00"
	mode            // the order-wins mode
	priority        // an opportunity's priority code → 高/中/低
)

type field struct {
	label msg.Key
	fmt   format
}

// fields are the logged JSON fields people read, in the order shown. A
// field not here is shown under its own name, unless hidden.
var fields = []struct {
	key string
	field
}{
	{"name", field{msg.LabelName, text}}, {"number", field{msg.LabelDocNumber, text}}, {"code", field{msg.LabelProductCode, text}},
	{"title", field{msg.LabelTitle, text}}, {"customerName", field{msg.LabelCustomer, text}},
	{"opportunityName", field{msg.LabelOpportunity, text}}, {"quoteNumber", field{msg.LabelQuote, text}},
	{"orderNumber", field{msg.LabelOrder, text}}, {"contactName", field{msg.LabelContactName, text}},
	{"stageName", field{msg.LabelStage, text}}, {"amountCents", field{msg.LabelAmount, yuan}},
	{"probabilityBp", field{msg.LabelProbability, percent}}, {"expectedClose", field{msg.LabelExpectedClose, date}},
	{"ownerName", field{msg.LabelOwner, text}}, {"type", field{msg.LabelType, text}}, {"source", field{msg.LabelSource, text}},
	{"campaign", field{msg.LabelCampaign, text}}, {"nextStep", field{msg.LabelNextStep, text}},
	{"competitor", field{msg.LabelCompetitor, text}}, {"lostReason", field{msg.LabelLostReason, text}},
	{"classification", field{msg.LabelClassification, text}}, {"industry", field{msg.LabelIndustry, text}},
	{"level", field{msg.LabelLevel, text}}, {"phone", field{msg.LabelPhone, text}}, {"email", field{msg.LabelEmail, text}},
	{"address", field{msg.LabelAddress, text}}, {"categoryName", field{msg.LabelProductCategory, text}},
	{"path", field{msg.LabelCategoryPath, text}}, {"unit", field{msg.LabelUnit, text}},
	{"priceCents", field{msg.LabelStandardPrice, yuan}}, {"active", field{msg.LabelActiveOwner, yesNo}},
	{"retired", field{msg.LabelRetired, yesNo}}, {"kind", field{msg.LabelType, text}},
	{"date", field{msg.LabelFollowUpDate, date}}, {"time", field{msg.LabelFollowUpTime, text}},
	{"method", field{msg.LabelFollowUpMethod, text}}, {"content", field{msg.LabelFollowUpContent, text}},
	{"nextDate", field{msg.LabelFollowUpNext, date}}, {"nextAction", field{msg.LabelFollowUpNextAction, text}},
	{"quoteDate", field{msg.LabelQuoteDate, date}}, {"validUntil", field{msg.LabelValidUntil, date}},
	{"signedDate", field{msg.LabelSignedDate, date}}, {"status", field{msg.LabelStatus, text}},
	{"totalCents", field{msg.LabelTotal, yuan}}, {"returnedCents", field{msg.LabelReturnedAmount, yuan}},
	{"netCents", field{msg.LabelNetAmount, yuan}}, {"receivedCents", field{msg.LabelReceived, yuan}},
	{"invoicedCents", field{msg.LabelInvoiced, yuan}}, {"reason", field{msg.LabelPoolReason, text}},
	{"voidReason", field{msg.LabelVoidReason, text}}, {"terms", field{msg.LabelTerms, text}},
	{"priceListName", field{msg.LabelPriceList, text}}, {"creditLimitCents", field{msg.LabelCreditLimit, yuan}},
	{"creditDays", field{msg.LabelCreditDays, text}}, {"limitCents", field{msg.LabelCreditLimit, yuan}},
	{"days", field{msg.LabelCreditDays, text}}, {"parentName", field{msg.LabelTeamParent, text}},
	{"managerName", field{msg.LabelManager, text}}, {"team", field{msg.LabelTeam, text}}, {"poolName", field{msg.LabelPool, text}},
	{"holder", field{msg.LabelHolder, text}}, {"actedBy", field{msg.LabelActedBy, text}},
	{"order", field{msg.LabelStageOrder, list}}, {"plan", field{msg.LabelPlan, plan}}, {"lines", field{msg.LabelLines, text}},
	{"orderWins", field{msg.LabelOrderWins, mode}}, {"recycleDays", field{msg.LabelRecycleDays, text}},
	{"backupAuto", field{msg.LabelBackupAuto, yesNo}}, {"backupKeepDays", field{msg.LabelBackupKeepDays, text}},
	{"backupKeepWeeks", field{msg.LabelBackupKeepWeeks, text}}, {"backupFolder", field{msg.LabelBackupFolder, text}},
	{"priority", field{msg.LabelPriority, priority}}, {"contactsText", field{msg.LabelOppContacts, text}},
	{"staffText", field{msg.LabelOppStaff, text}}, {"types", field{msg.LabelStageSetTypes, text}},
	{"file", field{msg.LabelFile, text}}, {"description", field{msg.LabelDescription, text}},
	{"notes", field{msg.LabelNotes, text}}, {"note", field{msg.LabelNotes, text}},
}

// kindFields override fields for one kind, where a word means another thing.
var kindFields = map[string]map[string]field{
	"stage":    {"probabilityBp": {msg.LabelStageProbability, percent}, "kind": {msg.LabelStageKind, text}},
	"invoice":  {"kind": {msg.LabelInvoiceKind, text}, "date": {msg.LabelInvoiceDate, date}, "amountCents": {msg.LabelInvoiceAmount, yuan}},
	"receipt":  {"date": {msg.LabelReceiptDate, date}, "amountCents": {msg.LabelReceiptAmount, yuan}, "method": {msg.LabelReceiptMethod, text}},
	"return":   {"date": {msg.LabelReturnDate, date}, "reason": {msg.LabelReturnReason, text}, "amountCents": {msg.LabelReturnedAmount, yuan}},
	"customer": {"name": {msg.LabelCustomerName, text}},
	"contact":  {"name": {msg.LabelContactName, text}, "title": {msg.LabelContactTitle, text}},
	"product":  {"name": {msg.LabelProductName, text}},
	"owner":    {"name": {msg.LabelOwnerName, text}},
	"team":     {"name": {msg.LabelTeamName, text}},
}

// dynamic kinds log one field per item (a price list's product prices),
// each shown under its own name in that format.
var dynamic = map[string]format{"pricelist": yuan}

var order = func() map[string]int {
	m := make(map[string]int, len(fields))
	for i, f := range fields {
		m[f.key] = i
	}
	return m
}()

// hidden are fields only the program reads: ids (their names are logged
// beside them), pinyin keys, counts, and times or figures that follow from
// the edit rather than being it.
var hidden = map[string]bool{
	"namePy": true, "nameInitials": true, "createdAt": true, "updatedAt": true, "lastFollowupAt": true,
	"opportunities": true, "orders": true, "inUse": true, "position": true, "depth": true, "children": true,
	"products": true, "items": true, "customers": true, "members": true, "receipts": true, "pending": true,
	"outstandingCents": true, "overdueCents": true, "availableCents": true, "unpaidCents": true, "stageKind": true,
	"ownedSince": true, "poolSince": true, "approvedAt": true, "closedAt": true, "voidedAt": true, "installmentSeq": true,
	"externalId": true, "seq": true, "contacts": true, "staff": true,
}

func isHidden(key string) bool {
	return hidden[key] || key == "id" || strings.HasSuffix(key, "Id") || strings.HasSuffix(key, "ID") || strings.HasSuffix(key, "Ids")
}

// Render returns the changes of a log row in lang: for an update the
// changed fields, for a create or delete the record's fields that have a
// value. oldJSON and newJSON are the row's stored values.
func Render(lang msg.Lang, kind, oldJSON, newJSON string) []Change {
	oldM, newM := decode(oldJSON), decode(newJSON)
	keys := map[string]bool{}
	for k := range oldM {
		keys[k] = true
	}
	for k := range newM {
		keys[k] = true
	}
	dyn, isDyn := dynamic[kind]
	type row struct {
		pos int
		key string
		f   field
	}
	var rows []row
	for k := range keys {
		if isHidden(k) && !isDyn {
			continue
		}
		f, known := kindFields[kind][k]
		pos, inTable := order[k]
		if !known && inTable {
			f, known = fields[pos].field, true
		}
		if !inTable {
			pos = len(fields)
		}
		if !known {
			f = field{fmt: text}
			if isDyn {
				f.fmt = dyn
			}
		}
		rows = append(rows, row{pos, k, f})
	}
	sort.Slice(rows, func(a, b int) bool {
		if rows[a].pos != rows[b].pos {
			return rows[a].pos < rows[b].pos
		}
		return rows[a].key < rows[b].key
	})
	out := []Change{}
	for _, r := range rows {
		o, n := value(lang, r.f.fmt, oldM[r.key]), value(lang, r.f.fmt, newM[r.key])
		if o == "" && n == "" {
			continue // nothing either side: an empty field of a new record
		}
		label := r.key
		if r.f.label != (msg.Key{}) {
			label = msg.Render(lang, r.f.label, nil)
		}
		out = append(out, Change{Label: label, Old: o, New: n})
	}
	return out
}

// RenderBoth renders a row's changes in both languages.
func RenderBoth(kind, oldJSON, newJSON string) Changes {
	return Changes{Zh: Render(msg.Zh, kind, oldJSON, newJSON), En: Render(msg.En, kind, oldJSON, newJSON)}
}

// Text writes changes on one line, "label: old → new; …", as the export's
// cells show them.
func Text(cs []Change, side func(Change) string) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		if v := side(c); v != "" {
			parts = append(parts, c.Label+": "+v)
		}
	}
	return strings.Join(parts, "; ")
}

func decode(s string) map[string]any {
	if s == "" {
		return nil
	}
	m := map[string]any{}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber() // cents beyond 2^53 stay exact
	if d.Decode(&m) != nil {
		return nil
	}
	return m
}

func value(lang msg.Lang, f format, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return msg.Render(lang, msg.Yes, nil)
		}
		return msg.Render(lang, msg.No, nil)
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return x.String()
		}
		switch f {
		case yuan:
			return money.Yuan(n)
		case percent:
			return money.Percent(int(n)) + "%"
		}
		return strconv.FormatInt(n, 10)
	case string:
		switch f {
		case date:
			if len(x) > 10 && x[10] == 'T' {
				return x[:10]
			}
		case mode:
			if w, ok := modeWords[x]; ok {
				return msg.Render(lang, w, nil)
			}
		case priority:
			if w, ok := PriorityWords[x]; ok {
				return msg.Render(lang, w, nil)
			}
		}
		return x
	case []any:
		parts := make([]string, 0, len(x))
		for _, it := range x {
			if f == plan {
				parts = append(parts, planText(lang, it))
			} else {
				parts = append(parts, value(lang, text, it))
			}
		}
		sep := ", "
		if f == list {
			sep = " → "
		}
		return strings.Join(parts, sep)
	case map[string]any:
		// A nested record (a document's line): its readable fields.
		cs := Render(lang, "", "", mustJSON(x))
		return Text(cs, func(c Change) string { return c.New })
	}
	return fmt.Sprint(v)
}

// PriorityWords word an opportunity's priority codes.
var PriorityWords = map[string]msg.Key{"high": msg.PriorityHigh, "medium": msg.PriorityMedium, "low": msg.PriorityLow}

var modeWords = map[string]msg.Key{"ask": msg.OrderWinsAskWord, "always": msg.OrderWinsAlwaysWord, "never": msg.OrderWinsNeverWord}

func planText(lang msg.Lang, it any) string {
	m, ok := it.(map[string]any)
	if !ok {
		return value(lang, text, it)
	}
	s := value(lang, text, m["seq"]) + ". " + value(lang, date, m["dueDate"]) + " " + value(lang, yuan, m["amountCents"])
	if o := value(lang, text, m["ownerName"]); o != "" {
		s += " " + o
	}
	return s
}

func mustJSON(m map[string]any) string {
	b, _ := json.Marshal(m)
	return string(b)
}
