package sheets_test

import (
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph/sheets"
)

// Whatever a CSV file holds, reading it does not panic, and every problem names the file
// and a row.
func FuzzReadCSV(f *testing.F) {
	f.Add("Id,Namn\nanna,Anna\n")
	f.Add("\uFEFFId;Förvaltning (id);Funktion;FTE\nx;y;hr;1,5\n")
	f.Add("Id,Titel,Typ,Organ (id),Från\ns,T,member,o,45000\n")
	f.Add("Plats (id),Person (id)\n\"a\nb\",c\n")
	f.Fuzz(func(t *testing.T, content string) {
		_, _, ps := sheets.Read("hr.csv", []byte(content))
		for _, p := range ps {
			if !strings.HasPrefix(p.File, "hr.csv") || p.Line < 1 {
				t.Errorf("problem without file or row: %s", p)
			}
		}
	})
}
