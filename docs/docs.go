// Package docs embeds the rule pages, docs/rules/<rule>.md, which are the one
// source of each rule's documentation: the analyzer's Doc, `jwtssot -explain`,
// SARIF's rule descriptors and the pages a reader browses all come from these
// files, so they cannot drift apart. internal/rules parses them.
package docs

import "embed"

// RulePages holds rules/<rule>.md for every rule.
//
//go:embed rules/*.md
var RulePages embed.FS
