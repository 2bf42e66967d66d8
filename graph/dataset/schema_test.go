package dataset

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite dataset.schema.json from the Go types")

func TestSchemaFileIsCurrent(t *testing.T) {
	want := JSONSchema()
	if *update {
		if err := os.WriteFile("dataset.schema.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(SchemaJSON, want) {
		t.Fatal("dataset.schema.json is out of date with the Go types; run: go test ./graph/dataset -run TestSchemaFileIsCurrent -update")
	}
	var parsed map[string]any
	if err := json.Unmarshal(SchemaJSON, &parsed); err != nil {
		t.Fatalf("dataset.schema.json is not JSON: %v", err)
	}
	organ := parsed["properties"].(map[string]any)["organs"].(map[string]any)["items"].(map[string]any)
	if organ["additionalProperties"] != false {
		t.Error("organs accept unknown fields in the schema, but validation rejects them")
	}
	kinds := organ["properties"].(map[string]any)["kind"].(map[string]any)["enum"].([]any)
	if len(kinds) < 20 || kinds[0] != "fullmaktige" {
		t.Errorf("organ kinds in schema = %v", kinds)
	}
}
