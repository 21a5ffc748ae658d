package backup

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// autoEvery is how often the open app looks whether today's automatic
// backup is due (the clock may cross midnight while it stays open).
var autoEvery = 10 * time.Minute

// StartAuto makes the automatic backup due at start, then checks again
// every autoEvery until the app's context ends. It is lifecycle wiring,
// so a function rather than a bound method.
func StartAuto(s *Service) {
	ctx := s.env.Ctx()
	go func() {
		s.runDue()
		t := time.NewTicker(autoEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				s.runDue()
			}
		}
	}()
}

// runDue writes today's automatic backup unless one exists (by the
// service's clock), then deletes the automatic backups the retention rule
// no longer keeps. It returns the backup written, or nil.
func (s *Service) runDue() (*Entry, error) {
	ctx := s.env.Ctx()
	set, err := s.settings(ctx)
	if err != nil || !set.Auto {
		return nil, err
	}
	folder, err := Folder(ctx, s.st.DB, s.defaultFolder)
	if err != nil {
		return nil, err
	}
	now := s.env.Now()
	list, err := List(ctx, folder)
	if err != nil {
		return nil, err
	}
	var made *Entry
	if !hasAutoOn(list, now) {
		e, err := s.make(KindAuto)
		if err != nil {
			return nil, err
		}
		made = &e
		list = append([]Entry{e}, list...)
	}
	for _, e := range Expired(list, now, set.KeepDays, set.KeepWeeks) {
		os.Remove(e.Path)
	}
	removeAbandoned(folder, time.Now())
	return made, nil
}

// abandonedAfter is how long a backup's temporary file may go unwritten
// before it counts as left by a process killed mid-copy. A copy in progress
// (this app's, or `funneldesk backup` run beside it) writes to it all the
// time, so its modification time stays fresh.
const abandonedAfter = 30 * time.Minute

// removeAbandoned deletes the temporary ".partial" files of backups that
// were killed before they finished: each is as large as the database, and
// the next backup has another name, so nothing else would ever remove them.
// File times are the real clock's, not the app's.
func removeAbandoned(folder string, now time.Time) {
	des, err := os.ReadDir(folder)
	if err != nil {
		return
	}
	for _, de := range des {
		if de.IsDir() || !strings.HasSuffix(de.Name(), ".db.partial") {
			continue
		}
		if fi, err := de.Info(); err == nil && now.Sub(fi.ModTime()) > abandonedAfter {
			os.Remove(filepath.Join(folder, de.Name()))
		}
	}
}

func hasAutoOn(list []Entry, now time.Time) bool {
	day := now.Format("2006-01-02")
	for _, e := range list {
		if e.Kind == KindAuto && len(e.Time) >= 10 && e.Time[:10] == day {
			return true
		}
	}
	return false
}

// Expired returns the automatic backups the rule does not keep: kept are
// the newest of each of the last keepDays days (today included) and the
// newest of each of the last keepWeeks weeks (Monday to Sunday, this week
// included). Backups made by hand or before a restore are never expired.
func Expired(list []Entry, now time.Time, keepDays, keepWeeks int) []Entry {
	today := midnight(now)
	firstDay := today.AddDate(0, 0, -(keepDays - 1))
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	firstWeek := monday.AddDate(0, 0, -7*(keepWeeks-1))
	newestDay := map[string]string{}  // day -> name of the newest backup
	newestWeek := map[string]string{} // week's monday -> name
	var autos []Entry
	for _, e := range list {
		if e.Kind != KindAuto {
			continue
		}
		t, err := time.ParseInLocation(time.RFC3339, e.Time, time.Local)
		if err != nil {
			continue
		}
		autos = append(autos, e)
		d := midnight(t)
		day := d.Format("2006-01-02")
		if best, ok := newestDay[day]; !ok || e.Time > timeOf(autos, best) {
			newestDay[day] = e.Name
		}
		wk := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format("2006-01-02")
		if best, ok := newestWeek[wk]; !ok || e.Time > timeOf(autos, best) {
			newestWeek[wk] = e.Name
		}
	}
	var out []Entry
	for _, e := range autos {
		t, _ := time.ParseInLocation(time.RFC3339, e.Time, time.Local)
		d := midnight(t)
		wk := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		keepD := !d.Before(firstDay) && newestDay[d.Format("2006-01-02")] == e.Name
		keepW := keepWeeks > 0 && !wk.Before(firstWeek) && newestWeek[wk.Format("2006-01-02")] == e.Name
		if !keepD && !keepW {
			out = append(out, e)
		}
	}
	return out
}

func timeOf(list []Entry, name string) string {
	for _, e := range list {
		if e.Name == name {
			return e.Time
		}
	}
	return ""
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}
