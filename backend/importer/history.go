package importer

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// UndoResult tells what an undo did.
type UndoResult struct {
	ImportID int64 `json:"importId"`
	// Kept are the records left as they are because they were changed
	// after the import (undo of the others only).
	Kept []store.Changed `json:"kept"`
}

// UndoImport removes what import id added and restores what it updated.
// If records it touched were changed since, it is refused with their
// names, unless others is set: then those are kept and the rest undone.
func UndoImport(ctx context.Context, st *store.Store, id int64, others bool) (UndoResult, error) {
	res := UndoResult{ImportID: id, Kept: []store.Changed{}}
	err := st.Tx(ctx, func(tx store.Tx) error {
		im, err := store.GetImport(ctx, tx, id)
		if err != nil {
			return apperr.NotFound("id", msg.ImportNoSuchImport)
		}
		if im.UndoneAt != "" {
			return apperr.Conflict("id", msg.ImportAlreadyUndone)
		}
		changed, err := store.ImportChanges(ctx, tx, id)
		if err != nil {
			return err
		}
		if len(changed) > 0 && !others {
			names := make([]string, 0, 10)
			for i, c := range changed {
				if i == 10 {
					names = append(names, "…")
					break
				}
				names = append(names, c.Name+" (#"+strconv.FormatInt(c.ID, 10)+")")
			}
			e := apperr.Conflict("id", msg.ImportUndoChanged, msg.P{"count": len(changed), "names": strings.Join(names, "、")})
			return e
		}
		skip := map[string]map[int64]bool{}
		for _, c := range changed {
			if skip[c.Table] == nil {
				skip[c.Table] = map[int64]bool{}
			}
			skip[c.Table][c.ID] = true
			res.Kept = append(res.Kept, c)
		}
		return store.UndoImport(ctx, tx, id, skip, store.Now())
	})
	return res, err
}

// MergedOf is how many rows of a recorded import were merged into an
// earlier row's record: the history row keeps it in its counts (0 for
// imports recorded before rows were counted so).
func MergedOf(im store.Import) int { return countOf(im).Merged }

// UnchangedOf is how many records an import reached that already held
// the file's values (not written), kept in its mapping JSON as the merged
// are (0 for customer, contact, product and lead imports recorded before
// those were counted apart).
func UnchangedOf(im store.Import) int { return countOf(im).Unchanged }

// countOf is the counts of the import's own kind from its mapping JSON.
func countOf(im store.Import) KindCount {
	var m struct {
		Counts []KindCount `json:"counts"`
	}
	if json.Unmarshal([]byte(im.Mapping), &m) != nil {
		return KindCount{}
	}
	for _, c := range m.Counts {
		if c.Kind == im.Kind {
			return c
		}
	}
	return KindCount{}
}

// History lists the recorded imports, newest first.
func (s *Service) History() ([]store.Import, error) {
	return store.ListImports(s.env.Ctx(), s.st.DB)
}

// Undo undoes an import (others: keep the records changed since and undo
// the rest).
func (s *Service) Undo(id int64, others bool) (UndoResult, error) {
	s.mu.Lock()
	busy := s.running != ""
	s.mu.Unlock()
	if busy {
		return UndoResult{}, errBusy()
	}
	return UndoImport(s.env.Ctx(), s.st, id, others)
}
