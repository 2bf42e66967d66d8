// Package exports is the registry of export formats: each writes the datasets an export
// reads from the graph (graph.DatasetReader). The command line (styrgraf export) and the
// API's export routes both go through Export, so a format registered here is offered by
// both. A format is added by a Register call in an init function of a file of its own.
package exports

import (
	"bytes"
	"context"
	"io"
	"sort"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Format is one export format.
type Format struct {
	Name      string // as -format and the route spell it: popolo, org-jsonld…
	MediaType string // the HTTP Content-Type of the answer
	Extension string // the file name extension, with its dot
	Summary   string // one line for usage and the API description
	Write     func(w io.Writer, datasets []graph.Dataset) error
}

var registry = map[string]Format{}

// Register adds a format; a name registered twice is a programming error.
func Register(f Format) {
	if _, dup := registry[f.Name]; dup {
		panic("exports: format " + f.Name + " registered twice")
	}
	registry[f.Name] = f
}

// Formats lists the registered formats by name.
func Formats() []Format {
	out := make([]Format, 0, len(registry))
	for _, f := range registry {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup finds a format by name; an unknown name is EINVALID listing the known ones.
func Lookup(name string) (Format, error) {
	f, ok := registry[strings.TrimSpace(name)]
	if !ok {
		var names []string
		for _, f := range Formats() {
			names = append(names, f.Name)
		}
		return Format{}, graph.Errorf(graph.EINVALID, "format: want one of %s, got %q", strings.Join(names, ", "), name)
	}
	return f, nil
}

// Export reads what q selects and writes it in the named format. The whole answer is
// written to memory first, so that a failure never leaves half a file.
func Export(ctx context.Context, r graph.DatasetReader, q graph.ExportQuery, format string) ([]byte, Format, error) {
	f, err := Lookup(format)
	if err != nil {
		return nil, f, err
	}
	datasets, err := r.ReadDatasets(ctx, q)
	if err != nil {
		return nil, f, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, datasets); err != nil {
		return nil, f, err
	}
	return buf.Bytes(), f, nil
}
