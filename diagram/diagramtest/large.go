// Package diagramtest writes datasets for diagram tests.
package diagramtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LargeOrganisation is the id of the organisation WriteLargeOrganisation writes.
const LargeOrganisation = "storstad-kommun"

// LargeNamnder is how many nämnder it has besides its kommunstyrelse: too many to stand on
// one row of an A4 landscape page at a readable size.
const LargeNamnder = 13

// WriteLargeOrganisation writes a dataset file into dir with a kommun whose overview does
// not fit A4 landscape: a fullmäktige; a kommunstyrelse with an arbetsutskott and a
// kommunledningskontor of three avdelningar; LargeNamnder nämnder, each with an
// arbetsutskott and a förvaltning of two avdelningar; and a chefsgrupp with fifteen
// arbetsgrupper. Each nämnd with its parts, and the groups, fit A4 alone.
func WriteLargeOrganisation(dir string) (string, error) {
	var b strings.Builder
	organ := func(id, name, kind, partOf string) {
		fmt.Fprintf(&b, "  - {id: %s, name: %q, kind: %s, organisation: %s", id, name, kind, LargeOrganisation)
		if partOf != "" {
			fmt.Fprintf(&b, ", part_of: %s", partOf)
		}
		b.WriteString("}\n")
	}
	fmt.Fprintf(&b, "dataset: storstad\norganisations:\n  - {id: %s, name: Storstads kommun, kind: kommun}\norgans:\n", LargeOrganisation)
	organ("ss-kf", "Kommunfullmäktige", "fullmaktige", "")
	organ("ss-ks", "Kommunstyrelsen", "styrelse", "")
	organ("ss-ksau", "Kommunstyrelsens arbetsutskott", "utskott", "ss-ks")
	organ("ss-klk", "Kommunledningskontoret", "forvaltning", "ss-ks")
	for i, avd := range []string{"Ekonomiavdelningen", "HR-avdelningen", "Kansliavdelningen"} {
		organ(fmt.Sprintf("ss-klk-avd%d", i+1), avd, "avdelning", "ss-klk")
	}
	for n := 1; n <= LargeNamnder; n++ {
		id := fmt.Sprintf("ss-n%02d", n)
		organ(id, fmt.Sprintf("Verksamhetsnämnd %d", n), "namnd", "")
		organ(id+"-au", fmt.Sprintf("Arbetsutskott nämnd %d", n), "utskott", id)
		organ(id+"-forv", fmt.Sprintf("Verksamhetsförvaltning %d", n), "forvaltning", id)
		for a := 1; a <= 2; a++ {
			organ(fmt.Sprintf("%s-forv-avd%d", id, a), fmt.Sprintf("Avdelning %d.%d", n, a), "avdelning", id+"-forv")
		}
	}
	organ("ss-cg", "Kommunens chefsgrupp", "chefsgrupp", "")
	for g := 1; g <= 15; g++ {
		organ(fmt.Sprintf("ss-ag%02d", g), fmt.Sprintf("Arbetsgrupp %d", g), "arbetsgrupp", "ss-cg")
	}
	b.WriteString("relations:\n  - {kind: reports_to, from: ss-ks, to: ss-kf}\n")
	for n := 1; n <= LargeNamnder; n++ {
		fmt.Fprintf(&b, "  - {kind: reports_to, from: ss-n%02d, to: ss-kf}\n", n)
	}
	path := filepath.Join(dir, "storstad.yaml")
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}
