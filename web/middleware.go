package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kgraph/kg"
)

// statusOf is the one table from error codes to HTTP statuses.
func statusOf(code string) int {
	switch code {
	case kg.EInvalid:
		return http.StatusBadRequest
	case kg.EUnauthorized:
		return http.StatusUnauthorized
	case kg.EForbidden:
		return http.StatusForbidden
	case kg.ENotFound:
		return http.StatusNotFound
	case kg.EConflict:
		return http.StatusConflict
	case kg.ETooLarge:
		return http.StatusRequestEntityTooLarge
	case kg.EUndecodable:
		return http.StatusUnprocessableEntity
	case kg.ERateLimited:
		return http.StatusTooManyRequests
	case kg.ENotReady:
		return http.StatusServiceUnavailable
	case kg.ETimeout:
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

const requestIDKey = "request_id"

// requestID takes a sane X-Request-ID from the client or makes one, and
// returns it in the response.
func (s *Server) requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-ID")
		if !saneID(id) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(requestIDKey, id)
		c.Header("X-Request-ID", id)
		c.Next()
	}
}

func saneID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r == '-' || r == '_' || r == '.' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')) {
			return false
		}
	}
	return true
}

// logRequests writes one structured line per request.
func (s *Server) logRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		level := slog.LevelInfo
		switch route := c.FullPath(); {
		case route == "/healthz" || route == "/readyz" || route == "/metrics":
			level = slog.LevelDebug // probes every few seconds
		case status >= 500:
			level = slog.LevelError
		case status >= 400:
			level = slog.LevelWarn
		}
		s.log.LogAttrs(c.Request.Context(), level, "request",
			slog.String("id", c.GetString(requestIDKey)),
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", c.FullPath()),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			slog.Duration("took", time.Since(start)),
			slog.String("client", c.ClientIP()),
		)
	}
}

func (m *metrics) middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "other"
		}
		m.requests.WithLabelValues(c.Request.Method, route, strconv.Itoa(c.Writer.Status())).Inc()
		m.duration.WithLabelValues(c.Request.Method, route).Observe(time.Since(start).Seconds())
	}
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// errorBody is the JSON of every error answer.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// renderErrors turns the last error a handler recorded into the JSON error
// answer, with the status from statusOf. Internal errors are logged with
// their cause; the client sees "internal error".
func (s *Server) renderErrors() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) == 0 {
			return
		}
		err := c.Errors.Last().Err
		code := kg.ErrorCode(err)
		var body errorBody
		body.Error.Code = code
		body.Error.Message = kg.ErrorMessage(err)
		if code == kg.EInternal {
			body.Error.Message = "internal error"
			s.log.Error("internal error", "id", c.GetString(requestIDKey), "path", c.Request.URL.Path, "err", err)
		}
		if c.Writer.Written() {
			s.log.Error("error after the answer began", "id", c.GetString(requestIDKey), "err", err)
			return
		}
		if code == kg.EUnauthorized {
			c.Header("WWW-Authenticate", `Bearer realm="kg"`)
		}
		c.JSON(statusOf(code), body)
	}
}

// recovery turns a panic into an internal error, logging the stack.
func (s *Server) recovery() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "id", c.GetString(requestIDKey), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				c.Error(fmt.Errorf("panic: %v", p))
				c.Abort()
			}
		}()
		c.Next()
	}
}

func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		c.Next()
	}
}

// requireWrite guards the write endpoints: a bearer token when one is
// configured (compared in constant time), else refused unless writes without
// a token are allowed.
func (s *Server) requireWrite() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.cfg.Token == "" {
			if !s.cfg.AllowWritesWithoutToken {
				c.Error(kg.Errorf(kg.EForbidden, "writes are off: start the server with a token (--token or KG_TOKEN) to enable uploads and deletes"))
				c.Abort()
				return
			}
			c.Next()
			return
		}
		auth := c.GetHeader("Authorization")
		tok, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) != 1 {
			c.Error(kg.Errorf(kg.EUnauthorized, "a valid bearer token is required to write"))
			c.Abort()
			return
		}
		c.Next()
	}
}
