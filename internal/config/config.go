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
	Metrics bool   // serve Prometheus metrics at /metrics
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
	fs.BoolVar(&c.Metrics, "metrics", c.Metrics, "serve Prometheus metrics at /metrics; --metrics=false to turn off (env MARQUEE_METRICS=off)")
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

// Environ is os.Getenv, named for callers that pass it in.
var Environ = os.Getenv
