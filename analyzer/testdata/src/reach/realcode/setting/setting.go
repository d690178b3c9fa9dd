// Package setting loads its sections through a wrapper whose parameter is
// an interface (eddycjy/go-gin-example's pkg/setting): the loader fills
// the struct each call passes.
package setting

import "gopkg.in/ini.v1"

// App is the [app] section.
type App struct {
	JwtSecret string // want JwtSecret:`holds\(read\(JwtSecret\)\)`
	PageSize  int
}

// Server is the [server] section.
type Server struct {
	RunMode string // want RunMode:`holds\(read\(RunMode\)\)`
}

var (
	AppSetting    = &App{}
	ServerSetting = &Server{}
	cfg           *ini.File
)

// Setup loads every section.
func Setup() {
	mapTo("app", AppSetting)
	mapTo("server", ServerSetting)
}

func mapTo(section string, v interface{}) {
	_ = cfg.Section(section).MapTo(v) // want `JWT secret JwtSecret read into field JwtSecret by \(\*ini.Section\).MapTo outside`
}

// Reload goes through a second wrapper.
func Reload(v any) { mapTo("app", v) } // want Reload:`fills\(0 \(\*ini.Section\).MapTo\)`
