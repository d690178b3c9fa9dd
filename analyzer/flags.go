package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// bindFlags makes every setting an analyzer flag, for drivers that cannot
// rely on file discovery (Bazel's nogo, go vet from another directory). List
// flags take comma-separated values; replacements take symbol=use pairs.
// Values are validated when the flag is set, so a driver reports a bad flag
// before analysing anything.
func (in *instance) bindFlags(fs *flag.FlagSet) {
	f := &in.flags
	fs.Var(&pathFlag{&f.ConfigFile}, "config", "config file to use instead of discovering .jwtssot.yaml")
	fs.Var(&listFlag{"auth", &f.Auth}, "auth", "comma-separated auth package patterns (./internal/auth/... or import paths)")
	fs.Var(&listFlag{"libraries", &f.Libraries}, "libraries", "comma-separated import-path prefixes of extra JWT libraries")
	fs.Var(&boolFlag{&f.Tests}, "tests", "analyze _test.go files too")
	fs.Var(&listFlag{"disable", &f.Disable}, "disable", "comma-separated rule ids to turn off")
	fs.Var(&listFlag{"exclude", &f.Exclude}, "exclude", "comma-separated file globs not to analyze")
	fs.Var(&replacementsFlag{&f.Replacements}, "replacements", "comma-separated symbol=use pairs naming the auth API that replaces a library symbol")
	fs.Var(&listFlag{"secret-names", &f.SecretNames}, "secret-names", "comma-separated regular expressions for names of JWT secrets")
}

// listFlag is a comma-separated list setting. Each use of the flag replaces
// the list (so the last -auth wins, as for any flag).
type listFlag struct {
	key string
	p   *[]string
}

func (l *listFlag) String() string {
	if l == nil || l.p == nil {
		return ""
	}
	return strings.Join(*l.p, ",")
}

func (l *listFlag) Set(v string) error {
	list := []string{}
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			list = append(list, s)
		}
	}
	c := Config{}
	switch l.key {
	case "auth":
		c.Auth = list
	case "libraries":
		c.Libraries = list
	case "disable":
		c.Disable = list
	case "exclude":
		c.Exclude = list
	case "secret-names":
		c.SecretNames = list
	}
	if errs := c.check(); len(errs) > 0 {
		return fmt.Errorf("%s", errs[0].Msg)
	}
	*l.p = list
	return nil
}

// boolFlag is a bool that remembers whether it was set.
type boolFlag struct{ p **bool }

func (b *boolFlag) String() string {
	if b == nil || b.p == nil || *b.p == nil {
		return "false"
	}
	return strconv.FormatBool(**b.p)
}

func (b *boolFlag) Set(v string) error {
	x, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false, got %q", v)
	}
	*b.p = &x
	return nil
}

func (b *boolFlag) IsBoolFlag() bool { return true }

// pathFlag holds a file path made absolute when set: under go vet, the tool
// runs in each package's directory, not where the user typed the command.
type pathFlag struct{ p *string }

func (f *pathFlag) String() string {
	if f == nil || f.p == nil {
		return ""
	}
	return *f.p
}

func (f *pathFlag) Set(v string) error {
	abs, err := filepath.Abs(v)
	if err != nil {
		return err
	}
	*f.p = abs
	return nil
}

type replacementsFlag struct{ p *[]Replacement }

func (r *replacementsFlag) String() string {
	if r == nil || r.p == nil {
		return ""
	}
	var parts []string
	for _, x := range *r.p {
		parts = append(parts, x.Symbol+"="+x.Use)
	}
	return strings.Join(parts, ",")
}

func (r *replacementsFlag) Set(v string) error {
	list := []Replacement{}
	for _, pair := range strings.Split(v, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		sym, use, ok := strings.Cut(pair, "=")
		if !ok {
			return fmt.Errorf("%q: want symbol=use", pair)
		}
		list = append(list, Replacement{Symbol: strings.TrimSpace(sym), Use: strings.TrimSpace(use)})
	}
	*r.p = list
	return nil
}

// packageDoc extracts the "# Analyzer jwtssot" section of doc.go's package
// comment, the way x/tools analyzers build their Doc from doc.go.
func packageDoc(src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("analyzer/doc.go has no package comment")
	}
	text := (&ast.CommentGroup{List: f.Doc.List}).Text()
	const heading = "# Analyzer jwtssot"
	i := strings.Index(text, heading)
	if i < 0 {
		panic("analyzer/doc.go lacks " + heading)
	}
	return strings.TrimSpace(text[i+len(heading):])
}
