package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

// styrgraf export -format xlsx writes an organisation's seat lists and stabsfunktioner
// matrix; import reads spreadsheets by their extension, together with YAML files.
func TestExportAndImportSheets(t *testing.T) {
	neo4jdbtest.MustOpen(t)
	if status, _, errOut := cli(t, "import", "-as", "test", "../../examples"); status != 0 {
		t.Fatalf("import examples: %s", errOut)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "rh.xlsx")
	if status, _, errOut := cli(t, "export", "-format", "xlsx", "-organisation", "region-halland", "-at", "2021-10-28", "-o", out); status != 0 {
		t.Fatalf("export exited %d: %s", status, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Platser", "Innehav", "Personer", "Stabsfunktionsmatris"}) {
		t.Errorf("sheets %q", got)
	}
	matrix, _ := f.GetRows("Stabsfunktionsmatris")
	if len(matrix) <= sheets.HeaderRow || !slices.Contains(matrix[sheets.HeaderRow-1], "Totalt (FTE)") || !strings.Contains(matrix[0][0], "Region Halland") {
		t.Errorf("matrix %q", matrix)
	}
	holdings, _ := f.GetRows("Innehav")
	if len(holdings) <= sheets.HeaderRow {
		t.Errorf("no holdings on 2021-10-28: %q", holdings)
	}

	if status, _, errOut := cli(t, "export", "-format", "xlsx"); status != 1 || !strings.Contains(errOut, "organisation: required") {
		t.Errorf("export without organisation: %d %s", status, errOut)
	}
	if status, _, errOut := cli(t, "export", "-format", "pdf"); status != 1 || !strings.Contains(errOut, "format: want one of") {
		t.Errorf("unknown format: %d %s", status, errOut)
	}
	tmpl := filepath.Join(dir, "mall.xlsx")
	if status, _, errOut := cli(t, "export", "-format", "xlsx-template", "-o", tmpl); status != 0 {
		t.Fatalf("template: %s", errOut)
	}
	if status, _, errOut := cli(t, "validate", tmpl); status != 0 {
		t.Errorf("the template does not validate: %s", errOut)
	}

	// A CSV of stabsfunktioner, imported with the YAML file its förvaltning is in.
	neo4jdbtest.MustOpen(t)
	csv := filepath.Join(dir, "HR stab.csv")
	os.WriteFile(csv, []byte("Id,Förvaltning (id),Funktion,FTE,Grund\nhr-sf-1,test-rs,hr,2.5,illustrativt\n"), 0o644)
	status, stdout, errOut := cli(t, "import", "-as", "test", "../../graph/dataset/testdata/valid.yaml", csv)
	if status != 0 || !strings.Contains(stdout, "imported datasets test-region, hr-stab") {
		t.Errorf("import of YAML and CSV = %d: %s %s", status, stdout, errOut)
	}
	os.WriteFile(csv, []byte("Id,Förvaltning (id),Funktion,FTE\nhr-sf-1,test-nope,hr,2.5\n"), 0o644)
	status, _, errOut = cli(t, "import", "-as", "test", "../../graph/dataset/testdata/valid.yaml", csv)
	if want := csv + ":2:2: Förvaltning (id): no Organ has id \"test-nope\""; status != 1 || !strings.Contains(errOut, want) {
		t.Errorf("bad CSV = %d, want %q in:\n%s", status, want, errOut)
	}
}
