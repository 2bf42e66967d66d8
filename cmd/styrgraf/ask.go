package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// askOptions are what a question may take; each question registers the flags it uses.
type askOptions struct {
	At           graph.Date
	Organisation string
	Year         int
	From, To     graph.Date
	Depth        int
	MinSeats     int
	Args         []string
}

// question is one of the questions styrgraf answers, as the command line asks it.
type question struct {
	name  string
	args  string // positional arguments, for usage
	help  string
	flags func(fs *flag.FlagSet, o *askOptions)
	run   func(ctx context.Context, db *neo4jdb.DB, o askOptions) (any, error)
	table func(w io.Writer, result any)
}

// questions is filled in by the ask_*.go files, one per question.
var questions = map[string]question{}

func register(q question) { questions[q.name] = q }

func askUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: styrgraf ask QUESTION [flags] [ARGS]\n\nquestions:")
	names := make([]string, 0, len(questions))
	for n := range questions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		q := questions[n]
		fmt.Fprintf(w, "  %-20s %s\n", strings.TrimSpace(n+" "+q.args), q.help)
	}
	fmt.Fprintln(w, "\nEvery question takes -at YYYY-MM-DD (default today) and -json; \"styrgraf ask QUESTION -h\" lists its flags.")
}

// ask runs one question against Neo4j and prints the answer as a table or JSON.
func ask(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		askUsage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	q, ok := questions[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "styrgraf ask: unknown question %q\n\n", args[0])
		askUsage(stderr)
		return errUsage
	}
	fs := flag.NewFlagSet("ask "+q.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	o := askOptions{At: today()}
	fs.Func("at", "answer as of this date, YYYY-MM-DD (default today)", dateFlag(&o.At))
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	if q.flags != nil {
		q.flags(fs, &o)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: styrgraf ask %s [flags] %s\n%s\n\nflags:\n", q.name, q.args, q.help)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	o.Args = fs.Args()
	db, err := neo4jdb.Open(cfg.Neo4j())
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	result, err := q.run(ctx, db, o)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(result)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	q.table(tw, result)
	return tw.Flush()
}

func dateFlag(d *graph.Date) func(string) error {
	return func(s string) error {
		v, err := graph.ParseDate(s)
		if err == nil {
			*d = v
		}
		return err
	}
}

// oneArg returns the single positional argument a question needs, or a usage error.
func oneArg(o askOptions, what string) (string, error) {
	if len(o.Args) != 1 {
		return "", graph.Errorf(graph.EINVALID, "give one %s", what)
	}
	return o.Args[0], nil
}

func organisationFlag(fs *flag.FlagSet, o *askOptions, required bool) {
	help := "organisation id"
	if !required {
		help += " (default: all)"
	}
	fs.StringVar(&o.Organisation, "organisation", "", help)
}

func requireOrganisation(o askOptions) error {
	if o.Organisation == "" {
		return graph.Errorf(graph.EINVALID, "-organisation is required")
	}
	return nil
}

// names joins refs' names for a table cell.
func names(refs []graph.Ref) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	if len(out) == 0 {
		return "–"
	}
	return strings.Join(out, ", ")
}

func cite(s graph.SourceRef) string {
	switch {
	case s.Document == "" && s.Illustrative:
		return "illustrative"
	case s.Document == "":
		return ""
	}
	title := s.DocumentTitle
	if title == "" {
		title = s.Document
	}
	if s.Section != "" {
		title += " " + s.Section
	}
	if s.Illustrative {
		title += " (illustrative)"
	}
	return title
}

// short keeps a table cell readable; JSON output has the whole text.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
