-- The audit log's hash chain (ARCHITECTURE.md, "Audit chain").
--
-- Each audit_log row is linked by one audit_chain row with the same id: prev_hash is the link of
-- the row before (64 zeros for the first), hash = SHA-256 of prev_hash and the row's content
-- (shared::audit::link_hash). SQLite has no SHA-256, so the Worker computes the links; these
-- triggers make the database itself keep the chain linear and the log append-only against every
-- statement the edge can issue: UPDATE, DELETE, and INSERT OR REPLACE / upserts (a REPLACE deletes
-- the old row without firing DELETE triggers, so a BEFORE INSERT trigger refuses any insert that
-- names an existing or earlier id).

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND NEW.id > 0
     AND NEW.id <= (SELECT COALESCE(MAX(id), 0) FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TABLE audit_chain (
    id        INTEGER PRIMARY KEY REFERENCES audit_log (id),
    prev_hash TEXT NOT NULL,                     -- hex SHA-256 of the link before
    hash      TEXT NOT NULL                      -- hex SHA-256 of prev_hash and this row's content
);

-- A link is appended only for the next unlinked row, on top of the last link: no fork, no gap.
CREATE TRIGGER audit_chain_linear BEFORE INSERT ON audit_chain
WHEN NEW.id IS NOT (SELECT MIN(id) FROM audit_log
                    WHERE id > (SELECT COALESCE(MAX(id), 0) FROM audit_chain))
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_chain ORDER BY id DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'audit chain is append-only and linear'); END;
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain BEGIN SELECT RAISE(ABORT, 'audit chain is append-only'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN SELECT RAISE(ABORT, 'audit chain is append-only'); END;

-- The audit viewer filters by staff member and by application, newest first.
CREATE INDEX audit_by_staff ON audit_log (staff_id, id);
CREATE INDEX audit_by_action ON audit_log (action, id);
