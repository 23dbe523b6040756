package dossier

import "testing"

func TestPlainInlineCitations(t *testing.T) {
	tests := []struct{ in, want string }{
		{"an upper-middle-class family.[1] The film", "an upper-middle-class family. The film"},
		{"grossed $5.1 million.[12][13]", "grossed $5.1 million."},
		{"a [sic] remark and [a link](https://example.com)", "a [sic] remark and a link"},
		{"the year [2018", "the year [2018"},
		{"released in [2018]", "released in [2018]"},
	}
	for _, tt := range tests {
		if got := plainInline(tt.in); got != tt.want {
			t.Errorf("plainInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
