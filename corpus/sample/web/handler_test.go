package web_test

import (
	"embed"
	"net/http/httptest"
	"testing"

	"example.com/sample/web"
)

//go:embed testdata/requests
var requests embed.FS

func TestStatic(t *testing.T) {
	_ = requests
	rec := httptest.NewRecorder()
	web.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/static/app.js", nil))
	if rec.Code != 200 {
		t.Fatal(rec.Code)
	}
}
