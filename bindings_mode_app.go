//go:build !bindings

package main

// generatingBindings: see bindings_mode.go.
const generatingBindings = false
