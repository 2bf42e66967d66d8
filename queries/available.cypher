// Available: the database answers a statement, not only the Bolt handshake (a Neo4j that is
// still recovering after a crash accepts connections but runs nothing). Run within a
// question's deadline before work that may take long, such as an import.
// Index: none (no data is read). Parameters: none. Columns: ok (integer 1).
RETURN 1 AS ok
