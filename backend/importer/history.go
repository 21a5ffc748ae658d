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
	return undoImport(ctx, st, id, others, nil)
}

// undoImport is UndoImport telling progress how many of the import's
// records it has dealt with (see store.UndoImport).
func undoImport(ctx context.Context, st *store.Store, id int64, others bool, progress func(done, total int)) (UndoResult, error) {
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
		return store.UndoImport(ctx, tx, id, skip, store.Now(), progress)
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
// One undo runs at a time, and no import beside it (it would wait for the
// undo's write and then fail as busy): both are refused with a message.
func (s *Service) Undo(id int64, others bool) (UndoResult, error) {
	s.mu.Lock()
	switch {
	case s.running != "":
		s.mu.Unlock()
		return UndoResult{}, errBusy()
	case s.undoing != 0:
		s.mu.Unlock()
		return UndoResult{}, errUndoBusy()
	}
	s.undoing = id
	s.undoDone.Store(0)
	s.undoTotal.Store(0)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.undoing = 0
		s.mu.Unlock()
	}()
	return undoImport(s.env.Ctx(), s.st, id, others, func(done, total int) {
		s.undoTotal.Store(int64(total))
		s.undoDone.Store(int64(done))
	})
}

// UndoPlan is what undoing import id would delete and restore, by table
// (opportunities, customers, owners …): the question before an undo
// names them all, not only the records of the file's kind. Records used
// since (a customer another opportunity now has) are kept by the undo.
func (s *Service) UndoPlan(id int64) ([]store.ImportItemCount, error) {
	ctx := s.env.Ctx()
	if _, err := store.GetImport(ctx, s.st.DB, id); err != nil {
		return nil, apperr.NotFound("id", msg.ImportNoSuchImport)
	}
	return store.ImportItemCounts(ctx, s.st.DB, id)
}

// UndoProgress is how far the undo under way is: the import's id (0: none
// running), and how many of its records have been dealt with. Total is 0
// while the undo still checks which records were changed since.
type UndoProgress struct {
	ImportID int64 `json:"importId"`
	Done     int64 `json:"done"`
	Total    int64 `json:"total"`
}

// UndoProgress reads the progress of the undo under way; the screen polls
// it while a large undo runs (a million records take minutes).
func (s *Service) UndoProgress() UndoProgress {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.undoing == 0 {
		return UndoProgress{}
	}
	return UndoProgress{ImportID: s.undoing, Done: s.undoDone.Load(), Total: s.undoTotal.Load()}
}

func errUndoBusy() error {
	return apperr.Conflict("", msg.ImportUndoBusy)
}
