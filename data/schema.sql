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

-- migration 3
-- Bans as the policy defines them (issue 5): draft/active, the mandatory answers, the
-- offence number from the sanction table, a justification for going outside the table.
-- Bans that exist already were in force: they become 'active'.
ALTER TABLE ban ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active'));
ALTER TABLE ban ADD COLUMN until_conversation INTEGER NOT NULL DEFAULT 0 CHECK (until_conversation IN (0, 1));
ALTER TABLE ban ADD COLUMN enforcement TEXT NOT NULL DEFAULT '';
ALTER TABLE ban ADD COLUMN justification TEXT NOT NULL DEFAULT '';
-- All categories of a combination, comma-separated; reason holds the most serious one.
ALTER TABLE ban ADD COLUMN reasons TEXT NOT NULL DEFAULT '';
ALTER TABLE ban ADD COLUMN repeat_offence INTEGER NOT NULL DEFAULT 0 CHECK (repeat_offence IN (0, 1));

-- Every change of a ban as a new row: the ban as it was after the change, and why.
CREATE TABLE ban_history (
    id                 INTEGER PRIMARY KEY,
    ban_id             INTEGER NOT NULL REFERENCES ban(id),
    at                 TEXT NOT NULL,
    actor              TEXT NOT NULL,
    action             TEXT NOT NULL CHECK (action IN ('insert', 'import', 'update', 'activate', 'extend', 'lift', 'exception')),
    detail             TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL,
    kind               TEXT NOT NULL,
    reason             TEXT NOT NULL,
    starts             TEXT NOT NULL,
    ends               TEXT NOT NULL,
    scope              TEXT NOT NULL DEFAULT '',
    imposed_by         TEXT NOT NULL DEFAULT '',
    letter_sent        TEXT NOT NULL DEFAULT '',
    police_informed    INTEGER NOT NULL DEFAULT 0,
    enforcement        TEXT NOT NULL DEFAULT '',
    justification      TEXT NOT NULL DEFAULT '',
    until_conversation INTEGER NOT NULL DEFAULT 0,
    lifted_at          TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL
);
CREATE INDEX ban_history_ban ON ban_history(ban_id, id);
CREATE TRIGGER ban_history_no_update BEFORE UPDATE ON ban_history
BEGIN SELECT RAISE(ABORT, 'the ban history is append-only'); END;
CREATE TRIGGER ban_history_no_delete BEFORE DELETE ON ban_history
BEGIN SELECT RAISE(ABORT, 'the ban history is append-only'); END;
-- The existing bans start their history with how they were created.
INSERT INTO ban_history (ban_id, at, actor, action, detail, status, kind, reason, starts, ends,
        scope, imposed_by, letter_sent, police_informed, lifted_at, version)
    SELECT b.id, b.created_at, b.created_by, 'insert', 'before history was kept', 'active',
        b.kind, b.reason, b.starts, b.ends,
        coalesce((SELECT group_concat(sc.building, ',') FROM ban_scope sc WHERE sc.ban_id = b.id), ''),
        b.imposed_by, b.letter_sent, b.police_informed, b.lifted_at, b.version
    FROM ban b;

-- Exceptions during a ban: an authorised representative, or one appointment arranged by
-- phone first; valid from starts to ends (dates, inclusive).
CREATE TABLE ban_exception (
    id         INTEGER PRIMARY KEY,
    ban_id     INTEGER NOT NULL REFERENCES ban(id),
    kind       TEXT NOT NULL CHECK (kind IN ('representative', 'appointment')),
    starts     TEXT NOT NULL,
    ends       TEXT NOT NULL CHECK (ends >= starts),
    detail     TEXT NOT NULL CHECK (detail <> ''),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX ban_exception_ban ON ban_exception(ban_id, starts);

-- One-line notices for reception: a ban became active, was extended, lifted or ended.
CREATE TABLE ban_notice (
    id     INTEGER PRIMARY KEY,
    ban_id INTEGER NOT NULL REFERENCES ban(id),
    event  TEXT NOT NULL CHECK (event IN ('active', 'extended', 'lifted', 'ended')),
    at     TEXT NOT NULL
);
CREATE INDEX ban_notice_at ON ban_notice(at);
-- A ban ends only once: the daily sweep may run on every console.
CREATE UNIQUE INDEX ban_notice_ended ON ban_notice(ban_id) WHERE event = 'ended';
-- Which receptionist has seen which notice.
CREATE TABLE ban_notice_seen (
    notice_id INTEGER NOT NULL REFERENCES ban_notice(id),
    user      TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (notice_id, user)
) WITHOUT ROWID;

-- Issue 7 (roles, audit, retention): settings kept with the data — who created the
-- database (HR while the configuration maps nobody), the day of the last automatic purge,
-- the anchor of the audit chain.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
-- Audit lines are hash-chained: hash = SHA-256 over prev_hash and the line's fields, so an
-- edit or deletion made outside the program shows in `balie audit --verify`. Lines written
-- before this migration are not chained: the chain starts at audit.chain_from.
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
INSERT INTO meta (key, value) SELECT 'audit.chain_from', coalesce(max(id), 0) + 1 FROM audit;
CREATE INDEX audit_at ON audit(at);
-- Retention (balie purge) removes the oldest audit lines, only those below
-- audit.purge_below, which the purge sets and clears inside its own transaction.
DROP TRIGGER audit_no_delete;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
WHEN old.id >= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'audit.purge_below'), 0)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
-- The history of a ban goes with the ban when its retention period is over, and only then.
DROP TRIGGER ban_history_no_delete;
CREATE TRIGGER ban_history_no_delete BEFORE DELETE ON ban_history
WHEN coalesce((SELECT value FROM meta WHERE key = 'purge.running'), '') <> '1'
BEGIN SELECT RAISE(ABORT, 'the ban history is append-only'); END;

-- Staffing, home visits and risky appointments outside public hours (issue 6).
-- A manager's record that nobody of the support team is reachable for a period of a date
-- ("day", "evening" or the period's start "HH:MM"): reception was informed, aggression then
-- means calling the police at once. Withdrawn (not deleted) when someone turns up after all.
CREATE TABLE staffing_unreachable (
    id           INTEGER PRIMARY KEY,
    building     TEXT NOT NULL,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period       TEXT NOT NULL CHECK (period IN ('day', 'evening') OR period GLOB '[0-2][0-9]:[0-5][0-9]'),
    note         TEXT NOT NULL CHECK (note <> ''),
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    withdrawn_at TEXT NOT NULL DEFAULT '',
    withdrawn_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staffing_unreachable_date ON staffing_unreachable(building, date);

-- Who closed a forgotten presence, and why (a stale check-in is never closed silently).
ALTER TABLE presence ADD COLUMN checkout_by TEXT NOT NULL DEFAULT '';
ALTER TABLE presence ADD COLUMN checkout_note TEXT NOT NULL DEFAULT '';

-- The home-visit back-up board (achterwacht): who went where, until when, how to reach them.
CREATE TABLE home_visit (
    id            INTEGER PRIMARY KEY,
    employee      TEXT NOT NULL CHECK (employee <> ''),
    address       TEXT NOT NULL CHECK (address <> ''),
    client        TEXT NOT NULL CHECK (client <> ''),
    mobile        TEXT NOT NULL CHECK (mobile <> ''),
    leaves_at     TEXT NOT NULL,
    expected_back TEXT NOT NULL CHECK (expected_back > leaves_at),
    call_at       TEXT NOT NULL DEFAULT '' CHECK (call_at = '' OR (call_at > leaves_at AND call_at <= expected_back)),
    back_at       TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT NOT NULL,
    back_by       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX home_visit_open ON home_visit(expected_back) WHERE back_at = '';

-- A risky appointment outside public hours needs a manager's override with a reason.
ALTER TABLE appointment ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN override_by TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN override_at TEXT NOT NULL DEFAULT '';

-- migration 4
-- Alarm kinds: a fire alarm point besides panic, robbery and test. A CHECK cannot be
-- changed in place, so the table is rebuilt with every row and id kept.
CREATE TABLE alarm_new (
    id          INTEGER PRIMARY KEY,
    location    TEXT NOT NULL CHECK (location <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('panic', 'robbery', 'test', 'fire')),
    raised_at   TEXT NOT NULL,
    raised_by   TEXT NOT NULL,
    acked_at    TEXT NOT NULL DEFAULT '',
    acked_by    TEXT NOT NULL DEFAULT '',
    resolved_at TEXT NOT NULL DEFAULT '',
    resolved_by TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'resolved', 'false', 'test'))
);
INSERT INTO alarm_new (id, location, kind, raised_at, raised_by, acked_at, acked_by,
                       resolved_at, resolved_by, outcome)
    SELECT id, location, kind, raised_at, raised_by, acked_at, acked_by, resolved_at,
           resolved_by, outcome FROM alarm;
DROP TABLE alarm;
ALTER TABLE alarm_new RENAME TO alarm;
CREATE INDEX alarm_open ON alarm(raised_at) WHERE outcome = 'open';

-- The visitor check by date of birth alone.
CREATE INDEX person_born ON person(born);

-- migration 5
-- Issue 14: the visitor check pays for the query, not for the list. The name matcher's keys
-- (src/core/names_keys.c) are kept in indexed tables and written in the same transaction as
-- every change of a person (src/store/bans_keys.c); a check reads only the rows of the keys
-- it probes. The program fills these tables for the persons already there, in the
-- transaction of this migration, and makes them anew whenever the matcher's keys version
-- (meta 'names.keys') differs from its own.
-- A person under each phonetic key of its surnames, each row with the packed record the
-- scorer reads: the rows of one key lie together, so a check reads a few pages per key.
-- The keys go with their person (a trigger rather than a foreign key: an import writes a
-- million keys, and a parent lookup for each in random order costs a third of it).
CREATE TABLE name_key (
    key       TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX name_key_person ON name_key(person_id);
CREATE TRIGGER name_key_person_delete AFTER DELETE ON person
BEGIN DELETE FROM name_key WHERE person_id = old.id; END;
-- Everyone born on a day (an exact date of birth allows a looser surname) is found through
-- person_born (migration 4).
-- Every key under its variants (itself and its one-letter deletions): a probe with a letter
-- more, less or otherwise still meets it. Kept when the last person of a key goes.
CREATE TABLE name_variant (
    variant TEXT NOT NULL,
    key     TEXT NOT NULL,
    PRIMARY KEY (variant, key)
) WITHOUT ROWID;
-- Folded surname cores with their key: a name still being typed is found by its beginning.
CREATE TABLE name_core (
    core TEXT NOT NULL,
    key  TEXT NOT NULL,
    PRIMARY KEY (core, key)
) WITHOUT ROWID;

-- What changed, per domain (bans, alarms, appointments, ...), for a console that works on
-- the file directly: triggers bump the domain's counter in the transaction of every write.
-- The program installs those triggers from its list of domains (src/store/changes.c), so
-- that a new domain is one line there.
CREATE TABLE change_counter (
    domain TEXT PRIMARY KEY,
    n      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Live bans (active, not lifted) counted per day they end (side 0) and per day they start
-- (side 1): the number in force on a day is two sums over days, whatever the list's size.
CREATE TABLE ban_live_day (
    side INTEGER NOT NULL CHECK (side IN (0, 1)),
    day  TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (side, day)
) WITHOUT ROWID;
INSERT INTO ban_live_day (side, day, n)
    SELECT 0, ends, count(*) FROM ban WHERE status = 'active' AND lifted_at = '' GROUP BY ends;
INSERT INTO ban_live_day (side, day, n)
    SELECT 1, starts, count(*) FROM ban WHERE status = 'active' AND lifted_at = '' GROUP BY starts;
-- SQLite has no procedures and a trigger answers one event, so the bodies repeat: an insert
-- and the new side of an update add a live ban's two days, a delete and the old side of an
-- update take them off. A view with an INSTEAD OF trigger could hold each body once, at the
-- cost of one more nested trigger program per written ban (what the bulk import in
-- src/store/bans_import.c avoids by setting ban_live_insert aside by name).
CREATE TRIGGER ban_live_insert AFTER INSERT ON ban
WHEN new.status = 'active' AND new.lifted_at = ''
BEGIN
    INSERT INTO ban_live_day (side, day, n) VALUES (0, new.ends, 1)
        ON CONFLICT (side, day) DO UPDATE SET n = n + 1;
    INSERT INTO ban_live_day (side, day, n) VALUES (1, new.starts, 1)
        ON CONFLICT (side, day) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ban_live_delete AFTER DELETE ON ban
WHEN old.status = 'active' AND old.lifted_at = ''
BEGIN
    UPDATE ban_live_day SET n = n - 1 WHERE side = 0 AND day = old.ends;
    UPDATE ban_live_day SET n = n - 1 WHERE side = 1 AND day = old.starts;
END;
CREATE TRIGGER ban_live_update_old AFTER UPDATE OF status, lifted_at, starts, ends ON ban
WHEN old.status = 'active' AND old.lifted_at = ''
BEGIN
    UPDATE ban_live_day SET n = n - 1 WHERE side = 0 AND day = old.ends;
    UPDATE ban_live_day SET n = n - 1 WHERE side = 1 AND day = old.starts;
END;
CREATE TRIGGER ban_live_update_new AFTER UPDATE OF status, lifted_at, starts, ends ON ban
WHEN new.status = 'active' AND new.lifted_at = ''
BEGIN
    INSERT INTO ban_live_day (side, day, n) VALUES (0, new.ends, 1)
        ON CONFLICT (side, day) DO UPDATE SET n = n + 1;
    INSERT INTO ban_live_day (side, day, n) VALUES (1, new.starts, 1)
        ON CONFLICT (side, day) DO UPDATE SET n = n + 1;
END;
-- Drafts are few: counted and listed through their own index.
CREATE INDEX ban_draft ON ban(ends) WHERE status = 'draft';
-- The daily purge finds the bans past their retention period by their end date (ban_ends)
-- or the day they were lifted (this index), not by reading every ban.
CREATE INDEX ban_lifted ON ban(lifted_at) WHERE lifted_at <> '';

-- migration 6
-- Alarms raised while the database could not be written (damaged, read-only, disk full)
-- wait in the alarm journal next to it (src/store/journal.c); moving them in keeps each
-- record's id here, so a journal read twice adds nothing twice.
ALTER TABLE alarm ADD COLUMN journal_uid TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX alarm_journal_uid ON alarm(journal_uid) WHERE journal_uid <> '';

-- migration 7
-- Incidents (issue 13): registration by any operator, completion by a manager or HR, the
-- follow-up steps marked done, tallies of small misbehaviour, and what repeat-offence
-- counting keeps (pseudonymised) after the retention purge.
CREATE TABLE incident (
    id                INTEGER PRIMARY KEY,
    at                TEXT NOT NULL,
    category          TEXT NOT NULL CHECK (category IN ('verbal', 'discrimination', 'sexual', 'threat', 'obstruction', 'property', 'attempt', 'physical', 'robbery', 'other')),
    channel           TEXT NOT NULL CHECK (channel IN ('counter', 'phone', 'outside', 'home-visit', 'written', 'online')),
    place             TEXT NOT NULL CHECK (place <> ''),
    employee          TEXT NOT NULL DEFAULT '',
    -- The perpetrator as written, and read as given names, tussenvoegsel and surname.
    perpetrator       TEXT NOT NULL DEFAULT '',
    perp_given        TEXT NOT NULL DEFAULT '',
    perp_prefix       TEXT NOT NULL DEFAULT '',
    perp_surname      TEXT NOT NULL DEFAULT '',
    perp_born         TEXT NOT NULL DEFAULT '' CHECK (perp_born = '' OR perp_born GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    perp_address      TEXT NOT NULL DEFAULT '',
    perp_phone        TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    witnesses         TEXT NOT NULL DEFAULT '',
    injury            TEXT NOT NULL DEFAULT 'none' CHECK (injury IN ('none', 'light', 'serious')),
    damage_personal   INTEGER NOT NULL DEFAULT 0 CHECK (damage_personal >= 0),   -- euro cents
    damage_municipal  INTEGER NOT NULL DEFAULT 0 CHECK (damage_municipal >= 0),
    risk_assessed     TEXT NOT NULL DEFAULT '' CHECK (risk_assessed IN ('', 'no', 'yes')),
    measures          TEXT NOT NULL DEFAULT '',
    police            TEXT NOT NULL DEFAULT 'none' CHECK (police IN ('none', 'informed', 'report')),
    police_date       TEXT NOT NULL DEFAULT '',
    police_number     TEXT NOT NULL DEFAULT '',
    aftercare         TEXT NOT NULL DEFAULT '' CHECK (aftercare IN ('', 'no', 'yes')),
    conversation_date TEXT NOT NULL DEFAULT '',
    minutes_sent      TEXT NOT NULL DEFAULT '',
    preventable       TEXT NOT NULL DEFAULT '' CHECK (preventable IN ('', 'no', 'yes')),
    prevention        TEXT NOT NULL DEFAULT '',
    discussed         TEXT NOT NULL DEFAULT '' CHECK (discussed IN ('', 'no', 'yes')),
    alarm_id          INTEGER NOT NULL DEFAULT 0,   -- not a foreign key: alarms are purged sooner
    completed_at      TEXT NOT NULL DEFAULT '',
    completed_by      TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    -- Set by the retention purge, which erases the perpetrator: keyed hashes of the name
    -- (with the date of birth, with the first initial) for repeat-offence counting.
    pseudonymised_at  TEXT NOT NULL DEFAULT '',
    h_name            TEXT NOT NULL DEFAULT '',
    h_born            TEXT NOT NULL DEFAULT '',
    h_initial         TEXT NOT NULL DEFAULT '',
    -- A police report is its own state: with its date and number.
    CHECK (police <> 'report' OR (police_date <> '' AND police_number <> ''))
);
CREATE INDEX incident_at ON incident(at);
CREATE INDEX incident_perp ON incident(perp_surname COLLATE NOCASE) WHERE perp_surname <> '';

-- A follow-up step marked done (the steps themselves follow from the incident and the
-- configuration: core/incidents.c).
CREATE TABLE incident_done (
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    item        TEXT NOT NULL CHECK (item <> ''),
    done_at     TEXT NOT NULL,
    done_by     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (incident_id, item)
) WITHOUT ROWID;

-- A tally mark: small misbehaviour that does not warrant a full report, counted only.
CREATE TABLE incident_tally (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('verbal', 'discrimination', 'sexual', 'threat', 'obstruction', 'property', 'attempt', 'physical', 'robbery', 'other')),
    channel     TEXT NOT NULL CHECK (channel IN ('counter', 'phone', 'outside', 'home-visit', 'written', 'online')),
    place       TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL
);
CREATE INDEX incident_tally_at ON incident_tally(at);

-- The trace a purged ban leaves for repeat-offence counting: its category, its start and
-- the keyed hashes of its person; removed after retention.offences_months.
CREATE TABLE offence (
    id        INTEGER PRIMARY KEY,
    reason    TEXT NOT NULL,
    date      TEXT NOT NULL,
    h_name    TEXT NOT NULL CHECK (h_name <> ''),
    h_born    TEXT NOT NULL DEFAULT '',
    h_initial TEXT NOT NULL DEFAULT '',
    kept_at   TEXT NOT NULL
);
CREATE INDEX offence_name ON offence(h_name);

-- A ban answers to an incident; the letter names the date of the event and the address.
ALTER TABLE ban ADD COLUMN incident_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ban ADD COLUMN event_date TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN address TEXT NOT NULL DEFAULT '';
-- A ban taken over from a register kept elsewhere (ban import): where from and when, and
-- who reviewed it against the sanction table.
ALTER TABLE ban ADD COLUMN takeover_source TEXT NOT NULL DEFAULT '';
ALTER TABLE ban ADD COLUMN takeover_date TEXT NOT NULL DEFAULT '';
ALTER TABLE ban ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE ban ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';

-- A false alarm is cancelled at the alarm centre within 5 minutes (Veghel annex 10).
ALTER TABLE alarm ADD COLUMN cancelled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE alarm ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT '';

-- Home visits: the risk assessed beforehand, the colleague who goes along, a ban hit.
ALTER TABLE home_visit ADD COLUMN risk TEXT NOT NULL DEFAULT '' CHECK (risk IN ('', 'normal', 'raised'));
ALTER TABLE home_visit ADD COLUMN companion TEXT NOT NULL DEFAULT '';
ALTER TABLE home_visit ADD COLUMN ban_id INTEGER NOT NULL DEFAULT 0;

-- Any operator may tell reception about an expected difficult visitor.
ALTER TABLE appointment ADD COLUMN note TEXT NOT NULL DEFAULT '';
