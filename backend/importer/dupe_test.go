package importer

import (
	"context"
	"testing"

	"funneldesk/backend/store"
)

// TestImportFindsCustomersByNormalizedName: a file naming a customer
// without its legal suffix, with full-width brackets or other spacing
// finds the customer that exists (查重 rules), and names of the file that
// are the same once normalized make one new customer, not several.
func TestImportFindsCustomersByNormalizedName(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	first := "Name,Customer,Stage,Amount\nA,华强电子有限公司,初期沟通,100\n"
	if _, err := Import(ctx, st, Source{Name: "1.csv", Data: []byte(first)}, Options{}); err != nil {
		t.Fatal(err)
	}
	second := "Name,Customer,Stage,Amount\n" +
		"B,华强电子,初期沟通,100\n" +
		"C,华强电子（中国）,初期沟通,100\n" +
		"D,新星 科技股份有限公司,初期沟通,100\n" +
		"E,新星科技,初期沟通,100\n"
	res, err := Import(ctx, st, Source{Name: "2.csv", Data: []byte(second)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.CustomersCreated != 1 {
		t.Errorf("customers created %d, want 1 (新星科技 once)", res.CustomersCreated)
	}
	byCustomer := map[string]int{}
	for _, o := range listOpps(t, st) {
		byCustomer[o.CustomerName]++
	}
	if byCustomer["华强电子有限公司"] != 3 || byCustomer["新星 科技股份有限公司"] != 2 || len(byCustomer) != 2 {
		t.Errorf("opportunities by customer %v, want 3 on 华强电子有限公司 and 2 on 新星 科技股份有限公司", byCustomer)
	}
	if n := storeCount(t, st, "customers"); n != 2 {
		t.Errorf("%d customers, want 2", n)
	}
}

func storeCount(t *testing.T, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB.Get(&n, `SELECT COUNT(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}
