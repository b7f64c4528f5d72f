//! Limits on questionnaire files, so a broken or hostile file cannot exhaust memory or time.
//! The real questionnaires are far inside them (the largest shipped one has about 100
//! questions; benchmarks use 10,000).

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
pub const MAX_SECTIONS: usize = 500;
/// Questions in the whole file.
pub const MAX_QUESTIONS: usize = 20_000;
pub const MAX_OPTIONS: usize = 200;
pub const MAX_SCALES: usize = 50;
pub const MAX_LEVELS: usize = 20;
/// Characters in any one piece of text (prompt, guidance, descriptor, label …).
pub const MAX_TEXT: usize = 20_000;
pub const MAX_ID_LEN: usize = 64;
pub const MAX_CONDITION_DEPTH: usize = 8;
/// Questions one condition may look at, counting every `equals`, `one_of` and `answered`.
pub const MAX_CONDITION_TERMS: usize = 100;
pub const MAX_PREVIOUS_IDS: usize = 50;
/// Academic years `options_from` may add before, or after, the current one.
pub const MAX_GENERATED_YEARS: u32 = 10;
/// Characters in an award rule's `note`: it sits beside the award, so it stays short.
pub const MAX_AWARD_NOTE: usize = 300;
/// Items in a questionnaire's readiness checklist: a hub decides from a page, not a list of
/// hundreds.
pub const MAX_CHECKLIST_ITEMS: usize = 50;
/// Answers one checklist item may read.
pub const MAX_CHECKLIST_READS: usize = 20;
