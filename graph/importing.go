package graph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ImportOptions tune Import.
type ImportOptions struct {
	// DryRun computes and returns the changes without writing them.
	DryRun bool
	// By is who imports, and through which way in. Required unless DryRun: every write is
	// recorded in the audit trail with it.
	By Actor
	// Progress, if set, is told how far each write step has come.
	Progress func(step string, done, total int)
}

// Validate checks that a write says who makes it.
func (o ImportOptions) Validate() error {
	if o.DryRun {
		return nil
	}
	return o.By.Validate()
}

// Actor is who writes: a name and the way the write came in.
type Actor struct {
	// Name is the token's name (API, web) or, on the command line, the user's (the OS
	// user, or what -as says).
	Name string `json:"name"`
	// Via is the way in: ViaAPI, ViaWeb, ViaCLI or ViaStartUp.
	Via string `json:"via"`
}

// The ways a write comes in.
const (
	ViaAPI     = "api"      // POST /api/v1/import
	ViaWeb     = "web"      // the web interface's import page
	ViaCLI     = "cli"      // styrgraf import
	ViaStartUp = "start-up" // styrgraf serve -import
)

var vias = []string{ViaAPI, ViaWeb, ViaCLI, ViaStartUp}

// MaxActorName bounds an actor's name (the command line's -as takes any text).
const MaxActorName = 100

// Validate checks the actor: a name of printable characters, and a known way in.
func (a Actor) Validate() error {
	name := strings.TrimSpace(a.Name)
	switch {
	case name == "":
		return Errorf(EINVALID, "import: say who imports; the audit trail records every write with a name")
	case utf8.RuneCountInString(name) > MaxActorName || !utf8.ValidString(name) ||
		strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }):
		return Errorf(EINVALID, "import: the name of who imports must be at most %d printable characters", MaxActorName)
	case !slices.Contains(vias, a.Via):
		return Errorf(EINVALID, "import: unknown way in %q (%s)", a.Via, strings.Join(vias, ", "))
	}
	return nil
}

// ImportResult says what an import changed (or, dry, would change).
type ImportResult struct {
	Datasets []string      `json:"datasets"`
	DryRun   bool          `json:"dry_run"`
	Nodes    ImportChanges `json:"nodes"`
	Rels     ImportChanges `json:"relationships"`
	// Conversions report, for each file in another format, what it mapped and dropped.
	Conversions []Conversion `json:"conversions,omitempty"`
}

// ImportChanges lists ids (for relationships: keys) added, changed and removed.
type ImportChanges struct {
	Added   []string `json:"added"`
	Changed []string `json:"changed"`
	Removed []string `json:"removed"`
}

// Unchanged reports whether the import changed nothing.
func (r ImportResult) Unchanged() bool {
	return len(r.Nodes.Added)+len(r.Nodes.Changed)+len(r.Nodes.Removed)+
		len(r.Rels.Added)+len(r.Rels.Changed)+len(r.Rels.Removed) == 0
}

// Conversion says what an import made of a file in another format (Popolo): how many items
// of each kind it mapped, and what it dropped and why. Nothing dropped is guessed at.
type Conversion struct {
	File    string         `json:"file"`
	Format  string         `json:"format"`
	Mapped  map[string]int `json:"mapped"`
	Dropped []Dropped      `json:"dropped"`
}

// Dropped is one kind of thing a conversion left out: a field or an item kind, how often,
// and why.
type Dropped struct {
	What  string `json:"what"`
	Count int    `json:"count"`
	Why   string `json:"why"`
}
