// Command styrgraf maps and questions how Swedish regions and municipalities are governed.
//
//	styrgraf serve         serve the HTTP API (see README.md)
//	styrgraf validate PATH...  check dataset files, reporting every problem
//	styrgraf import PATH...    validate, then apply dataset files to Neo4j in one transaction
//	                           (-per-dataset: one transaction per file, for a whole country)
//	styrgraf export        write the graph, or one organisation, as Popolo or W3C ORG, or its seat lists as XLSX
//	styrgraf audit         list the audit trail: every import that changed the graph
//	styrgraf ask QUESTION ...  answer a question from the command line (table or JSON)
//	styrgraf generate -out DIR  write made-up dataset files at any scale (source: generated)
//	styrgraf schema        print the JSON Schema of dataset files
//	styrgraf healthcheck   exit 0 if a running styrgraf is ready (for container health checks)
//
// Configuration comes from flags, with defaults from environment variables.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: styrgraf <command> [flags]

commands:
  serve        serve the HTTP API on STYRGRAF_ADDR (default :8080)
  validate     check dataset files (YAML, XLSX, CSV) and report every problem as file:line:col
  import       validate dataset files, then apply them to Neo4j in one transaction (or one per file)
  export       write the graph or one organisation as Popolo JSON or W3C ORG, or XLSX seat lists (-format)
  audit        list the audit trail: who changed the graph, when, and what
  ask          answer a question (who-decides, escalation, …) as a table or JSON
  diagram      draw an organ, an organisation or an escalation chain to SVG, PNG or DOT
  generate     write made-up dataset files of the real regions and kommuner (tests, benchmarks)
  bench        generate, import and serve a country (or part), and measure it (see BENCHMARKS.md)
  schema       print the JSON Schema of dataset files
  healthcheck  exit 0 if the styrgraf at -url is ready, 1 if not (for containers)

Run "styrgraf <command> -h" for a command's flags.
`

// run dispatches a subcommand and returns the process exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	var err error
	switch args[0] {
	case "serve":
		err = serve(ctx, args[1:], logger, stderr)
	case "validate":
		err = validate(ctx, args[1:], stdout, stderr)
	case "import":
		err = importCmd(ctx, args[1:], stdout, stderr)
	case "export":
		err = exportCmd(ctx, args[1:], stdout, stderr)
	case "audit":
		err = auditCmd(ctx, args[1:], stdout, stderr)
	case "ask":
		err = ask(ctx, args[1:], stdout, stderr)
	case "diagram":
		err = diagramCmd(ctx, args[1:], stdout, stderr)
	case "generate":
		err = generateCmd(ctx, args[1:], stdout, stderr)
	case "bench":
		err = benchCmd(ctx, args[1:], stdout, stderr)
	case "schema":
		_, err = stdout.Write(dataset.SchemaJSON)
	case "healthcheck":
		err = healthcheck(ctx, args[1:], stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "styrgraf: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return exitStatus(err, stderr)
}

// exitStatus prints err for a person and picks the exit status: 2 for usage errors, 1 else.
func exitStatus(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, context.Canceled):
		// Ctrl-C or SIGTERM: the user's doing, not a bug; what was being done (for a long
		// import, how far it got) is in the error.
		fmt.Fprintf(stderr, "styrgraf: interrupted: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "styrgraf: %s\n", graph.ErrorMessage(err))
	if graph.ErrorCode(err) == graph.EINTERNAL {
		fmt.Fprintf(stderr, "  cause: %v\n", err)
	}
	return 1
}

// errUsage marks an error the flag package has already explained.
var errUsage = errors.New("usage")

// parseFlags parses a subcommand's flags; -h is not an error, other mistakes are usage
// errors the flag package has already printed.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return errUsage
}

func serve(ctx context.Context, args []string, logger *slog.Logger, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := DefaultConfig()
	cfg.RegisterFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	m := NewMain(cfg, logger)
	if err := m.Run(ctx); err != nil {
		return err
	}
	logger.Info("styrgraf listening", "addr", m.Addr())
	<-ctx.Done()
	logger.Info("shutting down")
	return m.Close()
}
