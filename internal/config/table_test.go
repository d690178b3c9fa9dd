package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite docs/config.md's generated tables and docs/config.schema.json from the settings table")

func readDoc(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestGeneratedDocs: docs/config.md's tables and docs/config.schema.json
// are what the settings table generates. -update rewrites them.
func TestGeneratedDocs(t *testing.T) {
	page := filepath.Join("..", "..", "docs", "config.md")
	old, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	want, err := RewriteDocs(old)
	if err != nil {
		t.Fatal(err)
	}
	for name, files := range map[string][2][]byte{
		page: {old, want},
		filepath.Join("..", "..", "docs", "config.schema.json"): {nil, Schema()},
	} {
		got, want := files[0], files[1]
		if got == nil {
			got, _ = os.ReadFile(name) // a missing file differs
		}
		if bytes.Equal(got, want) {
			continue
		}
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s is out of date: run go test ./internal/config -run TestGeneratedDocs -update and commit it",
			strings.TrimPrefix(filepath.ToSlash(name), "../../"))
	}
}

// TestSettingsTable walks the settings table and checks that each entry is
// complete and that the Config struct, the flags, golangci-lint's settings,
// the schema and the docs all have the setting, and nothing else.
func TestSettingsTable(t *testing.T) {
	configDoc := readDoc(t, "config.md")
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(Schema(), &schema); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("jwtssot", flag.ContinueOnError)
	BindFlags(fs, &Config{})
	for _, s := range allSettings {
		t.Run(s.name, func(t *testing.T) {
			checkEntry(t, s)
			checkField(t, s)
			checkFlag(t, s, fs.Lookup(s.name))
			if _, ok := schema.Properties[s.name]; !ok {
				t.Errorf("the schema has no property %s", s.name)
			}
			checkConfigDoc(t, s, configDoc)
		})
	}
	// Nothing but the settings: every flag, schema property and Config key
	// is in the table.
	fs.VisitAll(func(f *flag.Flag) {
		if _, ok := lookupSetting(allSettings, f.Name); !ok && f.Name != ConfigFlag {
			t.Errorf("flag -%s is not a setting of the table", f.Name)
		}
	})
	for name := range schema.Properties {
		if _, ok := lookupSetting(allSettings, name); !ok {
			t.Errorf("schema property %s is not a setting of the table", name)
		}
	}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Config]()) {
		if key := yamlKey(f); key != "-" && !slices.Contains(settingNames, key) {
			t.Errorf("Config.%s (yaml %q) is not a setting of the table", f.Name, key)
		}
	}
	if !strings.Contains(configDoc, "`-"+ConfigFlag+"`") || !strings.Contains(configDoc, "-jwtssot."+ConfigFlag) {
		t.Errorf("docs/config.md does not document -%s", ConfigFlag)
	}
	if !strings.Contains(configDoc, "$schema="+SchemaURL+"\n") {
		t.Errorf("docs/config.md does not give the schema's address, %s", SchemaURL)
	}
	checkGolangciDoc(t, readDoc(t, "golangci-lint.md"))
}

// checkEntry: every column of the entry is filled in, and the name is a
// key golangci-lint's loader keeps as it is (lower case, no dots).
func checkEntry(t *testing.T, s setting) {
	t.Helper()
	if !regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`).MatchString(s.name) {
		t.Errorf("%q is not a lower-case kebab-case key (golangci-lint lower-cases keys and splits them at dots)", s.name)
	}
	for column, text := range map[string]string{"doc": s.doc, "typ": s.typ, "deflt": s.deflt, "usage": s.usage} {
		if strings.TrimSpace(text) == "" {
			t.Errorf("no %s", column)
		}
	}
	if !strings.HasSuffix(s.doc, ".") || !unicode.IsUpper([]rune(s.doc)[0]) {
		t.Errorf("doc %q is not a sentence", s.doc)
	}
	if _, ok := s.value.(boolean); !ok && s.value.flagExample() == "" {
		t.Error("no example")
	}
}

// checkField: the setting's value is the Config field tagged with its name,
// for YAML and JSON, and decoding its example through golangci-lint's
// settings sets that field and no other.
func checkField(t *testing.T, s setting) {
	t.Helper()
	var field reflect.StructField
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Config]()) {
		if yamlKey(f) == s.name {
			field = f
		}
	}
	if field.Name == "" {
		t.Fatalf("no field of Config is tagged yaml:%q", s.name)
	}
	if tag := field.Tag.Get("json"); tag != s.name+",omitempty" {
		t.Errorf("Config.%s is tagged json:%q, want %q", field.Name, tag, s.name+",omitempty")
	}
	var flagSet Config
	if err := (&settingFlag{s: s, c: &flagSet}).Set(exampleFlag(s)); err != nil {
		t.Fatalf("-%s=%s: %v", s.name, exampleFlag(s), err)
	}
	var asYAML any
	if err := yaml.Unmarshal([]byte(s.name+": "+exampleYAML(s)), &asYAML); err != nil {
		t.Fatal(err)
	}
	got, err := FromSettings(asYAML)
	if err != nil {
		t.Fatalf("golangci-lint settings %v: %v", asYAML, err)
	}
	if !reflect.DeepEqual(got, flagSet) {
		t.Errorf("the example as golangci-lint's settings decodes to\n%#v\nand as a flag to\n%#v", got, flagSet)
	}
	v := reflect.ValueOf(got)
	for _, f := range reflect.VisibleFields(v.Type()) {
		if set := !v.FieldByIndex(f.Index).IsZero(); set != (f.Name == field.Name) {
			t.Errorf("decoding %s's example: Config.%s set = %v", s.name, f.Name, set)
		}
	}
}

// checkFlag: the setting's flag exists with its usage, and prints back what
// it was given.
func checkFlag(t *testing.T, s setting, f *flag.Flag) {
	t.Helper()
	if f == nil {
		t.Fatalf("BindFlags declares no -%s", s.name)
	}
	if f.Usage != s.usage {
		t.Errorf("-%s's usage is %q, want %q", s.name, f.Usage, s.usage)
	}
	var c Config
	sf := &settingFlag{s: s, c: &c}
	if err := sf.Set(exampleFlag(s)); err != nil {
		t.Fatal(err)
	}
	if got := sf.String(); got != exampleFlag(s) {
		t.Errorf("-%s=%s prints as %q", s.name, exampleFlag(s), got)
	}
}

// checkConfigDoc: docs/config.md has the setting's section, opening with
// its type, and shows its flags.
func checkConfigDoc(t *testing.T, s setting, doc string) {
	t.Helper()
	heading := "\n## `" + s.name + "`\n\n"
	i := strings.Index(doc, heading)
	if i < 0 {
		t.Errorf("docs/config.md has no section ## `%s`", s.name)
		return
	}
	typ := []rune(s.typ)
	bold := "**" + string(unicode.ToUpper(typ[0])) + string(typ[1:])
	if !strings.HasPrefix(doc[i+len(heading):], bold) {
		t.Errorf("docs/config.md's section %s does not open with %s", s.name, bold)
	}
	for _, spelling := range []string{"`-" + s.name + "`", "`-jwtssot." + s.name} {
		if !strings.Contains(doc, spelling) {
			t.Errorf("docs/config.md does not mention %s", spelling)
		}
	}
}

// checkGolangciDoc: docs/golangci-lint.md lists the settings in the
// table's order, its example's settings decode, and the errors it quotes
// are what the decoder says.
func checkGolangciDoc(t *testing.T, doc string) {
	t.Helper()
	const intro = "`settings` takes the keys of [`.jwtssot.yaml`](config.md) ("
	i := strings.Index(doc, intro)
	if i < 0 {
		t.Fatalf("docs/golangci-lint.md does not say %q", intro)
	}
	list, _, _ := strings.Cut(doc[i+len(intro):], ")")
	var listed []string
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(list, -1) {
		listed = append(listed, m[1])
	}
	if !slices.Equal(listed, settingNames) {
		t.Errorf("docs/golangci-lint.md lists the settings %v, want %v", listed, settingNames)
	}

	checkGolangciExample(t, doc)

	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"autth": []any{"./internal/auth/..."}}, `autth: unknown setting (did you mean "auth"?)`},
		{map[string]any{"replacements": []any{map[string]any{"symbol": 3, "use": "x"}}}, "replacements[0].symbol: must be a string, not the number 3"},
	} {
		_, err := FromSettings(tc.settings)
		if err == nil || err.Error() != "jwtssot settings: "+tc.want {
			t.Errorf("FromSettings(%v) = %v, want jwtssot settings: %s", tc.settings, err, tc.want)
		}
		if !strings.Contains(doc, "jwtssot settings: "+tc.want+"\n") {
			t.Errorf("docs/golangci-lint.md does not quote the error %q", tc.want)
		}
	}
	for _, line := range strings.Split(doc, "\n") {
		if _, msg, ok := strings.Cut(line, "jwtssot settings: "); ok &&
			!strings.HasPrefix(msg, "autth:") && !strings.HasPrefix(msg, "replacements[0].symbol:") {
			t.Errorf("docs/golangci-lint.md quotes an error no test produces: %s", msg)
		}
	}
}

// checkGolangciExample: the .golangci.yml of docs/golangci-lint.md gives
// jwtssot settings that decode, and its keys and its "# also:" comment
// name every setting.
func checkGolangciExample(t *testing.T, doc string) {
	t.Helper()
	for _, block := range yamlBlocks(doc) {
		var golangci struct {
			Linters struct {
				Settings struct {
					Custom map[string]struct {
						Settings map[string]any `yaml:"settings"`
					} `yaml:"custom"`
				} `yaml:"settings"`
			} `yaml:"linters"`
		}
		if err := yaml.Unmarshal([]byte(block), &golangci); err != nil {
			continue // not a .golangci.yml
		}
		settings, ok := golangci.Linters.Settings.Custom["jwtssot"]
		if !ok {
			continue
		}
		if _, err := FromSettings(settings.Settings); err != nil {
			t.Errorf("docs/golangci-lint.md's example: %v", err)
		}
		var named []string
		for key := range settings.Settings {
			named = append(named, key)
		}
		if _, also, ok := strings.Cut(block, "# also: "); ok {
			also, _, _ = strings.Cut(also, "\n")
			named = append(named, strings.Split(also, ", ")...)
		}
		slices.Sort(named)
		want := slices.Sorted(slices.Values(settingNames))
		if !slices.Equal(named, want) {
			t.Errorf("docs/golangci-lint.md's example sets or names %v, want every setting %v", named, want)
		}
		return
	}
	t.Error("docs/golangci-lint.md has no .golangci.yml example with jwtssot settings")
}

func yamlKey(f reflect.StructField) string {
	key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return key
}

// exampleFlag is a flag's example text; a boolean's is true.
func exampleFlag(s setting) string {
	if _, ok := s.value.(boolean); ok {
		return "true"
	}
	return s.value.flagExample()
}

// exampleYAML is the setting's example as a YAML value.
func exampleYAML(s setting) string {
	examples, _ := s.value.schema()["examples"].([]any)
	if len(examples) == 0 {
		return "true"
	}
	data, err := json.Marshal(examples[0])
	if err != nil {
		panic(err)
	}
	return string(data) // JSON is YAML
}

// TestSchemaAgreesWithDecoder: a document the schema accepts is one the
// decoder accepts, for the examples of the table and of the docs and for
// the usual mistakes. (The decoder checks more: regular expressions, globs,
// symbols in JWT libraries.)
func TestSchemaAgreesWithDecoder(t *testing.T) {
	docs := []string{"", "~\n", "{}\n", "auth:\n", "tests:\n", "tests: True\n"}
	for _, s := range allSettings {
		docs = append(docs, s.name+": "+exampleYAML(s)+"\n")
	}
	docs = append(docs, yamlBlocks(readDoc(t, "config.md"))[0])
	bad := []string{
		"- auth\n", "auht: [./a/...]\n", "auth: ./internal/auth/...\n", "auth: [1]\n", "auth: [\"\"]\n",
		"tests: yes\n", "tests: [true]\n", "disable: [secrets]\n", "enable: [call, nope]\n",
		"replacements: {symbol: x}\n", "replacements: [x]\n",
		"replacements:\n  - symbol: github.com/golang-jwt/jwt/v5.Parse\n",
		"replacements:\n  - {symbol: github.com/golang-jwt/jwt/v5.Parse, use: x, why: y}\n",
		"replacements:\n  - {symbol: 3, use: x}\n",
		"exclude: [\"" + strings.Repeat("x", MaxItemLen+1) + "\"]\n",
	}
	schema := compileSchema(t)
	for _, doc := range append(docs, bad...) {
		var inst any
		if err := yaml.Unmarshal([]byte(doc), &inst); err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(inst)
		jv, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		schemaErr := schema.Validate(jv)
		_, parseErr := Parse("c.yaml", []byte(doc))
		if (schemaErr == nil) != (parseErr == nil) {
			t.Errorf("%q: the schema says %v, the decoder %v", doc, schemaErr, parseErr)
		}
		if wantOK := slices.Contains(docs, doc); wantOK != (parseErr == nil) {
			t.Errorf("%q: the decoder says %v", doc, parseErr)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlBlocks returns the ```yaml blocks of a Markdown page.
func yamlBlocks(page string) []string {
	var blocks []string
	for _, part := range strings.Split(page, "```yaml\n")[1:] {
		block, _, _ := strings.Cut(part, "```")
		blocks = append(blocks, block)
	}
	return blocks
}
