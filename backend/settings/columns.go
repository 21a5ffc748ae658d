package settings

import (
	"encoding/json"
	"regexp"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// listName is a list screen's key ("opportunities", "customers" …).
var listName = regexp.MustCompile(`^[a-z][a-zA-Z0-9]{0,29}$`)

// ListColumns returns the columns the user chose for a list, in order; an
// empty answer means the list's own defaults.
func (s *Service) ListColumns(list string) ([]string, error) {
	if !listName.MatchString(list) {
		return nil, apperr.Invalid("list", msg.ColumnsListUnknown, msg.P{"name": list})
	}
	v, err := store.GetSetting(s.env.Ctx(), s.st.DB, "columns."+list, "")
	if err != nil || v == "" {
		return []string{}, err
	}
	out := []string{}
	if json.Unmarshal([]byte(v), &out) != nil {
		return []string{}, nil // an unreadable choice falls back to the defaults
	}
	return out, nil
}

// SetListColumns remembers the columns chosen for a list (a preference,
// like the language: not a change of records, so not in the history).
func (s *Service) SetListColumns(list string, columns []string) ([]string, error) {
	if !listName.MatchString(list) {
		return nil, apperr.Invalid("list", msg.ColumnsListUnknown, msg.P{"name": list})
	}
	if len(columns) > 60 {
		return nil, apperr.Invalid("columns", msg.ColumnsTooMany)
	}
	out := []string{}
	seen := map[string]bool{}
	for _, c := range columns {
		c, err := validate.Text("columns", msg.LabelColumns, c, false, 40)
		if err != nil {
			return nil, err
		}
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	b, _ := json.Marshal(out)
	err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.SetSetting(s.env.Ctx(), tx, "columns."+list, string(b))
	})
	return out, err
}
