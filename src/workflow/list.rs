//! The drafts list: from each draft's summary while it is up to date, so a folder of many
//! drafts lists (and start-up draws) without reading and parsing every draft; a draft that
//! changed since its summary was made is read, with its questionnaire, and summarised again.

use uuid::Uuid;

use super::Workflow;
use super::drafts::{DraftInfo, DraftRow};
use crate::answers::progress;
use crate::draft::{Draft, QuestionnaireRef};
use crate::questionnaire::Entry;
use crate::questionnaire::catalogue::missing_fingerprint;
use crate::store::list_order;
use crate::store::summary::{Against, Summary};

/// Questionnaires read while making one list, so drafts that share one read it once.
type Memo = Vec<(QuestionnaireRef, String, Option<Entry>)>;

fn info(s: Summary) -> DraftInfo {
    let against = s.progress.as_ref();
    DraftInfo {
        id: s.id,
        questionnaire_title: against.and_then(|a| a.title.clone()),
        progress: against.and_then(Against::progress),
        title: s.title,
        questionnaire: s.questionnaire,
        status: s.status,
        updated_at: s.updated_at,
        newer: s.newer,
        hub_note: s.hub_note,
    }
}

fn same_questionnaire(a: &QuestionnaireRef, b: &QuestionnaireRef) -> bool {
    a.id == b.id && a.source == b.source
}

impl Workflow {
    /// Every draft, newest first, damaged ones first of all (they need attention).
    pub fn list(&self) -> Vec<DraftRow> {
        let mut memo = Memo::new();
        let mut rows: Vec<DraftRow> = self
            .store
            .ids()
            .into_iter()
            .map(|id| self.row(id, &mut memo))
            .collect();
        let when = |r: &DraftRow| match r {
            DraftRow::Ok(d) => Some(d.updated_at),
            DraftRow::Damaged { .. } => None,
        };
        rows.sort_by(|a, b| list_order((when(a), a.id()), (when(b), b.id())));
        rows
    }

    fn row(&self, id: Uuid, memo: &mut Memo) -> DraftRow {
        if let Some(s) = self.store.summary(id)
            && let Some(a) = &s.progress
            && self
                .catalogue
                .expected_fingerprint(&s.questionnaire)
                .as_ref()
                == Some(&a.fingerprint)
        {
            return DraftRow::Ok(info(s));
        }
        match self.store.read_listed(id) {
            Err(reason) => DraftRow::Damaged { id, reason },
            Ok(l) => {
                let against = self.against(&l.draft, memo);
                let mut s = Summary::of(&l.draft, l.stamp, l.newer);
                s.progress = Some(against);
                s.hub_note = super::drafts::hub_note(&l.draft);
                self.store.keep_summary(&s);
                DraftRow::Ok(info(s))
            }
        }
    }

    /// The draft's progress against its questionnaire, read once per list.
    fn against(&self, d: &Draft, memo: &mut Memo) -> Against {
        let r = &d.questionnaire;
        let i = match memo.iter().position(|(m, _, _)| same_questionnaire(m, r)) {
            Some(i) => i,
            None => {
                let entry = self.catalogue.for_draft(r).ok();
                let fp = entry.as_ref().map_or_else(
                    || missing_fingerprint(&r.id),
                    |e| self.catalogue.fingerprint(e),
                );
                memo.push((r.clone(), fp, entry));
                memo.len() - 1
            }
        };
        let (_, fp, entry) = &memo[i];
        Against::new(
            fp.clone(),
            entry.as_ref().map(|e| e.questionnaire.title.clone()),
            entry.as_ref().map(|e| match &d.agreed {
                // Made for this draft's priorities: each repeated section once per priority.
                Some(agreed) => progress::overall(&e.for_agreed(Some(agreed)), &d.answers),
                None => progress::overall(&e.questionnaire, &d.answers),
            }),
        )
    }
}
