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

const testToken = "t0ken-for-tests"

// newServer serves the real services over a fresh database and a fake dist,
// on a loopback port it knows, with testToken.
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
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = New(assets, bound, testToken, srv.Listener.Addr().(*net.TCPAddr).Port)
	srv.Start()
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
	return send(t, srv, body, func(r *http.Request) {})
}

// send posts body as the shim does (JSON, with the token) after edit has
// changed the request.
func send(t *testing.T, srv *httptest.Server, body string, edit func(*http.Request)) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/wails/call", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(TokenHeader, testToken)
	edit(req)
	resp, err := http.DefaultClient.Do(req)
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
			if strings.Contains(body, "__METHODS__") || strings.Contains(body, "__TOKEN_HEADER__") {
				t.Error("a placeholder was left in the page")
			}
			if !strings.Contains(body, "'"+TokenHeader+"': token") || !strings.Contains(body, "sessionStorage") {
				t.Errorf("the shim does not send the token it keeps:\n%s", body)
			}
			if strings.Contains(body, testToken) {
				t.Error("the page carries the token itself: it must come from the URL")
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
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:80", "[::]:0", "example.com:80"} {
		t.Run(addr, func(t *testing.T) {
			l, err := Listen(addr)
			if err == nil {
				l.Close()
			}
			if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
				t.Errorf("Listen(%q) = %v, want refused as not loopback", addr, err)
			}
		})
	}
	if _, err := Listen("no-port"); err == nil {
		t.Error("an address without a port was accepted")
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0"} {
		l, err := Listen(addr)
		if err != nil {
			t.Errorf("Listen(%q) = %v", addr, err)
			continue
		}
		if ip := l.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
			t.Errorf("Listen(%q) listens on %v", addr, ip)
		}
		l.Close()
	}
}

// TestRefusesForeignRequests: the server may be left running while the user
// browses, so a page from elsewhere must not reach it, whether it posts
// text/plain (no preflight), names another Host (DNS rebinding) or another
// Origin, or guesses the token.
func TestRefusesForeignRequests(t *testing.T) {
	srv, st := newServer(t, nil)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	own := fmt.Sprintf("127.0.0.1:%d", port)
	tests := []struct {
		name   string
		edit   func(r *http.Request)
		status int
		says   string
	}{
		{"correct call", func(r *http.Request) {}, 200, `"active":true`},
		{"correct call, localhost and own origin", func(r *http.Request) {
			r.Host = fmt.Sprintf("localhost:%d", port)
			r.Header.Set("Origin", fmt.Sprintf("http://localhost:%d", port))
		}, 200, `"active":true`},
		{"correct call, own origin", func(r *http.Request) { r.Header.Set("Origin", "http://"+own) }, 200, `"active":true`},
		{"foreign origin", func(r *http.Request) { r.Header.Set("Origin", "https://evil.example") }, 403, "Origin"},
		{"own host over https", func(r *http.Request) { r.Header.Set("Origin", "https://"+own) }, 403, "Origin"},
		{"opaque origin", func(r *http.Request) { r.Header.Set("Origin", "null") }, 403, "Origin"},
		{"loopback origin, other port", func(r *http.Request) { r.Header.Set("Origin", fmt.Sprintf("http://127.0.0.1:%d", port+1)) }, 403, "Origin"},
		{"foreign host", func(r *http.Request) { r.Host = fmt.Sprintf("evil.example:%d", port) }, 403, "Host"},
		{"host without port", func(r *http.Request) { r.Host = "127.0.0.1" }, 403, "Host"},
		{"host on another port", func(r *http.Request) { r.Host = fmt.Sprintf("127.0.0.1:%d", port+1) }, 403, "Host"},
		{"missing token", func(r *http.Request) { r.Header.Del(TokenHeader) }, 403, TokenHeader},
		{"wrong token", func(r *http.Request) { r.Header.Set(TokenHeader, testToken+"x") }, 403, TokenHeader},
		{"token in the wrong header", func(r *http.Request) {
			r.Header.Del(TokenHeader)
			r.Header.Set("Authorization", "Bearer "+testToken)
		}, 403, TokenHeader},
		{"text/plain body", func(r *http.Request) { r.Header.Set("Content-Type", "text/plain;charset=UTF-8") }, 415, "application/json"},
		{"form body", func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded") }, 415, "application/json"},
		{"no content type", func(r *http.Request) { r.Header.Del("Content-Type") }, 415, "application/json"},
	}
	created := 0
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Each call would create a new owner; only the correct ones may.
			if tt.status == 200 {
				created++
			}
			r := send(t, srv, fmt.Sprintf(`{"name":"owner.Service.Create","args":[{"name":"负责人%d"}]}`, i), tt.edit)
			if r.status != tt.status || !strings.Contains(r.raw, tt.says) {
				t.Errorf("%d %q, want %d mentioning %q", r.status, r.raw, tt.status, tt.says)
			}
			if tt.status == 200 && r.Error != nil {
				t.Errorf("the correct call failed: %s", r.raw)
			}
		})
	}
	if n := storetest.Count(t, st, "owners"); n != created {
		t.Errorf("%d owners, want %d: a refused call reached the service", n, created)
	}

	// Pages and assets are refused to a foreign Host and Origin too.
	for _, path := range []string{"/", "/assets/app.js"} {
		for _, edit := range []func(*http.Request){
			func(r *http.Request) { r.Host = "evil.example" },
			func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") },
		} {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
			edit(req)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 403 {
				t.Errorf("GET %s with Host %q, Origin %q = %d, want 403", path, req.Host, req.Header.Get("Origin"), resp.StatusCode)
			}
		}
	}
}

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 100; i++ {
		tok := NewToken()
		if len(tok) < 32 || seen[tok] {
			t.Fatalf("token %q: too short or repeated", tok)
		}
		seen[tok] = true
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
