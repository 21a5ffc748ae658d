package settings

import (
	"path/filepath"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func newService(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	st := storetest.New(t)
	return NewService(st, svc.New(nil)), st
}

func TestDefaults(t *testing.T) {
	s, st := newService(t)
	got, err := s.Get()
	if err != nil {
		t.Fatal(err)
	}
	if want := (Settings{Language: "zh-CN", DBPath: st.Path, OfferDemo: true, CanLoadDemo: true, OrderWins: "ask"}); got != want {
		t.Errorf("settings = %+v, want %+v", got, want)
	}
}

func TestSetLanguage(t *testing.T) {
	tests := []struct {
		lang string
		code string
	}{
		{"en", ""},
		{"zh-CN", ""},
		{"fr", apperr.CodeInvalid},
		{"EN", apperr.CodeInvalid},
		{"zh", apperr.CodeInvalid},
		{"", apperr.CodeInvalid},
	}
	s, _ := newService(t)
	if _, err := s.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			before, _ := s.Get()
			got, err := s.SetLanguage(tt.lang)
			storetest.WantErr(t, err, tt.code, "language")
			after, _ := s.Get()
			if err != nil {
				if after.Language != before.Language {
					t.Errorf("refused language changed %s to %s", before.Language, after.Language)
				}
				return
			}
			if got.Language != tt.lang || after.Language != tt.lang {
				t.Errorf("language = %s (stored %s), want %s", got.Language, after.Language, tt.lang)
			}
		})
	}
}

func TestPersistAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := NewService(st, svc.New(nil))
	if _, err := s.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeclineDemo(); err != nil {
		t.Fatal(err)
	}
	st.Close()

	st, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := NewService(st, svc.New(nil)).Get()
	if err != nil {
		t.Fatal(err)
	}
	if want := (Settings{Language: "en", DBPath: path, OfferDemo: false, CanLoadDemo: true, OrderWins: "ask"}); got != want {
		t.Errorf("after reopen %+v, want %+v", got, want)
	}
}

func TestOfferDemo(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, s *Service, st *store.Store)
		offer bool
	}{
		{"empty", func(*testing.T, *Service, *store.Store) {}, true},
		{"only salespeople", func(t *testing.T, _ *Service, st *store.Store) { storetest.Owner(t, st, "张三") }, true},
		{"declined", func(t *testing.T, s *Service, _ *store.Store) {
			if got, err := s.DeclineDemo(); err != nil || got.OfferDemo {
				t.Fatalf("DeclineDemo = %+v, %v", got, err)
			}
		}, false},
		{"has a customer", func(t *testing.T, _ *Service, st *store.Store) {
			storetest.Customer(t, st, "客户", storetest.Owner(t, st, "张三"))
		}, false},
		{"demo loaded", func(t *testing.T, s *Service, _ *store.Store) {
			if got, err := s.LoadDemo(); err != nil || got.OfferDemo {
				t.Fatalf("LoadDemo = %+v, %v", got, err)
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st := newService(t)
			tt.setup(t, s, st)
			got, err := s.Get()
			if err != nil {
				t.Fatal(err)
			}
			if got.OfferDemo != tt.offer {
				t.Errorf("OfferDemo = %v, want %v", got.OfferDemo, tt.offer)
			}
		})
	}
}

func TestLoadDemo(t *testing.T) {
	s, st := newService(t)
	if _, err := s.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(t, st, "opportunities"); n != 3 {
		t.Errorf("%d opportunities after LoadDemo, want 3", n)
	}
	_, err := s.LoadDemo()
	storetest.WantErr(t, err, apperr.CodeConflict, "")
	if n := storetest.Count(t, st, "opportunities"); n != 3 {
		t.Errorf("%d opportunities after a refused second load, want 3", n)
	}
}

func TestSetOrderWins(t *testing.T) {
	s, _ := newService(t)
	tests := []struct {
		mode, code, want string
	}{
		{"always", "", "always"},
		{"never", "", "never"},
		{"sometimes", apperr.CodeInvalid, "never"},
		{"", apperr.CodeInvalid, "never"},
		{"ask", "", "ask"},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			_, err := s.SetOrderWins(tt.mode)
			storetest.WantErr(t, err, tt.code, "orderWins")
			if got, _ := s.Get(); got.OrderWins != tt.want {
				t.Errorf("OrderWins = %q, want %q", got.OrderWins, tt.want)
			}
		})
	}
}
