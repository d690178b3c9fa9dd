package analyzer

import "github.com/jwtssot/jwtssot/internal/rules"

// A rule decides one kind of finding from a package's index and reports
// it. Its metadata (title, summary, page) is its page in docs/rules, read
// by internal/rules; adding a rule is a check function in a file of its
// own, a line here, and its page.
type rule struct {
	id    string
	check func(*index)
}

// registry lists the rules in the order they run, which is the order of
// their findings at one position (a call rule finding before the
// insecure-parse finding on the same call). Every rule runs: a disabled
// rule's findings are dropped where they are reported, and what a rule
// decides (the literals it reported) still shapes the facts. The
// directive rule runs last, in finish, over the other rules' findings.
var registry = []rule{
	{rules.Import, checkImports},
	{rules.Call, checkCalls},
	{rules.SecretAccess, checkSecretAccess},
	{rules.InsecureParse, checkInsecureParse},
	{rules.HardcodedSecret, checkHardcodedSecrets},
}
