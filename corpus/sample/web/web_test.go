package web

import (
	_ "embed"
	"net/http/httptest"
	"strings"
	"testing"
)

//go:embed testdata/index.golden
var golden string

func TestIndex(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), strings.TrimSpace(golden)) {
		t.Fatalf("unexpected body %q", rec.Body.String())
	}
}
