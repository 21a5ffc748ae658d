package product

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// CategoryInput creates, renames or moves a category. ParentID 0 is the top
// level.
type CategoryInput struct {
	Name     string `json:"name"`
	ParentID int64  `json:"parentId"`
}

// Categories returns the category tree flattened depth-first: each category
// after its parent, with its depth and full path ("办公设备 / 打印机").
func (s *Service) Categories() ([]store.Category, error) {
	return store.ListCategories(s.env.Ctx(), s.st.DB)
}

func getCategory(ctx context.Context, q store.Querier, id int64) (store.Category, error) {
	c, err := store.GetCategory(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return c, apperr.NotFound("id", msg.CategoryNotFound)
	}
	return c, err
}

// checkCategory validates in for category id (0: new) and returns the name
// and parent to write.
func checkCategory(ctx context.Context, q store.Querier, id int64, in CategoryInput) (string, *int64, error) {
	var errs apperr.List
	name, err := validate.Text("name", msg.LabelCategoryName, in.Name, true, 50)
	nameOK := errs.OK(err)
	var parent *int64
	if in.ParentID != 0 {
		if _, err := store.GetCategory(ctx, q, in.ParentID); errors.Is(err, store.ErrNotFound) {
			errs.Add(apperr.Invalid("parentId", msg.ParentUnknown))
		} else if errs.OK(err) && id != 0 {
			// The new parent must not be the category itself or below it.
			up, err := store.CategoryAncestors(ctx, q, in.ParentID)
			errs.Add(err)
			for _, a := range up {
				if a == id {
					errs.Add(apperr.Invalid("parentId", msg.CategoryCycle))
					break
				}
			}
		}
		p := in.ParentID
		parent = &p
	}
	if nameOK && !errs.Has("parentId") {
		if other, err := store.CategorySiblingNamed(ctx, q, parent, name); err == nil && other.ID != id {
			errs.Add(apperr.Conflict("name", msg.CategoryDuplicate, msg.P{"name": name}))
		} else if !errors.Is(err, store.ErrNotFound) {
			errs.Add(err)
		}
	}
	return name, parent, errs.Err()
}

// CreateCategory adds a category under ParentID (0: top level); sibling
// names are unique.
func (s *Service) CreateCategory(in CategoryInput) (store.Category, error) {
	ctx := s.env.Ctx()
	var out store.Category
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		name, parent, err := checkCategory(ctx, tx, 0, in)
		if err != nil {
			return err
		}
		id, err := store.InsertCategory(ctx, tx, name, parent)
		if err != nil {
			return err
		}
		if out, err = store.GetCategory(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "category", ID: id, Name: out.Path, Action: oplog.Create, New: out})
	})
	return out, err
}

// UpdateCategory renames a category or moves it under another parent (never
// under itself or its own descendants).
func (s *Service) UpdateCategory(id int64, in CategoryInput) (store.Category, error) {
	ctx := s.env.Ctx()
	var out store.Category
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := getCategory(ctx, tx, id)
		if err != nil {
			return err
		}
		name, parent, err := checkCategory(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if err := store.UpdateCategory(ctx, tx, id, name, parent); err != nil {
			return err
		}
		if out, err = store.GetCategory(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "category", ID: id, Name: out.Path, Action: oplog.Update, Old: cur, New: out})
	})
	return out, err
}

// DeleteCategory removes a category that has no sub-categories and no
// products.
func (s *Service) DeleteCategory(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := getCategory(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Children > 0 {
			return apperr.Conflict("id", msg.CategoryHasChildren, msg.P{"name": c.Name})
		}
		if c.Products > 0 {
			return apperr.Conflict("id", msg.CategoryHasProducts, msg.P{"name": c.Name})
		}
		if err := store.DeleteCategory(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "category", ID: id, Name: c.Path, Action: oplog.Delete, Old: c})
	})
}
