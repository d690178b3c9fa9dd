// Package loaders reads settings with loaders and config libraries: a
// field a loader fills is read by its call, whatever the field is called.
package loaders

import (
	"database/sql"
	"encoding/json"
	"os"

	"github.com/BurntSushi/toml"
	"github.com/jessevdk/go-flags"
	"github.com/spf13/viper"
	"gopkg.in/ini.v1"
	"gopkg.in/yaml.v3"
	"gorm.io/gorm"

	"reach/auth"
)

type iniConfig struct {
	Server struct {
		Port string `ini:"port"`
	}
	Signing struct {
		Material string `ini:"material"`
	}
}

func fromINI(cfg *ini.File) {
	_ = auth.New(cfg.Section("tokens").Key("material").String()) // want `JWT secret tokens.material read with \(\*ini.Key\).String outside`
	var c iniConfig
	_ = cfg.MapTo(&c) // want `JWT secret material read into field Signing.Material by \(\*ini.File\).MapTo outside`
	_ = auth.New(c.Signing.Material)
}

type options struct {
	Material string `long:"material" env:"MATERIAL"`
	Verbose  bool   `long:"verbose"`
}

func fromFlags() {
	var opts options
	_, _ = flags.Parse(&opts) // want `JWT secret material read into field Material by flags.Parse outside`
	_ = auth.New(opts.Material)
}

type tomlConfig struct {
	Key string `toml:"key"`
}

func fromTOML(path string) {
	var c tomlConfig
	_, _ = toml.DecodeFile(path, &c) // want `JWT secret key read into field Key by toml.DecodeFile outside`
	_ = auth.New(c.Key)
}

type yamlConfig struct {
	Tokens struct {
		Key string `yaml:"key"`
	} `yaml:"tokens"`
}

func fromYAML(data []byte) {
	var c yamlConfig
	_ = yaml.Unmarshal(data, &c) // want `JWT secret key read into field Tokens.Key by yaml.Unmarshal outside`
	_ = auth.New(c.Tokens.Key)
}

func fromJSON(data []byte) {
	m := map[string]string{}
	_ = json.Unmarshal(data, &m) // want `JWT secret read with json.Unmarshal outside`
	_ = auth.New(m["signing"])
}

type viperSection struct {
	Secret string
}

func fromViper() {
	var s viperSection
	_ = viper.UnmarshalKey("tokens", &s) // want `JWT secret Secret read into field Secret by viper.UnmarshalKey outside`
	_ = auth.New(s.Secret)
}

// setting is a row of the application's settings table.
type setting struct {
	Name, Value string
}

// settingValue reads a setting from the database.
func settingValue(db *gorm.DB, name string) string {
	var s setting
	db.Where("name = ?", name).First(&s) // want `JWT secret read from the database by \(\*gorm.DB\).First outside`
	return s.Value
}

func fromDatabase(db *gorm.DB, sqldb *sql.DB) {
	_ = auth.New(settingValue(db, "token_material"))
	var v string
	_ = sqldb.QueryRow("select value from settings where name = 'signing'").Scan(&v) // want `JWT secret read from the database by \(\*sql.Row\).Scan outside`
	_ = auth.New(v)
}

func fromFile() {
	b, _ := os.ReadFile("keys/signing.key") // want `JWT secret read from a file by os.ReadFile outside`
	_ = auth.New(string(b))
}

// names reads every setting of a list by name.
func names() {
	for _, name := range []string{"JWT_SECRET", "PORT"} {
		_ = os.Getenv(name) // want `^JWT secret JWT_SECRET read with os.Getenv outside the auth packages \(reach/auth\); only the auth module`
	}
}
