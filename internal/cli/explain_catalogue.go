package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/gendocs"
	"github.com/jwtssot/jwtssot/internal/mdterm"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// catalogueTopic is the -explain topic that prints the catalogue in effect.
const catalogueTopic = "catalogue"

// explainCatalogue prints the catalogue in effect where jwtssot runs: the
// rows the config files add (libraries, sources, sinks), then the built-in
// catalogue, docs/libraries.md. A config file that does not parse is the
// same usage error as in a scan: the rows it would add are unknown.
func explainCatalogue(a *analysis.Analyzer, stdout, stderr io.Writer, colorMode string) int {
	style := mdterm.NewStyle(useColor(colorMode, stdout, false))
	wd, err := os.Getwd()
	if err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	flags := config.FromFlags(&a.Flags)
	set, err := config.Load(wd, flags.ConfigFile)
	if err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	base := strings.TrimSuffix(rules.DocsURL, "rules") + "libraries.md"
	origins := []rowOrigin{{"the command line", flags}}
	for _, f := range set.Files {
		origins = append(origins, rowOrigin{mdCode(displayPath(f.Path, wd)), overridden(f.Config, flags)})
	}
	page := userRowsMarkdown(origins) + "\n" + gendocs.LibrariesPage()
	fmt.Fprint(stdout, mdterm.Render(page, base, style, terminalWidth())+"\n"+style.Faint("Online: "+base)+"\n")
	return ExitClean
}

// A rowOrigin is where settings come from (the command line or a config
// file, in Markdown) and what they say.
type rowOrigin struct {
	name string
	c    config.Config
}

// overridden is what a file's catalogue rows are once the flags have
// overridden them, key by key (docs/config.md): a list flag, even empty,
// replaces the file's list.
func overridden(file, flags config.Config) config.Config {
	if flags.Libraries != nil {
		file.Libraries = nil
	}
	if flags.Sources != nil {
		file.Sources = nil
	}
	if flags.Sinks != nil {
		file.Sinks = nil
	}
	return file
}

// userRowsMarkdown renders, per origin, the rows it adds to the
// catalogue, or says that none does.
func userRowsMarkdown(origins []rowOrigin) string {
	var b strings.Builder
	b.WriteString("# The catalogue in effect\n\n")
	n := 0
	for _, o := range origins {
		c := o.c
		if len(c.Libraries)+len(c.Sources)+len(c.Sinks) == 0 {
			continue
		}
		n++
		fmt.Fprintf(&b, "Added by %s:\n\n", o.name)
		if len(c.Libraries) > 0 {
			b.WriteString("| Library |\n|---|\n")
			for _, l := range c.Libraries {
				fmt.Fprintf(&b, "| %s |\n", mdCode(l))
			}
			b.WriteString("\n")
		}
		if len(c.Sources) > 0 {
			b.WriteString("| Source | Name | Value |\n|---|---|---|\n")
			for _, s := range c.Sources {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(s.Symbol), position("argument", s.Name), sourceRowValue(s))
			}
			b.WriteString("\n")
		}
		if len(c.Sinks) > 0 {
			b.WriteString("| Sink | Argument | Takes |\n|---|---|---|\n")
			for _, s := range c.Sinks {
				fmt.Fprintf(&b, "| %s | %d | %s |\n", mdCode(s.Symbol), s.Arg, sinkKind(s.Kind))
			}
			b.WriteString("\n")
		}
	}
	if n == 0 {
		b.WriteString("Neither the command line nor a config file here adds libraries, sources or sinks: the catalogue is the built-in one below.\n")
	}
	return b.String()
}

// displayPath is a config file's path relative to the working directory
// when it is inside it.
func displayPath(p, wd string) string {
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

func position(what string, n int) string {
	if n == 0 {
		return "none"
	}
	return fmt.Sprintf("%s %d", what, n)
}

func sourceRowValue(s config.SourceRow) string {
	if s.Fills > 0 {
		return fmt.Sprintf("what argument %d points to", s.Fills)
	}
	if s.Result > 0 {
		return fmt.Sprintf("result %d", s.Result)
	}
	return "the result"
}

func sinkKind(kind string) string {
	switch kind {
	case "", "secret":
		return "a secret (HMAC secret or private key)"
	case "public":
		return "a public key (never a secret)"
	}
	return "a keyfunc"
}

// mdCode is s as inline code that survives any text in it: a symbol or
// path from a config file is the user's, and its backticks or pipes must
// not end the span or the table cell.
func mdCode(s string) string {
	s = strings.ReplaceAll(visible.Text(s), "|", `\|`)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
