//! The hub database: one SQLite file, schema versioned by `PRAGMA user_version` with
//! migrations applied in a transaction, every write in a transaction, and a second writer
//! told plainly that the file is in use.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::HubError;

/// "MSEF": marks the file as a music-sef hub database, so `--db` pointed at some other
/// SQLite file is refused rather than filled with our tables.
const APPLICATION_ID: i64 = 0x4D53_4546;

/// Migration `i` takes the schema from version `i` to `i + 1`.
/// Never edit one that has shipped: add the next.
pub const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    // The desk: review states, decisions, priorities, feedback sent, reflections received.
    include_str!("schema_v2.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long to wait for another writer before saying the file is in use.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct HubDb {
    conn: Connection,
    path: PathBuf,
}

impl HubDb {
    /// Open (creating it and its folder if needed) and bring the schema up to date.
    ///
    /// # Errors
    /// Not a hub database, made by a newer program, in use, or not writable.
    pub fn open(path: &Path) -> Result<Self, HubError> {
        Self::open_with(path, BUSY_TIMEOUT)
    }

    /// As [`HubDb::open`], waiting at most `busy` for another writer.
    ///
    /// # Errors
    /// As [`HubDb::open`].
    pub fn open_with(path: &Path, busy: Duration) -> Result<Self, HubError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| HubError::io("create the folder", parent, &e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| HubError::Db {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let db = Self {
            conn,
            path: path.to_path_buf(),
        };
        db.conn.busy_timeout(busy).map_err(|e| db.error(e))?;
        db.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| db.error(e))?;
        db.migrate()?;
        Ok(db)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// For reads; writes go through [`HubDb::write`] or a [`Batch`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Turn a SQLite error into words: "in use" for a busy file, "not a database" for a
    /// file of another kind.
    pub fn error(&self, e: rusqlite::Error) -> HubError {
        let path = self.path.clone();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => HubError::InUse { path },
            Some(ErrorCode::NotADatabase) => HubError::NotHubDb {
                path,
                reason: "it is not an SQLite file".into(),
            },
            Some(ErrorCode::ReadOnly) => HubError::Db {
                path,
                reason: "the file or its folder is read-only; copy it somewhere you can write, or use --db".into(),
            },
            Some(ErrorCode::DiskFull) => HubError::Db {
                path,
                reason: "the disk is full; free some space and run the command again".into(),
            },
            _ => HubError::Db {
                path,
                reason: e.to_string(),
            },
        }
    }

    fn migrate(&self) -> Result<(), HubError> {
        let pragma = |name: &str| -> Result<i64, HubError> {
            self.conn
                .pragma_query_value(None, name, |r| r.get(0))
                .map_err(|e| self.error(e))
        };
        let version = pragma("user_version")?;
        let app = pragma("application_id")?;
        if app != APPLICATION_ID && (app != 0 || version != 0 || self.has_tables()?) {
            return Err(HubError::NotHubDb {
                path: self.path.clone(),
                reason: "it is an SQLite file made by another program".into(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(HubError::Newer {
                path: self.path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        self.write(|c| {
            // Read again under the write lock: another program may have migrated meanwhile.
            let now: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0))?;
            for (i, sql) in MIGRATIONS
                .iter()
                .enumerate()
                .skip(now.try_into().unwrap_or(0))
            {
                c.execute_batch(sql)?;
                c.pragma_update(None, "user_version", i + 1)?;
            }
            c.pragma_update(None, "application_id", APPLICATION_ID)
        })
    }

    fn has_tables(&self) -> Result<bool, HubError> {
        self.conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n > 0)
            .map_err(|e| self.error(e))
    }

    /// Run `f` in one write transaction: all of it is kept, or none.
    ///
    /// # Errors
    /// The file is in use, or `f` or the commit failed.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, HubError> {
        let mut batch = Batch::new(self, 1);
        let out = batch.run(f)?;
        batch.finish()?;
        Ok(out)
    }
}

/// Many small writes (one per file taken in), each all-or-nothing inside a savepoint,
/// committed together every `size` writes or half a second so a long run is fast but never
/// holds the file long enough to make another writer give up.
pub struct Batch<'a> {
    db: &'a HubDb,
    open: bool,
    count: usize,
    size: usize,
    since: Instant,
}

impl<'a> Batch<'a> {
    pub fn new(db: &'a HubDb, size: usize) -> Self {
        Self {
            db,
            open: false,
            count: 0,
            size: size.max(1),
            since: Instant::now(),
        }
    }

    /// Run `f` as one unit: on error nothing it wrote is kept.
    ///
    /// # Errors
    /// The file is in use, or `f` failed (then only `f`'s writes are undone).
    pub fn run<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, HubError> {
        let conn = &self.db.conn;
        if !self.open {
            conn.execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.db.error(e))?;
            self.open = true;
            self.since = Instant::now();
        }
        conn.execute_batch("SAVEPOINT one")
            .map_err(|e| self.db.error(e))?;
        match f(conn) {
            Ok(v) => {
                conn.execute_batch("RELEASE one")
                    .map_err(|e| self.db.error(e))?;
                self.count += 1;
                if self.count >= self.size || self.since.elapsed() > Duration::from_millis(500) {
                    self.commit()?;
                }
                Ok(v)
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK TO one; RELEASE one");
                Err(self.db.error(e))
            }
        }
    }

    fn commit(&mut self) -> Result<(), HubError> {
        if self.open {
            self.db
                .conn
                .execute_batch("COMMIT")
                .map_err(|e| self.db.error(e))?;
            self.open = false;
            self.count = 0;
        }
        Ok(())
    }

    /// Commit what is pending.
    ///
    /// # Errors
    /// The commit failed; nothing since the last commit is kept.
    pub fn finish(mut self) -> Result<(), HubError> {
        self.commit()
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        if self.open {
            // Not finished (an error or a panic on the way): keep nothing half-done.
            let _ = self.db.conn.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{APPLICATION_ID, HubDb, MIGRATIONS, SCHEMA_VERSION};

    #[test]
    fn a_database_from_the_first_version_gains_the_desk_tables_and_keeps_its_rows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("hub.sqlite");
        {
            // As the intake issue's program left it: version 1, one school expected.
            let c = rusqlite::Connection::open(&path).expect("open");
            c.execute_batch(MIGRATIONS[0]).expect("v1");
            c.pragma_update(None, "user_version", 1).expect("version");
            c.pragma_update(None, "application_id", APPLICATION_ID)
                .expect("id");
            c.execute(
                "INSERT INTO expected_schools (urn, name, name_key, source_file, loaded_at) VALUES (100001, 'Oakfield Primary School', 'oakfield primary school', 'gias.csv', '2026-09-01T00:00:00Z')",
                [],
            )
            .expect("row");
        }
        let db = HubDb::open(&path).expect("migrated");
        let version: i64 = db
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(SCHEMA_VERSION, 2);
        let tables: i64 = db
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('review_events', 'decisions', 'priorities', 'feedback_sent', 'reflections')",
                [],
                |r| r.get(0),
            )
            .expect("tables");
        assert_eq!(tables, 5);
        let kept: String = db
            .conn()
            .query_row("SELECT name FROM expected_schools", [], |r| r.get(0))
            .expect("kept");
        assert_eq!(kept, "Oakfield Primary School");
    }
}
