package order

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// InstallmentInput is one installment of a payment plan. ID names an
// existing installment to keep (0: a new one). Amount is yuan.
type InstallmentInput struct {
	ID      int64  `json:"id"`
	DueDate string `json:"dueDate"`
	Amount  string `json:"amount"`
	OwnerID int64  `json:"ownerId"`
	Note    string `json:"note"`
}

// ReceiptInput records money received against an installment. Date
// defaults to today; Amount is yuan and may not exceed what is still unpaid
// of the installment.
type ReceiptInput struct {
	InstallmentID int64  `json:"installmentId"`
	Date          string `json:"date"`
	Amount        string `json:"amount"`
	Method        string `json:"method"`
	Note          string `json:"note"`
	// ConfirmEarlier confirms a date before the order's signing date;
	// without it that is refused with a conflict naming both dates.
	ConfirmEarlier bool `json:"confirmEarlier"`
}

func planErr(i int, err error) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	out := e.Wrap(msg.InstallmentError, msg.P{"n": i + 1})
	out.Field = fmt.Sprintf("plan[%d].%s", i, e.Field)
	return out
}

// SetPlan replaces an order's payment plan. The installments must add up
// to the order's net total (total − returned), or to what has been received
// when a return has left that above the net total. Installments with
// receipts must be kept, and not below what they received.
func (s *Service) SetPlan(orderID int64, plan []InstallmentInput) (Detail, error) {
	ctx := s.env.Ctx()
	today := s.today()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		o, err := live(ctx, tx, orderID, today, "id")
		if err != nil {
			return err
		}
		before, err := planOf(ctx, tx, o.ID)
		if err != nil {
			return err
		}
		if err := writePlan(ctx, tx, o, plan); err != nil {
			return err
		}
		after, err := planOf(ctx, tx, o.ID)
		if err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "order", ID: o.ID, Name: o.Number, Action: oplog.Update, Owner: o.OwnerName,
			Old: map[string]any{"plan": before}, New: map[string]any{"plan": after}})
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(orderID)
}

// planItem is an installment as the log keeps it: what the user set, not
// what receipts made of it.
type planItem struct {
	Seq         int    `json:"seq"`
	DueDate     string `json:"dueDate"`
	AmountCents int64  `json:"amountCents"`
	OwnerName   string `json:"ownerName"`
	Note        string `json:"note,omitempty"`
}

func planOf(ctx context.Context, q store.Querier, orderID int64) ([]planItem, error) {
	cur, err := store.ListInstallments(ctx, q, orderID)
	if err != nil {
		return nil, err
	}
	out := make([]planItem, len(cur))
	for i, c := range cur {
		out[i] = planItem{Seq: c.Seq, DueDate: c.DueDate, AmountCents: c.AmountCents, OwnerName: c.OwnerName, Note: c.Note}
	}
	return out, nil
}

// planRow is an installment of a plan checked for writing, with its row.
type planRow struct {
	store.Installment
	idx int
}

// checkPlan validates plan against order o (o.ID 0: an order not yet
// written) and returns its rows and the current installments. Every row is
// checked, so that the form hears of every bad cell at once; the sum is
// only compared once each row is right.
func checkPlan(ctx context.Context, q store.Querier, o store.Order, plan []InstallmentInput) ([]planRow, []store.Installment, error) {
	if len(plan) > 120 {
		return nil, nil, apperr.Invalid("plan", msg.PlanTooLong, msg.P{"max": 120})
	}
	cur, err := store.ListInstallments(ctx, q, o.ID)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]store.Installment{}
	var received int64
	for _, c := range cur {
		byID[c.ID] = c
		received += c.ReceivedCents
	}
	rows := make([]planRow, 0, len(plan))
	kept := map[int64]bool{}
	var sum int64
	var errs apperr.List
	for i, in := range plan {
		add := func(err error) bool { return errs.OK(planErr(i, err)) }
		var it store.Installment
		if in.ID != 0 {
			c, ok := byID[in.ID]
			if !ok || kept[in.ID] {
				add(apperr.Invalid("id", msg.InstallmentNotInOrder))
				continue
			}
			it = c
			kept[in.ID] = true
		}
		it.OrderID = o.ID
		it.DueDate, err = validate.Date("dueDate", msg.LabelInstallmentDue, in.DueDate, true)
		add(err)
		if it.AmountCents, err = validate.Amount("amount", msg.LabelInstallmentAmount, in.Amount, true); add(err) {
			if it.AmountCents == 0 {
				add(apperr.Invalid("amount", msg.InstallmentAmountZero))
			} else if it.AmountCents < it.ReceivedCents {
				add(apperr.Invalid("amount", msg.InstallmentBelowReceived, msg.P{"received": money.Yuan(it.ReceivedCents)}))
			}
		}
		ownerID := in.OwnerID
		if ownerID == 0 {
			ownerID = o.OwnerID
		}
		if ownerID != 0 {
			if w, err := owner.Resolve(ctx, q, ownerID, it.OwnerID); add(err) {
				it.OwnerID = w.ID
			}
		}
		it.Note, err = validate.Text("note", msg.LabelNotes, in.Note, false, 200)
		add(err)
		sum += it.AmountCents
		rows = append(rows, planRow{it, i})
	}
	for _, c := range cur {
		if !kept[c.ID] && c.Receipts > 0 {
			errs.Add(apperr.Conflict("plan", msg.InstallmentHasReceipts, msg.P{"n": c.Seq, "date": c.DueDate}))
		}
	}
	if errs.Has() {
		return nil, nil, errs.Err()
	}
	want := max(o.NetCents, received)
	if sum != want {
		diff := sum - want
		direction := msg.PlanOver
		if diff < 0 {
			diff, direction = -diff, msg.PlanShort
		}
		return nil, nil, apperr.Invalid("plan", msg.PlanSumMismatch, msg.P{"sum": money.Yuan(sum), "total": money.Yuan(want), "direction": direction, "diff": money.Yuan(diff)})
	}
	return rows, cur, nil
}

// writePlan validates plan against order o and writes it.
func writePlan(ctx context.Context, tx store.Tx, o store.Order, plan []InstallmentInput) error {
	rows, cur, err := checkPlan(ctx, tx, o, plan)
	if err != nil {
		return err
	}
	kept := map[int64]bool{}
	for _, r := range rows {
		kept[r.ID] = true
	}
	for _, c := range cur {
		if !kept[c.ID] {
			if err := store.DeleteInstallment(ctx, tx, c.ID); err != nil {
				return err
			}
		}
	}
	// Numbered by due date, the order the plan is read in.
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].DueDate < rows[b].DueDate })
	for seq, r := range rows {
		r.Seq = seq + 1
		if r.ID == 0 {
			if _, err := store.InsertInstallment(ctx, tx, o.CustomerID, r.Installment); err != nil {
				return err
			}
		} else if err := store.UpdateInstallment(ctx, tx, r.Installment); err != nil {
			return err
		}
	}
	return store.RefreshOrder(ctx, tx, o.ID)
}

// reconcilePlan trims the plan after the net total fell (a return) or a
// receipt went away: the unpaid part of the latest installments is cut until
// the plan adds up to max(net, received); emptied installments without
// receipts are removed.
func reconcilePlan(ctx context.Context, tx store.Tx, orderID int64, today string) error {
	o, err := store.GetOrder(ctx, tx, orderID, today)
	if err != nil {
		return err
	}
	cur, err := store.ListInstallments(ctx, tx, orderID)
	if err != nil {
		return err
	}
	var sum int64
	for _, c := range cur {
		sum += c.AmountCents
	}
	excess := sum - max(o.NetCents, o.ReceivedCents)
	if excess <= 0 {
		return nil
	}
	sort.SliceStable(cur, func(a, b int) bool {
		if cur[a].DueDate != cur[b].DueDate {
			return cur[a].DueDate > cur[b].DueDate
		}
		return cur[a].Seq > cur[b].Seq
	})
	for _, c := range cur {
		if excess == 0 {
			break
		}
		cut := min(c.AmountCents-c.ReceivedCents, excess)
		if cut == 0 {
			continue
		}
		excess -= cut
		c.AmountCents -= cut
		if c.AmountCents == 0 && c.Receipts == 0 {
			if err := store.DeleteInstallment(ctx, tx, c.ID); err != nil {
				return err
			}
			continue
		}
		if err := store.UpdateInstallment(ctx, tx, c); err != nil {
			return err
		}
	}
	// Renumber what is left.
	left, err := store.ListInstallments(ctx, tx, orderID)
	if err != nil {
		return err
	}
	for i, c := range left {
		if c.Seq != i+1 {
			c.Seq = i + 1
			if err := store.UpdateInstallment(ctx, tx, c); err != nil {
				return err
			}
		}
	}
	return store.RefreshOrder(ctx, tx, orderID)
}

// RecordReceipt records money received (回款) against an installment,
// numbered HK-YYYYMMDD-NNN after its date. More than the installment still
// has unpaid is refused.
func (s *Service) RecordReceipt(in ReceiptInput) (Detail, error) {
	ctx := s.env.Ctx()
	today := s.today()
	var orderID int64
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		if in.InstallmentID == 0 {
			return apperr.Invalid("installmentId", msg.ChooseInstallment)
		}
		it, err := store.GetInstallment(ctx, tx, in.InstallmentID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("installmentId", msg.InstallmentUnknown)
		}
		if err != nil {
			return err
		}
		o, err := live(ctx, tx, it.OrderID, today, "installmentId")
		if err != nil {
			return err
		}
		orderID = o.ID
		r := store.Receipt{OrderID: o.ID, InstallmentID: it.ID, CustomerID: o.CustomerID, OwnerID: it.OwnerID}
		var errs apperr.List
		r.Date, err = validate.Date("date", msg.LabelReceiptDate, in.Date, false)
		errs.Add(err)
		if r.Date == "" {
			r.Date = today
		}
		if r.AmountCents, err = validate.Amount("amount", msg.LabelReceiptAmount, in.Amount, true); errs.OK(err) {
			if r.AmountCents == 0 {
				errs.Add(apperr.Invalid("amount", msg.ReceiptAmountZero))
			} else if left := it.AmountCents - it.ReceivedCents; r.AmountCents > left {
				errs.Add(apperr.Conflict("amount", msg.ReceiptOverUnpaid, msg.P{"amount": money.Yuan(r.AmountCents), "n": it.Seq, "left": money.Yuan(left)}))
			}
		}
		r.Method, err = validate.Text("method", msg.LabelReceiptMethod, in.Method, false, 20)
		errs.Add(err)
		r.Note, err = validate.Text("note", msg.LabelNotes, in.Note, false, 500)
		errs.Add(err)
		if err := errs.Err(); err != nil {
			return err
		}
		// Money is rarely received before the contract is signed: most
		// often the date is mistyped, so ask.
		if !in.ConfirmEarlier && r.Date < o.SignedDate {
			return apperr.Conflict("date", msg.ReceiptBeforeSigned, msg.P{"date": r.Date, "number": o.Number, "signed": o.SignedDate})
		}
		if r.Number, err = store.NextReceiptNumber(ctx, tx, compact(r.Date)); err != nil {
			return err
		}
		id, err := store.InsertReceipt(ctx, tx, r)
		if err != nil {
			return err
		}
		logged, err := store.GetReceipt(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "receipt", ID: id, Name: r.Number, Action: oplog.Create, Owner: logged.OwnerName, New: logged}); err != nil {
			return err
		}
		if err := store.RefreshInstallment(ctx, tx, it.ID); err != nil {
			return err
		}
		return store.RefreshOrder(ctx, tx, o.ID)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(orderID)
}

// DeleteReceipt removes a receipt recorded by mistake; the order's figures
// and plan follow.
func (s *Service) DeleteReceipt(id int64) (Detail, error) {
	ctx := s.env.Ctx()
	today := s.today()
	var orderID int64
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		r, err := store.GetReceipt(ctx, tx, id)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.NotFound("id", msg.ReceiptNotFound)
		}
		if err != nil {
			return err
		}
		orderID = r.OrderID
		if _, err := live(ctx, tx, r.OrderID, today, "id"); err != nil {
			return err
		}
		if err := store.DeleteReceipt(ctx, tx, id); err != nil {
			return err
		}
		if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "receipt", ID: id, Name: r.Number, Action: oplog.Delete, Owner: r.OwnerName, Old: r}); err != nil {
			return err
		}
		if err := store.RefreshInstallment(ctx, tx, r.InstallmentID); err != nil {
			return err
		}
		if err := store.RefreshOrder(ctx, tx, r.OrderID); err != nil {
			return err
		}
		return reconcilePlan(ctx, tx, r.OrderID, today)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(orderID)
}
