// Command sqlbench times SQL statements against a database with the driver
// the app links (so the planner is the app's, not the sqlite3 shell's), and
// prints each statement's query plan. It is the tool behind the index
// decisions in bench/README.md.
//
//	go run ./bench/sqlbench -db bench/data/bench.db -n 5 "SELECT COUNT(*) FROM opportunities" ...
//
// Statements starting with "!" are run once, untimed-in-the-table (DDL such
// as CREATE INDEX on a copy of the database); "@file" reads statements, one
// per line, from a file.
package main

import (
	"bufio"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	path := flag.String("db", "bench/data/bench.db", "database file")
	n := flag.Int("n", 5, "runs per statement; the median is printed")
	plan := flag.Bool("plan", true, "print EXPLAIN QUERY PLAN")
	flag.Parse()
	db, err := sql.Open("sqlite3", "file:"+*path+"?_foreign_keys=on&_busy_timeout=5000&_journal_mode=WAL&_synchronous=NORMAL")
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	defer db.Close()
	var version string
	if err := db.QueryRow(`SELECT sqlite_version()`).Scan(&version); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("-- SQLite %s, %s\n", version, *path)
	var stmts []string
	for _, a := range flag.Args() {
		if f, ok := strings.CutPrefix(a, "@"); ok {
			stmts = append(stmts, readLines(f)...)
			continue
		}
		stmts = append(stmts, a)
	}
	for _, s := range stmts {
		if ddl, ok := strings.CutPrefix(s, "!"); ok {
			t := time.Now()
			if _, err := db.Exec(ddl); err != nil {
				log.Fatalf("%s: %v", ddl, err)
			}
			fmt.Printf("%10s  %s\n", time.Since(t).Round(time.Millisecond), ddl)
			continue
		}
		var times []time.Duration
		var rows int
		var first string
		for i := 0; i < *n; i++ {
			t := time.Now()
			rows, first = run(db, s)
			times = append(times, time.Since(t))
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		fmt.Printf("%10s  %s\n            rows=%d first=%s\n", times[len(times)/2].Round(10*time.Microsecond), s, rows, first)
		if *plan {
			r, err := db.Query(`EXPLAIN QUERY PLAN ` + s)
			if err != nil {
				log.Fatal(err)
			}
			for r.Next() {
				var id, parent, notused int
				var detail string
				if err := r.Scan(&id, &parent, &notused, &detail); err != nil {
					log.Fatal(err)
				}
				fmt.Printf("            | %s\n", detail)
			}
			r.Close()
		}
	}
}

func run(db *sql.DB, s string) (int, string) {
	r, err := db.Query(s)
	if err != nil {
		log.Fatalf("%s: %v", s, err)
	}
	defer r.Close()
	cols, _ := r.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	first := ""
	for r.Next() {
		if err := r.Scan(ptrs...); err != nil {
			log.Fatal(err)
		}
		if n == 0 {
			first = fmt.Sprint(vals...)
		}
		n++
	}
	if err := r.Err(); err != nil {
		log.Fatalf("%s: %v", s, err)
	}
	return n, first
}

func readLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "--") {
			out = append(out, l)
		}
	}
	return out
}
