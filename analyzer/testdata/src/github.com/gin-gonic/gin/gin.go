// Package gin is a stub of github.com/gin-gonic/gin.
package gin

type Context struct{}

type H map[string]any

func (c *Context) GetString(key string) string { return "" }
func (c *Context) Get(key string) (any, bool)  { return nil, false }
func (c *Context) Set(key string, value any)   {}
func (c *Context) GetHeader(key string) string { return "" }
