package jwtlib

import (
	"go/types"
	"slices"
	"strings"
)

// A Source is a function or method that reads a setting from outside the
// program: the environment, a flag, a config file or library, a
// struct-tag loader, a secret store, the database, a file. The table of
// sources is the catalogue's (docs/libraries.md#sources); the sources
// setting adds rows.
type Source struct {
	Kind SourceKind
	// Pkg is the import path without major-version elements (as keyTable),
	// Recv the receiver's type name for methods ("*": any receiver), and
	// Funcs the functions or methods.
	Pkg   string
	Recv  string
	Funcs []string

	// Where the setting's name is: the argument NameArg (-1: none); a
	// field of that argument's struct literal (NameField: a request's
	// SecretId); the $NAMEs of that argument (Expand: os.ExpandEnv); or the
	// constant first arguments of the calls the method is chained on
	// (Chain: kingpin's Flag("name", ...).String(), go-ini's
	// Section("jwt").Key("secret").String(), joined with "." with ChainJoin).
	NameArg   int
	NameField string
	Expand    bool
	Chain     bool
	ChainJoin bool

	// Where the value goes: the result Result, or what the argument Fills
	// points to (-1: nothing), or what every argument from FillsFrom on
	// points to (row.Scan(&a, &b)). A loader (Tags set) fills every field
	// of the struct Fills points to, naming each by the first of Tags it
	// has, or by its Go name.
	Result    int
	Fills     int
	FillsFrom int
	Tags      []string

	// Defines is set for a flag's definition (flag.String, pflag's
	// StringVarP, kingpin's Flag(...).String()): its value is read when
	// the flag is parsed, and the definition alone is no read of a secret
	// by its name; only where the value goes counts.
	Defines bool
}

// SourceKind says what a source reads from.
type SourceKind string

// The kinds of sources.
const (
	Env            SourceKind = "environment"
	File           SourceKind = "file"
	Flag           SourceKind = "flag"
	ConfigLib      SourceKind = "config"
	Loader         SourceKind = "loader"
	SecretStore    SourceKind = "secret store"
	Database       SourceKind = "database"
	UserSourceKind SourceKind = "your sources setting"
)

// Reads says what a read of the kind reads from, for a message about a read
// that names no setting: "a file", "the database", "a secret store"; ""
// for a setting read by name.
func (k SourceKind) Reads() string {
	switch k {
	case File:
		return "a file"
	case Database:
		return "the database"
	case SecretStore:
		return "a secret store"
	}
	return ""
}

// row, fillRow and loaderRow build rows of the table.
func row(kind SourceKind, pkg, recv string, nameArg int, funcs ...string) Source {
	return Source{Kind: kind, Pkg: pkg, Recv: recv, Funcs: funcs, NameArg: nameArg, Fills: -1, FillsFrom: -1}
}

func fillRow(kind SourceKind, pkg, recv string, nameArg, fills int, funcs ...string) Source {
	s := row(kind, pkg, recv, nameArg, funcs...)
	s.Fills = fills
	return s
}

func loaderRow(pkg, recv string, target int, tags []string, funcs ...string) Source {
	s := fillRow(Loader, pkg, recv, -1, target, funcs...)
	s.Tags = tags
	return s
}

// scanRow is a method that fills every argument: Scan(dest ...any).
func scanRow(kind SourceKind, pkg, recv string, funcs ...string) Source {
	s := row(kind, pkg, recv, -1, funcs...)
	s.FillsFrom = 0
	return s
}

func named(s Source, field string) Source { s.NameField = field; return s }
func chained(s Source, join bool) Source  { s.Chain, s.ChainJoin = true, join; return s }
func expanded(s Source) Source            { s.Expand = true; return s }
func kind(s Source, k SourceKind) Source  { s.Kind = k; return s }
func defines(s Source) Source             { s.Defines = true; return s }

var (
	yamlTags = []string{"yaml"}
	jsonTags = []string{"json"}
	tomlTags = []string{"toml"}
	envTags  = []string{"env"}
)

// viperGetters are viper's getters by key, functions and methods alike.
var viperGetters = []string{"Get", "GetString", "GetStringSlice", "GetStringMap", "GetStringMapString",
	"GetStringMapStringSlice"}

// koanfGetters are koanf's getters by key.
var koanfGetters = []string{"Get", "String", "Strings", "Bytes", "MustString", "MustStrings", "MustBytes",
	"StringMap", "StringsMap", "MustStringMap", "MustStringsMap"}

// pflag's string and byte flags: the name is the first argument, the
// value the result; the Var forms fill their first argument and take the
// name second.
var (
	pflagByName = []string{"String", "StringP", "BytesHex", "BytesHexP", "BytesBase64", "BytesBase64P"}
	pflagVars   = []string{"StringVar", "StringVarP", "BytesHexVar", "BytesHexVarP", "BytesBase64Var", "BytesBase64VarP"}
	pflagGets   = []string{"GetString", "GetBytesHex", "GetBytesBase64"}
)

// sources is the built-in catalogue. Every row is pinned by a test
// (TestSources).
var sources = []Source{
	row(Env, "os", "", 0, "Getenv", "LookupEnv"),
	expanded(row(Env, "os", "", 0, "ExpandEnv")),
	row(Env, "syscall", "", 0, "Getenv"),
	row(File, "os", "", -1, "ReadFile"),
	row(File, "io/ioutil", "", -1, "ReadFile"),

	defines(row(Flag, "flag", "", 0, "String")),
	defines(row(Flag, "flag", "FlagSet", 0, "String")),
	defines(fillRow(Flag, "flag", "", 1, 0, "StringVar")),
	defines(fillRow(Flag, "flag", "FlagSet", 1, 0, "StringVar")),
	defines(row(Flag, "github.com/spf13/pflag", "", 0, pflagByName...)),
	defines(row(Flag, "github.com/spf13/pflag", "FlagSet", 0, pflagByName...)),
	row(Flag, "github.com/spf13/pflag", "FlagSet", 0, pflagGets...),
	defines(fillRow(Flag, "github.com/spf13/pflag", "", 1, 0, pflagVars...)),
	defines(fillRow(Flag, "github.com/spf13/pflag", "FlagSet", 1, 0, pflagVars...)),
	row(Flag, "github.com/urfave/cli", "Context", 0, "String", "Value"),
	row(Flag, "github.com/urfave/cli", "Command", 0, "String", "Value"),
	// kingpin's String and StringVar are promoted from an unexported
	// parser type its FlagClause and ArgClause embed: any receiver.
	defines(chained(row(Flag, "github.com/alecthomas/kingpin", "*", -1, "String", "Bytes"), false)),
	defines(chained(fillRow(Flag, "github.com/alecthomas/kingpin", "*", -1, 0, "StringVar", "BytesVar"), false)),
	defines(chained(row(Flag, "gopkg.in/alecthomas/kingpin.v2", "*", -1, "String", "Bytes"), false)),
	defines(chained(fillRow(Flag, "gopkg.in/alecthomas/kingpin.v2", "*", -1, 0, "StringVar", "BytesVar"), false)),
	kind(loaderRow("github.com/jessevdk/go-flags", "", 0, []string{"long", "env", "ini-name"}, "Parse", "ParseArgs", "NewParser"), Flag),
	kind(loaderRow("github.com/jessevdk/go-flags", "", 1, []string{"long", "env", "ini-name"}, "IniParse", "NewNamedParser"), Flag),

	row(ConfigLib, "github.com/spf13/viper", "", 0, viperGetters...),
	row(ConfigLib, "github.com/spf13/viper", "Viper", 0, viperGetters...),
	loaderRow("github.com/spf13/viper", "", 0, []string{"mapstructure"}, "Unmarshal", "UnmarshalExact"),
	loaderRow("github.com/spf13/viper", "Viper", 0, []string{"mapstructure"}, "Unmarshal", "UnmarshalExact"),
	loaderRow("github.com/spf13/viper", "", 1, []string{"mapstructure"}, "UnmarshalKey"),
	loaderRow("github.com/spf13/viper", "Viper", 1, []string{"mapstructure"}, "UnmarshalKey"),
	row(ConfigLib, "github.com/knadh/koanf", "Koanf", 0, koanfGetters...),
	loaderRow("github.com/knadh/koanf", "Koanf", 1, []string{"koanf"}, "Unmarshal", "UnmarshalWithConf"),
	chained(row(ConfigLib, "gopkg.in/ini.v1", "Key", -1, "String", "Value", "MustString", "Bytes"), true),
	chained(row(ConfigLib, "github.com/go-ini/ini", "Key", -1, "String", "Value", "MustString", "Bytes"), true),
	loaderRow("gopkg.in/ini.v1", "*", 0, []string{"ini"}, "MapTo", "StrictMapTo"),
	loaderRow("gopkg.in/ini.v1", "", 0, []string{"ini"}, "MapTo", "StrictMapTo"),
	loaderRow("github.com/go-ini/ini", "*", 0, []string{"ini"}, "MapTo", "StrictMapTo"),
	loaderRow("github.com/go-ini/ini", "", 0, []string{"ini"}, "MapTo", "StrictMapTo"),
	loaderRow("github.com/BurntSushi/toml", "", 1, tomlTags, "Decode", "DecodeFile", "DecodeReader", "Unmarshal"),
	loaderRow("github.com/BurntSushi/toml", "", 2, tomlTags, "DecodeFS"),
	loaderRow("github.com/BurntSushi/toml", "Decoder", 0, tomlTags, "Decode"),
	loaderRow("github.com/pelletier/go-toml", "", 1, tomlTags, "Unmarshal"),
	loaderRow("github.com/pelletier/go-toml", "Decoder", 0, tomlTags, "Decode"),
	loaderRow("github.com/pelletier/go-toml", "Tree", 0, tomlTags, "Unmarshal"),
	row(ConfigLib, "github.com/pelletier/go-toml", "Tree", 0, "Get"),
	loaderRow("gopkg.in/yaml.v2", "", 1, yamlTags, "Unmarshal", "UnmarshalStrict"),
	loaderRow("gopkg.in/yaml.v2", "Decoder", 0, yamlTags, "Decode"),
	loaderRow("gopkg.in/yaml.v3", "", 1, yamlTags, "Unmarshal"),
	loaderRow("gopkg.in/yaml.v3", "Decoder", 0, yamlTags, "Decode"),
	loaderRow("go.yaml.in/yaml", "", 1, yamlTags, "Unmarshal"),
	loaderRow("go.yaml.in/yaml", "Decoder", 0, yamlTags, "Decode"),
	loaderRow("sigs.k8s.io/yaml", "", 1, jsonTags, "Unmarshal", "UnmarshalStrict"),
	loaderRow("github.com/goccy/go-yaml", "", 1, yamlTags, "Unmarshal", "UnmarshalWithOptions"),
	loaderRow("github.com/goccy/go-yaml", "Decoder", 0, yamlTags, "Decode"),
	loaderRow("encoding/json", "", 1, jsonTags, "Unmarshal"),
	loaderRow("encoding/json", "Decoder", 0, jsonTags, "Decode"),
	loaderRow("github.com/json-iterator/go", "", 1, jsonTags, "Unmarshal", "UnmarshalFromString"),
	loaderRow("github.com/json-iterator/go", "API", 1, jsonTags, "Unmarshal", "UnmarshalFromString"),
	loaderRow("github.com/json-iterator/go", "Decoder", 0, jsonTags, "Decode"),
	loaderRow("github.com/goccy/go-json", "", 1, jsonTags, "Unmarshal"),
	loaderRow("github.com/zeromicro/go-zero/core/conf", "", 1, jsonTags, "Load", "MustLoad", "LoadConfig",
		"LoadFromJsonBytes", "LoadFromYamlBytes", "LoadFromTomlBytes", "LoadConfigFromJsonBytes", "LoadConfigFromYamlBytes"),
	loaderRow("github.com/mitchellh/mapstructure", "", 1, []string{"mapstructure"}, "Decode", "WeakDecode"),
	loaderRow("github.com/go-viper/mapstructure", "", 1, []string{"mapstructure"}, "Decode", "WeakDecode"),

	loaderRow("github.com/caarlos0/env", "", 0, envTags, "Parse", "ParseWithOptions", "Must"),
	loaderRow("github.com/sethvargo/go-envconfig", "", 1, envTags, "Process", "ProcessWith", "MustProcess"),
	loaderRow("github.com/kelseyhightower/envconfig", "", 1, []string{"envconfig"}, "Process", "MustProcess", "CheckDisallowed"),
	loaderRow("github.com/ilyakaznacheev/cleanenv", "", 0, envTags, "ReadEnv", "UpdateEnv"),
	loaderRow("github.com/ilyakaznacheev/cleanenv", "", 1, []string{"env", "yaml", "json", "toml"}, "ReadConfig"),
	loaderRow("github.com/joeshaw/envdecode", "", 0, envTags, "Decode", "StrictDecode", "MustDecode", "MustStrictDecode"),
	loaderRow("github.com/qiangxue/go-env", "", 0, envTags, "Load"),
	loaderRow("github.com/qiangxue/go-env", "Loader", 0, envTags, "Load"),
	loaderRow("github.com/koding/multiconfig", "*", 0, []string{"toml", "json", "yaml"}, "Load", "MustLoad"),
	loaderRow("github.com/vrischmann/envconfig", "", 0, []string{"envconfig"}, "Init", "InitWithPrefix", "InitWithOptions"),
	loaderRow("github.com/Netflix/go-env", "", 0, envTags, "UnmarshalFromEnviron"),
	loaderRow("github.com/Netflix/go-env", "", 1, envTags, "Unmarshal"),

	named(row(SecretStore, "github.com/aws/aws-sdk-go-v2/service/secretsmanager", "Client", 1, "GetSecretValue"), "SecretId"),
	named(row(SecretStore, "github.com/aws/aws-sdk-go-v2/service/ssm", "Client", 1, "GetParameter"), "Name"),
	named(row(SecretStore, "github.com/aws/aws-sdk-go/service/secretsmanager", "SecretsManager", 0, "GetSecretValue"), "SecretId"),
	named(row(SecretStore, "github.com/aws/aws-sdk-go/service/secretsmanager", "SecretsManager", 1, "GetSecretValueWithContext"), "SecretId"),
	named(row(SecretStore, "github.com/aws/aws-sdk-go/service/ssm", "SSM", 0, "GetParameter"), "Name"),
	named(row(SecretStore, "github.com/aws/aws-sdk-go/service/ssm", "SSM", 1, "GetParameterWithContext"), "Name"),
	named(row(SecretStore, "cloud.google.com/go/secretmanager/apiv1", "Client", 1, "AccessSecretVersion"), "Name"),
	row(SecretStore, "github.com/hashicorp/vault/api", "Logical", 0, "Read", "ReadWithData"),
	row(SecretStore, "github.com/hashicorp/vault/api", "Logical", 1, "ReadWithContext", "ReadWithDataWithContext"),
	row(SecretStore, "github.com/hashicorp/vault/api", "KVv2", 1, "Get", "GetVersion"),
	row(SecretStore, "github.com/hashicorp/vault/api", "KVv1", 1, "Get"),
	row(SecretStore, "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets", "Client", 1, "GetSecret"),
	row(SecretStore, "k8s.io/client-go/kubernetes/typed/core", "SecretInterface", 1, "Get"),

	scanRow(Database, "database/sql", "Row", "Scan"),
	scanRow(Database, "database/sql", "Rows", "Scan"),
	fillRow(Database, "gorm.io/gorm", "DB", -1, 0, "First", "Take", "Last", "Find", "Scan"),
	fillRow(Database, "gorm.io/gorm", "DB", -1, 1, "Pluck"),
	fillRow(Database, "github.com/jinzhu/gorm", "DB", -1, 0, "First", "Take", "Last", "Find", "Scan"),
	fillRow(Database, "github.com/jinzhu/gorm", "DB", -1, 1, "Pluck"),
	fillRow(Database, "github.com/jmoiron/sqlx", "*", -1, 0, "Get", "Select"),
}

// A FieldSource is a field whose every read is a setting's: a
// Kubernetes Secret's Data, however the Secret was obtained.
type FieldSource struct {
	Kind   SourceKind
	Pkg    string // without major-version elements
	Type   string
	Fields []string
}

var fieldSources = []FieldSource{
	{SecretStore, "k8s.io/api/core", "Secret", []string{"Data", "StringData"}},
}

// A StructSource is a library's struct whose literal says where a
// setting's value goes: urfave/cli's StringFlag{Name: "jwt-secret",
// Destination: &v} fills v when the flag is parsed.
type StructSource struct {
	Kind      SourceKind
	Pkg       string   // without major-version elements
	Types     []string // the struct types
	NameField string   // the field that names the setting
	Dest      string   // the field that points to what it fills
}

var structSources = []StructSource{
	// v3's StringFlag is an alias of a FlagBase instance.
	{Flag, "github.com/urfave/cli", []string{"StringFlag", "FlagBase"}, "Name", "Destination"},
}

// StructSourceOf returns the row of the catalogue a struct type is, if any.
func StructSourceOf(t types.Type) (StructSource, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return StructSource{}, false
	}
	path := stripMajor(stripVendor(n.Obj().Pkg().Path()))
	for _, s := range structSources {
		if s.Pkg == path && slices.Contains(s.Types, n.Obj().Name()) {
			return s, true
		}
	}
	return StructSource{}, false
}

// A Catalog is the catalogue in effect for a package: the built-in
// sources, sinks and transformations, and the rows of the config's
// sources and sinks settings.
type Catalog struct {
	sources map[string][]Source // by key: "path.Func", "path.Recv.Func", "path.*.Func"
	fields  map[string]FieldSource
	sinks   map[string][]Sink
}

// NewCatalog returns the built-in catalogue with extra rows.
func NewCatalog(extraSources []Source, extraSinks []Sink) *Catalog {
	c := &Catalog{sources: map[string][]Source{}, fields: map[string]FieldSource{}, sinks: map[string][]Sink{}}
	for _, s := range slices.Concat(sources, extraSources) {
		for _, f := range s.Funcs {
			k := sourceKey(s.Pkg, s.Recv, f)
			c.sources[k] = append(c.sources[k], s)
		}
	}
	for _, fs := range fieldSources {
		for _, f := range fs.Fields {
			c.fields[fs.Pkg+"."+fs.Type+"."+f] = fs
		}
	}
	for _, s := range slices.Concat(frameworkSinks, extraSinks) {
		c.sinks[s.Symbol] = append(c.sinks[s.Symbol], s)
	}
	return c
}

// builtinCatalog is the catalogue without extra rows.
var builtinCatalog = NewCatalog(nil, nil)

// BuiltinCatalog returns the built-in catalogue.
func BuiltinCatalog() *Catalog { return builtinCatalog }

func sourceKey(pkg, recv, name string) string {
	if recv == "" {
		return pkg + "." + name
	}
	return pkg + "." + recv + "." + name
}

// Source returns the row of the catalogue that fn is, if any.
func (c *Catalog) Source(fn *types.Func) (Source, bool) {
	k := c.SourceKey(fn)
	if k == "" {
		return Source{}, false
	}
	return c.sources[k][0], true
}

// SourceKey returns the key of fn's row in the catalogue, "" if it has
// none: what a fact carries of a function it cannot name by its object (a
// variable of another package that holds a source: var Unmarshal =
// toml.Unmarshal).
func (c *Catalog) SourceKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	path := stripMajor(stripVendor(fn.Pkg().Path()))
	recv := recvName(fn)
	if k := sourceKey(path, recv, fn.Name()); len(c.sources[k]) > 0 {
		return k
	}
	if recv != "" {
		if k := sourceKey(path, "*", fn.Name()); len(c.sources[k]) > 0 {
			return k
		}
	}
	return ""
}

// SourceByKey returns the row a SourceKey names.
func (c *Catalog) SourceByKey(k string) (Source, bool) {
	if ss := c.sources[k]; len(ss) > 0 {
		return ss[0], true
	}
	return Source{}, false
}

// FieldSource returns the row of the catalogue that a field is, if any.
func (c *Catalog) FieldSource(field *types.Var, owner *types.Named) (FieldSource, bool) {
	if owner == nil || owner.Obj().Pkg() == nil {
		return FieldSource{}, false
	}
	fs, ok := c.fields[stripMajor(stripVendor(owner.Obj().Pkg().Path()))+"."+owner.Obj().Name()+"."+field.Name()]
	return fs, ok
}

// recvName is the name of fn's receiver type, or "".
func recvName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// stripMajor drops major-version elements from a path: ".../jwt/v5" ->
// ".../jwt", "k8s.io/client-go/kubernetes/typed/core/v1" -> ".../core".
func stripMajor(path string) string {
	elems := strings.Split(path, "/")
	kept := elems[:1]
	for _, e := range elems[1:] {
		if len(e) < 2 || e[0] != 'v' || !isDigits(e[1:]) {
			kept = append(kept, e)
		}
	}
	return strings.Join(kept, "/")
}

// Sources returns the built-in sources, for docs and -explain.
func Sources() []Source { return slices.Clone(sources) }

// UserSource is a row of the sources setting: the function or method fn
// (of the receiver type recv, "" for a function) of the package pkg,
// whose argument nameArg names the setting (-1: none), whose result
// result holds the value, or which fills what argument fills points to
// (-1: none).
func UserSource(pkg, recv, fn string, nameArg, result, fills int) Source {
	s := row(UserSourceKind, stripMajor(pkg), recv, nameArg, fn)
	s.Result, s.Fills = result, fills
	return s
}

// KeyUseOf is the key use a sinks row's kind names: secret (the default),
// public or keyfunc.
func KeyUseOf(kind string) KeyUse {
	switch kind {
	case "public":
		return PublicKey
	case "keyfunc":
		return Keyfunc
	}
	return SecretKey
}
