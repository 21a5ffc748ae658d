package product

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// LineInput is one product line of an opportunity, a quote or an order as
// the form sends it. Quantity is a decimal with at most 3 places ("2",
// "1.5"); UnitPrice is yuan and empty means the customer's price (PriceFor);
// Discount is percent (0–100, 2 places) and empty means none.
type LineInput struct {
	ProductID int64  `json:"productId"`
	Quantity  string `json:"quantity"`
	UnitPrice string `json:"unitPrice"`
	Discount  string `json:"discount"`
}

// MaxLines bounds the lines of one document.
const MaxLines = 500

// QtyScale is the fixed-point scale of quantities: qtyMilli = quantity × 1000.
const QtyScale = 1000

// maxQtyMilli is one billion units.
const maxQtyMilli = int64(1_000_000_000) * QtyScale

// maxCents matches money's bound: a line total beyond it is refused.
const maxCents = int64(1_000_000_000_000_00)

// Errors of ParseQty: the money package's, so both parsers agree.
var (
	ErrQtyEmpty     = money.ErrEmpty
	ErrQtyMalformed = money.ErrMalformed
	ErrQtyPrecision = money.ErrPrecision
	ErrQtyRange     = money.ErrRange
)

// ParseQty reads "2", "1.5", "1,000", "0.125" into thousandths. Zero and
// negative quantities are out of range.
func ParseQty(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrQtyEmpty
	}
	if strings.HasPrefix(s, "-") {
		return 0, ErrQtyRange
	}
	v, err := money.ParseDecimal(s, 3)
	if err != nil {
		return 0, err
	}
	if v <= 0 || v > maxQtyMilli {
		return 0, ErrQtyRange
	}
	return v, nil
}

// FormatQty writes thousandths as the shortest decimal: 1500 → "1.5".
func FormatQty(milli int64) string {
	neg := milli < 0
	if neg {
		milli = -milli
	}
	s := strconv.FormatInt(milli/QtyScale, 10)
	if f := milli % QtyScale; f != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%03d", f), "0")
	}
	if neg {
		return "-" + s
	}
	return s
}

// LineTotal is round-half-up(qty × unit price × (1 − discount)) in cents;
// ok is false when the result exceeds the largest amount.
func LineTotal(qtyMilli, unitPriceCents int64, discountBP int) (int64, bool) {
	n := new(big.Int).Mul(big.NewInt(qtyMilli), big.NewInt(unitPriceCents))
	n.Mul(n, big.NewInt(int64(10000-discountBP)))
	n = money.RoundDiv(n, 10_000_000)
	if !n.IsInt64() || n.Int64() > maxCents {
		return 0, false
	}
	return n.Int64(), true
}

// ShareOf is round-half-up(totalCents × partMilli / wholeMilli): the money
// of part of a line's quantity. Taking cumulative shares (share of all
// returned so far minus share of what was returned before) makes the parts
// add up to the line total exactly.
func ShareOf(totalCents, partMilli, wholeMilli int64) int64 {
	if wholeMilli <= 0 {
		return 0
	}
	n := new(big.Int).Mul(big.NewInt(totalCents), big.NewInt(partMilli))
	return money.RoundDiv(n, wholeMilli).Int64()
}

// lineErr puts a line's number in front of a field error and names the
// field lines[i].<field>.
func lineErr(i int, err error) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	out := e.Wrap(msg.LineError, msg.P{"line": i + 1})
	out.Field = fmt.Sprintf("lines[%d].%s", i, e.Field)
	return out
}

// BuildLines validates the lines of a document for customerID and prices
// them: an empty unit price takes the customer's price (its price list's,
// else the standard price). Retired products are refused unless keep names
// them (lines carried over from an earlier document). It returns the lines
// and their total.
func BuildLines(ctx context.Context, q store.Querier, customerID int64, in []LineInput, keep map[int64]bool) ([]store.Line, int64, error) {
	if len(in) > MaxLines {
		return nil, 0, apperr.Invalid("lines", msg.TooManyLines, msg.P{"max": MaxLines})
	}
	var terms *store.CustomerTerms
	out := make([]store.Line, 0, len(in))
	var total int64
	// Every line is checked, so that the form hears of every bad cell at once.
	var errs apperr.List
	for i, li := range in {
		bad := false
		add := func(err error) {
			if err != nil {
				bad = true
				errs.Add(lineErr(i, err))
			}
		}
		var p store.Product
		if li.ProductID == 0 {
			add(apperr.Invalid("productId", msg.ChooseProduct))
		} else if got, err := store.GetProduct(ctx, q, li.ProductID); errors.Is(err, store.ErrNotFound) {
			add(apperr.Invalid("productId", msg.ProductUnknown))
		} else if err != nil {
			return nil, 0, err
		} else if p = got; !p.Active && !keep[p.ID] {
			add(apperr.Invalid("productId", msg.ProductRetired, msg.P{"name": p.Name}))
		}
		qty, err := ParseQty(li.Quantity)
		if err != nil {
			add(qtyError(li.Quantity, err))
		}
		var price int64
		if strings.TrimSpace(li.UnitPrice) != "" {
			price, err = validate.Amount("unitPrice", msg.LabelUnitPrice, li.UnitPrice, true)
			add(err)
		} else if p.ID != 0 {
			if terms == nil {
				t, err := store.GetCustomerTerms(ctx, q, customerID)
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return nil, 0, err
				}
				terms = &t
			}
			if price, _, err = priceFor(ctx, q, *terms, p); err != nil {
				return nil, 0, err
			}
		}
		disc, _, err := validate.Percent("discount", msg.LabelDiscount, li.Discount)
		add(err)
		if bad {
			continue
		}
		lt, ok := LineTotal(qty, price, disc)
		if !ok || total+lt > maxCents {
			add(apperr.Invalid("quantity", msg.LineAmountRange))
			continue
		}
		total += lt
		out = append(out, store.Line{Position: i + 1, ProductID: p.ID, ProductCode: p.Code, ProductName: p.Name, Unit: p.Unit,
			QtyMilli: qty, UnitPriceCents: price, DiscountBP: disc, TotalCents: lt})
	}
	if err := errs.Err(); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

func qtyError(s string, err error) error {
	switch err {
	case ErrQtyEmpty:
		return apperr.Invalid("quantity", msg.QtyRequired)
	case ErrQtyPrecision:
		return apperr.Invalid("quantity", msg.QtyDecimals, msg.P{"value": s})
	case ErrQtyRange:
		return apperr.Invalid("quantity", msg.QtyRange, msg.P{"value": s})
	default:
		return apperr.Invalid("quantity", msg.QtyInvalid, msg.P{"value": s})
	}
}

// LinesToInput turns stored lines back into form lines with their prices
// fixed, to carry them over to the next document.
func LinesToInput(lines []store.Line) []LineInput {
	out := make([]LineInput, len(lines))
	for i, l := range lines {
		out[i] = LineInput{ProductID: l.ProductID, Quantity: FormatQty(l.QtyMilli), UnitPrice: money.Plain(l.UnitPriceCents),
			Discount: money.Percent(l.DiscountBP)}
	}
	return out
}

// ProductIDs returns the set of products the lines name.
func ProductIDs(lines []store.Line) map[int64]bool {
	m := map[int64]bool{}
	for _, l := range lines {
		m[l.ProductID] = true
	}
	return m
}
