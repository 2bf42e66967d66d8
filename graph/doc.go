// Package graph holds styrgraf's domain: the governance graph of Swedish regions and
// municipalities (organs, seats, people, mandates and the relations between them) and the
// errors every other package speaks. It knows nothing of HTTP or of the database driver;
// the Neo4j implementation is in graph/neo4jdb.
package graph
