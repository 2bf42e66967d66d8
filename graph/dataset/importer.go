package dataset

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/popolo"
	"github.com/styrgraf/styrgraf/graph/sheets"
)

// Importer is the one import pipeline every caller uses (the import command, serve -import
// and the HTTP API): parse the files, check them together, and only then hand the datasets
// to the store, which writes them in one transaction.
type Importer struct {
	Store graph.DatasetStore
	// Observe, if set, hears the outcome of every import, files refused for problems too.
	Observe func(graph.ImportResult, error)
	// Imported, if set, is called after every import that wrote (not after dry runs).
	Imported func(graph.ImportResult)
}

var _ graph.Importer = (*Importer)(nil)

// Import implements graph.Importer.
func (im *Importer) Import(ctx context.Context, files []graph.DatasetFile, opts graph.ImportOptions) (graph.ImportResult, error) {
	res, err := im.importFiles(ctx, files, opts)
	if im.Observe != nil {
		im.Observe(res, err)
	}
	if err == nil && !res.DryRun && im.Imported != nil {
		im.Imported(res)
	}
	return res, err
}

func (im *Importer) importFiles(ctx context.Context, files []graph.DatasetFile, opts graph.ImportOptions) (graph.ImportResult, error) {
	// Before the files: an import that cannot say who makes it is refused whatever it holds.
	if err := opts.Validate(); err != nil {
		return graph.ImportResult{DryRun: opts.DryRun}, err
	}
	parsed, err := ParseFiles(files)
	if err != nil {
		return graph.ImportResult{}, err
	}
	res, err := im.Store.ImportDatasets(ctx, Datasets(parsed), opts)
	res.Conversions = Conversions(parsed)
	return res, err
}

// Conversions lists what the conversion of each file in another format mapped and dropped.
func Conversions(files []*File) []graph.Conversion {
	var out []graph.Conversion
	for _, f := range files {
		if f.Conversion != nil {
			out = append(out, *f.Conversion)
		}
	}
	return out
}

// ParseFiles parses each file and checks them together; the error, if any, is EINVALID
// with every problem of every file. A Popolo file (.json, see popolo.Detect) is converted
// into the datasets it holds, which are checked like any others; its first File carries
// the Conversion report.
func ParseFiles(files []graph.DatasetFile) ([]*File, error) {
	if len(files) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "no dataset files given")
	}
	var parsed []*File
	var problems Problems
	for _, df := range files {
		if popolo.Detect(df.Name, df.Content) {
			datasets, conv, err := popolo.Read(df.Name, df.Content)
			if err != nil {
				problems = append(problems, Problem{File: df.Name, Line: 1, Column: 1, Message: graph.ErrorMessage(err)})
				continue
			}
			for i, d := range datasets {
				f := &File{Name: df.Name, Data: d, pos: map[string]position{}}
				if i == 0 {
					f.Conversion = &conv
				}
				parsed = append(parsed, f)
			}
			continue
		}
		f, ps := parseFile(df)
		problems = append(problems, ps...)
		if f != nil {
			parsed = append(parsed, f)
		}
	}
	problems = append(problems, Check(parsed)...)
	return parsed, problems.Err()
}

// parseFile reads one file in the format its name says: a spreadsheet (.xlsx, .csv) of
// people, seats and stabsfunktioner, else a YAML dataset file.
func parseFile(df graph.DatasetFile) (*File, Problems) {
	switch strings.ToLower(filepath.Ext(df.Name)) {
	case ".xlsx", ".csv":
		data, locate, ps := sheets.Read(df.Name, df.Content)
		return &File{Name: df.Name, Data: data, locate: locate}, ps
	}
	return Parse(df.Name, bytes.NewReader(df.Content))
}

// ReadFiles reads the given files and directories (every *.yaml and *.yml in a directory,
// not recursing, in name order). A file that cannot be read is a problem naming it.
func ReadFiles(paths ...string) ([]graph.DatasetFile, error) {
	names, err := expand(paths)
	if err != nil {
		return nil, err
	}
	var files []graph.DatasetFile
	var problems Problems
	for _, name := range names {
		content, err := readFile(name)
		if err != nil {
			problems = append(problems, Problem{File: name, Line: 1, Column: 1, Message: err.Error()})
			continue
		}
		files = append(files, graph.DatasetFile{Name: name, Content: content})
	}
	return files, problems.Err()
}

func readFile(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxFileSize {
		return nil, graph.Errorf(graph.EINVALID, "larger than %d MiB", MaxFileSize>>20)
	}
	return os.ReadFile(name)
}

// Datasets returns the files' content.
func Datasets(files []*File) []graph.Dataset {
	out := make([]graph.Dataset, len(files))
	for i, f := range files {
		out[i] = f.Data
	}
	return out
}

// FlattenDatasets is Flatten for datasets that have been checked already.
func FlattenDatasets(datasets []graph.Dataset) Graph {
	files := make([]*File, len(datasets))
	for i, d := range datasets {
		files[i] = &File{Name: d.ID, Data: d}
	}
	return Flatten(files)
}
