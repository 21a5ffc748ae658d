package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// benchCustomersCSV writes n customers, each with one contact, as an Excel
// customer list has them (客户名称 + 联系人 + 手机); phone shifts every
// phone number, so that a second file with another shift changes them all.
func benchCustomersCSV(n, phone int) []byte {
	var b strings.Builder
	b.WriteString("\ufeff客户名称,电话,地址,行业,客户来源,负责人,联系人,职务,手机,邮箱\r\n")
	owners := []string{"张三", "李四", "王五", "赵六"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "客户%06d有限公司,010-%08d,北京市朝阳区%d号,软件,展会,%s,联系人%06d,经理,1%010d,c%d@example.com\r\n",
			i, 60000000+i+phone, i, owners[i%len(owners)], i, 3000000000+i+phone, i)
	}
	return []byte(b.String())
}

func benchStore(b *testing.B) *store.Store {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkPreviewCustomers previews a 100,000-row customer list (parse,
// check every row, find every duplicate) against a database that already
// holds those customers, the slower case: every row is then matched.
func BenchmarkPreviewCustomers(b *testing.B) {
	data := benchCustomersCSV(benchRows, 0)
	st := benchStore(b)
	defer st.Close()
	if _, err := ImportKind(context.Background(), st, KindCustomers, Source{Name: "c.csv", Data: data}, Options{}); err != nil {
		b.Fatal(err)
	}
	s := NewService(st, svc.New(nil))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := s.load(Source{Name: "c.csv", Data: data})
		if err != nil {
			b.Fatal(err)
		}
		if p.ErrorCount != 0 || p.Counts[0].Updated != benchRows {
			b.Fatalf("preview %+v", p.Counts)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// benchImportCustomers imports data into a database prepared by prepare.
func benchImportCustomers(b *testing.B, prepare func(st *store.Store), data []byte, check func(Result) bool) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := benchStore(b)
		prepare(st)
		b.StartTimer()
		res, err := ImportKind(context.Background(), st, KindCustomers, Source{Name: "c.csv", Data: data}, Options{})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if !check(res) {
			b.Fatalf("result %+v", res.Counts)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportCustomersFresh imports 100,000 customers with one contact
// each into a new database.
func BenchmarkImportCustomersFresh(b *testing.B) {
	benchImportCustomers(b, func(*store.Store) {}, benchCustomersCSV(benchRows, 0), func(r Result) bool {
		return r.Counts[0].New == benchRows && r.Counts[1].New == benchRows
	})
}

// BenchmarkImportCustomersUpdate imports the 100,000 customers again with
// every phone changed: each customer and contact is updated.
func BenchmarkImportCustomersUpdate(b *testing.B) {
	first := benchCustomersCSV(benchRows, 0)
	benchImportCustomers(b, func(st *store.Store) {
		if _, err := ImportKind(context.Background(), st, KindCustomers, Source{Name: "c.csv", Data: first}, Options{}); err != nil {
			b.Fatal(err)
		}
	}, benchCustomersCSV(benchRows, 7), func(r Result) bool {
		return r.Counts[0].Updated == benchRows && r.Counts[1].Updated == benchRows
	})
}
