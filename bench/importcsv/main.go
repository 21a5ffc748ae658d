// Command importcsv writes the CSV files from which bench/importdb.sh builds
// the 1,000,000-opportunity database through the command-line importer, the
// way acceptance builds its own (`funneldesk import opportunities FILE`).
// The rows come in parts (100,000 a file by default), as the bench database
// has always been built: ten imports into a growing database.
//
// Half the customers have company names (宁波光嘉电子有限公司), half codes
// (客户00702); half the opportunities are a product and an action
// (ERP系统年度续约), half numbered (机会99): both shapes of name the text
// search meets. The same flags give the same files.
//
//	go run ./bench/importcsv -dir bench/data/csv -opportunities 1000000 -customers 100000
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
)

var cities = []string{"北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安",
	"重庆", "天津", "长沙", "郑州", "青岛", "宁波", "厦门", "福州", "济南", "合肥"}

var brand = []rune("华信达通宏泰恒瑞嘉明鑫源盛兴隆安康博远航宇天启创新联合中科金海东方南北正大鼎辉光腾飞祥和永昌立德同仁佳美锦程凯旋星月")

var industries = []string{"科技", "信息技术", "软件", "电子", "机械", "贸易", "商贸", "医药", "生物科技", "建设工程",
	"物流", "食品", "教育科技", "文化传媒", "咨询", "新能源"}

var suffixes = []string{"有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"}

var products = []string{"CRM系统", "ERP系统", "OA办公系统", "财务软件", "进销存系统", "HR系统", "数据分析平台",
	"云服务器", "网络设备", "安全防护", "视频会议系统", "呼叫中心", "电子签章", "客服系统", "营销自动化"}
var actions = []string{"采购", "购买五十用户", "升级", "扩容", "年度续约", "二期项目", "试用转正式", "定制开发"}

var owners = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴婷",
	"徐明", "孙丽", "马超", "朱琳", "胡斌", "郭涛", "何雪", "高峰", "林晓", "罗勇"}
var sources = []string{"网络推广", "电话营销", "客户介绍", "老客户", "展会", "广告", "合作伙伴", "其他"}
var types = []string{"新业务", "新业务", "老客户续购", ""}

// stages in the default set, with rough shares of a real funnel.
var stages = []struct {
	name string
	w    int
}{{"初期沟通", 15}, {"立项评估", 11}, {"需求分析", 9}, {"方案制定", 6}, {"招投标/竞争", 5}, {"商务谈判", 4},
	{"谈成结束", 23}, {"未成结束", 27}}

func main() {
	dir := flag.String("dir", "bench/data/csv", "folder for the files")
	nOpp := flag.Int("opportunities", 1000000, "rows in all")
	nCust := flag.Int("customers", 100000, "distinct customers")
	per := flag.Int("per-file", 100000, "rows a file (the importer reads up to 1,048,576 lines, header included)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	r := rand.New(rand.NewPCG(*seed, 15))
	custs := make([]string, *nCust)
	seen := map[string]bool{}
	for i := range custs {
		name := fmt.Sprintf("客户%05d", i)
		if i%2 == 0 {
			for {
				name = cities[r.IntN(len(cities))] + string(brand[r.IntN(len(brand))]) + string(brand[r.IntN(len(brand))]) +
					industries[r.IntN(len(industries))] + suffixes[r.IntN(len(suffixes))]
				if !seen[name] {
					break
				}
			}
			seen[name] = true
		}
		custs[i] = name
	}
	total := 0
	for _, s := range stages {
		total += s.w
	}
	var f *os.File
	var w *bufio.Writer
	closeFile := func() {
		if w != nil {
			if err := w.Flush(); err != nil {
				log.Fatal(err)
			}
			if err := f.Close(); err != nil {
				log.Fatal(err)
			}
		}
	}
	for i := 0; i < *nOpp; i++ {
		if i%*per == 0 {
			closeFile()
			var err error
			f, err = os.Create(filepath.Join(*dir, fmt.Sprintf("part%02d.csv", i / *per + 1)))
			if err != nil {
				log.Fatal(err)
			}
			w = bufio.NewWriterSize(f, 1<<20)
			w.WriteString("\ufeff销售机会名称,客户名称,类型,客户来源,负责人,营销活动,金额,预计完成日期,下一步,销售阶段,可能性(%),描述,丢单原因,竞争对手\r\n")
		}
		name := fmt.Sprintf("机会%d", i+1)
		if i%2 == 0 {
			name = products[r.IntN(len(products))] + actions[r.IntN(len(actions))]
		}
		k := r.IntN(total)
		stage := stages[0].name
		for _, s := range stages {
			if k < s.w {
				stage = s.name
				break
			}
			k -= s.w
		}
		fmt.Fprintf(w, "%s,%s,%s,%s,%s,,%d.%02d,%d-%02d-%02d,,%s,,,,\r\n", name, custs[r.IntN(len(custs))],
			types[r.IntN(len(types))], sources[r.IntN(len(sources))], owners[r.IntN(len(owners))],
			500+r.IntN(500000), r.IntN(100), 2024+r.IntN(4), 1+r.IntN(12), 1+r.IntN(28), stage)
	}
	closeFile()
}
