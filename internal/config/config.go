// Package config holds Marquee's typed configuration: defaults, then
// MARQUEE_* environment variables, then command-line flags. It is filled
// once at start and passed explicitly; nothing reads it from a global.
package config

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// Config is every setting a command may need.
type Config struct {
	DB      string // database: a SQLite path, sqlite:PATH, or postgres://…
	Addr    string // HTTP listen address for serve
	BaseURL string // public URL, for canonical links and feeds
	Log     string // "text", "json" or "auto" (JSON when stderr is not a terminal)
	Dev     bool   // reload templates from disk on each request
	NoDemo  bool   // do not load the demo catalog into an empty database
	Metrics bool   // collect metrics (served on MetricsAddr)
	// MetricsAddr is the listen address of the metrics listener (GET
	// /metrics); "" serves none. Never the public listener.
	MetricsAddr string
	// TrustedHosts are the Host headers canonical URLs may be built from
	// when BaseURL is unset ("name" matches any port, "name:port" one);
	// serve adds its listen address and localhost. Others get a 421.
	TrustedHosts []string
}

// Defaults returns the configuration before environment and flags.
func Defaults() Config {
	return Config{DB: "./marquee.db", Addr: "127.0.0.1:8080", Log: "auto", Metrics: true}
}

// FromEnv overlays MARQUEE_* variables read through getenv.
func (c *Config) FromEnv(getenv func(string) string) {
	set := func(dst *string, key string) {
		if v := getenv(key); v != "" {
			*dst = v
		}
	}
	set(&c.DB, "MARQUEE_DB")
	set(&c.Addr, "MARQUEE_ADDR")
	set(&c.BaseURL, "MARQUEE_BASE_URL")
	set(&c.Log, "MARQUEE_LOG")
	set(&c.MetricsAddr, "MARQUEE_METRICS_ADDR")
	if v := getenv("MARQUEE_TRUSTED_HOSTS"); v != "" {
		c.TrustedHosts = splitHosts(v)
	}
	if v := getenv("MARQUEE_DEV"); v == "1" || v == "true" {
		c.Dev = true
	}
	if v := getenv("MARQUEE_NO_DEMO"); v == "1" || v == "true" {
		c.NoDemo = true
	}
	if v := getenv("MARQUEE_METRICS"); v == "0" || v == "false" || v == "off" {
		c.Metrics = false
	}
}

// BindDB registers --db on fs.
func (c *Config) BindDB(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "database: a SQLite file path, sqlite:PATH, or postgres://… (env MARQUEE_DB)")
}

// BindServe registers the flags of serve on fs.
func (c *Config) BindServe(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "HTTP listen address (env MARQUEE_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public base URL for canonical links, e.g. https://films.example.org (env MARQUEE_BASE_URL)")
	fs.StringVar(&c.Log, "log", c.Log, "log format: text, json or auto (env MARQUEE_LOG)")
	fs.BoolVar(&c.Dev, "dev", c.Dev, "reload templates from disk on each request (env MARQUEE_DEV)")
	fs.BoolVar(&c.Metrics, "metrics", c.Metrics, "collect metrics for --metrics-addr; --metrics=false to turn off (env MARQUEE_METRICS=off)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", c.MetricsAddr, "serve Prometheus metrics at /metrics on this separate address, e.g. 127.0.0.1:9090; off when empty (env MARQUEE_METRICS_ADDR)")
	fs.Func("trusted-hosts", "comma-separated Host names canonical links may use when --base-url is unset, besides the listen address and localhost (env MARQUEE_TRUSTED_HOSTS)", func(v string) error {
		c.TrustedHosts = splitHosts(v)
		return nil
	})
	fs.BoolVar(&c.NoDemo, "no-demo", c.NoDemo, "do not load the demo catalog into an empty database (env MARQUEE_NO_DEMO)")
}

// Validate reports the first unusable setting.
func (c *Config) Validate() error {
	if strings.TrimSpace(c.DB) == "" {
		return fmt.Errorf("config: --db is empty; give a SQLite path or postgres:// URL")
	}
	switch c.Log {
	case "text", "json", "auto":
	default:
		return fmt.Errorf("config: --log %q must be text, json or auto", c.Log)
	}
	return nil
}

func splitHosts(v string) []string {
	var out []string
	for _, h := range strings.Split(v, ",") {
		if h = strings.TrimSpace(h); h != "" {
			out = append(out, strings.ToLower(h))
		}
	}
	return out
}

// Environ is os.Getenv, named for callers that pass it in.
var Environ = os.Getenv
