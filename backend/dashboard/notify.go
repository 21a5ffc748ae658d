package dashboard

import (
	"context"
	"log"
	"time"

	"funneldesk/backend/followup"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// Send shows a desktop notification. The desktop app passes one built on
// gen2brain/beeep; whatever it returns is only logged: notifications are a
// convenience the app never depends on (a desktop without a notification
// daemon, a locked-down Windows).
type Send func(title, body string) error

// Watch notifies at start and whenever something falls due while the app is
// open: when the day turns (the env's clock) or more follow-ups or
// installments become due today than were. It checks every interval until
// ctx ends, and says nothing while the notifications are off (a setting).
// The headless server never starts it.
func Watch(ctx context.Context, st *store.Store, env *svc.Env, send Send, every time.Duration) {
	w := &watcher{st: st, env: env}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if title, body, ok := w.check(ctx); ok {
			if err := send(title, body); err != nil {
				log.Printf("desktop notification: %v", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// watcher remembers what it last saw, so that it speaks only of news.
type watcher struct {
	st      *store.Store
	env     *svc.Env
	day     string
	seen    Counts
	started bool
}

// check reads the counts and decides whether to notify, and with what.
func (w *watcher) check(ctx context.Context) (title, body string, ok bool) {
	today := w.env.Today()
	c, err := countsAt(ctx, w.st.DB, today)
	if err != nil {
		if ctx.Err() == nil {
			log.Printf("reminder counts: %v", err)
		}
		return "", "", false
	}
	news := !w.started || today != w.day ||
		c.FollowUpsToday > w.seen.FollowUpsToday || c.InstallmentsToday > w.seen.InstallmentsToday ||
		c.TasksToday > w.seen.TasksToday
	w.started, w.day, w.seen = true, today, c
	if !news || c.FollowUpsToday+c.FollowUpsOverdue+c.InstallmentsToday+c.TasksToday+c.TasksOverdue == 0 {
		return "", "", false
	}
	if on, err := followup.NotifyOn(ctx, w.st.DB); err != nil || !on {
		return "", "", false
	}
	lang := msg.Zh
	if l, _ := store.GetSetting(ctx, w.st.DB, "language", string(msg.Zh)); l == string(msg.En) {
		lang = msg.En
	}
	body = msg.Render(lang, msg.NotifyFollowUps, msg.P{"today": c.FollowUpsToday, "overdue": c.FollowUpsOverdue})
	if c.InstallmentsToday > 0 {
		body += "\n" + msg.Render(lang, msg.NotifyInstallments, msg.P{"count": c.InstallmentsToday})
	}
	if c.TasksToday+c.TasksOverdue > 0 {
		body += "\n" + msg.Render(lang, msg.NotifyTasks, msg.P{"today": c.TasksToday, "overdue": c.TasksOverdue})
	}
	return msg.Render(lang, msg.NotifyTitle, nil), body, true
}
