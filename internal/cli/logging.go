package cli

import (
	"io"
	"log/slog"
)

// newLogger returns the structured logger for long-running commands: JSON
// when asked, or when "auto" and stderr is not a terminal; text otherwise.
func newLogger(w io.Writer, format string, tty bool) *slog.Logger {
	if format == "json" || (format == "auto" && !tty) {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
