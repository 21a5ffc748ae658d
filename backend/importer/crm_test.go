package importer

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

// funnelOf sums what the funnel shows: count, amount, expected amount
// (amount × probability), won and lost counts, owners and close dates.
type funnelOf struct {
	n, won, lost        int
	cents, expectedBP64 int64
	owners, closes      string
}

func funnel(t *testing.T, st *store.Store) funnelOf {
	t.Helper()
	var f funnelOf
	owners, closes := []string{}, []string{}
	for _, o := range listOpps(t, st) {
		f.n++
		f.cents += o.AmountCents
		f.expectedBP64 += o.AmountCents * int64(o.ProbabilityBP)
		switch o.StageKind {
		case store.KindWon:
			f.won++
		case store.KindLost:
			f.lost++
		}
		owners = append(owners, o.OwnerName)
		closes = append(closes, o.ExpectedClose)
	}
	f.owners, f.closes = strings.Join(owners, ","), strings.Join(closes, ",")
	return f
}

// Files made from each system's export rules (crm.go and the research
// notes), each with what the user's funnel in that system showed.
func TestImportForeignCRMExports(t *testing.T) {
	tests := []struct {
		name, file, source string
		want               funnelOf
		created            int // stages created
	}{
		{name: "SuiteCRM m/d/Y with $ and converted-amount trap", source: "suitecrm",
			file: `"Opportunity Name","ID","Opportunity Amount","Currency","Expected Close Date","Sales Stage","Probability (%)","Next Step","Type","Account Name","Description","Amount","Lead Source","campaign_id","Assigned to","Assigned User","Date Created","Date Modified","Created by","Modified by","Deleted"` + "\r\n" +
				`"Desk deal","a1","$105,900.84","USD","03/12/2025","Needs Analysis","","","New Business","Acme","","$1.00","","","sally","u1","02/01/2025 10:30","","","","0"` + "\r\n" +
				`"Chairs","a2","$2,000.00","USD","12/31/2025","Closed Won","100","","Existing Business","Acme","","$9.00","","","max","u2","01/05/2025 09:00","","","","0"` + "\r\n" +
				`"Lamps","a3","$1,000.00","USD","04/01/2025","Perception Analysis","","","","Beta","","$9.00","","","max","u2","01/05/2025","","","","0"` + "\r\n",
			// Needs Analysis 25 %, Perception Analysis 50 % (SuiteCRM's defaults).
			want: funnelOf{n: 3, won: 1, cents: 10890084, expectedBP64: 10590084*2500 + 200000*10000 + 100000*5000,
				owners: "sally,max,max", closes: "2025-03-12,2025-12-31,2025-04-01"}},
		{name: "Pipedrive status overrides the stage", source: "pipedrive",
			file: "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Stage,Deal - Owner,Deal - Status,Deal - Expected close date,Deal - Deal created,Deal - Won time,Deal - Weighted value\n" +
				"7,Big one,25000,EUR,Org A,Negotiations Started,Ann,Won,2026-04-30,2026-01-30 15:55:37,2026-02-10 10:00:00,25000\n" +
				"8,Small,\"1.234,56\",EUR,Org B,Qualified,Bob,Lost,2026-05-01,2026-01-30 15:55:37,,0\n" +
				"9,Open,1000,EUR,Org B,Proposal Made,Bob,Open,2026-06-01,2026-01-30,,400\n",
			want: funnelOf{n: 3, won: 1, lost: 1, cents: 2500000 + 123456 + 100000, expectedBP64: 2500000*10000 + 100000*4000,
				owners: "Ann,Bob,Bob", closes: "2026-04-30,2026-05-01,2026-06-01"}},
		{name: "Odoo zh archived lost", source: "odoo",
			file: "商机,客户,预期收益,概率,阶段,预期结束,销售员,有效,失去原因,关闭日期\n" +
				"Quote for 12 Tables,Deco,40000.00,10,新建,2025-05-01,Mitchell,True,,\n" +
				"Customizable Desk,Deco,15000.00,65.5,建议,2025-06-01,Mitchell,True,,\n" +
				"Lost one,Deco,1000.00,20,验证,2025-03-01,Marc,False,太昂贵,2025-02-20 10:00:00\n" +
				"Won one,Azure,2000.00,100,赢得,2025-01-15,Marc,True,,2025-01-10\n",
			want: funnelOf{n: 4, won: 1, lost: 1, cents: 5800000, expectedBP64: 4000000*1000 + 1500000*6550 + 200000*10000,
				owners: "Mitchell,Mitchell,Marc,Marc", closes: "2025-05-01,2025-06-01,2025-03-01,2025-01-15"}},
		{name: "EspoCRM CSV attribute names", source: "espocrm",
			file: "id,name,amount,amountCurrency,accountName,stage,probability,closeDate,assignedUserName,amountWeightedConverted,amountConverted\n" +
				"e1,Alpha,1000,USD,A Co,Prospecting,,2025-07-01,admin,100,7000\n" +
				"e2,Beta,500.5,USD,B Co,Closed Lost,0,2025-07-02,will,0,9999\n",
			want: funnelOf{n: 2, lost: 1, cents: 150050, expectedBP64: 100000 * 1000, owners: "admin,will", closes: "2025-07-01,2025-07-02"}},
		{name: "WukongCRM default group", source: "wukong",
			file: "商机名称,客户名称,商机金额,预计成交日期,备注,商机状态组,商机阶段,最后跟进时间,负责人,相关团队,所属部门,更新时间,创建时间,创建人\n" +
				"项目一,华强,80000.00,2025-09-01 00:00:00,,销售流程商机组,方案/报价,,张三,,销售部,,2025-01-02 10:00:00,张三\n" +
				"项目二,华强,10000.00,2025-09-02 00:00:00,,销售流程商机组,输单,,李四,,销售部,,2025-01-02 10:00:00,张三\n",
			want: funnelOf{n: 2, lost: 1, cents: 9000000, expectedBP64: 8000000 * 8000, owners: "张三,李四", closes: "2025-09-01,2025-09-02"}},
		{name: "Salesforce report d/m/Y decided by values", source: "salesforce",
			file: "Opportunity Owner,Account Name,Opportunity Name,Stage,Fiscal Period,Amount,Expected Revenue,Probability (%),Close Date,Created Date,Type\n" +
				"Jo,Acme,Deal A,Prospecting,Q1-2025,\"USD 1,000.00\",\"USD 100.00\",10%,25/03/2025,01/02/2025,New Business\n" +
				"Jo,Acme,Deal B,Closed Won,Q1-2025,\"USD 3,000.00\",\"USD 3,000.00\",100%,05/03/2025,01/02/2025,Existing Business\n",
			want: funnelOf{n: 2, won: 1, cents: 400000, expectedBP64: 100000*1000 + 300000*10000, owners: "Jo,Jo", closes: "2025-03-25,2025-03-05"}},
		{name: "HubSpot with closed-won flag", source: "hubspot",
			file: "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Create Date,Pipeline,Is Closed Won,Associated Company\n" +
				"101,H1,Contract Sent,\"$5,000\",2025-08-01 00:00,Kim,2025-01-01 09:00,Sales Pipeline,false,K Ltd\n" +
				"102,H2,Contract Sent,\"$1,000\",2025-08-02 00:00,Kim,2025-01-01 09:00,Sales Pipeline,true,K Ltd\n",
			want: funnelOf{n: 2, won: 1, cents: 600000, expectedBP64: 500000*9000 + 100000*10000, owners: "Kim,Kim", closes: "2025-08-01,2025-08-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			before, _ := store.ImportStages(context.Background(), st.DB)
			res, err := Import(context.Background(), st, Source{Name: "x.csv", Data: []byte(tt.file)}, Options{FileName: "x.csv"})
			if err != nil {
				var re *RowErrors
				if asRowErrors(err, &re) {
					for _, e := range re.Errors {
						t.Log(FormatRowError(e))
					}
				}
				t.Fatal(err)
			}
			if res.Source != tt.source {
				t.Errorf("source %q, want %q", res.Source, tt.source)
			}
			if got := funnel(t, st); got != tt.want {
				t.Errorf("funnel\n got %+v\nwant %+v", got, tt.want)
			}
			after, _ := store.ImportStages(context.Background(), st.DB)
			if len(after)-len(before) != tt.created {
				t.Errorf("%d stages created (%v), want %d", len(after)-len(before), res.StagesCreated, tt.created)
			}
			// Importing the same file again changes nothing.
			f1 := funnel(t, st)
			res2, err := Import(context.Background(), st, Source{Name: "x.csv", Data: []byte(tt.file)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := funnel(t, st); got != f1 || res2.Added != 0 || res2.Updated != 0 || res2.Unchanged != tt.want.n {
				t.Errorf("second import: %+v; funnel %+v, want %+v", res2, got, f1)
			}
		})
	}
}

func TestImportCreatedAndClosedDates(t *testing.T) {
	st := openDB(t)
	file := "Deal - Title,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time\n" +
		"A,100,Org,Qualified,Won,2025-01-30 15:55:37,2025-02-10 10:00:00\n"
	if _, err := Import(context.Background(), st, Source{Name: "p.csv", Data: []byte(file)}, Options{}); err != nil {
		t.Fatal(err)
	}
	o := listOpps(t, st)[0]
	if !strings.HasPrefix(o.CreatedAt, "2025-01-30") {
		t.Errorf("created %q", o.CreatedAt)
	}
	var at string
	if err := st.DB.Get(&at, `SELECT changed_at FROM stage_history WHERE opportunity_id = ?`, o.ID); err != nil || !strings.HasPrefix(at, "2025-02-10") {
		t.Errorf("history at %q (%v), want the won date", at, err)
	}
}

func TestImportAmbiguousDatesAsked(t *testing.T) {
	file := "Name,Customer,Stage,Amount,Close date\nA,C,初期沟通,1,03/04/2025\n"
	st := openDB(t)
	_, err := Import(context.Background(), st, Source{Name: "a.csv", Data: []byte(file)}, Options{})
	var re *RowErrors
	if !asRowErrors(err, &re) || re.Errors[0].Key.String() != "import.dateAmbiguous" {
		t.Fatalf("error %v, want the ambiguous-date error", err)
	}
	for order, want := range map[string]string{OrderDMY: "2025-04-03", OrderMDY: "2025-03-04"} {
		st := openDB(t)
		if _, err := Import(context.Background(), st, Source{Name: "a.csv", Data: []byte(file)}, Options{DateOrder: order}); err != nil {
			t.Fatal(err)
		}
		if got := listOpps(t, st)[0].ExpectedClose; got != want {
			t.Errorf("%s: %s, want %s", order, got, want)
		}
	}
}

func TestStageMapAndCreateStages(t *testing.T) {
	file := "Opportunity Name,Account Name,Sales Stage,Opportunity Amount,Expected Close Date,Assigned to,Assigned User\n" +
		"A,C,Prospecting,1,01/02/2025,x,1\nB,C,Perception Analysis,1,01/02/2025,x,1\n"
	st := openDB(t)
	m, err := ParseStageMap("Prospecting=立项评估,Perception Analysis=new:感知:55")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res, err := Import(context.Background(), st, Source{Name: "s.csv", Data: []byte(file)}, Options{StageMap: m})
	if err != nil {
		t.Fatal(err)
	}
	out.WriteString(Summary(res, "s.csv"))
	if !strings.Contains(out.String(), "Prospecting→立项评估") || !strings.Contains(out.String(), "感知 (55%)") {
		t.Errorf("summary %q", out.String())
	}
	st2 := openDB(t)
	res, err = Import(context.Background(), st2, Source{Name: "s.csv", Data: []byte(file)}, Options{CreateStages: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.StagesCreated) != 2 {
		t.Errorf("created %v, want both", res.StagesCreated)
	}
	stages, _ := store.ImportStages(context.Background(), st2.DB)
	names := []string{}
	for _, s := range stages {
		names = append(names, s.Name)
	}
	// Prospecting (10 %) after 初期沟通 (10 %), Perception Analysis (50 %) after 招投标/竞争 (50 %).
	if got := strings.Join(names, ","); got != "初期沟通,Prospecting,立项评估,需求分析,方案制定,招投标/竞争,Perception Analysis,商务谈判,谈成结束,未成结束" {
		t.Errorf("stages %s", got)
	}
}
