//! The hub desk's use cases, shared by the commands (`hub review`, `hub decide`, `hub
//! feedback`) and the full-screen desk, so both act the same: which submission a school
//! means, changing its review state, deciding (checked, kept with history), writing the
//! feedback bundle, and the officer's and hub's names asked once and kept in settings.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::db::HubDb;
use super::decision::{self, Checked, Input, Problem, Stored};
use super::feedback::{self, About, Written};
use super::review::{self, ReviewState};
use super::target::{self, Target};
use super::{HubError, stored};
use crate::feedback::FeedbackFile;
use crate::paths::DataDirs;
use crate::questionnaire::Registry;
use crate::settings::Settings;

pub struct Desk {
    db: HubDb,
    registry: Registry,
    dirs: DataDirs,
}

impl Desk {
    pub fn new(db: HubDb, registry: Registry, dirs: &DataDirs) -> Self {
        Self {
            db,
            registry,
            dirs: dirs.clone(),
        }
    }

    pub fn db(&self) -> &HubDb {
        &self.db
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The submission an action on the school `urn` (as typed) means.
    ///
    /// # Errors
    /// A URN that is not one, no submission, or a choice matching none or several.
    pub fn target(&self, urn: &str, chosen: Option<&str>, doing: &str) -> Result<Target, HubError> {
        let urn = target::urn_arg(urn)?;
        target::for_urn(&self.db, &self.registry, urn, chosen, doing)
    }

    /// The officer's name from the settings, once given.
    pub fn officer(&self) -> Option<String> {
        Settings::load(&self.dirs).officer().map(str::to_string)
    }

    /// Remember the officer's name (and the hub's, when given) for next time.
    ///
    /// # Errors
    /// The settings file cannot be written.
    pub fn remember(&self, officer: Option<&str>, hub: Option<&str>) -> Result<(), HubError> {
        let mut s = Settings::load(&self.dirs);
        let d = s.hub_desk_mut();
        for (slot, value) in [(&mut d.officer, officer), (&mut d.hub_name, hub)] {
            if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
                *slot = Some(v.to_string());
            }
        }
        s.save(&self.dirs)
            .map_err(|e| HubError::Input(format!("the name could not be remembered: {e}")))
    }

    /// Change `t`'s review state.
    ///
    /// # Errors
    /// The database is in use or cannot be written.
    pub fn set_state(
        &self,
        t: &Target,
        state: ReviewState,
        note: Option<&str>,
        officer: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), HubError> {
        review::set(&self.db, &t.sha256, state, note, officer, now)
    }

    /// Whether `t` is a criteria audit, whose decision names an award.
    pub fn is_audit(&self, t: &Target) -> bool {
        self.registry
            .entries
            .iter()
            .find(|e| e.questionnaire.id == t.questionnaire_id)
            .is_some_and(|e| {
                e.questionnaire
                    .scoring
                    .as_ref()
                    .is_some_and(|s| s.award.is_some())
            })
    }

    /// Check and keep a decision on `t`; the problems when it does not pass.
    ///
    /// # Errors
    /// The database is in use or cannot be written (the outer error); the inner one lists
    /// what is wrong with what was given.
    pub fn decide(
        &self,
        t: &Target,
        input: &Input,
        now: DateTime<Utc>,
    ) -> Result<Result<Stored, Vec<Problem>>, HubError> {
        if target::is_reflection(&self.registry, &t.questionnaire_id) {
            return Err(HubError::Input(format!(
                "The submission of {} sent on {} is a reflection on earlier priorities: it is shown beside them, not decided on. Decide on the school's review instead (see its page on the desk).",
                super::shown(&t.school),
                super::day_of(&t.generated_at)
            )));
        }
        let checked: Checked = match decision::check(input, self.is_audit(t), now) {
            Ok(c) => c,
            Err(problems) => return Ok(Err(problems)),
        };
        let id = decision::record(&self.db, &t.sha256, &checked)?;
        Ok(Ok(Stored {
            id,
            outcome: checked.outcome,
            priorities: checked.priorities,
            replaced: false,
        }))
    }

    /// The hub's name for the letter: as remembered, else as the school named its hub, else
    /// the questionnaire's own words for it.
    pub fn hub_name(
        &self,
        summary_hub: Option<&str>,
        questionnaire_hub: Option<&str>,
    ) -> Option<String> {
        Settings::load(&self.dirs)
            .hub_name()
            .map(str::to_string)
            .or_else(|| summary_hub.map(str::to_string))
            .or_else(|| {
                questionnaire_hub
                    .filter(|h| !h.trim().to_lowercase().starts_with("your "))
                    .map(str::to_string)
            })
            .filter(|h| !h.trim().is_empty())
    }

    /// Write the feedback bundle for the decision in force on `t` into `out` (else the
    /// folder for bundles), and keep that it was written.
    ///
    /// # Errors
    /// No decision yet, no hub name known, or the files or the database could not be written.
    pub fn write_feedback(
        &self,
        t: &Target,
        out: Option<&Path>,
        now: DateTime<Utc>,
    ) -> Result<(FeedbackFile, Written), HubError> {
        let Some(decision) = decision::current(&self.db, &t.sha256)? else {
            return Err(HubError::Input(format!(
                "There is no decision on the submission of {} sent on {} yet, so there is no feedback to write. Decide first: `music-sef hub decide {} --recommend --certificate … --priority … --actions … --support … --review-date …` (or d on the school's page on the desk).",
                super::shown(&t.school),
                super::day_of(&t.generated_at),
                t.urn.map(|u| u.to_string()).unwrap_or_else(|| "URN".into())
            )));
        };
        let loaded = stored::load(&self.db, &self.registry, t.row)?;
        let (summary_hub, contact) = loaded.as_ref().map_or((None, None), |l| {
            (l.summary_hub(), l.summary.contact_email.clone())
        });
        let qn = loaded.as_ref().and_then(|l| l.qn.as_ref());
        let hub = self
            .hub_name(summary_hub.as_deref(), qn.and_then(|q| q.submission.as_ref()).map(|s| s.hub_name.as_str()))
            .ok_or_else(|| HubError::Input("The feedback letter needs your hub's name: give it once with --hub-name \"…\" (it is remembered), e.g. --hub-name \"Riverside Music Hub\".".into()))?;
        let title = qn.map_or_else(|| t.questionnaire_id.clone(), |q| q.title.clone());
        let about = About {
            target: t,
            questionnaire_title: &title,
            hub: &hub,
            contact: contact.as_deref(),
        };
        let folder: PathBuf =
            out.map_or_else(|| self.dirs.exports().to_path_buf(), Path::to_path_buf);
        let (file, written) = feedback::write(&about, &decision, &folder, now)?;
        feedback::record(&self.db, decision.id, &file, &written)?;
        Ok((file, written))
    }
}
