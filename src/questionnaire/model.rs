//! The questionnaire as data: the serde types a hub author writes in JSON.
//!
//! The model is deliberately flat (one `Question` struct with type-specific optional fields)
//! so that `deny_unknown_fields` catches typos and validation can say "`options` only belongs
//! on single_choice and multi_choice" instead of a generic serde message. Conditions, the
//! scoring rules and options made at load time live in submodules, re-exported here.

mod checklist;
mod checks;
mod condition;
mod options;
mod prepare;
mod repeat;
mod scoring;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::role::Role;
pub use checklist::{ChecklistItem, ChecklistRead, ChecklistTest, TODAY};
pub use checks::{Check, MAX_CHECKS};
pub use condition::Condition;
pub use options::{OptionSource, academic_year_start};
pub use prepare::ReadyItem;
pub use repeat::{PLACEHOLDERS, Repeat, copy_id};
pub use scoring::{AWARD_PERCENT_RANGE, AwardMethod, AwardRule, Band, Scoring, SectionSummaries};

/// The `format` string every questionnaire file carries.
pub const QUESTIONNAIRE_FORMAT: &str = "music-sef/questionnaire";
/// The newest questionnaire format version this program understands.
pub const QUESTIONNAIRE_FORMAT_VERSION: u32 = 1;
/// The level id used when a scale allows "not applicable".
pub const NOT_APPLICABLE: &str = "not_applicable";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub format: String,
    pub format_version: u32,
    /// Stable id, e.g. `school-music-self-evaluation`. Drafts refer to it.
    pub id: String,
    /// The questionnaire's own version, e.g. `2026.1`; drafts record it.
    pub version: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// How long it usually takes, in words ("about 20 minutes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_needed: Option<String>,
    /// The facts to gather before starting, and who usually has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub have_ready: Vec<ReadyItem>,
    /// Present when the questionnaire is meant to be sent to a hub.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<SubmissionInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    /// Soft cross-checks between answers ("pupils in the choir" not more than "pupils on
    /// roll"): warnings, never a block (`checks` submodule).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// The readiness checklist for the report's first page (may be empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<ChecklistItem>,
    /// What a submission of it is for the hub: a review to decide on (the default), or a
    /// reflection on priorities agreed before, shown beside them and not decided on.
    #[serde(default, skip_serializing_if = "Purpose::is_review")]
    pub purpose: Purpose,
    /// Questions by id, built on the first lookup; not part of the file.
    #[serde(skip)]
    index: super::index::QuestionIndex,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A self-evaluation or audit the hub reviews and decides on.
    #[default]
    Review,
    /// Looking back on the priorities a hub agreed (the 12- and 24-month reflections).
    Reflection,
}

impl Purpose {
    pub fn is_review(&self) -> bool {
        *self == Self::Review
    }
}

/// Who receives the submission and how the e-mail is titled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionInfo {
    /// Shown in the e-mail body and the report, e.g. "your local music hub".
    pub hub_name: String,
    /// Where the e-mail goes; when absent the program asks once and remembers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_email: Option<String>,
    /// E-mail subject with placeholders `{school}`, `{questionnaire}`, `{date}`, `{title}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// A named judgement scale, levels ordered from lowest to highest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub levels: Vec<Level>,
    /// Offer "not applicable" (stored as the level id `not_applicable`).
    #[serde(default)]
    pub not_applicable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub label: String,
    /// One short line saying what the level means.
    #[serde(default)]
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// A sentence or two shown at the top of the section.
    #[serde(default)]
    pub intro: String,
    /// Made once for each priority agreed with the hub (`repeat` submodule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    Text,
    LongText,
    SingleChoice,
    MultiChoice,
    YesNo,
    Number,
    Date,
    Url,
    Email,
    Rating,
    Criterion,
}

impl QuestionType {
    /// The name used in files and error messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::LongText => "long_text",
            Self::SingleChoice => "single_choice",
            Self::MultiChoice => "multi_choice",
            Self::YesNo => "yes_no",
            Self::Number => "number",
            Self::Date => "date",
            Self::Url => "url",
            Self::Email => "email",
            Self::Rating => "rating",
            Self::Criterion => "criterion",
        }
    }

    /// Types whose answer is a level on a scale (plus evidence).
    pub fn uses_scale(self) -> bool {
        matches!(self, Self::Rating | Self::Criterion)
    }

    pub fn has_options(self) -> bool {
        matches!(self, Self::SingleChoice | Self::MultiChoice)
    }

    /// Types typed as free text in a single-line box.
    pub fn is_typed(self) -> bool {
        matches!(
            self,
            Self::Text | Self::Number | Self::Date | Self::Url | Self::Email
        )
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Export refuses while this is unanswered.
    Required,
    /// Listed in review when missing, but never blocks export.
    Recommended,
    #[default]
    Optional,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    /// Optional extra words shown beside the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// multi_choice: an option that goes on its own ("No support needed"): ticking it clears
    /// the others and ticking another clears it (`answers::choice`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// The id of the text question that asks what this option means ("Something else"),
    /// shown whenever the option is chosen; validation makes sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
}

/// One question. Fields after `show_if` only apply to some types; validation says which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id: answers are stored under it. Never reuse an id for a different question.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub prompt: String,
    /// Longer help shown on demand (`?`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    #[serde(default)]
    pub required: Requirement,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Ids this question had in earlier versions, so old answers follow it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_ids: Vec<String>,

    /// single_choice and multi_choice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// single_choice and multi_choice: options made when the file is loaded (such as the
    /// academic years around today) instead of `options`. Loading fills `options` from it and
    /// clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<OptionSource>,
    /// number: smallest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// number: largest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// number: whole numbers only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub integer: bool,
    /// number: unit shown after the box, e.g. "minutes".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// rating and criterion: the id of a scale in `scales`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// criterion: what each level looks like, keyed by level id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub descriptors: BTreeMap<String, String>,
    /// rating and criterion: offer an evidence box (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<bool>,
    /// criterion: offer a target level (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<bool>,
    /// text and long_text: the most characters accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
}

impl Question {
    pub fn offers_evidence(&self) -> bool {
        self.kind.uses_scale() && self.evidence.unwrap_or(true)
    }

    pub fn offers_target(&self) -> bool {
        self.kind == QuestionType::Criterion && self.target.unwrap_or(true)
    }

    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

impl Questionnaire {
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// All questions in order with their section index.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q)))
    }

    /// The question with `id`, found through the index (not a search).
    pub fn question(&self, id: &str) -> Option<&Question> {
        let shape = super::index::Shape {
            questions: |s: &Section| s.questions.as_slice(),
            id: |q: &Question| q.id.as_str(),
        };
        self.index.find(&self.sections, &shape, id)
    }

    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// Questions playing `role`, in order.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Question> {
        self.questions()
            .map(|(_, q)| q)
            .filter(move |q| q.role == Some(role))
    }

    /// The scale a rating or criterion question uses.
    pub fn scale_of(&self, q: &Question) -> Option<&Scale> {
        q.scale.as_deref().and_then(|id| self.scale(id))
    }
}

impl Scale {
    /// Position of a level, 0 for the lowest; None for "not applicable" or unknown ids.
    pub fn rank(&self, level: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == level)
    }

    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// The label for a stored level id, including "Not applicable".
    pub fn label_of(&self, id: &str) -> Option<&str> {
        if id == NOT_APPLICABLE && self.not_applicable {
            return Some("Not applicable");
        }
        self.level(id).map(|l| l.label.as_str())
    }
}
