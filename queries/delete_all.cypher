// Delete all: removes every node and relationship, in batches so that a large graph does not
// need one huge transaction. Constraints and indexes stay. Used to reset test databases.
// Must run as an auto-commit statement (CALL ... IN TRANSACTIONS).
// Parameters: none. Columns: none.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
