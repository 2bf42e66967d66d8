package main

import (
	"flag"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/styrgraf/styrgraf/api/auth"
	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/governance"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
)

// Config is everything styrgraf serve needs to know. Defaults come from the environment.
type Config struct {
	Addr          string
	Neo4jURI      string
	Neo4jUser     string
	Neo4jPassword string
	Neo4jDatabase string
	// Import lists dataset files or directories that serve imports once Neo4j is reachable.
	Import []string
	// Tokens are "ROLE NAME TOKEN" lines (STYRGRAF_TOKENS, ';'-separated, and a file named
	// by STYRGRAF_TOKENS_FILE).
	Tokens     string
	TokensFile string
	// Demo lets reads through without a token (make run).
	Demo bool
	// GaugeInterval is how often the governance gauges are recomputed (also after imports).
	GaugeInterval time.Duration
	// QueryTimeout bounds every question's Neo4j transaction, so that no request hangs when
	// Neo4j stops answering.
	QueryTimeout time.Duration
	// ShutdownGrace is how long, on SIGTERM, styrgraf answers new requests 503 before it
	// stops listening, so that a load balancer notices and sends them elsewhere
	// (STYRGRAF_SHUTDOWN_GRACE; default 2 s).
	ShutdownGrace time.Duration
}

// DefaultConfig reads the environment, falling back to defaults that work with `make run`.
func DefaultConfig() Config {
	return Config{
		Addr:          envOr("STYRGRAF_ADDR", ":8080"),
		Neo4jURI:      envOr("NEO4J_URI", "neo4j://127.0.0.1:7687"),
		Neo4jUser:     envOr("NEO4J_USER", "neo4j"),
		Neo4jPassword: os.Getenv("NEO4J_PASSWORD"),
		Neo4jDatabase: envOr("NEO4J_DATABASE", "neo4j"),
		Import:        splitList(os.Getenv("STYRGRAF_IMPORT")),
		Tokens:        os.Getenv("STYRGRAF_TOKENS"),
		TokensFile:    os.Getenv("STYRGRAF_TOKENS_FILE"),
		Demo:          os.Getenv("STYRGRAF_DEMO") == "true",
		GaugeInterval: durationEnv("STYRGRAF_GAUGE_INTERVAL", governance.DefaultGaugeInterval),
		QueryTimeout:  durationEnv("STYRGRAF_QUERY_TIMEOUT", neo4jdb.DefaultQueryTimeout),
		ShutdownGrace: durationEnv("STYRGRAF_SHUTDOWN_GRACE", 2*time.Second),
	}
}

func durationEnv(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(key)); err == nil && d > 0 {
		return d
	}
	return def
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// RegisterFlags lets flags override the environment.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "HTTP listen address (env STYRGRAF_ADDR)")
	fs.Func("import", "dataset file or directory to import at start-up; repeatable (env STYRGRAF_IMPORT, comma-separated)", func(v string) error {
		c.Import = append(c.Import, v)
		return nil
	})
	fs.StringVar(&c.TokensFile, "tokens-file", c.TokensFile, "file of \"ROLE NAME TOKEN\" lines (env STYRGRAF_TOKENS_FILE; also STYRGRAF_TOKENS)")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "local demo mode: reads need no token (env STYRGRAF_DEMO=true)")
	fs.DurationVar(&c.GaugeInterval, "gauge-interval", c.GaugeInterval, "how often to recompute the governance gauges (env STYRGRAF_GAUGE_INTERVAL)")
	fs.DurationVar(&c.QueryTimeout, "query-timeout", c.QueryTimeout, "how long a question may wait for Neo4j before answering 503 (env STYRGRAF_QUERY_TIMEOUT)")
	fs.DurationVar(&c.ShutdownGrace, "shutdown-grace", c.ShutdownGrace, "on SIGTERM, how long new requests answer 503 before styrgraf stops listening (env STYRGRAF_SHUTDOWN_GRACE)")
	c.RegisterNeo4jFlags(fs)
}

// LoadTokens reads the configured tokens: STYRGRAF_TOKENS, where ';' separates lines, and
// the tokens file. An error names where the bad line is and its number there.
func (c Config) LoadTokens() (auth.Tokens, error) {
	tokens, err := auth.ParseTokens(strings.ReplaceAll(c.Tokens, ";", "\n"))
	if err != nil {
		return auth.Tokens{}, graph.Errorf(graph.EINVALID, "STYRGRAF_TOKENS, %s", graph.ErrorMessage(err))
	}
	if c.TokensFile == "" {
		return tokens, nil
	}
	b, err := os.ReadFile(c.TokensFile)
	if err != nil {
		return auth.Tokens{}, graph.Errorf(graph.EINVALID, "tokens file: %v", err)
	}
	fromFile, err := auth.ParseTokens(string(b))
	if err != nil {
		return auth.Tokens{}, graph.Errorf(graph.EINVALID, "tokens file %s, %s", c.TokensFile, graph.ErrorMessage(err))
	}
	if tokens, err = tokens.Join(fromFile); err != nil {
		return auth.Tokens{}, graph.Errorf(graph.EINVALID, "tokens file %s: a token is also in STYRGRAF_TOKENS", c.TokensFile)
	}
	return tokens, nil
}

// RegisterNeo4jFlags registers the flags that say where Neo4j is.
func (c *Config) RegisterNeo4jFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Neo4jURI, "neo4j-uri", c.Neo4jURI, "Neo4j URI: bolt://, neo4j:// (routing, clusters, Aura), +s for TLS (env NEO4J_URI)")
	fs.StringVar(&c.Neo4jUser, "neo4j-user", c.Neo4jUser, "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.Neo4jDatabase, "neo4j-database", c.Neo4jDatabase, "Neo4j database (env NEO4J_DATABASE)")
	// No flag for the password: flags show up in process listings. Use NEO4J_PASSWORD.
}

// Neo4j is the part of the configuration package neo4jdb needs.
func (c Config) Neo4j() neo4jdb.Config {
	return neo4jdb.Config{URI: c.Neo4jURI, User: c.Neo4jUser, Password: c.Neo4jPassword, Database: c.Neo4jDatabase,
		QueryTimeout: c.QueryTimeout}
}

// LogValue prints the configuration without secrets.
func (c Config) LogValue() slog.Value {
	password := "unset (no authentication)"
	if c.Neo4jPassword != "" {
		password = "set"
	}
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("neo4j_uri", c.Neo4jURI),
		slog.String("neo4j_user", c.Neo4jUser),
		slog.String("neo4j_password", password),
		slog.String("neo4j_database", c.Neo4jDatabase),
		slog.String("import", strings.Join(c.Import, ",")),
		slog.Bool("demo", c.Demo),
		slog.Duration("gauge_interval", c.GaugeInterval),
		slog.Duration("query_timeout", c.QueryTimeout),
	)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
