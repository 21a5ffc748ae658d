package main

import (
	"context"

	"funneldesk/backend/customer"
	"funneldesk/backend/desktop"
	"funneldesk/backend/funnel"
	"funneldesk/backend/importer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/order"
	"funneldesk/backend/owner"
	"funneldesk/backend/product"
	"funneldesk/backend/quote"
	"funneldesk/backend/report"
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
	Products      *product.Service
	Quotes        *quote.Service
	Orders        *order.Service
	Reports       *report.Service
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
		Products:      product.NewService(st),
		Quotes:        quote.NewService(st),
		Orders:        order.NewService(st),
		Reports:       report.NewService(st),
	}
}

// Bindings lists the services the UI calls, for Wails and the headless server alike.
func (a *App) Bindings() []any {
	return []any{a.Owners, a.Stages, a.Customers, a.Opportunities, a.Funnel, a.Settings, a.Desktop, a.Imports,
		a.Products, a.Quotes, a.Orders, a.Reports}
}

func (a *App) startup(ctx context.Context) { desktop.SetContext(a.Desktop, ctx) }

func (a *App) shutdown(context.Context) { a.st.Close() }
