package main

import (
	"context"

	"funneldesk/backend/customer"
	"funneldesk/backend/desktop"
	"funneldesk/backend/funnel"
	"funneldesk/backend/importer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/owner"
	"funneldesk/backend/settings"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
)

// App wires the services over one store; it holds no business rules.
type App struct {
	st            *store.Store
	Owners        *owner.Service
	Stages        *stage.Service
	Customers     *customer.Service
	Opportunities *opportunity.Service
	Funnel        *funnel.Service
	Settings      *settings.Service
	Desktop       *desktop.Service
	Imports       *importer.Service
}

// NewApp builds every service over st. saveDir is where headless saves go.
func NewApp(st *store.Store, saveDir string) *App {
	return &App{
		st:            st,
		Owners:        owner.NewService(st),
		Stages:        stage.NewService(st),
		Customers:     customer.NewService(st),
		Opportunities: opportunity.NewService(st),
		Funnel:        funnel.NewService(st),
		Settings:      settings.NewService(st),
		Desktop:       desktop.NewService(saveDir),
		Imports:       importer.NewService(st),
	}
}

// Bindings lists the services the UI calls, for Wails and the headless server alike.
func (a *App) Bindings() []any {
	return []any{a.Owners, a.Stages, a.Customers, a.Opportunities, a.Funnel, a.Settings, a.Desktop, a.Imports}
}

func (a *App) startup(ctx context.Context) { desktop.SetContext(a.Desktop, ctx) }

func (a *App) shutdown(context.Context) { a.st.Close() }
