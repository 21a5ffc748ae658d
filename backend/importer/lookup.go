package importer

import (
	"context"
	"runtime"
	"sync"

	"funneldesk/backend/store"
)

// startLookups finds, for each chunk of checked rows from in, the records
// its rows are (查重), and passes the chunks on in the order they came.
// The look-ups run on up to two workers (one per core), each on a read
// connection of its own, beside the writer: re-importing 100,000 rows
// that are all there already is mostly these look-ups. Two, so that the
// read pool keeps connections for the screens meanwhile. known are the
// customers there were before the import: without an external id, a row
// naming another one is new.
func startLookups(ctx context.Context, st *store.Store, known map[string]int64, in <-chan []record) (<-chan []record, error) {
	finders := make([]*store.OppFinder, max(1, min(runtime.GOMAXPROCS(0), 2)))
	for i := range finders {
		f, err := store.NewOppFinder(ctx, st.DB)
		if err != nil {
			for _, f := range finders[:i] {
				f.Close()
			}
			return nil, err
		}
		finders[i] = f
	}
	type job struct {
		recs  []record
		ready chan struct{}
	}
	jobs, order, out := make(chan job, 16), make(chan job, 16), make(chan []record, 16)
	go func() {
		defer close(jobs)
		defer close(order)
		for recs := range in {
			j := job{recs, make(chan struct{})}
			order <- j
			jobs <- j
		}
	}()
	var wg sync.WaitGroup
	for _, f := range finders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil { // a cancelled import only drains the rest
					close(j.ready)
					continue
				}
				for i := range j.recs {
					r := &j.recs[i]
					if cid, ok := known[r.customer]; ok || r.opp.ExternalID != "" {
						r.existing, r.findErr = f.Find(r.opp.ExternalID, r.opp.Name, cid, r.opp.ExpectedClose)
					}
				}
				close(j.ready)
			}
		}()
	}
	go func() {
		wg.Wait()
		for _, f := range finders {
			f.Close()
		}
	}()
	go func() {
		defer close(out)
		for j := range order {
			<-j.ready
			out <- j.recs
		}
	}()
	return out, nil
}
