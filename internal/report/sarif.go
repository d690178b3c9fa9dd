package report

import (
	"encoding/json"
	"io"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// SARIF 2.1.0, the subset GitHub code scanning reads. URIs are relative to
// %SRCROOT%, the root of the repository (Options.PathPrefix leads from it to
// the scan root; it is the scan root outside a repository), so the report
// does not depend on where the checkout lives and code scanning finds the
// files of a module that lives in a subdirectory.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	// fingerprintKey names jwtssot's line-independent fingerprint among
	// partialFingerprints; its version changes with its recipe (v2: files
	// named by module and path in the module, as baselines of version 2).
	fingerprintKey = "jwtssotFingerprint/v2"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	HelpURI              string            `json:"helpUri"`
	DefaultConfiguration sarifRuleDefaults `json:"defaultConfiguration"`
}

// sarifRuleDefaults is a rule's default configuration: a rule that is off
// by default (insecure-parse) says so, and its results, when a config
// enables it, are still errors.
type sarifRuleDefaults struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

// A sarifFix is a result's fix: the replacements it makes in its file,
// which code scanning can offer as a suggestion.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

// A sarifReplacement deletes a region (empty for an insertion) and
// inserts text in its place.
type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// writeSARIF writes one run with a reportingDescriptor per rule.
func writeSARIF(w io.Writer, r *Report, opts Options) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           r.Tool.Name,
			Version:        r.Tool.Version,
			InformationURI: "https://github.com/jwtssot/jwtssot",
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.Errors) == 0}},
		Results:     []sarifResult{},
	}
	index := map[string]int{}
	for i, rule := range rules.All() {
		index[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   rule.ID,
			Name:                 rule.ID,
			ShortDescription:     sarifText{Text: rule.Title},
			FullDescription:      sarifText{Text: rule.Summary},
			Help:                 ruleHelp(rule),
			HelpURI:              rules.DocsURL + "/" + rule.ID + ".md",
			DefaultConfiguration: sarifRuleDefaults{Enabled: rules.OnByDefault(rule.ID), Level: "error"},
		})
	}
	for _, e := range r.Errors {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{Text: e.Package + ": " + e.Message}})
	}
	for _, v := range r.Violations {
		region := sarifRegion{StartLine: v.Line, StartColumn: v.Column}
		if v.EndLine > 0 {
			region.EndLine, region.EndColumn = v.EndLine, v.EndColumn
		}
		run.Results = append(run.Results, sarifResult{
			RuleID:    v.Rule,
			RuleIndex: index[v.Rule],
			Level:     "error",
			Message:   sarifText{Text: v.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: opts.repoPath(v.File), URIBaseID: srcRoot},
				Region:           region,
			}}},
			PartialFingerprints: map[string]string{fingerprintKey: v.Fingerprint},
			Fixes:               sarifFixes(v.Fix, opts),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// ruleHelp is a rule's help text: its summary and where the full page is.
func ruleHelp(rule rules.Rule) sarifText {
	url := rules.DocsURL + "/" + rule.ID + ".md"
	return sarifText{
		Text:     rule.Summary + " See " + url,
		Markdown: rule.Summary + "\n\n[Documentation](" + url + ")",
	}
}

// sarifFixes is a violation's fix in SARIF's terms, nil without one. The
// regions use the violations' lines and columns.
func sarifFixes(f *Fix, opts Options) []sarifFix {
	if f == nil {
		return nil
	}
	var changes []sarifArtifactChange
	for _, e := range f.Edits {
		uri := opts.repoPath(e.File)
		if n := len(changes); n == 0 || changes[n-1].ArtifactLocation.URI != uri {
			changes = append(changes, sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: srcRoot}})
		}
		r := sarifReplacement{DeletedRegion: sarifRegion{StartLine: e.Line, StartColumn: e.Column, EndLine: e.EndLine, EndColumn: e.EndColumn}}
		if e.New != "" {
			r.InsertedContent = &sarifContent{Text: e.New}
		}
		c := &changes[len(changes)-1]
		c.Replacements = append(c.Replacements, r)
	}
	return []sarifFix{{Description: sarifText{Text: f.Message}, ArtifactChanges: changes}}
}
