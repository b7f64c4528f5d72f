-- music-sef hub database, schema version 2 (PRAGMA user_version = 2): the hub's desk.
-- Review states, decisions with their agreed priorities, the feedback sent back and the
-- reflections received, each naming its submission by submissions.sha256 (the stable id).
-- Nothing is ever updated in place: every change is a new row, so the history stays.

-- Each change of a submission's review state, with who made it, when, and why.
CREATE TABLE review_events (
    id            INTEGER PRIMARY KEY,
    submission    TEXT NOT NULL REFERENCES submissions (sha256),
    state         TEXT NOT NULL CHECK (state IN ('received', 'in_review', 'follow_up', 'decided')),
    note          TEXT,
    officer       TEXT,
    at            TEXT NOT NULL
);
CREATE INDEX review_events_by_submission ON review_events (submission, id);

-- Each decision taken on a submission; a later one replaces it (replaced_by) but both stay.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    submission    TEXT NOT NULL REFERENCES submissions (sha256),
    recommended   INTEGER NOT NULL CHECK (recommended IN (0, 1)),  -- for the Music Mark of Recognition
    certificate   TEXT CHECK (certificate IN ('dedication-improvement', 'ambition-quality')),
    award         TEXT CHECK (award IN ('working-towards-bronze', 'bronze', 'silver', 'gold')),
    officer       TEXT NOT NULL,
    decided_at    TEXT NOT NULL,
    replaced_by   INTEGER REFERENCES decisions (id)                -- NULL: the current decision
);
CREATE INDEX decisions_by_submission ON decisions (submission, replaced_by);

-- The priorities agreed in a decision (one to three), in order.
CREATE TABLE priorities (
    decision_id   INTEGER NOT NULL REFERENCES decisions (id),
    n             INTEGER NOT NULL CHECK (n BETWEEN 1 AND 3),
    text          TEXT NOT NULL,
    actions       TEXT NOT NULL,
    support       TEXT NOT NULL,
    review_date   TEXT NOT NULL,                                   -- 'YYYY-MM-DD'
    PRIMARY KEY (decision_id, n)
) WITHOUT ROWID;

-- Each feedback bundle written: the feedback.json's id and where it went.
CREATE TABLE feedback_sent (
    id            TEXT PRIMARY KEY,                                -- SHA-256 of feedback.json with keys sorted
    decision_id   INTEGER NOT NULL REFERENCES decisions (id),
    folder        TEXT NOT NULL,
    written_at    TEXT NOT NULL,
    sent_to       TEXT                                             -- the school's contact address, when known
) WITHOUT ROWID;

-- The files of each feedback bundle, with their SHA-256.
CREATE TABLE feedback_files (
    feedback_id   TEXT NOT NULL REFERENCES feedback_sent (id),
    name          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    PRIMARY KEY (feedback_id, name)
) WITHOUT ROWID;

-- A reflection received: a submission that looks back on the priorities of a decision.
CREATE TABLE reflections (
    submission    TEXT PRIMARY KEY REFERENCES submissions (sha256), -- the reflection itself
    answers       TEXT NOT NULL,                                    -- the submission the priorities were agreed on
    decision_id   INTEGER REFERENCES decisions (id),                -- NULL: that decision is not held here
    received_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX reflections_by_answers ON reflections (answers);
