// Command coldfloor is WebKitGTK's floor for bench/coldstart.sh: an empty
// Wails window whose page calls one bound method once its DOM is ready and
// painted, printing the same UI-ready line as FunnelDesk. What FunnelDesk
// takes above this is ours to cut. Build with the desktop app's tags:
//
//	go build -tags desktop,production -ldflags "-w -s" -o build/bin/coldfloor ./bench/coldfloor
package main

import (
	"embed"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
)

//go:embed all:dist
var assets embed.FS

// Service is the one bound service, as the page sees FunnelDesk's.
type Service struct{}

// UIReady prints FunnelDesk's UI-ready line.
func (s *Service) UIReady(screen string) { fmt.Println("FunnelDesk UI ready:", screen) }

func main() {
	// --db FILE is accepted and ignored, so the bench starts both alike.
	err := wails.Run(&options.App{
		Title:       "FunnelDesk floor",
		Width:       1280,
		Height:      820,
		AssetServer: &assetserver.Options{Assets: assets},
		Bind:        []any{&Service{}},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
