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
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
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
// {message} is e's own text: "第 2 行：产品不存在". Code, field and row stay.
func (e *Error) Wrap(key msg.Key, p msg.P) *Error {
	out := *e
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
