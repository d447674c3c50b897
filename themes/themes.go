// Package themes holds hirebook's built-in default theme: html/template
// layouts and assets, embedded in the binary.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var files embed.FS

// Default returns the default theme's files, rooted at the theme folder
// (layouts/, assets/).
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}
