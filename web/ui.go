package web

import (
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/kgraph/kg"
)

// uiFiles is the UI build (web/ui/dist). The directory always holds a
// committed README.txt, so the embed works before the UI is built.
//
//go:embed all:ui/dist
var uiFiles embed.FS

// noUIPage answers / when no UI has been built.
const noUIPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>kg</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>kg: the browser UI is not built</h1>
<p>The API is running at <a href="/api/v1/openapi.json">/api/v1</a>.</p>
<p>Build the UI and restart the server (or start it with <code>--ui-dir web/ui/dist</code>):</p>
<pre>cd web/ui &amp;&amp; npm ci &amp;&amp; npm run build</pre>
</body></html>
`

// csp lets the UI load its own scripts, styles and images only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

// uiHandler serves the UI for every path no route takes: a file when one
// exists, else index.html (the UI routes in the browser), else a page that
// says how to build the UI. Unknown /api/ paths get a JSON 404.
func (s *Server) uiHandler() (gin.HandlerFunc, error) {
	var files fs.FS
	if s.cfg.UIDir != "" {
		if _, err := os.Stat(s.cfg.UIDir); err != nil {
			return nil, kg.Errorf(kg.EInvalid, "ui dir: %v", err)
		}
		files = os.DirFS(s.cfg.UIDir)
	} else {
		sub, err := fs.Sub(uiFiles, "ui/dist")
		if err != nil {
			return nil, err
		}
		files = sub
	}
	fileServer := http.FileServerFS(files)
	return func(c *gin.Context) {
		p := c.Request.URL.Path
		if strings.HasPrefix(p, "/api/") || p == "/api" {
			c.Error(kg.Errorf(kg.ENotFound, "no route %s %s", c.Request.Method, p))
			return
		}
		if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
			c.Error(kg.Errorf(kg.ENotFound, "no route %s %s", c.Request.Method, p))
			return
		}
		c.Header("Content-Security-Policy", csp)
		name := strings.TrimPrefix(path.Clean(p), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(files, name); err == nil && !st.IsDir() {
				fileServer.ServeHTTP(c.Writer, c.Request)
				return
			}
		}
		index, err := fs.ReadFile(files, "index.html")
		if errors.Is(err, fs.ErrNotExist) {
			c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(noUIPage))
			return
		}
		if err != nil {
			c.Error(err)
			return
		}
		c.Header("Cache-Control", "no-cache")
		c.Data(http.StatusOK, "text/html; charset=utf-8", index)
	}, nil
}
