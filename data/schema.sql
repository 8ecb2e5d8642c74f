-- schema.sql — the balie database, as forward migrations.
-- Each block starting with a line "-- migration N" brings PRAGMA user_version from N-1 to N.
-- Blocks are applied in order, each in one transaction with the version bump, on open.
-- Never edit a released block: add a new one.
-- Times are UTC ISO-8601 text ("2026-11-22T18:05:00Z"), dates "YYYY-MM-DD".

-- migration 1
CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    given_names TEXT NOT NULL DEFAULT '',
    prefix      TEXT NOT NULL DEFAULT '',
    surname     TEXT NOT NULL CHECK (surname <> ''),
    born        TEXT NOT NULL DEFAULT '' CHECK (born = '' OR born GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at  TEXT NOT NULL
);

CREATE TABLE ban (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    kind            TEXT NOT NULL CHECK (kind IN ('building', 'phone', 'building+phone', 'service', 'warning')),
    reason          TEXT NOT NULL CHECK (reason IN ('verbal', 'threat', 'obstruction', 'attempt', 'physical', 'property', 'other')),
    starts          TEXT NOT NULL,
    ends            TEXT NOT NULL CHECK (ends >= starts),
    imposed_by      TEXT NOT NULL DEFAULT '',
    letter_sent     TEXT NOT NULL DEFAULT '',
    police_informed INTEGER NOT NULL DEFAULT 0 CHECK (police_informed IN (0, 1)),
    notes           TEXT NOT NULL DEFAULT '',
    lifted_at       TEXT NOT NULL DEFAULT '',
    lifted_by       TEXT NOT NULL DEFAULT '',
    lifted_reason   TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ban_person ON ban(person_id);
CREATE INDEX ban_ends ON ban(ends);

-- Which buildings a ban covers; no rows means every building.
CREATE TABLE ban_scope (
    ban_id   INTEGER NOT NULL REFERENCES ban(id) ON DELETE CASCADE,
    building TEXT NOT NULL,
    PRIMARY KEY (ban_id, building)
) WITHOUT ROWID;

CREATE TABLE appointment (
    id           INTEGER PRIMARY KEY,
    starts       TEXT NOT NULL,
    ends         TEXT NOT NULL CHECK (ends > starts),
    host         TEXT NOT NULL CHECK (host <> ''),
    visitor      TEXT NOT NULL CHECK (visitor <> ''),
    visitor_born TEXT NOT NULL DEFAULT '',
    room         TEXT NOT NULL DEFAULT '',
    risky        INTEGER NOT NULL DEFAULT 0 CHECK (risky IN (0, 1)),
    precautions  INTEGER NOT NULL DEFAULT 0,
    flagged_by   TEXT NOT NULL DEFAULT '',
    flagged_at   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointment_starts ON appointment(starts);

CREATE TABLE alarm (
    id          INTEGER PRIMARY KEY,
    location    TEXT NOT NULL CHECK (location <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('panic', 'robbery', 'test')),
    raised_at   TEXT NOT NULL,
    raised_by   TEXT NOT NULL,
    acked_at    TEXT NOT NULL DEFAULT '',
    acked_by    TEXT NOT NULL DEFAULT '',
    resolved_at TEXT NOT NULL DEFAULT '',
    resolved_by TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'resolved', 'false', 'test'))
);
CREATE INDEX alarm_open ON alarm(raised_at) WHERE outcome = 'open';

CREATE TABLE staff (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE CHECK (name <> ''),
    team  TEXT NOT NULL CHECK (team IN ('support', 'counter')),
    phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE presence (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    checked_in  TEXT NOT NULL,
    checked_out TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL
);
-- At most one open presence per person.
CREATE UNIQUE INDEX presence_open ON presence(staff_id) WHERE checked_out = '';

CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    terminal TEXT NOT NULL DEFAULT '',
    action   TEXT NOT NULL,
    object   TEXT NOT NULL DEFAULT '',
    result   TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT ''
);
-- The program never changes or removes audit lines.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- migration 2
-- The BRP keeps a married person's partner name apart; the visitor check needs both.
ALTER TABLE person ADD COLUMN partner_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN partner_surname TEXT NOT NULL DEFAULT '';

-- Who of the support team is scheduled for the evening opening of a date.
CREATE TABLE evening_roster (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    date     TEXT NOT NULL,
    PRIMARY KEY (staff_id, date)
) WITHOUT ROWID;
