package analyzer

// Rule ids: each diagnostic's Category.
const (
	RuleImport          = "import"
	RuleCall            = "call"
	RuleHardcodedSecret = "hardcoded-secret"
	RuleSecretAccess    = "secret-access"
	RuleDirective       = "directive"
)

// A Rule is the metadata of one rule. Its long-form documentation is
// docs/rules/<ID>.md, which the jwtssot/docs package embeds for -explain and
// SARIF; a test checks that every rule has its page under this title.
type Rule struct {
	ID      string
	Title   string // one line: SARIF shortDescription, the page's heading
	Summary string // one sentence: SARIF fullDescription, summaries
}

// Rules lists every rule, in the order reports present them.
var Rules = []Rule{
	{
		ID:      RuleImport,
		Title:   "JWT library imported outside the auth packages",
		Summary: "An import of a JWT library package (plain, aliased, dot or blank) in a package that is not one of the auth packages.",
	},
	{
		ID:      RuleCall,
		Title:   "JWT library function or method used outside the auth packages",
		Summary: "A call of, or reference to, a function or method declared in a JWT library, outside the auth packages, also on values whose type came from elsewhere.",
	},
	{
		ID:      RuleHardcodedSecret,
		Title:   "Hardcoded JWT secret",
		Summary: "A non-empty string or byte-slice literal used as a JWT signing or verification key, anywhere, the auth packages included.",
	},
	{
		ID:      RuleSecretAccess,
		Title:   "JWT secret read outside the auth packages",
		Summary: "A JWT secret read from the environment or config (os.Getenv(\"JWT_SECRET\"), viper.GetString(\"jwt.secret\"), a getenv helper) outside the auth packages.",
	},
	{
		ID:      RuleDirective,
		Title:   "Malformed or unused jwtssot directive",
		Summary: "A //jwtssot:ignore directive that is malformed (unknown rule, no reason) or suppresses nothing.",
	},
}

// RuleByID returns the rule with the given id, or nil.
func RuleByID(id string) *Rule {
	for i := range Rules {
		if Rules[i].ID == id {
			return &Rules[i]
		}
	}
	return nil
}

// RuleIDs lists the rule ids in order.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
