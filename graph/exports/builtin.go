package exports

import (
	"github.com/styrgraf/styrgraf/graph/orgld"
	"github.com/styrgraf/styrgraf/graph/popolo"
)

// The formats styrgraf writes itself. Other formats register in files of their own.
func init() {
	Register(Format{Name: "popolo", MediaType: "application/json", Extension: ".json",
		Summary: "Popolo JSON (persons, organizations, posts, memberships; styrgraf's extension fields)", Write: popolo.Write})
}

func init() {
	Register(Format{Name: orgld.FormatJSONLD, MediaType: "application/ld+json", Extension: ".jsonld",
		Summary: "W3C ORG as JSON-LD (organizations, posts, memberships with dates, provenance)", Write: orgld.WriteJSONLD})
	Register(Format{Name: orgld.FormatTurtle, MediaType: "text/turtle; charset=utf-8", Extension: ".ttl",
		Summary: "W3C ORG as Turtle (one triple per line)", Write: orgld.WriteTurtle})
}
