package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries"
)

// Config configures a Server. The zero value of each field means its
// default (see DefaultConfig).
type Config struct {
	// Addr is the address to listen on, e.g. ":8080".
	Addr string
	// Token is the bearer token that write endpoints require. Empty: writes
	// are off, unless AllowWritesWithoutToken.
	Token string
	// AllowWritesWithoutToken opens the write endpoints when no token is set
	// (for a local, single-user run).
	AllowWritesWithoutToken bool
	// UIDir serves the browser UI from a directory instead of the embedded
	// build.
	UIDir string

	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	IdleTimeout     time.Duration
	ShutdownTimeout time.Duration
	// RequestTimeout is the deadline of one question (graph walks, paths).
	RequestTimeout time.Duration
	// QueryTimeout is the deadline of one Gizmo query.
	QueryTimeout time.Duration
	// ExportTimeout is the deadline of one export (the whole graph may be
	// large).
	ExportTimeout time.Duration
	// MaxUploadBytes limits one POST /documents request body.
	MaxUploadBytes int64
	// RateLimit is how many expensive requests (export, paths, query) one
	// client may make a second, with bursts of RateBurst; negative turns
	// the limit off.
	RateLimit float64
	RateBurst int
	// TrustedProxies are the addresses (IPs or CIDRs) of reverse proxies
	// whose X-Forwarded-For names the client. None by default: the client
	// is the peer address, so that no client escapes the rate limit (or
	// writes someone else's address into the log) by sending that header.
	TrustedProxies []string
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		Addr:            ":8080",
		ReadTimeout:     30 * time.Second,
		WriteTimeout:    300 * time.Second,
		IdleTimeout:     120 * time.Second,
		ShutdownTimeout: 10 * time.Second,
		RequestTimeout:  10 * time.Second,
		QueryTimeout:    5 * time.Second,
		ExportTimeout:   240 * time.Second,
		MaxUploadBytes:  64 << 20,
		RateLimit:       10,
		RateBurst:       30,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Addr == "" {
		c.Addr = d.Addr
	}
	for _, p := range []struct{ v, d *time.Duration }{
		{&c.ReadTimeout, &d.ReadTimeout}, {&c.WriteTimeout, &d.WriteTimeout}, {&c.IdleTimeout, &d.IdleTimeout},
		{&c.ShutdownTimeout, &d.ShutdownTimeout}, {&c.RequestTimeout, &d.RequestTimeout}, {&c.QueryTimeout, &d.QueryTimeout},
		{&c.ExportTimeout, &d.ExportTimeout},
	} {
		if *p.v <= 0 {
			*p.v = *p.d
		}
	}
	if c.MaxUploadBytes <= 0 {
		c.MaxUploadBytes = d.MaxUploadBytes
	}
	if c.RateLimit == 0 {
		c.RateLimit = d.RateLimit
	}
	if c.RateBurst <= 0 {
		c.RateBurst = d.RateBurst
	}
	return c
}

// Writer is the store's write side that the document endpoints call.
type Writer interface {
	LoadDocument(ctx context.Context, doc kg.Document, x *kg.Extraction) (graph.LoadStats, error)
	RemoveDocument(ctx context.Context, id string) error
}

// Extractor reads an uploaded document.
type Extractor interface {
	Extract(name string, data []byte) (*kg.Extraction, error)
}

// Server is the HTTP API, the operations endpoints and the browser UI.
type Server struct {
	cfg     Config
	log     *slog.Logger
	q       *queries.Service
	w       Writer
	x       Extractor
	engine  *gin.Engine
	ready   atomic.Bool
	metrics *metrics
	openapi []byte
	// expensive limits the rate of exports, path searches and Gizmo
	// queries per client (nil: no limit).
	expensive *limiter
}

// New returns a Server answering questions through q and writing documents
// through w after extracting them with x (all three may be nil until
// Attach). It is not ready (/readyz answers 503, the API too) until
// SetReady.
func New(cfg Config, log *slog.Logger, q *queries.Service, w Writer, x Extractor) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg.withDefaults(), log: log, q: q, w: w, x: x, metrics: newMetrics()}
	if s.cfg.RateLimit > 0 {
		s.expensive = newLimiter(s.cfg.RateLimit, s.cfg.RateBurst)
	}
	// gin's mode is its one global: debug mode prints every route to
	// stdout at start. Release mode is right for every server we make.
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	if err := e.SetTrustedProxies(s.cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	// Ids contain '/' and travel URL-escaped as one path segment; route on
	// the escaped path and unescape the values.
	e.UseEscapedPath = true
	e.UnescapePathValues = true
	e.HandleMethodNotAllowed = true
	e.Use(s.requestID(), s.logRequests(), s.metrics.middleware(), s.renderErrors(), s.recovery(), securityHeaders())
	s.engine = e
	s.registerOps(e)
	api := e.Group("/api/v1")
	api.GET("/openapi.json", s.getOpenAPI)
	ready := api.Group("", s.requireReady())
	s.registerChains(ready)
	s.registerEntities(ready)
	s.registerGraph(ready)
	s.registerProjects(ready)
	s.registerDocuments(ready)
	s.registerQuery(ready)
	s.registerExport(ready)
	ui, err := s.uiHandler()
	if err != nil {
		return nil, err
	}
	e.NoRoute(ui)
	e.NoMethod(func(c *gin.Context) {
		c.Error(kg.Errorf(kg.EInvalid, "method %s not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})
	doc, err := openAPIDocument()
	if err != nil {
		return nil, err
	}
	s.openapi = doc
	return s, nil
}

// Attach sets the question service, the writer and the extractor of a
// server created before its store was open (so that /healthz and /readyz
// answer while a large store opens). Call it before SetReady(true).
func (s *Server) Attach(q *queries.Service, w Writer, x Extractor) {
	s.q, s.w, s.x = q, w, x
}

// SetReady marks the store open and loaded (or not). The API answers 503
// until then.
func (s *Server) SetReady(ok bool) { s.ready.Store(ok) }

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Routes lists the registered routes (method and gin path).
func (s *Server) Routes() gin.RoutesInfo { return s.engine.Routes() }

// Serve answers on ln until ctx is cancelled, then shuts down gracefully,
// letting requests in flight finish within the shutdown timeout.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.engine,
		ReadTimeout:       s.cfg.ReadTimeout,
		ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ListenAndServe listens on the configured address and serves.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", s.cfg.Addr, err)
	}
	s.log.Info("listening", "addr", ln.Addr().String())
	return s.Serve(ctx, ln)
}

// registerOps adds /healthz, /readyz and /metrics at the root.
func (s *Server) registerOps(e *gin.Engine) {
	e.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	e.GET("/readyz", func(c *gin.Context) {
		if !s.ready.Load() {
			c.Error(kg.Errorf(kg.ENotReady, "the store is not loaded yet"))
			return
		}
		c.JSON(http.StatusOK, gin.H{"status": "ready"})
	})
	e.GET("/metrics", gin.WrapH(s.metrics.handler()))
}

func (s *Server) requireReady() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !s.ready.Load() {
			c.Error(kg.Errorf(kg.ENotReady, "the store is not loaded yet; try again shortly"))
			c.Abort()
			return
		}
		c.Next()
	}
}

// metrics are the server's Prometheus collectors, in a registry of its own.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kg_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "kg_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.0005, .001, .002, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"method", "route"}),
	}
	m.reg.MustRegister(m.requests, m.duration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
