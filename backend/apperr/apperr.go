// Package apperr is the one error type the services return: a code, the field
// it concerns, and a message key with its parameters from the catalog
// (backend/msg), rendered in Chinese and English so the UI can show it next
// to the field and the CLI can print it.
//
// Every message lives in backend/msg/catalog.go. To report an error, define
// its key there once, in both languages, with named placeholders:
//
//	OrderVoided = def("order.voided", "订单 {number} 已作废，不能再办理业务", "Order {number} is voided; nothing more can be done with it")
//
// and return it with the field and the parameters:
//
//	return apperr.ConflictZhEn("orderId", msg.OrderVoided, msg.P{"number": o.Number})
//
// An old call apperr.ConflictZhEn(field, "中文…"+x, "English…"+x) becomes
// exactly that: the two texts go to the catalog with {name} where x was, and
// x goes into msg.P. A parameter may be a msg.Key (a label such as
// msg.LabelExpectedClose, a status) and is then rendered in each language.
// Field checks take a label key: validate.TextZhEn("name", msg.LabelCustomerName,
// in.Name, true, 100). The catalog test (go test ./backend/msg) fails when a
// key lacks a language, when zh and en differ in placeholders, when a call
// passes other parameters than the text names, and when a key is unused.
package apperr

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"funneldesk/backend/msg"
)

// Codes of Error.
const (
	CodeInvalid  = "invalid"
	CodeNotFound = "not_found"
	CodeConflict = "conflict"
	CodeInternal = "internal"
)

// Error is a user-facing error. Field is the input field it concerns ("" for
// none); Key and Params say which catalog text it is; Message (Chinese) and
// MessageEn are that text rendered, for the frontend and the CLI.
type Error struct {
	Code      string  `json:"code"`
	Field     string  `json:"field,omitempty"`
	Key       msg.Key `json:"key" ts_type:"string"`
	Params    msg.P   `json:"params,omitempty"`
	Message   string  `json:"message"`
	MessageEn string  `json:"messageEn"`
	// Row is set by importers: the 1-based data row the error belongs to.
	Row int `json:"row,omitempty"`
	// Fields, when one request has several field errors, holds them all
	// (the first among them); the error's own code, field and text are the
	// first one's, so a caller that reads one error still reads a right one.
	Fields []*Error `json:"fields,omitempty"`
}

func (e *Error) Error() string {
	if len(e.Fields) > 1 {
		parts := make([]string, len(e.Fields))
		for i, f := range e.Fields {
			parts[i] = f.Error()
		}
		return strings.Join(parts, "; ")
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// All is every field error e carries: its Fields, or e itself.
func (e *Error) All() []*Error {
	if len(e.Fields) > 0 {
		return e.Fields
	}
	return []*Error{e}
}

// List collects the errors of one request so that a form learns every
// field error at once, not only the first:
//
//	var errs apperr.List
//	p.Name, err = validate.Text("name", ...)
//	errs.Add(err)
//	if p.Code, err = validate.Text("code", ...); errs.OK(err) {
//		errs.Add(checkUnique(p.Code)) // only worth asking of a valid code
//	}
//	return errs.Err()
//
// An error that is not an *Error (a failing query) wins over field errors:
// Err returns it as it is.
type List struct {
	errs  []*Error
	other error
}

// Add records err, if any; an *Error carrying several is recorded as each.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	e, ok := As(err)
	if !ok {
		if l.other == nil {
			l.other = err
		}
		return
	}
	l.errs = append(l.errs, e.All()...)
}

// OK records err and reports whether it was nil, for checks that only
// make sense on a valid value.
func (l *List) OK(err error) bool {
	l.Add(err)
	return err == nil
}

// Has reports whether anything was recorded, or anything about field.
func (l *List) Has(field ...string) bool {
	if len(field) == 0 {
		return len(l.errs) > 0 || l.other != nil
	}
	for _, e := range l.errs {
		for _, f := range field {
			if e.Field == f {
				return true
			}
		}
	}
	return false
}

// Err is nil when nothing was recorded, the one error when there is one,
// else the first carrying all of them in Fields.
func (l *List) Err() error {
	if l.other != nil {
		return l.other
	}
	switch len(l.errs) {
	case 0:
		return nil
	case 1:
		return l.errs[0]
	}
	first := *l.errs[0]
	first.Fields = append([]*Error(nil), l.errs...)
	return &first
}

// New is an error with the given code; p, if given, are the parameters the
// key's text names (only the first is used).
func New(code, field string, key msg.Key, p ...msg.P) *Error {
	e := &Error{Code: code, Field: field, Key: key}
	if len(p) > 0 {
		e.Params = p[0]
	}
	e.render()
	return e
}

// Invalid reports bad input in field.
func Invalid(field string, key msg.Key, p ...msg.P) *Error {
	return New(CodeInvalid, field, key, p...)
}

// NotFound reports a missing record.
func NotFound(field string, key msg.Key, p ...msg.P) *Error {
	return New(CodeNotFound, field, key, p...)
}

// Conflict reports an action that the current data does not allow.
func Conflict(field string, key msg.Key, p ...msg.P) *Error {
	return New(CodeConflict, field, key, p...)
}

func (e *Error) render() {
	e.Message = msg.Render(msg.Zh, e.Key, e.Params)
	e.MessageEn = msg.Render(msg.En, e.Key, e.Params)
}

// Msg is the error's text as a nested message, to wrap in another.
func (e *Error) Msg() msg.Msg { return msg.Msg{Key: e.Key, Params: e.Params} }

// Wrap returns a copy of e whose text is key rendered with p, where p's
// {message} is e's own text: "第 2 行：产品不存在". Code, field and row stay;
// an error carrying several has each wrapped.
func (e *Error) Wrap(key msg.Key, p msg.P) *Error {
	if len(e.Fields) > 1 {
		var l List
		for _, f := range e.Fields {
			l.Add(f.Wrap(key, p))
		}
		out, _ := As(l.Err())
		return out
	}
	out := *e
	out.Fields = nil
	q := msg.P{"message": e.Msg()}
	for k, v := range p {
		q[k] = v
	}
	out.Key, out.Params = key, q
	out.render()
	return &out
}

// In is the message in lang.
func (e *Error) In(lang msg.Lang) string {
	if lang == msg.En {
		return e.MessageEn
	}
	return e.Message
}

// As returns the *Error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// Format turns any error into the JSON-able value the frontend receives: an
// *Error as it is, anything else as an internal error carrying its text.
func Format(err error) any {
	if e, ok := As(err); ok {
		return e
	}
	return New(CodeInternal, "", msg.Internal, msg.P{"error": err.Error()})
}

// FormatJSON is Format as JSON text, for Wails' ErrorFormatter: the Wails v2
// runtime rejects a call with new Error(value), so an object would arrive as
// "[object Object]" while a string arrives intact as the Error's message.
func FormatJSON(err error) any {
	b, jerr := json.Marshal(Format(err))
	if jerr != nil {
		return err.Error()
	}
	return string(b)
}

// Is reports whether err is an *Error with the given code.
func Is(err error, code string) bool {
	e, ok := As(err)
	return ok && e.Code == code
}
