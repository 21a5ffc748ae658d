// Command crashdriver is the crash test's worker and checker (see
// scripts/crash-test.sh): `run` imports and edits one database at once and
// logs every write the code acknowledged, until it is killed with -9;
// `check` then verifies the file: integrity_check, foreign_key_check, every
// acknowledged write present, no half import.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"funneldesk/backend/customer"
	"funneldesk/backend/importer"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// importRows is the size of each import: big enough that a kill often
// lands in the middle of one.
const importRows = 500

func main() {
	if len(os.Args) != 4 || (os.Args[1] != "run" && os.Args[1] != "check") {
		fmt.Fprintln(os.Stderr, "usage: crashdriver run|check DB LOG")
		os.Exit(2)
	}
	db, log := os.Args[2], os.Args[3]
	var err error
	if os.Args[1] == "run" {
		err = run(db, log)
	} else {
		err = check(db, log)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "crashdriver:", err)
		os.Exit(1)
	}
}

// ackLog appends one line per acknowledged write. A kill -9 does not lose
// what write(2) returned, so no fsync: the test is about the database.
type ackLog struct {
	mu sync.Mutex
	f  *os.File
}

func (l *ackLog) ack(format string, a ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.f, format+"\n", a...)
}

func run(db, logPath string) error {
	st, err := store.Open(db)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	log := &ackLog{f: f}
	env := svc.New(nil)
	owners := owner.NewService(st, env)
	list, err := owners.List(true)
	if err != nil {
		return err
	}
	var ownerID int64
	if len(list) == 0 {
		o, err := owners.Create(owner.Input{Name: "压测", Active: true})
		if err != nil {
			return err
		}
		ownerID = o.ID
	} else {
		ownerID = list[0].ID
	}
	pid := os.Getpid()
	errs := make(chan error, 2)
	// Edits: create a customer, then change it; each acknowledged when the
	// service returned.
	go func() {
		cs := customer.NewService(st, env)
		for n := 0; ; n++ {
			name := fmt.Sprintf("e-%d-%d", pid, n)
			c, err := cs.Create(customer.Input{Name: name, OwnerID: ownerID})
			if err != nil {
				errs <- err
				return
			}
			log.ack("create %s", name)
			if _, err := cs.Update(c.ID, customer.Input{Name: name, OwnerID: ownerID, Notes: "v2"}); err != nil {
				errs <- err
				return
			}
			log.ack("update %s", name)
		}
	}()
	// Imports through the CLI's own code path, all rows or none.
	go func() {
		dir := filepath.Dir(logPath)
		for k := 0; ; k++ {
			tag := fmt.Sprintf("imp-%d-%d", pid, k)
			file := filepath.Join(dir, tag+".csv")
			var b strings.Builder
			b.WriteString("销售机会名称,客户名称,金额,阶段,预计成交日期\n")
			for i := 0; i < importRows; i++ {
				fmt.Fprintf(&b, "%s-%d,客户%d,%d.50,初期沟通,2026-0%d-15\n", tag, i, i%50, 1000+i, 1+i%9)
			}
			if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
				errs <- err
				return
			}
			log.ack("start %s", tag)
			if code := importer.RunCLI(context.Background(), st, []string{"opportunities", file, "--default-owner", "压测"}, io.Discard, io.Discard); code != 0 {
				errs <- fmt.Errorf("import %s exited %d", tag, code)
				return
			}
			log.ack("import %s %d", tag, importRows)
			os.Remove(file)
		}
	}()
	return <-errs
}

func check(db, logPath string) error {
	st, err := store.Open(db)
	if err != nil {
		return err
	}
	defer st.Close()
	var integ []string
	if err := st.DB.Select(&integ, `PRAGMA integrity_check`); err != nil {
		return err
	}
	if len(integ) != 1 || integ[0] != "ok" {
		return fmt.Errorf("integrity_check: %v", integ)
	}
	var fk []struct {
		Table  string `db:"table"`
		RowID  *int64 `db:"rowid"`
		Parent string `db:"parent"`
		FKID   int64  `db:"fkid"`
	}
	if err := st.DB.Select(&fk, `PRAGMA foreign_key_check`); err != nil {
		return err
	}
	if len(fk) > 0 {
		return fmt.Errorf("foreign_key_check: %d rows, first in %s", len(fk), fk[0].Table)
	}
	f, err := os.Open(logPath)
	if err != nil {
		return err
	}
	defer f.Close()
	acked := map[string]int{} // import tag -> rows acknowledged
	started := map[string]bool{}
	creates, updates := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue // a line cut by the kill: not acknowledged
		}
		switch fields[0] {
		case "create", "update":
			var notes string
			err := st.DB.Get(&notes, `SELECT notes FROM customers WHERE name = ?`, fields[1])
			if err != nil {
				return fmt.Errorf("acknowledged %s of customer %s: %v", fields[0], fields[1], err)
			}
			if fields[0] == "update" {
				updates++
				if notes != "v2" {
					return fmt.Errorf("acknowledged update of %s lost (notes %q)", fields[1], notes)
				}
			} else {
				creates++
			}
		case "start":
			started[fields[1]] = true
		case "import":
			if len(fields) == 3 {
				acked[fields[1]], _ = strconv.Atoi(fields[2])
			}
		}
	}
	// One scan for all imports: a row's tag is its name without the row
	// number ("imp-PID-K-17" -> "imp-PID-K").
	var groups []struct {
		Tag string `db:"tag"`
		N   int    `db:"n"`
	}
	if err := st.DB.Select(&groups, `SELECT rtrim(rtrim(name, '0123456789'), '-') AS tag, COUNT(*) AS n
		FROM opportunities WHERE name LIKE 'imp-%' GROUP BY tag`); err != nil {
		return err
	}
	rows := map[string]int{}
	for _, g := range groups {
		if !started[g.Tag] {
			return fmt.Errorf("%d rows of an import %s that never started", g.N, g.Tag)
		}
		rows[g.Tag] = g.N
	}
	full, none := 0, 0
	for tag := range started {
		n := rows[tag]
		switch {
		case n != 0 && n != importRows:
			return fmt.Errorf("half import %s: %d of %d rows", tag, n, importRows)
		case acked[tag] > 0 && n != acked[tag]:
			return fmt.Errorf("acknowledged import %s lost: %d of %d rows", tag, n, acked[tag])
		case n == importRows:
			full++
		default:
			none++
		}
	}
	fmt.Printf("ok: integrity_check ok, foreign_key_check empty, %d creates and %d updates acknowledged and present, imports: %d whole (%d acknowledged), %d rolled back, 0 half\n",
		creates, updates, full, len(acked), none)
	return nil
}
