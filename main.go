package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"funneldesk/backend/apperr"
	"funneldesk/backend/cli"
	"funneldesk/backend/desktop"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	desktop.Mark("main")
	global := flag.NewFlagSet("funneldesk", flag.ContinueOnError)
	dbPath := global.String("db", os.Getenv("FUNNELDESK_DB"), "database file (default: the user config dir's FunnelDesk/funneldesk.db)")
	global.Usage = func() { fmt.Fprint(os.Stderr, cli.Usage) }
	if err := global.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *dbPath == "" {
		p, err := store.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		*dbPath = p
	}
	if global.NArg() > 0 {
		dist, _ := fs.Sub(assets, "frontend/dist")
		os.Exit(cli.Run(*dbPath, global.Args(), cli.Env{
			Assets:   dist,
			Bindings: serving,
		}))
	}

	var st *store.Store
	if !generatingBindings {
		var err error
		if st, err = store.Open(*dbPath); err != nil {
			fmt.Fprintln(os.Stderr, "FunnelDesk:", err)
			openFailed(err)
			os.Exit(1)
		}
		desktop.Mark("db")
	}
	app := NewApp(st, "", svc.New(nil))
	desktop.Mark("wails")
	err := wails.Run(&options.App{
		Title:            "FunnelDesk 销售漏斗",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 245, G: 247, B: 250, A: 1},
		OnStartup:        app.startup,
		OnDomReady:       func(context.Context) { desktop.Mark("domready") },
		OnShutdown:       app.shutdown,
		Bind:             app.Bindings(),
		ErrorFormatter:   apperr.FormatJSON,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "FunnelDesk:", err)
		os.Exit(1)
	}
}

// openFailed tells a desktop user, who sees no terminal, why the app does
// not start (another FunnelDesk has the file open, a newer FunnelDesk made
// it): a dialog from a window that never shows.
func openFailed(err error) {
	msg := err.Error()
	if e, ok := apperr.As(err); ok {
		msg = e.Message + "\n\n" + e.MessageEn
	}
	_ = wails.Run(&options.App{
		Title:       "FunnelDesk",
		Width:       400,
		Height:      200,
		StartHidden: true,
		AssetServer: &assetserver.Options{Assets: assets},
		OnStartup: func(ctx context.Context) {
			_, _ = runtime.MessageDialog(ctx, runtime.MessageDialogOptions{
				Type: runtime.ErrorDialog, Title: "FunnelDesk 无法打开数据文件 / cannot open the data file", Message: msg})
			runtime.Quit(ctx)
		},
	})
}
