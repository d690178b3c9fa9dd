// Package htmlcheck checks the HTML report in tests: that it is
// well-formed, which an HTML5 parser never says (it repairs whatever it is
// given, and a browser may repair it differently), and self-contained.
package htmlcheck

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// voidElements have no end tag.
var voidElements = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

// WellFormed tokenizes page (as a browser does, raw text elements such as
// style included) and requires every start tag but a void element's to be
// closed by its end tag, in order, and the document to be
// <!DOCTYPE html><html><head>…</head><body>…</body></html>.
func WellFormed(page string) error {
	z := html.NewTokenizer(strings.NewReader(page))
	var stack []string
	var top []string // the children of the document and of <html>
	doctype := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return z.Err()
			}
			if len(stack) > 0 {
				return fmt.Errorf("unclosed elements at the end: %v", stack)
			}
			if !doctype {
				return errors.New("no <!DOCTYPE html>")
			}
			if want := []string{"html", "head", "body"}; !slices.Equal(top, want) {
				return fmt.Errorf("document structure %v, want %v", top, want)
			}
			return nil
		case html.DoctypeToken:
			doctype = string(z.Text()) == "html"
		case html.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if len(stack) <= 1 {
				top = append(top, tag)
			}
			if !slices.Contains(voidElements, tag) {
				stack = append(stack, tag)
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || !isSVGish(stack) {
				return fmt.Errorf("self-closing <%s/> outside svg", name)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if len(stack) == 0 || stack[len(stack)-1] != tag {
				return fmt.Errorf("</%s> closes %v", tag, stack)
			}
			stack = stack[:len(stack)-1]
		case html.TextToken:
			if len(stack) == 0 && strings.TrimSpace(string(z.Text())) != "" {
				return fmt.Errorf("text outside the document: %q", z.Text())
			}
		}
	}
}

func isSVGish(stack []string) bool { return slices.Contains(stack, "svg") }

// SelfContained requires a page that loads nothing: no script, no element
// that fetches (src, a stylesheet link, object, iframe), no url( or
// @import in CSS, and an absolute URL only as a link's target.
func SelfContained(page string) error {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return err
	}
	var errs []error
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "img", "video", "audio", "source", "base":
				errs = append(errs, fmt.Errorf("<%s> in a self-contained page", n.Data))
			case "style":
				if css := text(n); strings.Contains(css, "url(") || strings.Contains(css, "@import") {
					errs = append(errs, errors.New("CSS that fetches (url( or @import)"))
				}
			case "link":
				for _, a := range n.Attr {
					if a.Key == "rel" && a.Val != "icon" {
						errs = append(errs, fmt.Errorf("<link rel=%q>", a.Val))
					}
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					errs = append(errs, fmt.Errorf("event handler %s= on <%s>", a.Key, n.Data))
				}
				if link := n.Data == "a" && a.Key == "href"; a.Key == "src" || (strings.Contains(a.Val, "://") && !link) {
					errs = append(errs, fmt.Errorf("<%s %s=%q> may fetch", n.Data, a.Key, a.Val))
				}
				if a.Key == "href" && n.Data == "link" && a.Val != "data:," {
					errs = append(errs, fmt.Errorf("<link href=%q>", a.Val))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return errors.Join(errs...)
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
