package api

// diagramRoutes lists the diagram endpoints (organ, escalation, organisation × svg, png, dot).
func (s *Server) diagramRoutes() []route { return nil }
