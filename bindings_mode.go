//go:build bindings

package main

// generatingBindings is true in the build `wails generate module` (and
// `wails build` before it) runs to read the bound methods: that run must not
// open, migrate or lock the user's database.
const generatingBindings = true
