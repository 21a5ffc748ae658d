package lead

import (
	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// Columns are the columns of exported leads.
var Columns = []export.Column{
	{Label: msg.LabelLeadName, Kind: export.Text}, {Label: msg.LabelLeadCompany, Kind: export.Text},
	{Label: msg.LabelLeadContact, Kind: export.Text}, {Label: msg.LabelPhone, Kind: export.Text},
	{Label: msg.LabelEmail, Kind: export.Text}, {Label: msg.LabelLeadSource, Kind: export.Text},
	{Label: msg.LabelOwner, Kind: export.Text}, {Label: msg.LabelLeadStatus, Kind: export.Text},
	{Label: msg.LabelInvalidReason, Kind: export.Text}, {Label: msg.LabelLeadCustomer, Kind: export.Text},
	{Label: msg.LabelLeadContactRec, Kind: export.Text}, {Label: msg.LabelLeadOpp, Kind: export.Text},
	{Label: msg.LabelConvertedAt, Kind: export.DateTime}, {Label: msg.LabelNotes, Kind: export.Text},
	{Label: msg.LabelCreatedAt, Kind: export.DateTime},
}

// filters words f for an export's filters sheet.
func (s *Service) filters(f Filter) (export.Filters, error) {
	var fs export.Filters
	if f.Status != "" {
		fs.AddWords(msg.LabelLeadStatus, StatusLabel(f.Status), nil)
	}
	if f.OwnerID != 0 {
		names, err := owner.Names(s.env.Ctx(), s.st.DB, []int64{f.OwnerID})
		if err != nil {
			return nil, err
		}
		fs.Add(msg.LabelOwner, names)
	}
	fs.Add(msg.LabelLeadSource, f.Source)
	fs.AddPeriod(msg.LabelLeadCreated, f.CreatedFrom, f.CreatedTo)
	fs.Add(msg.LabelSearch, f.Query)
	return fs, nil
}

// Export writes the leads matching f (all of them, whatever the page) as
// CSV or XLSX (format) to a file the user picks, and returns its path, or
// "" when the user cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	if err := checkFilter(&f); err != nil {
		return "", err
	}
	fs, err := s.filters(f)
	if err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	return export.Save(s.env, "线索", format, export.Table{Sheet: "线索", Columns: Columns, Filters: fs,
		Rows: func(emit func(...any) error) error {
			return store.EachLead(ctx, s.st.DB, f.store(), func(l store.Lead) error {
				return emit(l.Name, l.Company, l.ContactName, l.Phone, l.Email, l.Source, l.OwnerName,
					msg.Render(msg.Zh, StatusLabel(l.Status), nil), l.InvalidReason, l.CustomerName, l.ContactRecordName,
					l.OpportunityName, l.ConvertedAt, l.Notes, l.CreatedAt)
			})
		}})
}

// ReportRequest asks for the conversion report: leads created in [From,
// To] (either may be empty) grouped By "source" or "owner".
type ReportRequest struct {
	By   string `json:"by"`
	From string `json:"from"`
	To   string `json:"to"`
}

// RateRow is one group of the conversion report. RateBP is converted out
// of all leads of the group, in basis points (2500 = 25%); Key is the
// source or the owner's name ("" for none).
type RateRow struct {
	Key       string `json:"key"`
	OwnerID   int64  `json:"ownerId"`
	Total     int    `json:"total"`
	Converted int    `json:"converted"`
	Invalid   int    `json:"invalid"`
	RateBP    int    `json:"rateBp"`
}

// Report is the conversion report: a row per group, largest first, and
// the totals.
type Report struct {
	By    string    `json:"by"`
	From  string    `json:"from"`
	To    string    `json:"to"`
	Rows  []RateRow `json:"rows"`
	Total RateRow   `json:"total"`
}

func rate(converted, total int) int {
	if total == 0 {
		return 0
	}
	// Rounded half up, in whole basis points.
	return int((int64(converted)*10000*2 + int64(total)) / (int64(total) * 2))
}

func checkReport(r *ReportRequest) error {
	switch r.By {
	case "":
		r.By = "source"
	case "source", "owner":
	default:
		return apperr.Invalid("by", msg.LeadPeriodBy, msg.P{"value": r.By})
	}
	var err error
	if r.From, err = validate.Date("from", msg.LabelFrom, r.From, false); err != nil {
		return err
	}
	if r.To, err = validate.Date("to", msg.LabelTo, r.To, false); err != nil {
		return err
	}
	return validate.DateRange("to", r.From, r.To)
}

// ConversionReport counts the leads created in the period by source or by
// owner: all of them, the converted, the invalid, and the conversion rate.
func (s *Service) ConversionReport(req ReportRequest) (Report, error) {
	if err := checkReport(&req); err != nil {
		return Report{}, err
	}
	rows, err := store.LeadRates(s.env.Ctx(), s.st.DB, req.By, req.From, req.To)
	if err != nil {
		return Report{}, err
	}
	out := Report{By: req.By, From: req.From, To: req.To, Rows: make([]RateRow, len(rows))}
	for i, r := range rows {
		out.Rows[i] = RateRow{Key: r.Key, OwnerID: r.OwnerID, Total: r.Total, Converted: r.Converted, Invalid: r.Invalid,
			RateBP: rate(r.Converted, r.Total)}
		out.Total.Total += r.Total
		out.Total.Converted += r.Converted
		out.Total.Invalid += r.Invalid
	}
	out.Total.RateBP = rate(out.Total.Converted, out.Total.Total)
	return out, nil
}

// ExportConversion writes the conversion report as CSV or XLSX, the
// totals as its last row.
func (s *Service) ExportConversion(req ReportRequest, format string) (string, error) {
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	rep, err := s.ConversionReport(req)
	if err != nil {
		return "", err
	}
	group, none := msg.LabelLeadSource, msg.LabelLeadNoSource
	if rep.By == "owner" {
		group, none = msg.LabelOwner, msg.LabelLeadNoOwner
	}
	var fs export.Filters
	fs.AddWords(msg.LabelLeadGroupBy, group, nil)
	fs.AddPeriod(msg.LabelLeadCreated, rep.From, rep.To)
	cols := []export.Column{{Label: group, Kind: export.Text}, {Label: msg.LabelLeadTotal, Kind: export.Int},
		{Label: msg.LabelLeadConverted, Kind: export.Int}, {Label: msg.LabelLeadInvalidN, Kind: export.Int},
		{Label: msg.LabelLeadRate, Kind: export.Percent}}
	return export.Save(s.env, "线索转化率", format, export.Table{Sheet: "线索转化率", Columns: cols, Filters: fs,
		Rows: func(emit func(...any) error) error {
			for _, r := range rep.Rows {
				key := r.Key
				if key == "" {
					key = msg.Render(msg.Zh, none, nil)
				}
				if err := emit(key, r.Total, r.Converted, r.Invalid, r.RateBP); err != nil {
					return err
				}
			}
			t := rep.Total
			return emit(msg.Render(msg.Zh, msg.LabelTotal, nil), t.Total, t.Converted, t.Invalid, t.RateBP)
		}})
}
