package dataset

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParse feeds arbitrary bytes through everything a user's file goes through before it
// reaches Neo4j. Run longer with: go test ./graph/dataset -fuzz FuzzParse -fuzztime 3m
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/valid.yaml", "testdata/errors.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("dataset: x\norgans: &a [*a]\n"))
	f.Add([]byte("dataset: x\nposts:\n  - holders: {person: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, problems := Parse("fuzz.yaml", bytes.NewReader(data))
		if file == nil {
			return
		}
		problems = append(problems, Check([]*File{file})...)
		for _, p := range problems {
			if p.File != "fuzz.yaml" || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
		}
		if len(problems) == 0 {
			Flatten([]*File{file})
		}
	})
}
