//! Question numbers as people see them, "3.11": the section's number, then the question's
//! place among all of that section's questions. Numbers never move when answers change which
//! questions apply, so the screen, plain mode and the PDF always agree, and a number that is
//! skipped belongs to a question that does not apply.

use crate::questionnaire::Questionnaire;

/// The number of the question with `id`, if the questionnaire has it.
pub fn number_of(qn: &Questionnaire, id: &str) -> Option<String> {
    qn.sections.iter().enumerate().find_map(|(si, s)| {
        s.questions
            .iter()
            .position(|q| q.id == id)
            .map(|qi| number(si, qi))
    })
}

/// The number of question `question` (0-based, among all its section's questions) of section
/// `section` (0-based).
pub fn number(section: usize, question: usize) -> String {
    format!("{}.{}", section + 1, question + 1)
}

#[cfg(test)]
mod tests {
    use super::{number, number_of};

    #[test]
    fn numbers_count_every_question_of_the_section_from_one() {
        assert_eq!(number(0, 0), "1.1");
        assert_eq!(number(2, 10), "3.11");
        let qn: crate::questionnaire::Questionnaire = serde_json::from_str(
            r#"{"format":"music-sef/questionnaire","format_version":1,"id":"t","version":"1","title":"T",
              "sections":[{"id":"a","title":"A","questions":[{"id":"x","type":"text","prompt":"X"}]},
                          {"id":"b","title":"B","questions":[{"id":"y","type":"text","prompt":"Y"},{"id":"z","type":"text","prompt":"Z"}]}]}"#,
        )
        .expect("questionnaire");
        assert_eq!(number_of(&qn, "z").as_deref(), Some("2.2"));
        assert_eq!(number_of(&qn, "nope"), None);
    }
}
