// Package ini is a stub of gopkg.in/ini.v1.
package ini

type File struct{}

func Load(source any, others ...any) (*File, error) { return &File{}, nil }
func MapTo(v, source any, others ...any) error      { return nil }
func (f *File) Section(name string) *Section        { return &Section{} }
func (f *File) MapTo(v any) error                   { return nil }

type Section struct{}

func (s *Section) Key(name string) *Key { return &Key{} }
func (s *Section) MapTo(v any) error    { return nil }

type Key struct{}

func (k *Key) String() string               { return "" }
func (k *Key) MustString(def string) string { return def }
