package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// osUser is who runs this process, for the audit trail of imports from the command line
// and at start-up: the account's name, $USER where the account has none (a container's
// numeric user), or "" when neither says.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// auditCmd lists the audit trail, newest first.
func auditCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterNeo4jFlags(fs)
	limit := fs.Int("limit", 20, fmt.Sprintf("how many entries, newest first (1–%d)", graph.MaxLimit))
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	verbose := fs.Bool("verbose", false, "list the ids each import added, changed and removed")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: styrgraf audit [flags]   (every import that changed the graph: who, when, what)")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return graph.Errorf(graph.EINVALID, "audit takes no arguments, got %q", fs.Arg(0))
	}
	if *limit == 0 {
		return graph.LimitError(0) // in Go 0 means the default; typed, it is a mistake
	}
	db, err := neo4jdb.Open(cfg.Neo4j())
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	l, err := db.AuditEntries(ctx, graph.AuditQuery{Page: graph.Page{Limit: *limit}})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	}
	printAudit(stdout, l, *verbose)
	return nil
}

func printAudit(w io.Writer, l graph.List[graph.AuditEntry], verbose bool) {
	if l.Total == 0 {
		fmt.Fprintln(w, "no import has changed the graph yet")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN (UTC)\tWHO\tVIA\tDATASETS\tITEMS +/~/-\tRELATIONSHIPS +/~/-")
	for _, e := range l.Items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d/%d/%d\t%d/%d/%d\n", e.At.UTC().Format("2006-01-02 15:04:05"), e.By.Name, e.By.Via,
			strings.Join(e.Datasets, ", "), e.Nodes.Added, e.Nodes.Changed, e.Nodes.Removed, e.Rels.Added, e.Rels.Changed, e.Rels.Removed)
		if !verbose {
			continue
		}
		for _, c := range []graph.AuditChanges{e.Nodes, e.Rels} {
			for _, list := range []struct {
				sign string
				ids  []string
			}{{"+", c.IDs.Added}, {"~", c.IDs.Changed}, {"-", c.IDs.Removed}} {
				for _, id := range list.ids {
					fmt.Fprintf(tw, "    %s %s\n", list.sign, id)
				}
			}
		}
		if e.IDsOmitted > 0 {
			fmt.Fprintf(tw, "    … and %d more ids, left out of the entry (at most %d a list are kept)\n", e.IDsOmitted, graph.MaxAuditIDs)
		}
	}
	tw.Flush()
	if len(l.Items) < l.Total {
		fmt.Fprintf(w, "%d of %d entries; -limit shows more\n", len(l.Items), l.Total)
	}
}
