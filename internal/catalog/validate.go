package catalog

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

// The plausibility rules every importer applies, so that an implausible
// value is refused the same way whatever the source, and reported per row
// with the field named, never stored and never left to abort the import
// in the database.
const (
	// MinYear is the earliest plausible film or birth year.
	MinYear = 1800
	// yearsAhead is how far past this year a title may be announced.
	yearsAhead = 10
	// MaxRuntimeMin is the longest plausible running time in minutes; the
	// longest films ever shown run about 860 hours (51,420 minutes).
	MaxRuntimeMin = 60000
	// MaxTitleBytes bounds a title or a name: the longest real titles are a
	// few hundred characters, and every list page shows them.
	MaxTitleBytes = 1000
)

// maxYear is the last plausible year of a film: announced titles run a
// few years ahead.
func maxYear() int64 { return int64(time.Now().Year() + yearsAhead) }

// checkYear validates a film's year; 0 means unknown and passes.
func checkYear(y int64) string {
	if y == 0 || (y >= MinYear && y <= maxYear()) {
		return ""
	}
	return fmt.Sprintf("implausible year %d (want %d–%d)", y, MinYear, maxYear())
}

// checkRuntime validates a running time in minutes; 0 means unknown.
func checkRuntime(m int64) string {
	if m >= 0 && m <= MaxRuntimeMin {
		return ""
	}
	return fmt.Sprintf("implausible running time %d minutes (want 0–%d)", m, MaxRuntimeMin)
}

// checkScore validates a rating on the scale lo–hi; NaN and infinities
// never pass.
func checkScore(v, lo, hi float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		return fmt.Sprintf("rating %v out of range %g–%g", v, lo, hi)
	}
	return ""
}

// checkLife validates a person's birth and death years (0 for unknown).
func checkLife(birth, death int64) (field, reason string) {
	now := int64(time.Now().Year())
	switch {
	case birth != 0 && (birth < 1000 || birth > now):
		return "birthYear", fmt.Sprintf("implausible birth year %d", birth)
	case death != 0 && (death < 1000 || death > now):
		return "deathYear", fmt.Sprintf("implausible death year %d", death)
	case birth != 0 && death != 0 && death < birth:
		return "deathYear", fmt.Sprintf("death year %d before birth year %d", death, birth)
	}
	return "", ""
}

// checkTime validates a Unix timestamp of something a person did (a
// rating, a tag): not before 1970, not more than a day in the future.
func checkTime(ts int64) string {
	if ts >= 0 && ts <= time.Now().Add(24*time.Hour).Unix() {
		return ""
	}
	return fmt.Sprintf("implausible timestamp %d (%s)", ts, time.Unix(ts, 0).UTC().Format(time.DateOnly))
}

// checkTitle validates a title's or a name's length.
func checkTitle(s string) string {
	if len(s) <= MaxTitleBytes {
		return ""
	}
	return fmt.Sprintf("title of %d characters, longer than %d bytes", utf8.RuneCountInString(s), MaxTitleBytes)
}
