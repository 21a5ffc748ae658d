// Package apperr is the one error type the services return: a code, the field
// it concerns and a message in Chinese and English, so the UI can show it next
// to the field and the CLI can print it.
package apperr

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Codes of Error.
const (
	CodeInvalid  = "invalid"
	CodeNotFound = "not_found"
	CodeConflict = "conflict"
	CodeInternal = "internal"
)

// Error is a user-facing error. Field is the input field it concerns ("" for
// none); Message is Chinese, MessageEn English.
type Error struct {
	Code      string `json:"code"`
	Field     string `json:"field,omitempty"`
	Message   string `json:"message"`
	MessageEn string `json:"messageEn"`
	// Row is set by importers: the 1-based data row the error belongs to.
	Row int `json:"row,omitempty"`
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Invalid reports bad input in field.
func Invalid(field, zh, en string) *Error {
	return &Error{Code: CodeInvalid, Field: field, Message: zh, MessageEn: en}
}

// NotFound reports a missing record.
func NotFound(field, zh, en string) *Error {
	return &Error{Code: CodeNotFound, Field: field, Message: zh, MessageEn: en}
}

// Conflict reports an action that the current data does not allow.
func Conflict(field, zh, en string) *Error {
	return &Error{Code: CodeConflict, Field: field, Message: zh, MessageEn: en}
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
	return &Error{Code: CodeInternal, Message: "内部错误：" + err.Error(), MessageEn: "Internal error: " + err.Error()}
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
