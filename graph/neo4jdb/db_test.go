package neo4jdb_test

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
	"github.com/styrgraf/styrgraf/queries"
)

func TestReadyAfterSchema(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	ctx := context.Background()
	if err := db.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if err := db.Ready(ctx); err != nil {
		t.Fatalf("Ready after ApplySchema: %v", err)
	}
	// Applying the schema again changes nothing and stays ready.
	if err := db.ApplySchema(ctx); err != nil {
		t.Fatalf("second ApplySchema: %v", err)
	}
	if err := db.Ready(ctx); err != nil {
		t.Fatalf("Ready after second ApplySchema: %v", err)
	}
}

func TestNotReadyWhenSchemaMissing(t *testing.T) {
	db := neo4jdbtest.MustOpen(t)
	ctx := context.Background()
	drv := rawDriver(t)
	name := queries.SchemaNames()[len(queries.SchemaNames())-1]
	if _, err := neo4j.ExecuteQuery(ctx, drv, "DROP INDEX "+name, nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatalf("dropping %s: %v", name, err)
	}
	err := db.Ready(ctx)
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Ready without %s = %v, want EUNAVAILABLE", name, err)
	}
	if err := db.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Ready(ctx); err != nil {
		t.Fatalf("Ready after re-applying schema: %v", err)
	}
}

func TestWrongPasswordIsUnavailable(t *testing.T) {
	cfg := neo4jdbtest.Config(t)
	if cfg.Password == "" {
		t.Skip("test server runs without authentication")
	}
	cfg.Password = "wrong-" + cfg.Password
	db, err := neo4jdb.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(context.Background())
	err = db.Ping(context.Background())
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Ping with a wrong password = %v, want EUNAVAILABLE", err)
	}
}

func TestBadURIIsInvalid(t *testing.T) {
	_, err := neo4jdb.Open(neo4jdb.Config{URI: "http://localhost:7474"})
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Fatalf("Open(http://...) = %v, want EINVALID", err)
	}
}

func rawDriver(t *testing.T) neo4j.DriverWithContext {
	cfg := neo4jdbtest.Config(t)
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drv.Close(context.Background()) })
	return drv
}
