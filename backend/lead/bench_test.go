package lead

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"funneldesk/backend/importer"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// benchLeads is the size of the benchmark's lead table.
const benchLeads = 200_000

var (
	benchOnce sync.Once
	benchSt   *store.Store
	benchErr  error
)

// benchVersion names the benchmark database file; bump it when the leads
// schema or the generator changes, so an old file is not reused.
const benchVersion = 3

// benchStore builds, once, a database of 200,000 leads the way a user
// would: ten files of 20,000 rows through `import leads` (the same Import),
// each on another day, so the period filter has days to pick. The file is
// kept in the temporary folder for the next run (building takes minutes).
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("funneldesk-lead-bench-v%d.db", benchVersion))
		if _, err := os.Stat(path); err == nil {
			benchSt, benchErr = store.Open(path)
			return
		}
		if benchErr = buildBench(path + ".tmp"); benchErr != nil {
			return
		}
		for _, ext := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(path+".tmp"+ext, path+ext); err != nil && !os.IsNotExist(err) {
				benchErr = err
				return
			}
		}
		benchSt, benchErr = store.Open(path)
	})
	if benchErr != nil {
		b.Fatalf("build the benchmark database: %v", benchErr)
	}
	return benchSt
}

func buildBench(path string) error {
	for _, ext := range []string{"", "-wal", "-shm", ".lock"} {
		_ = os.Remove(path + ext)
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	defer store.SetClock(nil)
	{
		r := rand.New(rand.NewPCG(1, 2))
		cities := []string{"宁波", "上海", "北京", "深圳", "杭州", "苏州", "成都", "武汉", "西安", "南京"}
		trades := []string{"光嘉", "华强", "大商", "远景", "恒通", "新元", "瑞丰", "嘉禾", "天成", "博雅", "金桥", "海纳"}
		kinds := []string{"科技", "电子", "贸易", "机械", "医药", "物流"}
		sources := []string{"展会", "官网", "转介绍", "电话营销", "广告", "合作伙伴", "线上活动", ""}
		statuses := []string{"新线索", "跟进中", "跟进中", "已转化", "无效"}
		per := benchLeads / 10
		for day := 0; day < 10; day++ {
			at := time.Date(2026, 3, 1+day, 9, 0, 0, 0, time.Local)
			store.SetClock(func() time.Time { return at })
			var sb strings.Builder
			sb.WriteString("线索名称,公司名称,联系人,电话,邮箱,线索来源,负责人,状态,无效原因\n")
			for i := 0; i < per; i++ {
				company := cities[r.IntN(len(cities))] + trades[r.IntN(len(trades))] + kinds[r.IntN(len(kinds))] + fmt.Sprintf("%d号", r.IntN(5000))
				status := statuses[r.IntN(len(statuses))]
				reason := ""
				if status == "无效" {
					reason = "空号"
				}
				// Phones and emails are each lead's own: the importer finds a
				// lead again by them (a repeated one would update, not add).
				fmt.Fprintf(&sb, "%s线索,%s有限公司,联系人%d,1%010d,u%d@example.com,%s,销售%02d,%s,%s\n", company, company, i,
					int64(day*per+i)*7919+r.Int64N(7919), day*per+i, sources[r.IntN(len(sources))], r.IntN(20)+1, status, reason)
			}
			if _, err := importer.ImportKind(context.Background(), st, importer.KindLeads, importer.Source{Name: "leads.csv", Data: []byte(sb.String())},
				importer.Options{FileName: "leads.csv"}); err != nil {
				return err
			}
		}
	}
	return nil
}

// BenchmarkList is one lead page of 20 with its total through the service,
// at 200,000 leads built by the importer.
func BenchmarkList(b *testing.B) {
	st := benchStore(b)
	s := NewService(st, svc.New(nil))
	owner, err := store.OwnerByName(context.Background(), st.DB, "销售07")
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    Filter
		page int
	}{
		{"all", Filter{}, 1},
		{"page=1000", Filter{}, 1000},
		{"status", Filter{Status: store.LeadWorking}, 1},
		{"owner", Filter{OwnerID: owner.ID}, 1},
		{"source", Filter{Source: "转介绍"}, 1},
		{"owner+status", Filter{OwnerID: owner.ID, Status: store.LeadNew}, 1},
		{"created=day", Filter{CreatedFrom: "2026-03-04", CreatedTo: "2026-03-04"}, 1},
		{"created=week+status", Filter{CreatedFrom: "2026-03-02", CreatedTo: "2026-03-08", Status: store.LeadInvalid}, 1},
		{"search=company", Filter{Query: "宁波光嘉科技"}, 1},
		{"search=many", Filter{Query: "科技"}, 1},
		{"search=phone", Filter{Query: "13800"}, 1},
		{"search=pinyin", Filter{Query: "ningboguangjia"}, 1},
		{"search=initials", Filter{Query: "nbgj"}, 1},
		{"search=none", Filter{Query: "不存在的名字"}, 1},
	} {
		b.Run(tc.name, func(b *testing.B) {
			req := ListRequest{Filter: tc.f, Page: tc.page, PageSize: 20}
			p, err := s.List(req)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := s.List(req); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Total), "total")
		})
	}
}

// BenchmarkReport is the conversion report over all 200,000 leads.
func BenchmarkReport(b *testing.B) {
	s := NewService(benchStore(b), svc.New(nil))
	for _, by := range []string{"source", "owner"} {
		b.Run(by, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.ConversionReport(ReportRequest{By: by}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
