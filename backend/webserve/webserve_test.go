package webserve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"funneldesk/backend/customer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/owner"
	"funneldesk/backend/settings"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

const indexHTML = `<!doctype html><html><head><meta charset="utf-8"><title>FunnelDesk</title></head><body><div id="app"></div></body></html>`

// newServer serves the real services over a fresh database and a fake dist.
func newServer(t *testing.T, assets fstest.MapFS) (*httptest.Server, *store.Store) {
	t.Helper()
	st := storetest.New(t)
	if assets == nil {
		assets = fstest.MapFS{
			"index.html":    {Data: []byte(indexHTML)},
			"assets/app.js": {Data: []byte("console.log('app')")},
		}
	}
	bound := []any{owner.NewService(st, svc.New(nil)), stage.NewService(st, svc.New(nil)), customer.NewService(st, svc.New(nil)), opportunity.NewService(st, svc.New(nil)), settings.NewService(st, svc.New(nil))}
	srv := httptest.NewServer(New(assets, bound))
	t.Cleanup(srv.Close)
	return srv, st
}

type errorBody struct {
	Code      string `json:"code"`
	Field     string `json:"field"`
	Message   string `json:"message"`
	MessageEn string `json:"messageEn"`
}

type response struct {
	status int
	Result json.RawMessage `json:"result"`
	Error  *errorBody      `json:"error"`
	raw    string
}

func call(t *testing.T, srv *httptest.Server, name string, args ...any) response {
	t.Helper()
	if args == nil {
		args = []any{}
	}
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	return post(t, srv, string(body))
}

func post(t *testing.T, srv *httptest.Server, body string) response {
	t.Helper()
	resp, err := http.Post(srv.URL+"/wails/call", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, raw: string(b)}
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: response %q is not JSON: %v", body, b, err)
		}
	}
	return r
}

func TestCallReturnsResult(t *testing.T) {
	srv, st := newServer(t, nil)
	r := call(t, srv, "owner.Service.Create", map[string]any{"name": " 张三 "})
	if r.status != 200 || r.Error != nil {
		t.Fatalf("create: %d %s", r.status, r.raw)
	}
	var o store.Owner
	if err := json.Unmarshal(r.Result, &o); err != nil || o.Name != "张三" || !o.Active || o.ID == 0 {
		t.Fatalf("result = %s (%v)", r.Result, err)
	}
	if n := storetest.Count(t, st, "owners"); n != 1 {
		t.Errorf("the call did not reach the database: %d owners", n)
	}

	r = call(t, srv, "owner.Service.List", false)
	var list []store.Owner
	if err := json.Unmarshal(r.Result, &list); err != nil || len(list) != 1 || list[0] != o {
		t.Errorf("List = %s (%v)", r.Result, err)
	}

	// Several arguments of different types, and the JSON names of the Go structs.
	r = call(t, srv, "customer.Service.Create", map[string]any{"name": "大商股份(TEST)", "ownerId": o.ID})
	var c store.Customer
	json.Unmarshal(r.Result, &c)
	stages := call(t, srv, "stage.Service.List")
	var ss []store.Stage
	json.Unmarshal(stages.Result, &ss)
	if len(ss) != 8 {
		t.Fatalf("stages = %s", stages.raw)
	}
	r = call(t, srv, "opportunity.Service.Create", map[string]any{
		"name": "购买五十用户", "customerId": c.ID, "ownerId": o.ID, "stageId": ss[0].ID, "amount": "40,000"})
	var opp store.Opportunity
	if err := json.Unmarshal(r.Result, &opp); err != nil || opp.AmountCents != 4000000 || opp.ProbabilityBP != 1000 {
		t.Fatalf("opportunity = %s", r.raw)
	}
	r = call(t, srv, "opportunity.Service.ChangeStage", opp.ID, map[string]any{"stageId": ss[6].ID})
	if r.Error != nil || !strings.Contains(string(r.Result), `"probabilityBp":10000`) {
		t.Errorf("ChangeStage = %s", r.raw)
	}
	r = call(t, srv, "opportunity.Service.List", map[string]any{"filter": map[string]any{"view": "won"}, "page": 1, "pageSize": 10})
	if !strings.Contains(r.raw, `"total":1`) || !strings.Contains(r.raw, `"customerName":"大商股份(TEST)"`) {
		t.Errorf("List = %s", r.raw)
	}

	// A method returning only an error answers {} on success.
	r = call(t, srv, "opportunity.Service.Delete", opp.ID)
	if r.status != 200 || strings.TrimSpace(r.raw) != "{}" {
		t.Errorf("Delete = %d %s, want {}", r.status, r.raw)
	}
}

func TestCallReturnsAppError(t *testing.T) {
	srv, st := newServer(t, nil)
	call(t, srv, "owner.Service.Create", map[string]any{"name": "张三"})
	tests := []struct {
		name string
		args []any
		want errorBody
	}{
		{"owner.Service.Create", []any{map[string]any{"name": "张三"}},
			errorBody{"conflict", "name", "已有同名负责人「张三」", `A salesperson named "张三" already exists`}},
		{"owner.Service.Delete", []any{999},
			errorBody{"not_found", "ownerId", "负责人不存在", "Unknown salesperson"}},
		{"settings.Service.SetLanguage", []any{"fr"},
			errorBody{"invalid", "language", "不支持的语言：fr", "Unsupported language: fr"}},
		{"customer.Service.Create", []any{map[string]any{"name": ""}},
			errorBody{"invalid", "name", "客户名称不能为空", "Customer name is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, srv, tt.name, tt.args...)
			if r.status != 200 || r.Error == nil {
				t.Fatalf("%d %s, want an error body", r.status, r.raw)
			}
			if *r.Error != tt.want {
				t.Errorf("error = %+v\nwant    %+v", *r.Error, tt.want)
			}
		})
	}
	if n := storetest.Count(t, st, "owners"); n != 1 {
		t.Errorf("%d owners after refused calls, want 1", n)
	}
	// The field is omitted when an error concerns no field.
	call(t, srv, "settings.Service.LoadDemo")
	r := call(t, srv, "settings.Service.LoadDemo")
	if r.Error == nil || r.Error.Code != "conflict" || strings.Contains(r.raw, `"field"`) {
		t.Errorf("second LoadDemo = %s", r.raw)
	}
}

func TestCallInternalError(t *testing.T) {
	srv, st := newServer(t, nil)
	st.Close() // every query now fails with a plain Go error
	r := call(t, srv, "owner.Service.List", true)
	if r.status != 200 || r.Error == nil || r.Error.Code != "internal" ||
		!strings.Contains(r.Error.Message, "内部错误") || !strings.Contains(r.Error.MessageEn, "Internal error") {
		t.Errorf("closed database: %d %s", r.status, r.raw)
	}
}

func TestCallBadRequests(t *testing.T) {
	srv, _ := newServer(t, nil)
	tests := []struct {
		name   string
		body   string
		status int
		says   string
	}{
		{"unknown method", `{"name":"owner.Service.Nope","args":[]}`, 404, "unknown method"},
		{"unbound service", `{"name":"desktop.Service.SaveText","args":["a","b"]}`, 404, "unknown method"},
		{"too few arguments", `{"name":"owner.Service.Update","args":[1]}`, 400, "takes 2 arguments, got 1"},
		{"too many arguments", `{"name":"stage.Service.List","args":[1]}`, 400, "takes 0 arguments, got 1"},
		{"wrong argument type", `{"name":"owner.Service.Delete","args":["one"]}`, 400, "argument 1"},
		{"not JSON", `{"name":`, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, srv, tt.body)
			if r.status != tt.status || !strings.Contains(r.raw, tt.says) {
				t.Errorf("%d %q, want %d mentioning %q", r.status, r.raw, tt.status, tt.says)
			}
		})
	}
	resp, err := http.Get(srv.URL + "/wails/call")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("GET /wails/call = %d, want 404", resp.StatusCode)
	}
}

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestIndexGetsShim(t *testing.T) {
	srv, _ := newServer(t, nil)
	for _, path := range []string{"/", "/index.html"} {
		t.Run(path, func(t *testing.T) {
			resp, body := get(t, srv, path)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("%d %v", resp.StatusCode, resp.Header)
			}
			if !strings.Contains(body, `<head><script>(function(){`) || !strings.Contains(body, "window.go = {}") ||
				!strings.Contains(body, "window.runtime") || !strings.Contains(body, "/wails/call") {
				t.Errorf("shim not injected at the top of <head>:\n%s", body)
			}
			if strings.Contains(body, "__METHODS__") {
				t.Error("method list placeholder left in the page")
			}
			for _, m := range []string{`"owner.Service.Create"`, `"opportunity.Service.Export"`, `"settings.Service.Get"`} {
				if !strings.Contains(body, m) {
					t.Errorf("shim does not list %s", m)
				}
			}
			if !strings.Contains(body, `<title>FunnelDesk</title></head><body><div id="app"></div>`) {
				t.Errorf("the page itself was altered:\n%s", body)
			}
		})
	}
	resp, body := get(t, srv, "/assets/app.js")
	if resp.StatusCode != 200 || body != "console.log('app')" {
		t.Errorf("asset = %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv, "/assets/missing.js"); resp.StatusCode != 404 {
		t.Errorf("missing asset = %d, want 404", resp.StatusCode)
	}
}

func TestIndexMissing(t *testing.T) {
	srv, _ := newServer(t, fstest.MapFS{"assets/app.js": {Data: []byte("x")}})
	resp, body := get(t, srv, "/")
	if resp.StatusCode != 500 || !strings.Contains(body, "frontend not built") {
		t.Errorf("no index.html: %d %q", resp.StatusCode, body)
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	s := New(fstest.MapFS{}, nil)
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:80", "[::]:0", "example.com:80"} {
		t.Run(addr, func(t *testing.T) {
			err := s.ListenAndServe(addr)
			if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
				t.Errorf("ListenAndServe(%q) = %v, want refused as not loopback", addr, err)
			}
		})
	}
	if err := s.ListenAndServe("no-port"); err == nil {
		t.Error("an address without a port was accepted")
	}
	// Loopback addresses pass the check: with the port taken, listening
	// itself is what fails.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	for _, addr := range []string{fmt.Sprintf("127.0.0.1:%d", port), fmt.Sprintf("localhost:%d", port)} {
		err := s.ListenAndServe(addr)
		if err == nil || strings.Contains(err.Error(), "loopback") {
			t.Errorf("ListenAndServe(%q) = %v, want it to try to listen", addr, err)
		}
	}
}

func TestShimCallsMatchDispatcher(t *testing.T) {
	// The shim posts {name, args}; check the dispatcher reads exactly that.
	srv, _ := newServer(t, nil)
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(map[string]any{"name": "settings.Service.Get", "args": []any{}})
	r := post(t, srv, buf.String())
	if r.status != 200 || !strings.Contains(string(r.Result), `"language":"zh-CN"`) || !strings.Contains(string(r.Result), `"offerDemo":true`) {
		t.Errorf("settings.Service.Get = %d %s", r.status, r.raw)
	}
}
