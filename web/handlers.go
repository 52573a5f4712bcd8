package web

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries"
)

// bindQuery reads query parameters into v, answering our own 400.
func bindQuery(c *gin.Context, v any) bool {
	if err := c.ShouldBindQuery(v); err != nil {
		c.Error(&kg.Error{Code: kg.EInvalid, Message: "bad query parameter: " + shortBindError(err), Err: err})
		return false
	}
	return true
}

func shortBindError(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, "strconv."); i >= 0 {
		return s[i:]
	}
	return s
}

// deadline gives a question the server's request deadline.
func (s *Server) deadline(c *gin.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Request.Context(), s.cfg.RequestTimeout)
}

// pathID returns an id path parameter: a catch-all value loses its leading
// slash, so that /entities/enterprise/京东方 and /entities/enterprise%2F京东方
// name the same entity.
func pathID(c *gin.Context, name string) string {
	return strings.TrimPrefix(c.Param(name), "/")
}

func (s *Server) registerChains(g *gin.RouterGroup) {
	g.GET("/chains", s.getChains)
	g.GET("/chains/:id/firms", s.getChainFirms)
}

func (s *Server) getChains(c *gin.Context) {
	ctx, cancel := s.deadline(c)
	defer cancel()
	t, err := s.q.Chains(ctx)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"chains": t})
}

func (s *Server) getChainFirms(c *gin.Context) {
	var p struct {
		Inferred *bool  `form:"inferred"`
		Offset   int    `form:"offset"`
		Limit    int    `form:"limit"`
		View     string `form:"view"`
	}
	if !bindQuery(c, &p) {
		return
	}
	view, err := queries.ParseView(p.View)
	if err != nil {
		c.Error(err)
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	page, err := s.q.ChainFirmsPage(ctx, c.Param("id"), p.Inferred == nil || *p.Inferred, p.Offset, p.Limit, view)
	if err != nil {
		c.Error(err)
		return
	}
	body, err := page.Body(ctx)
	if err != nil {
		c.Error(err)
		return
	}
	const ctype = "application/json; charset=utf-8"
	// The same URL answers gzip-compressed or not.
	c.Header("Vary", "Accept-Encoding")
	switch {
	case body == nil:
		s.streamPage(ctx, c, page)
	case !body.Gzip:
		c.Data(http.StatusOK, ctype, body.Bytes)
	case acceptsGzip(c.GetHeader("Accept-Encoding")):
		c.Header("Content-Encoding", "gzip")
		c.Data(http.StatusOK, ctype, body.Bytes)
	default:
		// Decompressing the held page costs a fraction of encoding it.
		zr, err := gzip.NewReader(bytes.NewReader(body.Bytes))
		if err != nil {
			c.Error(err)
			return
		}
		c.Header("Content-Type", ctype)
		c.Header("Content-Length", strconv.Itoa(body.Size))
		c.Status(http.StatusOK)
		if _, err := io.Copy(c.Writer, zr); err != nil {
			s.cut(c, err)
		}
	}
}

// streamPage writes a page the index does not hold as it is encoded: the
// largest are tens of megabytes, which need not be copied whole first.
func (s *Server) streamPage(ctx context.Context, c *gin.Context, page *queries.FirmsPage) {
	c.Header("Content-Type", "application/json; charset=utf-8")
	c.Status(http.StatusOK)
	w := bufio.NewWriterSize(c.Writer, 64<<10)
	err := page.WriteJSON(ctx, w)
	if err == nil {
		err = w.Flush()
	}
	switch {
	case err == nil:
	case !c.Writer.Written():
		c.Error(err) // waited too long for an encoder: nothing sent yet
	default:
		s.cut(c, err)
	}
}

// cut ends an answer that failed once begun by closing the connection, so
// that the client sees it cut rather than a short answer that looks whole.
func (s *Server) cut(c *gin.Context, err error) {
	s.log.Warn("answer cut", "id", c.GetString(requestIDKey), "path", c.Request.URL.Path, "bytes", c.Writer.Size(), "err", err)
	panic(http.ErrAbortHandler)
}

// acceptsGzip reads an Accept-Encoding header: whether gzip is accepted,
// named or as *, with a q above 0 (gzip named decides over *).
func acceptsGzip(h string) bool {
	gz, star := -1.0, -1.0
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "gzip", "x-gzip":
			gz = q
		case "*":
			star = q
		}
	}
	if gz >= 0 {
		return gz > 0
	}
	return star > 0
}

func (s *Server) registerEntities(g *gin.RouterGroup) {
	g.GET("/entities", s.getEntities)
	g.GET("/entities/*id", s.getEntity)
}

func (s *Server) getEntities(c *gin.Context) {
	var p struct {
		Q        string `form:"q"`
		Type     string `form:"type"`
		Industry string `form:"industry"`
		Stage    string `form:"stage"`
		Place    string `form:"place"`
		Document string `form:"document"`
		Limit    int    `form:"limit"`
		Cursor   string `form:"cursor"`
	}
	if !bindQuery(c, &p) {
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	r, err := s.q.Search(ctx, queries.SearchParams(p))
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, r)
}

func (s *Server) getEntity(c *gin.Context) {
	var p struct {
		Limit int `form:"limit"`
	}
	if !bindQuery(c, &p) {
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	d, err := s.q.EntityLimit(ctx, pathID(c, "id"), p.Limit)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, d)
}

func (s *Server) registerGraph(g *gin.RouterGroup) {
	g.GET("/graph", s.getGraph)
	g.GET("/paths", s.rateLimit(s.expensive), s.getPaths)
}

type graphQuery struct {
	Seed       string `form:"seed"`
	Hops       int    `form:"hops"`
	Types      string `form:"types"`
	Predicates string `form:"predicates"`
	Limit      int    `form:"limit"`
}

func (s *Server) getGraph(c *gin.Context) {
	var p graphQuery
	if !bindQuery(c, &p) {
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	g, err := s.q.Graph(ctx, queries.GraphParams(p))
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, g)
}

func (s *Server) getPaths(c *gin.Context) {
	var p struct {
		From  string `form:"from"`
		To    string `form:"to"`
		Max   int    `form:"max"`
		Limit int    `form:"limit"`
	}
	if !bindQuery(c, &p) {
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	ps, err := s.q.Paths(ctx, queries.PathParams{From: p.From, To: p.To, MaxHops: p.Max, Limit: p.Limit})
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"paths": ps})
}

func (s *Server) registerProjects(g *gin.RouterGroup) {
	g.GET("/projects", s.getProjects)
	g.GET("/indicators", s.getIndicators)
}

func (s *Server) getProjects(c *gin.Context) {
	var p struct {
		Stage    string `form:"stage"`
		Industry string `form:"industry"`
		Year     int    `form:"year"`
		Place    string `form:"place"`
		Limit    int    `form:"limit"`
	}
	if !bindQuery(c, &p) {
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	r, err := s.q.Projects(ctx, queries.ProjectParams(p))
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, r)
}

func (s *Server) getIndicators(c *gin.Context) {
	var p struct {
		Document string `form:"document"`
		Name     string `form:"name"`
		Subject  string `form:"subject"`
		Limit    int    `form:"limit"`
	}
	if !bindQuery(c, &p) {
		return
	}
	ctx, cancel := s.deadline(c)
	defer cancel()
	r, err := s.q.Indicators(ctx, queries.IndicatorParams(p))
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": r})
}

func (s *Server) registerExport(g *gin.RouterGroup) {
	g.GET("/export", s.rateLimit(s.expensive), s.getExport)
}

func (s *Server) getExport(c *gin.Context) {
	var p struct {
		graphQuery
		Chain  string `form:"chain"`
		Format string `form:"format"`
	}
	if !bindQuery(c, &p) {
		return
	}
	if p.Format == "" {
		p.Format = "graphml"
	}
	f, err := queries.ExportFormat(p.Format)
	if err != nil {
		c.Error(err)
		return
	}
	sel := queries.Selection{Chain: p.Chain, GraphParams: queries.GraphParams(p.graphQuery)}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.ExportTimeout)
	defer cancel()
	// Written to a buffer first, so that a failure is still a clean error.
	var buf bytes.Buffer
	if err := s.q.Export(ctx, &buf, sel, f.Name); err != nil {
		c.Error(err)
		return
	}
	name := queries.ExportName(sel, f)
	c.Header("Content-Disposition", contentDisposition(name))
	c.Data(http.StatusOK, f.MediaType, buf.Bytes())
}

// contentDisposition names an attachment safely: an ASCII fallback and the
// UTF-8 name (RFC 6266, RFC 5987).
func contentDisposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '/' || r == ';' {
			return '_'
		}
		return r
	}, name)
	return mime.FormatMediaType("attachment", map[string]string{"filename": ascii}) +
		"; filename*=UTF-8''" + url.PathEscape(name)
}

func (s *Server) registerDocuments(g *gin.RouterGroup) {
	g.GET("/documents", s.getDocuments)
	g.GET("/documents/*id", s.getDocument)
	g.POST("/documents", s.requireWrite(), s.postDocuments)
	g.DELETE("/documents/*id", s.requireWrite(), s.deleteDocument)
}

func (s *Server) getDocuments(c *gin.Context) {
	ctx, cancel := s.deadline(c)
	defer cancel()
	ds, err := s.q.Documents(ctx)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": ds})
}

func (s *Server) getDocument(c *gin.Context) {
	ctx, cancel := s.deadline(c)
	defer cancel()
	d, err := s.q.Document(ctx, pathID(c, "id"))
	if err != nil {
		c.Error(err)
		return
	}
	sents := d.Sentences
	if sents == nil {
		sents = []kg.Span{}
	}
	c.JSON(http.StatusOK, gin.H{"id": d.ID, "title": d.Title, "year": d.Year, "source": d.Source, "text": d.Text, "sentences": sents})
}

// added is what POST /documents reports per document.
type added struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Year       int    `json:"year,omitempty"`
	Quads      int    `json:"quads"`
	Entities   int    `json:"entities"`
	Relations  int    `json:"relations"`
	Indicators int    `json:"indicators"`
	// Warnings say what was read on a best-effort basis.
	Warnings []string `json:"warnings,omitempty"`
}

// postDocuments extracts every uploaded file first and loads them only when
// all could be read, so that a bad file leaves the store as it was.
func (s *Server) postDocuments(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxUploadBytes)
	form, err := c.MultipartForm()
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			c.Error(kg.Errorf(kg.ETooLarge, "upload larger than %d bytes", s.cfg.MaxUploadBytes))
			return
		}
		c.Error(&kg.Error{Code: kg.EInvalid, Message: "expected multipart/form-data with files in the field \"file\"", Err: err})
		return
	}
	defer form.RemoveAll()
	files := form.File["file"]
	if len(files) == 0 {
		c.Error(kg.Errorf(kg.EInvalid, "no file in the field \"file\""))
		return
	}
	xs := make([]*kg.Extraction, 0, len(files))
	for _, fh := range files {
		name := path.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
		f, err := fh.Open()
		if err != nil {
			c.Error(fmt.Errorf("open upload %s: %w", name, err))
			return
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			c.Error(fmt.Errorf("read upload %s: %w", name, err))
			return
		}
		x, err := s.x.Extract(name, data)
		if err != nil {
			if kg.ErrorCode(err) == kg.EInternal {
				err = &kg.Error{Code: kg.EUndecodable, Message: fmt.Sprintf("%s: cannot extract: %v", name, err), Err: err}
			}
			c.Error(err)
			return
		}
		if len(x.Documents) != 1 {
			c.Error(fmt.Errorf("extract %s: %d documents, want 1", name, len(x.Documents)))
			return
		}
		if x.Documents[0].Source == "" {
			x.Documents[0].Source = name
		}
		xs = append(xs, x)
	}
	out := make([]added, 0, len(xs))
	for _, x := range xs {
		d := x.Documents[0]
		st, err := s.w.LoadDocument(c.Request.Context(), d, x)
		if err != nil {
			c.Error(fmt.Errorf("load %s: %w", d.ID, err))
			return
		}
		s.log.Info("document loaded", "id", d.ID, "quads", st.Quads)
		out = append(out, added{ID: d.ID, Title: d.Title, Year: d.Year, Quads: st.Quads,
			Entities: len(x.Entities), Relations: len(x.Relations), Indicators: len(x.Indicators), Warnings: d.Warnings})
	}
	if err := s.q.Refresh(c.Request.Context()); err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"added": out})
}

func (s *Server) deleteDocument(c *gin.Context) {
	id := pathID(c, "id")
	ctx := c.Request.Context()
	if id == graph.TaxonomyDoc {
		c.Error(kg.Errorf(kg.EForbidden, "the industry taxonomy is not a document; replace it with --taxonomy"))
		return
	}
	if _, err := s.q.Document(ctx, id); err != nil {
		c.Error(err)
		return
	}
	if err := s.w.RemoveDocument(ctx, id); err != nil {
		c.Error(fmt.Errorf("remove %s: %w", id, err))
		return
	}
	if err := s.q.Refresh(ctx); err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"removed": id})
}

func (s *Server) registerQuery(g *gin.RouterGroup) {
	g.POST("/query", s.rateLimit(s.expensive), s.postQuery)
}

// maxQueryBytes bounds a Gizmo query's text.
const maxQueryBytes = 64 << 10

func (s *Server) postQuery(c *gin.Context) {
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxQueryBytes))
	if err != nil {
		c.Error(kg.Errorf(kg.ETooLarge, "query longer than %d bytes", maxQueryBytes))
		return
	}
	var req struct {
		Query string `json:"query"`
		Limit int    `json:"limit"`
	}
	if mt, _, _ := mime.ParseMediaType(c.ContentType()); mt == "application/json" {
		if err := json.Unmarshal(body, &req); err != nil {
			c.Error(&kg.Error{Code: kg.EInvalid, Message: "bad JSON body: want {\"query\": \"...\", \"limit\": N}", Err: err})
			return
		}
	} else {
		req.Query = string(body)
	}
	res, err := s.q.Gizmo(c.Request.Context(), strings.TrimSpace(req.Query), req.Limit, s.cfg.QueryTimeout)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"result": res})
}
