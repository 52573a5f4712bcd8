package web_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/kgraph/kg/web"
)

// A document read on a best-effort basis (here: no year in its title or
// first lines) loads, and the answer says what was guessed.
func TestUploadWarnings(t *testing.T) {
	e := newEnv(t, web.Config{Token: "s3cret"})
	body, ctype := multipartFile("noyear.txt", []byte("某高新区工作总结\n新一代信息技术产业加快发展。星辰微电子集成电路设计中心项目开工建设。\n"))
	code, b, _ := e.do("POST", "/api/v1/documents", body, "Authorization", "Bearer s3cret", "Content-Type", ctype)
	if code != http.StatusCreated {
		t.Fatalf("upload = %d %s", code, b)
	}
	var res struct {
		Added []struct {
			ID       string
			Warnings []string
		}
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 1 || len(res.Added[0].Warnings) == 0 {
		t.Fatalf("want one document with a warning, got %s", b)
	}
}
