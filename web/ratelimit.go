package web

import (
	"math"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/kgraph/kg"
)

// limiter is a token bucket per client address for the expensive endpoints
// (export, paths, query): rate tokens a second, at most burst saved up.
type limiter struct {
	rate  float64
	burst float64

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int) *limiter {
	if burst < 1 {
		burst = int(math.Max(1, math.Ceil(rate)))
	}
	return &limiter{rate: rate, burst: float64(burst), buckets: map[string]*bucket{}}
}

// allow takes one token of client's bucket, if there is one.
func (l *limiter) allow(client string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	// Forget clients idle long enough to have a full bucket again.
	if now.Sub(l.swept) > time.Minute {
		full := time.Duration(l.burst / l.rate * float64(time.Second))
		for k, b := range l.buckets {
			if now.Sub(b.last) > full {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[client]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[client] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// rateLimit refuses a client over its rate with 429; a nil limiter lets
// everything through.
func (s *Server) rateLimit(l *limiter) gin.HandlerFunc {
	return func(c *gin.Context) {
		if l != nil && !l.allow(c.ClientIP(), time.Now()) {
			c.Header("Retry-After", "1")
			c.Error(kg.Errorf(kg.ERateLimited, "too many expensive requests; slow down"))
			c.Abort()
			return
		}
		c.Next()
	}
}
