// Package web serves the sample UI from embedded files.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

//go:embed static
var static embed.FS

//go:embed all:templates
var templates embed.FS

//go:embed version.txt
var version string

var pages = template.Must(template.ParseFS(templates, "templates/*.tmpl"))

// Handler returns the HTTP handler for the UI.
func Handler() http.Handler {
	mux := http.NewServeMux()
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err)
	}
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.FS(sub))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = pages.ExecuteTemplate(w, "index.tmpl", map[string]string{"Version": version})
	})
	return mux
}
