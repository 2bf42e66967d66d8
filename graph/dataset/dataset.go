// Package dataset reads and checks styrgraf's dataset files: YAML, one file per
// organisation plus shared files for collaborations, with stable slug ids and references by
// id (see dataset.schema.json). It reports every problem at once, each with file, line,
// column and field path, and knows nothing of Neo4j or HTTP.
package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/styrgraf/styrgraf/graph"
)

// Problem and Problems are graph's, so that every interface can show them without
// importing this package; the names stay short here, where they are used most.
type (
	Problem  = graph.Problem
	Problems = graph.Problems
)

// File is one parsed dataset file.
type File struct {
	Name string // as given (a path, or a name for uploaded content)
	Data graph.Dataset
	// Conversion, for a file converted from another format (Popolo), says what was mapped
	// and dropped.
	Conversion *graph.Conversion
	pos        map[string]position
	// locate, for a file read from a spreadsheet, says in which sheet, row and column the
	// value at a field path stood.
	locate func(path string) Problem
}

// Position returns where the value at a field path stood, e.g. "organs[2].kind".
func (f *File) Position(path string) (line, column int) {
	p := f.pos[path]
	return p.line, p.column
}

// MaxFileSize bounds what is read into memory from one file.
const MaxFileSize = 64 << 20

// Parse reads one file's content. It returns the file (possibly partly filled) and every
// problem found in it alone; references to other files are checked by Check.
func Parse(name string, r io.Reader) (*File, Problems) { return parse(name, r, true) }

// parse is Parse; without positions it remembers no line and column per value, which only
// messages about the file need (a streamed check that finds a problem reads the run again
// with Load to report it).
func parse(name string, r io.Reader, positions bool) (*File, Problems) {
	content, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, Problems{{File: name, Line: 1, Column: 1, Message: fmt.Sprintf("reading: %v", err)}}
	}
	if len(content) > MaxFileSize {
		return nil, Problems{{File: name, Line: 1, Column: 1, Message: fmt.Sprintf("larger than %d MiB", MaxFileSize>>20)}}
	}
	f := &File{Name: name}
	if positions {
		f.pos = map[string]position{}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(content))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return f, Problems{{File: name, Line: 1, Column: 1, Message: "empty file"}}
		}
		return f, Problems{syntaxProblem(name, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return f, Problems{{File: name, Line: extra.Line, Column: extra.Column, Message: "more than one YAML document; use one per file"}}
	}
	d := &decoder{file: name, pos: f.pos}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if isNull(doc) {
		// "null", "~" or a document of comments only: decoded, it would be a dataset
		// without an id that checks clean.
		return f, Problems{{File: name, Line: doc.Line, Column: doc.Column, Message: "the file holds no dataset (an empty YAML document)"}}
	}
	d.decode(doc, reflect.ValueOf(&f.Data).Elem(), "", "")
	return f, d.problems
}

// syntaxProblem extracts the line yaml.v3 reports ("yaml: line 7: ...").
func syntaxProblem(name string, err error) Problem {
	p := Problem{File: name, Line: 1, Column: 1, Message: "YAML syntax: " + err.Error()}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		p.Line = line
		p.Message = "YAML syntax:" + strings.SplitN(msg, ":", 2)[1]
	}
	return p
}

// Load reads the given files and directories (see ReadFiles), parses each and checks them
// together.
func Load(paths ...string) ([]*File, error) {
	files, err := ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	return ParseFiles(files)
}

func expand(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "no dataset files given")
	}
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "%v", err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "%v", err)
		}
		found := false
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
				out = append(out, filepath.Join(p, e.Name()))
				found = true
			}
		}
		if !found {
			return nil, graph.Errorf(graph.EINVALID, "%s: no .yaml files", p)
		}
	}
	return out, nil
}

// DatasetIDs lists the files' dataset ids: what an import of these files replaces.
func DatasetIDs(files []*File) []string {
	out := make([]string, 0, len(files))
	for _, f := range files {
		out = append(out, f.Data.ID)
	}
	return out
}
