// Package search is the global search (Ctrl+K): one call that finds
// customers, contacts, opportunities, quotes and orders by name (with its
// pinyin and initials), number or phone, a few of each kind.
package search

import (
	"strings"
	"unicode/utf8"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// PerKind is how many records of each kind one search returns: the dialog
// shows a handful to choose from, and the lists hold the rest.
const PerKind = 8

// MaxQuery is the longest search text, in characters.
const MaxQuery = 100

// Service is the global search bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the search over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Results are the records found, grouped by kind in a fixed order
// (customers, contacts, opportunities, leads, quotes, orders), each group
// best first: names whose pinyin, then whose initials, start with the
// query, then every other match newest first (store.Search).
type Results struct {
	Query string            `json:"query"`
	Hits  []store.SearchHit `json:"hits"`
}

// Search finds the records matching query; an empty query finds nothing.
func (s *Service) Search(query string) (Results, error) {
	q := strings.TrimSpace(query)
	if utf8.RuneCountInString(q) > MaxQuery {
		return Results{}, apperr.Invalid("query", msg.SearchTooLong, msg.P{"max": MaxQuery})
	}
	hits, err := store.Search(s.env.Ctx(), s.st.DB, q, PerKind)
	if err != nil {
		return Results{}, err
	}
	if hits == nil {
		hits = []store.SearchHit{}
	}
	return Results{Query: q, Hits: hits}, nil
}
