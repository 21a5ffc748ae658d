package product

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// OpportunityLinesInput replaces an opportunity's product lines. With
// FollowLines the opportunity's amount becomes the sum of the lines, now
// and whenever its lines or its form are saved later.
type OpportunityLinesInput struct {
	FollowLines bool        `json:"followLines"`
	Lines       []LineInput `json:"lines"`
}

// OpportunityLines are an opportunity's product lines and amount.
type OpportunityLines struct {
	OpportunityID int64        `json:"opportunityId"`
	FollowLines   bool         `json:"followLines"`
	Lines         []store.Line `json:"lines"`
	// TotalCents is the sum of the lines; AmountCents the opportunity's amount
	// (equal to it while FollowLines is on).
	TotalCents  int64 `json:"totalCents"`
	AmountCents int64 `json:"amountCents"`
}

func oppState(ctx context.Context, q store.Querier, id int64) (store.OpportunityLineState, error) {
	s, err := store.GetOpportunityLineState(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return s, apperr.NotFound("opportunityId", msg.OpportunityNotFound)
	}
	return s, err
}

// GetOpportunityLines returns an opportunity's product lines.
func (s *Service) GetOpportunityLines(opportunityID int64) (OpportunityLines, error) {
	return OpportunityLinesOf(s.env.Ctx(), s.st.DB, opportunityID)
}

// OpportunityLinesOf reads an opportunity's lines within q (quotes and
// orders carry them over).
func OpportunityLinesOf(ctx context.Context, q store.Querier, opportunityID int64) (OpportunityLines, error) {
	st, err := oppState(ctx, q, opportunityID)
	if err != nil {
		return OpportunityLines{}, err
	}
	lines, err := store.ListLines(ctx, q, "opportunity_lines", opportunityID)
	if err != nil {
		return OpportunityLines{}, err
	}
	out := OpportunityLines{OpportunityID: opportunityID, FollowLines: st.FollowsLines, Lines: lines, AmountCents: st.AmountCents}
	for _, l := range lines {
		out.TotalCents += l.TotalCents
	}
	return out, nil
}

// SetOpportunityLines replaces an opportunity's lines (priced for its
// customer when a unit price is empty) and sets whether its amount follows
// them; with FollowLines the amount is updated in the same transaction.
func (s *Service) SetOpportunityLines(opportunityID int64, in OpportunityLinesInput) (OpportunityLines, error) {
	ctx := s.env.Ctx()
	var out OpportunityLines
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		st, err := oppState(ctx, tx, opportunityID)
		if err != nil {
			return err
		}
		cur, err := store.ListLines(ctx, tx, "opportunity_lines", opportunityID)
		if err != nil {
			return err
		}
		lines, total, err := BuildLines(ctx, tx, st.CustomerID, in.Lines, ProductIDs(cur))
		if err != nil {
			return err
		}
		if err := store.ReplaceLines(ctx, tx, "opportunity_lines", opportunityID, lines); err != nil {
			return err
		}
		if err := store.SetOpportunityFollowsLines(ctx, tx, opportunityID, in.FollowLines, total); err != nil {
			return err
		}
		out, err = OpportunityLinesOf(ctx, tx, opportunityID)
		return err
	})
	return out, err
}
