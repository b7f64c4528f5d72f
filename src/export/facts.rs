//! The facts a reviewer looks for first, found through question roles: the school, the
//! development plan link, who completed it, strengths and priorities.

use crate::answers::display::answer_text;
use crate::draft::Draft;
use crate::questionnaire::{Questionnaire, Role};

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub school: Option<String>,
    pub plan_url: Option<String>,
    pub completed_by: Option<String>,
    pub contact_email: Option<String>,
    pub music_lead: Option<String>,
    /// The music hub as the school named it.
    pub hub: Option<String>,
    /// The completion date as shown (day first).
    pub date: Option<String>,
    /// Label and value for the first page, in a fixed order.
    pub rows: Vec<(String, String)>,
    pub strengths: Vec<String>,
    pub priorities: Vec<String>,
    pub topics: Vec<String>,
}

const LABELS: [(Role, &str); 13] = [
    (Role::SchoolName, "School"),
    (Role::Urn, "URN"),
    (Role::Phase, "Phase"),
    (Role::LocalAuthority, "Local authority or trust"),
    (Role::AcademicYear, "Academic year"),
    (Role::MusicLead, "Music lead"),
    (Role::ContactEmail, "Contact e-mail"),
    (Role::HeadTeacher, "Head teacher"),
    (Role::HubName, "Music hub"),
    (Role::CompletedBy, "Completed by"),
    (Role::CompletionDate, "Date"),
    (Role::OverallJudgement, "Overall self-judgement"),
    (Role::TargetAward, "Target award"),
];

impl Facts {
    pub fn gather(qn: &Questionnaire, draft: &Draft) -> Self {
        let text = |role: Role| -> Vec<String> {
            qn.with_role(role)
                .filter_map(|q| {
                    draft
                        .answers
                        .get(&q.id)
                        .filter(|v| v.is_answered())
                        .map(|v| answer_text(qn, q, v))
                })
                .filter(|s| !s.trim().is_empty())
                .collect()
        };
        let first = |role| text(role).into_iter().next();
        let rows = LABELS
            .iter()
            .filter_map(|(role, label)| first(*role).map(|v| ((*label).to_string(), v)))
            .collect();
        Self {
            school: first(Role::SchoolName),
            plan_url: first(Role::DevelopmentPlanUrl),
            completed_by: first(Role::CompletedBy),
            contact_email: first(Role::ContactEmail),
            music_lead: first(Role::MusicLead),
            hub: first(Role::HubName),
            date: first(Role::CompletionDate),
            rows,
            strengths: text(Role::Strength),
            priorities: text(Role::Priority),
            topics: text(Role::DiscussionTopic),
        }
    }

    /// The school's name, or a neutral stand-in.
    pub fn school_or_default(&self) -> String {
        self.school
            .clone()
            .unwrap_or_else(|| "School not named".to_string())
    }
}
