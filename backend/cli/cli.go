// Package cli holds the headless commands of the FunnelDesk binary.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"strconv"

	"funneldesk/backend/apperr"
	"funneldesk/backend/demo"
	"funneldesk/backend/importer"
	"funneldesk/backend/msg"
	"funneldesk/backend/pool"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/webserve"
)

// Usage is printed for -h and unknown commands.
const Usage = `FunnelDesk 销售漏斗 — offline CRM

Usage:
  funneldesk [--db PATH]                 start the desktop app
  funneldesk version                     print the version
  funneldesk [--db PATH] demo            load the example data (seed 000) into an empty database
  funneldesk [--db PATH] funnel [--owner NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--type T] [--source S]
                         [--json] [--png FILE [--size screen|print] [--measure count|amount] [--lang zh-CN|en]]
                                         print the sales funnel as JSON and/or write its chart as PNG
  funneldesk [--db PATH] serve [--addr 127.0.0.1:34115] [--save-dir DIR] [--open-dir DIR] [--clock TIME|+OFFSET]
                                         serve the UI to a browser on loopback (for tests); open the URL
                                         it prints: every call needs its token (header X-FunnelDesk-Token)
  funneldesk [--db PATH] pool recycle [--dry-run] [--json] [--clock TIME|+OFFSET]
                                         run the pools' auto-recycle rules now and list what moves and why
  funneldesk [--db PATH] import opportunities|customers|contacts|products|leads FILE [--on-duplicate update|skip|create]
                         [--default-owner NAME] [--stage-map MAP] [--create-stages] [--date-order mdy|dmy|ymd]
                                         import a CSV, tab-separated, XLSX or XLS file (all rows or none);
                                         records already there are updated (see import --help)
  funneldesk [--db PATH] import history | import undo ID [--others]
                                         list the imports; undo one
  funneldesk [--db PATH] report NAME [--period P] [--owner O] [--team T] [--type T] [--source S]
                         (--json | --csv FILE | --xlsx FILE | --png FILE [--size screen|print])
                                         an analysis report (targets, by-owner, conversion, forecast,
                                         changes …); "report --help" lists them and their flags
  funneldesk [--db PATH] backup [--to FILE]
                                         write a checked backup (default: into the backup folder), also
                                         while the app is open
  funneldesk [--db PATH] restore FILE    replace the data with a backup, after backing up the current
                                         data; refused while FunnelDesk has the file open

--db defaults to $FUNNELDESK_DB, then FunnelDesk/funneldesk.db in the user config dir.
A database file that does not exist is created with the default stages.
`

// Version is the build's version, from `git describe` (set with -ldflags
// "-X funneldesk/backend/cli.Version=..." by make windows; "dev" otherwise).
var Version = "dev"

// Env is what the commands need from the main package.
type Env struct {
	Assets   fs.FS
	Bindings func(st *store.Store, saveDir string, env *svc.Env) []any
	Stdout   io.Writer
	Stderr   io.Writer
	// Lang is the language errors are printed in: a command's --lang, or
	// Chinese when empty.
	Lang msg.Lang
}

// Run executes one command and returns the process exit code.
func Run(dbPath string, args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = os.Stdout
	}
	if env.Stderr == nil {
		env.Stderr = os.Stderr
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, Usage)
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(env.Stdout, Usage)
		return 0
	}
	if args[0] == "import" && importer.WantsHelp(args[1:]) {
		fmt.Fprint(env.Stdout, importer.CLIHelp)
		return 0
	}
	if args[0] == "version" {
		fmt.Fprintln(env.Stdout, "FunnelDesk", Version)
		return 0
	}
	defer startProfile()()
	open := store.Open
	if args[0] == "funnel" || args[0] == "backup" {
		// A report or a backup reads beside the app, which holds the file's lock.
		open = store.OpenForReading
	}
	openDone := store.ImportPhase("open")
	st, err := open(dbPath)
	openDone()
	if err != nil {
		if e, ok := apperr.As(err); ok {
			fmt.Fprintln(env.Stderr, "error:", e.Message)
			fmt.Fprintln(env.Stderr, "      ", e.MessageEn)
			return 1
		}
		fmt.Fprintln(env.Stderr, "error:", err)
		return 1
	}
	defer func() {
		defer store.ImportPhase("close (checkpoint)")()
		st.Close()
	}()
	switch args[0] {
	case "demo":
		if err := demo.Load(context.Background(), st); err != nil {
			return fail(env, err)
		}
		fmt.Fprintln(env.Stdout, "loaded the example: 3 opportunities, ¥90,000.00, expected ¥50,000.00")
		return 0
	case "funnel":
		return runFunnel(st, args[1:], env)
	case "serve":
		return runServe(st, args[1:], env)
	case "pool":
		return runPool(st, args[1:], env)
	case "backup":
		return runBackup(st, args[1:], env)
	case "restore":
		return runRestore(st, args[1:], env)
	case "report":
		return runReport(st, args[1:], env)
	case "import":
		return importer.RunCLI(context.Background(), st, args[1:], env.Stdout, env.Stderr)
	default:
		fmt.Fprintf(env.Stderr, "unknown command %q\n\n%s", args[0], Usage)
		return 2
	}
}

func fail(env Env, err error) int {
	if e, ok := apperr.As(err); ok {
		fmt.Fprintln(env.Stderr, "error:", e.In(env.Lang))
		return 1
	}
	fmt.Fprintln(env.Stderr, "error:", err)
	return 1
}

// runServe serves the UI on loopback. Its first line of output is read by
// scripts and the end-to-end tests, so its shape is fixed:
// "serving FunnelDesk on http://HOST:PORT/?token=TOKEN (database FILE)",
// printed only once the port is listened on (with --addr HOST:0, PORT is
// the one taken).
func runServe(st *store.Store, args []string, env Env) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	addr := fl.String("addr", "127.0.0.1:34115", "loopback address to listen on")
	saveDir := fl.String("save-dir", os.TempDir(), "where files the UI saves are written; the import may read files here too")
	openDir := fl.String("open-dir", "", "a folder whose files the import may read by path (there is no open dialog)")
	clockSpec := fl.String("clock", "", "test aid: a fixed time (RFC 3339 or YYYY-MM-DD) or an offset (+48h) the services read as now")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	clock, err := svc.ParseClock(*clockSpec)
	if err != nil {
		return fail(env, err)
	}
	l, err := webserve.Listen(*addr)
	if err != nil {
		return fail(env, err)
	}
	defer l.Close()
	if *clockSpec != "" {
		store.SetClock(clock)
	}
	senv := svc.New(clock)
	senv.OpenUnder(*saveDir, *openDir)
	token := webserve.NewToken()
	port := l.Addr().(*net.TCPAddr).Port
	bound := env.Bindings(st, *saveDir, senv)
	for _, b := range bound {
		// The pools' recycle rules run at start and hourly, as in the app.
		if p, ok := b.(*pool.Service); ok {
			pool.Start(senv.Ctx(), p)
		}
	}
	srv := webserve.New(env.Assets, bound, token, port)
	host, _, _ := net.SplitHostPort(*addr)
	fmt.Fprintf(env.Stdout, "serving FunnelDesk on http://%s/?token=%s (database %s)\n",
		net.JoinHostPort(host, strconv.Itoa(port)), token, st.Path)
	if err := srv.Serve(l); err != nil {
		return fail(env, err)
	}
	return 0
}
