package importer

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"

	"funneldesk/backend/svc"
)

// Limits of what the UI is sent at once.
const (
	SampleRows     = 20
	MaxErrorsShown = 200
	// keptJobs bounds the finished imports whose progress can still be read.
	keptJobs = 8
)

// Preview describes a parsed file and how its columns map, with the
// problems the rows have under that mapping.
type Preview struct {
	Token     string   `json:"token"`
	FileName  string   `json:"fileName"`
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding"`
	Delimiter string   `json:"delimiter"`
	Sheet     string   `json:"sheet"`
	Headers   []string `json:"headers"`
	// Mapping holds each column's field key; "" means the column is ignored.
	Mapping []string `json:"mapping"`
	// Unmapped are the headers of the ignored columns.
	Unmapped  []string   `json:"unmapped"`
	Fields    []Field    `json:"fields"`
	Sample    [][]string `json:"sample"`
	TotalRows int        `json:"totalRows"`
	// Errors are the first MaxErrorsShown problems; ErrorCount counts all.
	Errors     []RowError `json:"errors"`
	ErrorCount int        `json:"errorCount"`
}

// Progress is the state of an import started with Start.
type Progress struct {
	JobID      string     `json:"jobId"`
	Done       int        `json:"done"`
	Total      int        `json:"total"`
	Finished   bool       `json:"finished"`
	OK         bool       `json:"ok"`
	Result     Result     `json:"result"`
	Errors     []RowError `json:"errors"`
	ErrorCount int        `json:"errorCount"`
	Message    string     `json:"message"`
	MessageEn  string     `json:"messageEn"`
}

// Service is bound to the UI: preview a file, adjust the mapping, import in
// the background and poll the progress. It keeps one parsed file at a time.
type Service struct {
	st  *store.Store
	env *svc.Env

	mu      sync.Mutex
	file    *loadedFile
	running string // the job id of the import under way, if any
	jobs    map[string]*job
	order   []string
}

type loadedFile struct {
	token string
	name  string
	table *Table
}

type job struct {
	id    string
	done  atomic.Int64
	total int

	mu       sync.Mutex
	finished bool
	ok       bool
	result   Result
	errors   []RowError
	count    int
	msg      string
	msgEn    string
}

// NewService returns the import service over st.
func NewService(st *store.Store, env *svc.Env) *Service {
	return &Service{st: st, env: env, jobs: map[string]*job{}}
}

// PreviewFile parses a file on this computer and maps its headers. The page
// names the path, so only a file the user chose in the open dialog (or, in
// the headless server, one under its --save-dir or --open-dir) is read.
func (s *Service) PreviewFile(path string) (Preview, error) {
	if !s.env.MayOpen(path) {
		return Preview{}, apperr.Invalid("path", msg.ImportNotChosen, nil)
	}
	src, err := FileSource(path)
	if err != nil {
		return Preview{}, err
	}
	return s.load(src)
}

// PreviewData parses a file the browser uploaded (its bytes in base64).
func (s *Service) PreviewData(fileName string, base64Content string) (Preview, error) {
	// A data: URL prefix, as FileReader.readAsDataURL gives, is tolerated.
	if i := strings.Index(base64Content, ";base64,"); i >= 0 && strings.HasPrefix(base64Content, "data:") {
		base64Content = base64Content[i+len(";base64,"):]
	}
	b, err := base64.StdEncoding.DecodeString(base64Content)
	if err != nil {
		// Wrapped lines or missing padding, as some encoders write.
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(strings.Join(strings.Fields(base64Content), ""), "="))
	}
	if err != nil {
		return Preview{}, apperr.Invalid("file", msg.ImportBase64)
	}
	return s.load(Source{Name: filepath.Base(fileName), Data: b})
}

func (s *Service) load(src Source) (Preview, error) {
	s.mu.Lock()
	if s.running != "" {
		s.mu.Unlock()
		return Preview{}, errBusy()
	}
	s.file = nil // let the previous file go before reading the next
	s.mu.Unlock()
	t, err := Parse(src)
	if err != nil {
		return Preview{}, err
	}
	f := &loadedFile{token: newID(), name: src.Name, table: t}
	s.mu.Lock()
	if s.running != "" {
		s.mu.Unlock()
		return Preview{}, errBusy()
	}
	s.file = f
	s.mu.Unlock()
	return s.preview(f, AutoMapping(t.Headers))
}

// Validate checks the rows again under an adjusted mapping.
func (s *Service) Validate(token string, mapping []string) (Preview, error) {
	f, err := s.get(token)
	if err != nil {
		return Preview{}, err
	}
	return s.preview(f, mapping)
}

func (s *Service) preview(f *loadedFile, mapping []string) (Preview, error) {
	t := f.table
	p := Preview{Token: f.token, FileName: f.name, Format: t.Format, Encoding: t.Encoding, Delimiter: t.Delimiter,
		Sheet: t.Sheet, Headers: t.Headers, Mapping: mapping, Unmapped: []string{}, Fields: Fields,
		Sample: [][]string{}, TotalRows: len(t.Rows), Errors: []RowError{}}
	missing, err := checkMapping(t, mapping)
	if err != nil {
		return Preview{}, err
	}
	for i, k := range mapping {
		if k == "" && t.Headers[i] != "" {
			p.Unmapped = append(p.Unmapped, t.Headers[i])
		}
	}
	for i := 0; i < len(t.Rows) && i < SampleRows; i++ {
		row := make([]string, len(t.Headers))
		copy(row, t.Rows[i].Cells)
		p.Sample = append(p.Sample, row)
	}
	emit := func(e RowError) {
		if len(p.Errors) < MaxErrorsShown {
			p.Errors = append(p.Errors, e)
		}
		p.ErrorCount++
	}
	if len(missing) > 0 {
		for _, e := range missing {
			emit(e)
		}
		return p, nil
	}
	stages, err := store.ImportStages(s.env.Ctx(), s.st.DB)
	if err != nil {
		return Preview{}, err
	}
	newChecker(t, mapping, stages).run(emit, false)
	return p, nil
}

// Start imports the previewed file with the given mapping in the
// background and returns the job id to poll with Progress. defaultOwnerID
// (0: automatic) owns the rows whose owner is empty.
func (s *Service) Start(token string, mapping []string, defaultOwnerID int64) (string, error) {
	f, err := s.get(token)
	if err != nil {
		return "", err
	}
	missing, err := checkMapping(f.table, mapping)
	if err != nil {
		return "", err
	}
	if len(missing) > 0 {
		return "", (&RowErrors{Errors: missing}).summary()
	}
	j := &job{id: newID(), total: len(f.table.Rows)}
	s.mu.Lock()
	if s.running != "" {
		s.mu.Unlock()
		return "", errBusy()
	}
	s.running = j.id
	s.jobs[j.id] = j
	s.order = append(s.order, j.id)
	for len(s.order) > keptJobs {
		delete(s.jobs, s.order[0])
		s.order = s.order[1:]
	}
	s.mu.Unlock()

	go s.run(j, f, mapping, defaultOwnerID)
	return j.id, nil
}

func (s *Service) run(j *job, f *loadedFile, mapping []string, defaultOwnerID int64) {
	opts := Options{Mapping: mapping, DefaultOwnerID: defaultOwnerID,
		Progress: func(done, _ int) { j.done.Store(int64(done)) }}
	res, err := importTable(s.env.Ctx(), s.st, f.table, opts)

	j.mu.Lock()
	j.finished = true
	j.result = res
	var rowErrs *RowErrors
	switch {
	case err == nil:
		j.ok = true
		j.msg = "已导入 " + itoa(res.Opportunities) + " 条销售机会（新建客户 " + itoa(res.CustomersCreated) +
			" 个，新建负责人 " + itoa(res.OwnersCreated) + " 个）"
		j.msgEn = Summary(res, f.name)
	case asRowErrors(err, &rowErrs):
		j.count = len(rowErrs.Errors)
		j.errors = rowErrs.Errors[:min(len(rowErrs.Errors), MaxErrorsShown)]
		sum := rowErrs.summary()
		j.msg, j.msgEn = sum.Message, sum.MessageEn
	default:
		e := apperr.Format(err).(*apperr.Error)
		j.msg, j.msgEn = e.Message, e.MessageEn
	}
	j.mu.Unlock()

	s.mu.Lock()
	s.running = ""
	if err == nil && s.file == f {
		s.file = nil // imported: the file is not needed any more
	}
	s.mu.Unlock()
}

// Progress reports how far an import is.
func (s *Service) Progress(jobID string) (Progress, error) {
	s.mu.Lock()
	j, ok := s.jobs[jobID]
	s.mu.Unlock()
	if !ok {
		return Progress{}, apperr.NotFound("jobId", msg.ImportNoSuchJob)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	p := Progress{JobID: j.id, Done: int(j.done.Load()), Total: j.total, Finished: j.finished, OK: j.ok,
		Result: j.result, Errors: j.errors, ErrorCount: j.count, Message: j.msg, MessageEn: j.msgEn}
	if p.Errors == nil {
		p.Errors = []RowError{}
	}
	if p.Result.Ignored == nil {
		p.Result.Ignored = []string{}
	}
	if !p.Finished {
		p.Message, p.MessageEn = msg.Render(msg.Zh, msg.Importing, nil), msg.Render(msg.En, msg.Importing, nil)
	}
	return p, nil
}

func (s *Service) get(token string) (*loadedFile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil || s.file.token != token {
		return nil, apperr.NotFound("token", msg.ImportFileExpired)
	}
	return s.file, nil
}

func errBusy() error {
	return apperr.Conflict("", msg.ImportBusy)
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
