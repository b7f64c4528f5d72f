//! Question roles: which answer is the school's name, the plan link, a strength …, so the
//! program can find the facts a hub looks for in any questionnaire.

use serde::{Deserialize, Serialize};

/// Which part an answer plays, so the program can find the school name, the plan link, …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    SchoolName,
    Urn,
    Phase,
    LocalAuthority,
    AcademicYear,
    MusicLead,
    HeadTeacher,
    ContactEmail,
    HubName,
    DevelopmentPlanUrl,
    /// When the published plan summary was published or last updated.
    PlanPublished,
    /// When the published plan summary is next due for review.
    PlanReview,
    CompletedBy,
    CompletionDate,
    /// May appear on several questions: each is one strength for the report's first page.
    Strength,
    /// May appear on several questions: each is one priority.
    Priority,
    /// May appear on several questions: topics the school wants to discuss.
    DiscussionTopic,
    /// May appear on several questions: the support the school asks the hub for.
    Support,
    OverallJudgement,
    TargetAward,
}

impl Role {
    /// Roles that several questions may share.
    pub fn repeatable(self) -> bool {
        matches!(
            self,
            Self::Strength | Self::Priority | Self::DiscussionTopic | Self::Support
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::SchoolName => "school_name",
            Self::Urn => "urn",
            Self::Phase => "phase",
            Self::LocalAuthority => "local_authority",
            Self::AcademicYear => "academic_year",
            Self::MusicLead => "music_lead",
            Self::HeadTeacher => "head_teacher",
            Self::ContactEmail => "contact_email",
            Self::HubName => "hub_name",
            Self::DevelopmentPlanUrl => "development_plan_url",
            Self::PlanPublished => "plan_published",
            Self::PlanReview => "plan_review",
            Self::CompletedBy => "completed_by",
            Self::CompletionDate => "completion_date",
            Self::Strength => "strength",
            Self::Priority => "priority",
            Self::DiscussionTopic => "discussion_topic",
            Self::Support => "support",
            Self::OverallJudgement => "overall_judgement",
            Self::TargetAward => "target_award",
        }
    }

    pub const ALL: [Role; 20] = [
        Self::SchoolName,
        Self::Urn,
        Self::Phase,
        Self::LocalAuthority,
        Self::AcademicYear,
        Self::MusicLead,
        Self::HeadTeacher,
        Self::ContactEmail,
        Self::HubName,
        Self::DevelopmentPlanUrl,
        Self::PlanPublished,
        Self::PlanReview,
        Self::CompletedBy,
        Self::CompletionDate,
        Self::Strength,
        Self::Priority,
        Self::DiscussionTopic,
        Self::Support,
        Self::OverallJudgement,
        Self::TargetAward,
    ];
}
