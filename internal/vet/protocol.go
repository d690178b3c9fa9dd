package vet

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// This file is the protocol around Run: how the go command's queries are
// recognized and answered (-V=full, -flags), and the checks made once per
// go vet run rather than once per package (the analyzer's flags, the
// config files in the tool's ID).

// Exit statuses of Main: the go command reads 1 as a failed package (and
// lists it), and jwtssot's own usage error is 2, as in the standalone scan.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// IsInvocation reports whether the go command runs the binary as a vet
// tool: `go vet -vettool` first asks for -V=full and -flags, then passes
// the analyzer flags and a JSON .cfg file per package.
func IsInvocation(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "V", "V=full", "flags":
			return true
		}
	}
	return false
}

// Main speaks the vet protocol for a and returns the exit status. It
// answers -V=full itself: the go command caches vet results under the
// tool's ID, so the ID must change when a config file in effect does, or
// go vet would replay stale findings after a config change. It checks the
// analyzer's flags first, so that a bad value is one line in the whole go
// vet run rather than a usage text per package, and so is a bad config
// file.
func Main(a *analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	if hasArg(args, "V=full") {
		id, err := toolID()
		if err != nil {
			message(stderr, "%v", err)
			return exitUsage
		}
		// The go command reads the last field's content ID, after the
		// last "/", as the tool's cache key.
		fmt.Fprintf(stdout, "jwtssot version devel buildID=%s\n", id)
		return exitOK
	}
	var o Options
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	Flags(fs, a, &o)
	if hasArg(args, "flags") {
		if err := PrintFlags(stdout, fs); err != nil {
			message(stderr, "%v", err)
			return exitFailed
		}
		return exitOK
	}
	cfgFile := args[len(args)-1]
	if err := checkFlags(a.Name, args[:len(args)-1]); err != nil {
		reportOncePerRun(stderr, cfgFile, err.Error())
		return exitFailed
	}
	if err := fs.Parse(args[:len(args)-1]); err != nil {
		reportOncePerRun(stderr, cfgFile, err.Error())
		return exitFailed
	}
	cfg, err := ReadConfig(cfgFile)
	if err != nil {
		message(stderr, "%v", err)
		return exitFailed
	}
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			message(stderr, "%v", err)
			return exitFailed
		}
		defer func() { _ = f.Close() }() // the go command reads it after we exit
		stdout = f
	}
	code, err := Run(a, cfg, o, stdout, stderr)
	var ae *AnalysisError
	switch {
	case err == nil:
	case errors.As(err, &ae):
		reportOncePerRun(stderr, cfgFile, ae.Error())
	case !cfg.VetxOnly:
		fmt.Fprintln(stderr, err) // the package does not type-check: the go command's own vet says so too
	}
	return code
}

func hasArg(args []string, name string) bool {
	for _, a := range args {
		if strings.TrimLeft(a, "-") == name {
			return true
		}
	}
	return false
}

// checkFlags sets the analyzer flags of a go vet invocation (named
// analyzer.flag) on settings of their own, to report a bad value in one
// line. Flags whose file go vet's cache key cannot hold are refused:
// -jwtssot.config, and the settings the settings table marks (recipes),
// since go vet asks for the tool's ID without the flags.
func checkFlags(analyzer string, args []string) error {
	fs := flag.NewFlagSet(analyzer, flag.ContinueOnError)
	config.BindFlags(fs, new(config.Config))
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		name, ok := strings.CutPrefix(name, analyzer+".")
		if !ok {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // Main's parse reports unknown flags
		}
		if !hasValue {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			}
		}
		if name == config.ConfigFlag {
			return config.ErrVetConfigFlag(value)
		}
		if err := config.ErrVetRefusedFlag(name, value); err != nil {
			return err
		}
		if err := f.Value.Set(value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s.%s: %w", value, analyzer, name, err)
		}
	}
	return nil
}

// reportOncePerRun prints msg for the first package of a go vet run and
// nothing for the others, which still fail (the go command lists each with
// "exit status 1"). The go command runs the tool once per package, in
// parallel, with every vet.cfg under its own work directory; a marker file
// there, which the go command removes when it exits, tells the others the
// message was printed.
func reportOncePerRun(stderr io.Writer, cfgFile, msg string) {
	work := filepath.Dir(filepath.Dir(cfgFile))
	marker := filepath.Join(work, fmt.Sprintf("jwtssot-reported-%x", sha256.Sum256([]byte(msg))))
	f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, os.ErrExist) {
		return
	}
	if f != nil {
		_ = f.Close() // an empty marker
	}
	message(stderr, "%s", msg)
}

// toolID hashes the executable and the fingerprint of every config file in
// effect for a go vet run started in the working directory (go vet asks for
// -V=full from there): the file $JWTSSOT_CONFIG names, and each
// .jwtssot.y(a)ml of the module or of every module of the go.work. A config
// file that cannot be read or does not validate fails the run here, before
// go vet can answer from its cache.
func toolID() (string, error) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(h, f)
	_ = f.Close() // read only
	if err != nil {
		return "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	set, err := config.Load(wd, "")
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "\x00config %s", set.Fingerprint())
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// message writes one of jwtssot's messages on w (stderr), "jwtssot: " and
// the text, its control and bidi characters shown visibly (visible.Lines),
// as the standalone scan writes its own.
func message(w io.Writer, format string, args ...any) {
	fmt.Fprint(w, "jwtssot: "+visible.Lines(fmt.Sprintf(format, args...))+"\n")
}
