//! The facts a reviewer looks for first, found through question roles: the school, the
//! development plan link and its dates, who completed it, strengths, priorities and the
//! support asked for.

use crate::answers::display::answer_text;
use crate::answers::is_visible;
use crate::draft::Draft;
use crate::questionnaire::{Questionnaire, Role};

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub school: Option<String>,
    pub urn: Option<String>,
    pub academic_year: Option<String>,
    pub plan_url: Option<String>,
    /// When the plan summary was published, and when it is next due (as shown).
    pub plan_published: Option<String>,
    pub plan_review: Option<String>,
    pub completed_by: Option<String>,
    pub contact_email: Option<String>,
    pub music_lead: Option<String>,
    /// The music hub as the school named it.
    pub hub: Option<String>,
    /// The completion date as shown (day first).
    pub date: Option<String>,
    pub overall: Option<String>,
    pub target_award: Option<String>,
    /// Label and value for the first page, in a fixed order.
    pub rows: Vec<(String, String)>,
    pub strengths: Vec<String>,
    pub priorities: Vec<String>,
    pub support: Vec<String>,
    pub topics: Vec<String>,
}

/// The rows of the first page's facts. The school heads the page, and the plan, the overall
/// judgement and the target award have places of their own, so they are not repeated here.
const LABELS: [(Role, &str); 10] = [
    (Role::Urn, "URN"),
    (Role::Phase, "Phase"),
    (Role::LocalAuthority, "Authority or trust"),
    (Role::AcademicYear, "Academic year"),
    (Role::MusicLead, "Music lead"),
    (Role::ContactEmail, "Contact e-mail"),
    (Role::HeadTeacher, "Head teacher"),
    (Role::HubName, "Music hub"),
    (Role::CompletedBy, "Completed by"),
    (Role::CompletionDate, "Date completed"),
];

impl Facts {
    pub fn gather(qn: &Questionnaire, draft: &Draft) -> Self {
        let text = |role: Role| -> Vec<String> {
            qn.with_role(role)
                .filter(|q| is_visible(q, &draft.answers))
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
            urn: first(Role::Urn),
            academic_year: first(Role::AcademicYear),
            plan_url: first(Role::DevelopmentPlanUrl),
            plan_published: first(Role::PlanPublished),
            plan_review: first(Role::PlanReview),
            completed_by: first(Role::CompletedBy),
            contact_email: first(Role::ContactEmail),
            music_lead: first(Role::MusicLead),
            hub: first(Role::HubName),
            date: first(Role::CompletionDate),
            overall: first(Role::OverallJudgement),
            target_award: first(Role::TargetAward),
            rows,
            strengths: text(Role::Strength),
            priorities: text(Role::Priority),
            support: text(Role::Support),
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
