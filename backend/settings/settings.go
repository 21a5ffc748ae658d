// Package settings keeps the user's preferences and the first-start offer
// of the example data.
package settings

import (
	"funneldesk/backend/apperr"
	"funneldesk/backend/demo"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"

	"funneldesk/backend/svc"
)

// Settings is what the UI needs at start.
type Settings struct {
	// Language is "zh-CN" (default) or "en".
	Language string `json:"language"`
	DBPath   string `json:"dbPath"`
	// OfferDemo is true while the database is empty and the user has not
	// declined the example data.
	OfferDemo bool `json:"offerDemo"`
	// CanLoadDemo is true while the database is empty, declined or not:
	// Settings and the empty funnel offer the example again.
	CanLoadDemo bool `json:"canLoadDemo"`
	// DemoRecords counts the example's customers and opportunities still
	// recorded as loaded (0: nothing to remove).
	DemoRecords int `json:"demoRecords"`
	// OrderWins says what saving an order made from an open opportunity
	// does to it: "ask" (default), "always" (mark it won) or "never".
	OrderWins string `json:"orderWins"`
}

// OrderWinsModes are the choices of Settings.OrderWins.
var OrderWinsModes = []string{store.OrderWinsAsk, store.OrderWinsAlways, store.OrderWinsNever}

// Languages the UI offers.
var Languages = []string{"zh-CN", "en"}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the settings service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Get returns the current settings.
func (s *Service) Get() (Settings, error) {
	ctx := s.env.Ctx()
	lang, err := store.GetSetting(ctx, s.st.DB, "language", "zh-CN")
	if err != nil {
		return Settings{}, err
	}
	declined, err := store.GetSetting(ctx, s.st.DB, "demo_declined", "")
	if err != nil {
		return Settings{}, err
	}
	empty, err := store.IsEmpty(ctx, s.st.DB)
	if err != nil {
		return Settings{}, err
	}
	rec, err := demo.Loaded(ctx, s.st.DB)
	if err != nil {
		return Settings{}, err
	}
	wins, err := store.GetSetting(ctx, s.st.DB, store.SettingOrderWins, store.OrderWinsAsk)
	if err != nil {
		return Settings{}, err
	}
	return Settings{Language: lang, DBPath: s.st.Path, OfferDemo: empty && declined == "", CanLoadDemo: empty, DemoRecords: rec.Count(), OrderWins: wins}, nil
}

// SetOrderWins chooses what a new order does to its open opportunity.
func (s *Service) SetOrderWins(mode string) (Settings, error) {
	ok := false
	for _, m := range OrderWinsModes {
		ok = ok || m == mode
	}
	if !ok {
		return Settings{}, apperr.Invalid("orderWins", msg.OrderWinsUnknown, msg.P{"value": mode})
	}
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		ctx := s.env.Ctx()
		old, err := store.GetSetting(ctx, tx, store.SettingOrderWins, store.OrderWinsAsk)
		if err != nil {
			return err
		}
		if err := store.SetSetting(ctx, tx, store.SettingOrderWins, mode); err != nil {
			return err
		}
		return oplog.Setting(ctx, tx, "orderWins", old, mode)
	}); err != nil {
		return Settings{}, err
	}
	return s.Get()
}

// SetLanguage remembers the UI language.
func (s *Service) SetLanguage(lang string) (Settings, error) {
	ok := false
	for _, l := range Languages {
		ok = ok || l == lang
	}
	if !ok {
		return Settings{}, apperr.Invalid("language", msg.LanguageUnsupported, msg.P{"value": lang})
	}
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.SetSetting(s.env.Ctx(), tx, "language", lang)
	}); err != nil {
		return Settings{}, err
	}
	return s.Get()
}

// LoadDemo loads the seed's example into the empty database.
func (s *Service) LoadDemo() (Settings, error) {
	if err := demo.Load(s.env.Ctx(), s.st); err != nil {
		return Settings{}, err
	}
	return s.Get()
}

// RemoveDemo deletes exactly the records the example loaded; it refuses,
// naming the reason, when one was changed or is referred to since.
func (s *Service) RemoveDemo() (Settings, error) {
	if _, err := demo.Remove(s.env.Ctx(), s.st); err != nil {
		return Settings{}, err
	}
	return s.Get()
}

// DeclineDemo stops offering the example data.
func (s *Service) DeclineDemo() (Settings, error) {
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.SetSetting(s.env.Ctx(), tx, "demo_declined", "1")
	}); err != nil {
		return Settings{}, err
	}
	return s.Get()
}
