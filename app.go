package main

import (
	"context"
	"log"
	"path/filepath"
	"time"

	"github.com/gen2brain/beeep"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"funneldesk/backend/analysis"
	"funneldesk/backend/backup"
	"funneldesk/backend/changes"
	"funneldesk/backend/customer"
	"funneldesk/backend/dashboard"
	"funneldesk/backend/desktop"
	"funneldesk/backend/followup"
	"funneldesk/backend/funnel"
	"funneldesk/backend/importer"
	"funneldesk/backend/lead"
	"funneldesk/backend/oplog"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/order"
	"funneldesk/backend/owner"
	"funneldesk/backend/playbook"
	"funneldesk/backend/pool"
	"funneldesk/backend/product"
	"funneldesk/backend/quote"
	"funneldesk/backend/recycle"
	"funneldesk/backend/report"
	"funneldesk/backend/search"
	"funneldesk/backend/settings"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/target"
	"funneldesk/backend/task"
	"funneldesk/backend/team"
)

// App wires the services over one store; it holds no business rules.
type App struct {
	st            *store.Store
	env           *svc.Env
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
	FollowUps     *followup.Service
	Tasks         *task.Service
	Playbooks     *playbook.Service
	Dashboard     *dashboard.Service
	Recycle       *recycle.Service
	Oplog         *oplog.Service
	Teams         *team.Service
	Pools         *pool.Service
	Backups       *backup.Service
	Search        *search.Service
	Leads         *lead.Service
	Targets       *target.Service
	Analysis      *analysis.Service
	Changes       *changes.Service
}

// NewApp builds every service over st with env (context and clock). saveDir
// is where headless saves go.
func NewApp(st *store.Store, saveDir string, env *svc.Env) *App {
	backupDir := ""
	if saveDir != "" {
		env.SetPicker(svc.DirPicker(saveDir))
		backupDir = filepath.Join(saveDir, "backups")
	} else if st != nil {
		backupDir = backup.DefaultFolder(st.Path)
	}
	return &App{
		st:            st,
		env:           env,
		Owners:        owner.NewService(st, env),
		Stages:        stage.NewService(st, env),
		Customers:     customer.NewService(st, env),
		Opportunities: opportunity.NewService(st, env),
		Funnel:        funnel.NewService(st, env),
		Settings:      settings.NewService(st, env),
		Desktop:       desktop.NewService(env),
		Imports:       importer.NewService(st, env),
		Products:      product.NewService(st, env),
		Quotes:        quote.NewService(st, env),
		Orders:        order.NewService(st, env),
		Reports:       report.NewService(st, env),
		FollowUps:     followup.NewService(st, env),
		Tasks:         task.NewService(st, env),
		Playbooks:     playbook.NewService(st, env),
		Dashboard:     dashboard.NewService(st, env),
		Recycle:       recycle.NewService(st, env),
		Oplog:         oplog.NewService(st, env),
		Teams:         team.NewService(st, env),
		Pools:         pool.NewService(st, env),
		Backups:       backup.NewService(st, env, backupDir),
		Search:        search.NewService(st, env),
		Leads:         lead.NewService(st, env),
		Targets:       target.NewService(st, env),
		Analysis:      analysis.NewService(st, env),
		Changes:       changes.NewService(st, env),
	}
}

// Bindings lists the services the UI calls, for Wails and the headless server
// alike.
//
// The rule of the bound surface: Wails (and the headless server) expose every
// exported method of a bound service to the page, so a bound service's
// exported methods are exactly the calls frontend/src/api makes through
// frontend/wailsjs, no more. What only Go uses (test clocks, lifecycle wiring
// such as the Wails context, renderers shared with the CLI) is a plain
// function taking the service, or unexported; App itself is not bound, so
// startup and shutdown are not callable. TestBoundSurfaceIsWhatTheUICalls
// enforces the rule and TestGeneratedBindingsMatch that frontend/wailsjs is
// regenerated (`make bindings`).
func (a *App) Bindings() []any {
	return []any{a.Owners, a.Stages, a.Customers, a.Opportunities, a.Funnel, a.Settings, a.Desktop, a.Imports,
		a.Products, a.Quotes, a.Orders, a.Reports, a.FollowUps, a.Dashboard, a.Recycle, a.Oplog, a.Teams, a.Pools, a.Backups, a.Search,
		a.Leads, a.Targets, a.Analysis, a.Changes, a.Tasks, a.Playbooks}
}

func (a *App) startup(ctx context.Context) {
	desktop.Mark("startup")
	a.env.Start(ctx)
	a.env.SetPicker(desktop.SaveDialog(ctx))
	desktop.SetContext(a.Desktop, ctx)
	// The recycle bin's and the pools' rules run before the first screen
	// reads (the 工作台 shows who is about to be recycled); both are index
	// reads that end while WebKit is still starting.
	recycle.StartPurging(a.Recycle)
	pool.Start(a.env.Ctx(), a.Pools)
	backup.SetFolderDialog(a.Backups, func(title string) (string, error) {
		return runtime.OpenDirectoryDialog(ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
	})
	go func() {
		// Today's automatic backup copies the whole file (a second or
		// more at 1M rows) and the first reminder may start notify-send:
		// both wait until the first screen is on show.
		if !desktop.AfterFirstScreen(a.env.Ctx(), a.Desktop, 2*time.Second, 15*time.Second) {
			return
		}
		// Today's automatic backup, then while the app stays open.
		backup.StartAuto(a.Backups)
		// Reminders on the desktop, checked each minute on the env's
		// clock; only the desktop app starts them (the headless server
		// has no startup), and the env's context stops them at shutdown.
		dashboard.Watch(a.env.Ctx(), a.st, a.env, notify, time.Minute)
	}()
}

// notify shows a desktop notification where the OS allows (beeep: D-Bus or
// notify-send on Linux, toasts on Windows, osascript on macOS).
func notify(title, body string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("desktop notification: %v", r)
		}
	}()
	beeep.AppName = "FunnelDesk"
	return beeep.Notify(title, body, "")
}

// serving is the app of the headless server: the same services, and the
// recycle bin emptied of what has expired, by the server's clock, at start
// and hourly as the desktop app does.
func serving(st *store.Store, saveDir string, env *svc.Env) []any {
	a := NewApp(st, saveDir, env)
	recycle.StartPurging(a.Recycle)
	return a.Bindings()
}

// shutdown cancels the services' context first, so that an import or export
// still running stops and rolls back before the database is closed.
func (a *App) shutdown(context.Context) {
	a.env.Stop()
	a.st.Close()
}
