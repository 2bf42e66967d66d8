package governance

// Snapshot returns the last computed health, by organisation.
func (g *Governance) Snapshot() []OrganisationHealth {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return append([]OrganisationHealth(nil), g.snapshot...)
}
