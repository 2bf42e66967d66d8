package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
	MinBasis     string
	ICS          bool // print the answer as iCalendar (questions with an ics writer)
	Args         []string
}

// question is one of the questions styrgraf answers, as the command line asks it: its
// flags, and how it asks the service and prints the answer (see spec).
type question struct {
	name  string
	args  string // positional arguments, for usage
	help  string
	flags func(fs *flag.FlagSet, o *askOptions)
	ask   func(ctx context.Context, svc graph.Service, o askOptions) (answer any, table func(io.Writer), err error)
}

// spec declares a question with the answer's own type, so that printing needs no type
// assertions; question() turns it into an entry of the questions table.
type spec[T any] struct {
	name, args, help string
	flags            func(fs *flag.FlagSet, o *askOptions)
	run              func(ctx context.Context, svc graph.Service, o askOptions) (T, error)
	table            func(w io.Writer, answer T)
	ics              func(answer T) []byte // optional: the answer as iCalendar, for -ics
}

func (s spec[T]) question() question {
	return question{name: s.name, args: s.args, help: s.help, flags: s.flags,
		ask: func(ctx context.Context, svc graph.Service, o askOptions) (any, func(io.Writer), error) {
			a, err := s.run(ctx, svc, o)
			if o.ICS && s.ics != nil {
				return a, func(w io.Writer) { w.Write(s.ics(a)) }, err
			}
			return a, func(w io.Writer) { s.table(w, a) }, err
		}}
}

func findQuestion(name string) (question, bool) {
	for _, q := range questions {
		if q.name == name {
			return q, true
		}
	}
	return question{}, false
}

func askUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: styrgraf ask QUESTION [flags] [ARGS]\n\nquestions:")
	for _, q := range questions {
		fmt.Fprintf(w, "  %-20s %s\n", strings.TrimSpace(q.name+" "+q.args), q.help)
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
	q, ok := findQuestion(args[0])
	if !ok {
		fmt.Fprintf(stderr, "styrgraf ask: unknown question %q\n\n", args[0])
		askUsage(stderr)
		return errUsage
	}
	fs := flag.NewFlagSet("ask "+q.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	o := askOptions{At: graph.Today()}
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
	result, table, err := q.ask(ctx, db, o)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(result)
	}
	if o.ICS {
		table(stdout) // not through the tabwriter: iCalendar's lines are exact
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	table(tw)
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

func basisFlag(fs *flag.FlagSet, o *askOptions) {
	fs.StringVar(&o.MinBasis, "basis", "", "only facts of at least this basis: stated (what the documents say), inferred or illustrative (default: all)")
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
	case s.Document == "" && s.Basis != "":
		return s.Basis
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
	if s.Basis != "" {
		title += " (" + s.Basis + ")"
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
