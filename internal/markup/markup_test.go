package markup

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestRenderKeepsMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mikey is *awful*.", "<p>Mikey is <em>awful</em>.</p>\n"},
		{"**bold** and ~~gone~~", "<p><strong>bold</strong> and <del>gone</del></p>\n"},
		{"> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"},
		{"[site](https://example.com/a?b=1)", `<p><a href="https://example.com/a?b=1" rel="nofollow noreferrer">site</a></p>` + "\n"},
		{"- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"},
	} {
		if got := string(Render(tc.in)); got != tc.want {
			t.Errorf("Render(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Hostile input from the usual XSS cheat sheets. The output is tokenised
// as a browser would and every element, attribute and URL checked against
// what may run or load nothing; escaped text is inert and allowed.
func TestRenderDefusesHostileInput(t *testing.T) {
	hostile := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`[click](javascript:alert(1))`,
		`[click](JaVaScRiPt:alert(1))`,
		`[click](&#106;avascript:alert(1))`,
		`[click](java&#x09;script:alert(1))`,
		`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
		`![img](https://evil.example/track.png)`,
		`<a href="https://ok.example" onclick="alert(1)">x</a>`,
		`<svg/onload=alert(1)>`,
		`<iframe src="https://evil.example"></iframe>`,
		`<style>body{display:none}</style>`,
		`<details open ontoggle=alert(1)>`,
		"```\n</code></pre><script>alert(1)</script>\n```",
		`<a href="vbscript:msgbox(1)">x</a>`,
		`[x](https://ok.example "title\" onmouseover=\"alert(1)")`,
		`<p style="background:url(javascript:alert(1))">x</p>`,
		`<form action="https://evil.example"><input name=x></form>`,
		`<<script>script>alert(1)<</script>/script>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		"# Heading one\n\nbody",
	}
	for _, in := range hostile {
		if problem := unsafeHTML(string(Render(in))); problem != "" {
			t.Errorf("Render(%q) = %q: %s", in, Render(in), problem)
		}
	}
}

var allowed = map[string]bool{"a": true, "p": true, "br": true, "em": true, "strong": true, "del": true, "blockquote": true,
	"ul": true, "ol": true, "li": true, "code": true, "pre": true, "hr": true, "h3": true, "h4": true, "h5": true, "h6": true}

// unsafeHTML returns what is wrong with out, or "".
func unsafeHTML(out string) string {
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if !allowed[tok.Data] {
				return "element " + tok.Data
			}
			for _, a := range tok.Attr {
				switch {
				case a.Key == "href" && tok.Data == "a":
					u := strings.ToLower(a.Val)
					if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "mailto:") {
						return "link to " + a.Val
					}
				case a.Key == "rel" && tok.Data == "a", a.Key == "start" && tok.Data == "ol":
				default:
					return "attribute " + a.Key + " on " + tok.Data
				}
			}
		case html.CommentToken, html.DoctypeToken:
			return "comment or doctype"
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add("*a* <script>x</script> [l](javascript:1)")
	f.Add("<img src=x onerror=1>")
	f.Add("[a](<javascript:x>) <a href='//evil'>y</a>")
	f.Fuzz(func(t *testing.T, in string) {
		if problem := unsafeHTML(string(Render(in))); problem != "" {
			t.Fatalf("Render(%q) = %q: %s", in, Render(in), problem)
		}
	})
}
