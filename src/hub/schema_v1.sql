-- music-sef hub database, schema version 1 (PRAGMA user_version = 1).
-- Every table is documented in docs/hub.md. Dates and times are ISO 8601 text (UTC).

-- The schools the hub expects to hear from, replaced as a whole by `hub expect`.
CREATE TABLE expected_schools (
    urn             INTEGER PRIMARY KEY,   -- six-digit DfE URN
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,         -- the name folded for matching (lower case, letters and digits)
    phase           TEXT,
    local_authority TEXT,
    source_file     TEXT NOT NULL,         -- the CSV it came from
    loaded_at       TEXT NOT NULL
);
CREATE INDEX expected_schools_by_name ON expected_schools (name_key);

-- One row per distinct submission taken in (the same submission.json twice is one row).
CREATE TABLE submissions (
    id                    INTEGER PRIMARY KEY,
    sha256                TEXT NOT NULL UNIQUE,  -- SHA-256 of submission.json with keys sorted: the submission's identity
    school_key            TEXT NOT NULL,         -- 'urn:123456', or 'name:<name_key>' when no URN is known
    urn                   INTEGER,               -- NULL when the submission gave none and none was matched
    urn_from              TEXT NOT NULL CHECK (urn_from IN ('answer', 'name', 'none')),
    school_name           TEXT,
    name_key              TEXT,
    phase                 TEXT,
    local_authority       TEXT,
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL,
    read_with_version     TEXT,                  -- the questionnaire version that read the answers; NULL: not read (unknown questionnaire)
    academic_year         TEXT NOT NULL,         -- '2026-27'
    generated_at          TEXT NOT NULL,         -- when the school exported it
    title                 TEXT NOT NULL,
    app_version           TEXT NOT NULL,
    overall               TEXT,                  -- the overall self-judgement as the scale labels it
    overall_rank          INTEGER,               -- its place on the scale, 1 = lowest
    award                 TEXT,                  -- the indicative award, for criteria audits
    answered              INTEGER,
    applicable            INTEGER,
    plan_url              TEXT,
    checks_met            INTEGER,               -- readiness checklist items met; NULL: no checklist, or not read
    checks_applying       INTEGER,               -- items that apply to the school (met, not met or not answered)
    files_status          TEXT NOT NULL CHECK (files_status IN ('verified', 'changed', 'missing', 'not_available')),
    current               INTEGER NOT NULL CHECK (current IN (0, 1)),  -- 1: the newest for its school, questionnaire and year
    source_path           TEXT NOT NULL,         -- the file or folder it was first taken from
    received_at           TEXT NOT NULL
);
CREATE INDEX submissions_by_year ON submissions (academic_year, current, school_key);
CREATE INDEX submissions_by_school ON submissions (school_key, questionnaire_id, academic_year);
CREATE INDEX submissions_by_name ON submissions (name_key);

-- submission.json exactly as received, apart so that submissions stays small to list.
CREATE TABLE submission_json (
    submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),
    json          TEXT NOT NULL
);

-- Each file a submission lists in its `files`, with the hash found.
CREATE TABLE submission_files (
    submission_id   INTEGER NOT NULL REFERENCES submissions (id),
    name            TEXT NOT NULL,
    expected_sha256 TEXT NOT NULL,
    actual_sha256   TEXT,                        -- NULL when the file was not there to check
    status          TEXT NOT NULL CHECK (status IN ('verified', 'changed', 'missing', 'not_available')),
    PRIMARY KEY (submission_id, name)
) WITHOUT ROWID;

-- What a hub officer should look at: changed_after_export, files_missing, no_urn,
-- urn_matched_by_name, unknown_questionnaire, other_version.
CREATE TABLE flags (
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    kind          TEXT NOT NULL,
    message       TEXT NOT NULL,
    PRIMARY KEY (submission_id, kind)
) WITHOUT ROWID;

-- Every answer of every submission, the value as JSON (see docs/bundle-format.md).
CREATE TABLE answers (
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    question_id   TEXT NOT NULL,
    value         TEXT NOT NULL,
    PRIMARY KEY (submission_id, question_id)
) WITHOUT ROWID;

-- Each `hub add` run and what happened to each file in it.
CREATE TABLE intake_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    taken       INTEGER NOT NULL DEFAULT 0,
    already_had INTEGER NOT NULL DEFAULT 0,
    newer       INTEGER NOT NULL DEFAULT 0,
    flagged     INTEGER NOT NULL DEFAULT 0,
    refused     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE intake_log (
    run_id        INTEGER NOT NULL REFERENCES intake_runs (id),
    path          TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('taken', 'newer', 'older', 'already_had', 'refused')),
    submission_id INTEGER REFERENCES submissions (id),
    message       TEXT
);
CREATE INDEX intake_log_by_submission ON intake_log (submission_id);

-- The newest submission per school, questionnaire and year, with its flags: what most
-- questions start from.
CREATE VIEW current_submissions AS
SELECT s.*,
       (SELECT group_concat(f.kind, ',') FROM flags f WHERE f.submission_id = s.id) AS flag_kinds
FROM submissions s
WHERE s.current = 1;
