package dataset

import (
	"bytes"

	"github.com/styrgraf/styrgraf/graph"
)

// LoadDatasets reads, parses and checks the files and directories at paths like Load, but
// for runs too large to hold twice: it reads one file at a time and keeps only each file's
// content, not its text or the position of every field. When anything is wrong it reads the
// files again the ordinary way (Load), so that every problem still has its file, line and
// column; that costs memory only when the run is refused anyway.
func LoadDatasets(paths ...string) ([]graph.Dataset, error) {
	names, err := expand(paths)
	if err != nil {
		return nil, err
	}
	files := make([]*File, 0, len(names))
	failed := false
	for _, name := range names {
		content, err := readFile(name)
		if err != nil {
			failed = true
			break
		}
		f, ps := Parse(name, bytes.NewReader(content))
		if len(ps) > 0 || f == nil {
			failed = true
			break
		}
		f.pos = nil // lines and columns only serve messages; see above
		files = append(files, f)
	}
	if !failed && len(Check(files)) == 0 {
		return Datasets(files), nil
	}
	files = nil
	if _, err := Load(paths...); err != nil {
		return nil, err
	}
	// Load found nothing wrong where the light pass did: cannot happen, but never import
	// what was not checked.
	return nil, graph.Errorf(graph.EINTERNAL, "the dataset files checked differently on a second reading")
}
