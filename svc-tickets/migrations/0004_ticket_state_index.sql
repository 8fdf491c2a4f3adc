-- Open tickets by state and priority without reading every ticket: the
-- gauges (huinong_tickets_open, read every scrape) and the open-only lists
-- count and filter by state, which 0001 left unindexed.
ALTER TABLE tickets ADD KEY IF NOT EXISTS tickets_state (state, priority);
