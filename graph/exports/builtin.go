package exports

import "github.com/styrgraf/styrgraf/graph/popolo"

// The formats styrgraf writes itself. Other formats register in files of their own.
func init() {
	Register(Format{Name: "popolo", MediaType: "application/json", Extension: ".json",
		Summary: "Popolo JSON (persons, organizations, posts, memberships; styrgraf's extension fields)", Write: popolo.Write})
}
