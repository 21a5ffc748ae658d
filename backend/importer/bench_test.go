package importer

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/store"
)

// benchRows is the size of the file the import benchmarks read.
const benchRows = 100_000

var benchStages = []string{"初期沟通", "立项评估", "需求分析", "方案制定", "招投标/竞争", "商务谈判", "谈成结束", "未成结束"}

// benchCSV writes n rows in the shape of our export: half of them for
// customers of existing (the database's own), the rest for 20,000 new ones.
func benchCSV(n int, existing []string) []byte {
	var b strings.Builder
	b.WriteString("\ufeff销售机会名称,客户名称,类型,客户来源,负责人,营销活动,金额,预计完成日期,下一步,销售阶段,可能性(%),描述,丢单原因,竞争对手\r\n")
	owners := []string{"张三", "李四", "王五", "赵六", "导入员甲", "导入员乙"}
	sources := []string{"电话营销", "展会", "转介绍", "网站", ""}
	for i := 0; i < n; i++ {
		cust := fmt.Sprintf("新客户%05d有限公司", i%20000)
		if len(existing) > 0 && i%2 == 0 {
			cust = existing[i%len(existing)]
		}
		typ := ""
		if i%3 == 0 {
			typ = "新业务"
		}
		prob := ""
		if i%4 == 0 {
			prob = fmt.Sprintf("%d.5", i%100)
		}
		fmt.Fprintf(&b, "商机%06d,%s,%s,%s,%s,,\"%d,%03d.%02d\",2026/%d/%d,电话回访,%s,%s,第 %d 条导入的销售机会,,\r\n",
			i, cust, typ, sources[i%len(sources)], owners[i%len(owners)], 1+i%900, i%1000, i%100, 1+i%12, 1+i%28,
			benchStages[i%len(benchStages)], prob, i)
	}
	return []byte(b.String())
}

func benchImport(b *testing.B, open func(b *testing.B) *store.Store, data []byte) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := open(b)
		b.StartTimer()
		res, err := Import(context.Background(), st, Source{Name: "bench.csv", Data: data}, Options{})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if res.Opportunities != benchRows {
			b.Fatalf("imported %d", res.Opportunities)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportFresh imports 100,000 rows into a new database.
func BenchmarkImportFresh(b *testing.B) {
	data := benchCSV(benchRows, nil)
	benchImport(b, func(b *testing.B) *store.Store {
		st, err := store.Open(filepath.Join(b.TempDir(), "fresh.db"))
		if err != nil {
			b.Fatal(err)
		}
		return st
	}, data)
}

// BenchmarkImportBigDB imports 100,000 rows into a copy of the database
// named by FUNNELDESK_BENCH_DB (go run ./bench/gen makes one with 1,000,000
// opportunities), so the benchmark neither grows nor migrates it. Half the
// rows name existing customers.
func BenchmarkImportBigDB(b *testing.B) {
	src := os.Getenv("FUNNELDESK_BENCH_DB")
	if src == "" {
		b.Skip("FUNNELDESK_BENCH_DB is not set")
	}
	dir := b.TempDir()
	// A migrated, checkpointed copy of the source that every run starts from.
	master := filepath.Join(dir, "master.db")
	for _, suffix := range []string{"", "-wal"} {
		if _, err := os.Stat(src + suffix); err == nil {
			if err := copyFile(src+suffix, master+suffix); err != nil {
				b.Fatal(err)
			}
		}
	}
	var names []string
	{
		st, err := store.Open(master)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.DB.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			b.Fatal(err)
		}
		if err := st.DB.Select(&names, `SELECT name FROM customers ORDER BY id LIMIT 30000`); err != nil {
			b.Fatal(err)
		}
		var n, idx int
		if err := st.DB.Get(&n, `SELECT COUNT(*) FROM opportunities`); err != nil {
			b.Fatal(err)
		}
		if err := st.DB.Get(&idx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'opportunities'`); err != nil {
			b.Fatal(err)
		}
		b.Logf("benchmark database: %d opportunities, %d indexes on them", n, idx)
		st.Close()
	}
	copyDB := func(b *testing.B) *store.Store {
		dst := filepath.Join(dir, "big.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dst + suffix)
		}
		if err := copyFile(master, dst); err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(dst)
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	benchImport(b, copyDB, benchCSV(benchRows, names))
}

// BenchmarkParseCSV measures reading and decoding alone.
func BenchmarkParseCSV(b *testing.B) {
	data := benchCSV(benchRows, nil)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(Source{Data: data}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckRows measures the row checks alone.
func BenchmarkCheckRows(b *testing.B) {
	t, err := Parse(Source{Data: benchCSV(benchRows, nil)})
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "s.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	stages, err := store.ImportStages(context.Background(), st.DB)
	if err != nil {
		b.Fatal(err)
	}
	m := AutoMapping(t.Headers)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if recs := newChecker(t, m, stages).run(func(RowError) { b.Fatal("bad row") }, true); len(recs) != benchRows {
			b.Fatal(len(recs))
		}
	}
}

// BenchmarkParseXLSX measures reading a 100,000-row workbook.
func BenchmarkParseXLSX(b *testing.B) {
	t, err := Parse(Source{Data: benchCSV(benchRows, nil)})
	if err != nil {
		b.Fatal(err)
	}
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := make([]any, len(t.Headers))
	for i, h := range t.Headers {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		b.Fatal(err)
	}
	for r, tr := range t.Rows {
		row := make([]any, len(tr.Cells))
		for i, c := range tr.Cells {
			row[i] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tb, err := Parse(Source{Data: data})
		if err != nil {
			b.Fatal(err)
		}
		if len(tb.Rows) != benchRows {
			b.Fatal(len(tb.Rows))
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	// Flushed now, so that the import's own fsync does not wait for the copy.
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
