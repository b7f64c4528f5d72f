//! Keys as data: one table says, for each place in the program, which keys do what, with the
//! footer's short label and help's sentence. The keymap, the footer, the help screen and
//! docs/keys.md all read the same rows, so they cannot disagree.

mod doc;
mod table;

use ratatui_textarea::{Input, Key};

use super::action::Action;

pub use doc::{DOC_GROUPS, markdown};
pub use table::TABLE;

/// Where keys are read: a screen, and on it whether a box takes typing or a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// Every screen, typing or not.
    Everywhere,
    /// The home screen with no drafts yet.
    Welcome,
    /// The home screen listing drafts.
    Home,
    /// Typing a new title or the path of last year's bundle on the home screen.
    HomeTyping,
    /// "Delete this draft?"
    HomeConfirm,
    NewDraft,
    NewDraftTitle,
    Restore,
    RestoreConfirm,
    /// A question, with no text box taking typing.
    Question,
    /// Typing in a one-line answer box.
    TypingLine,
    /// Typing in a long answer or evidence box (Enter starts a new line).
    TypingLong,
    Sections,
    Review,
    /// "Export anyway, marked incomplete?"
    ReviewConfirm,
    /// Typing the hub's e-mail address before the first export.
    ReviewTyping,
    Export,
    /// Typing another folder for bundles.
    ExportTyping,
    Help,
    /// Quitting could not save: try again, write a recovery copy, or quit anyway.
    QuitProblem,
    /// "Quit without saving?"
    QuitConfirm,
    /// The hub desk's schools table.
    DeskTable,
    /// Typing a name or URN to find in the table.
    DeskSearch,
    /// A school's page on the hub desk.
    DeskSchool,
    /// Choosing a review state, with a note.
    DeskState,
    /// Filling in the decision.
    DeskForm,
}

impl Place {
    /// A text box takes printable keys here; keys with no row type.
    pub fn typing(self) -> bool {
        matches!(
            self,
            Self::HomeTyping
                | Self::NewDraftTitle
                | Self::TypingLine
                | Self::TypingLong
                | Self::ReviewTyping
                | Self::ExportTyping
                | Self::DeskSearch
                | Self::DeskState
                | Self::DeskForm
        )
    }

    /// A yes-or-no question: any key without a row answers no.
    pub fn confirming(self) -> bool {
        matches!(
            self,
            Self::HomeConfirm | Self::RestoreConfirm | Self::ReviewConfirm | Self::QuitConfirm
        )
    }
}

/// One key, as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chord {
    Plain(Key),
    Ctrl(Key),
    Shift(Key),
    /// The digit keys: the action gets the digit.
    Digits,
}

impl Chord {
    fn matches(self, input: &Input) -> bool {
        match self {
            Self::Plain(k) => {
                input.key == k && !input.ctrl && !input.alt && !shifted_non_char(input)
            }
            Self::Ctrl(k) => input.key == k && input.ctrl && !input.alt,
            Self::Shift(k) => input.key == k && input.shift && !input.ctrl,
            Self::Digits => !input.ctrl && !input.alt && matches!(input.key, Key::Char('0'..='9')),
        }
    }
}

/// Shift with a letter is just the capital letter; with Tab it is a different key.
fn shifted_non_char(input: &Input) -> bool {
    input.shift && !matches!(input.key, Key::Char(_))
}

/// A row of the table.
#[derive(Debug)]
pub struct Binding {
    pub places: &'static [Place],
    pub chords: &'static [Chord],
    pub action: Action,
    /// The keys as shown to people, e.g. "Ctrl-Q", "↑↓", "1-9".
    pub keys: &'static str,
    /// The footer's word for it; None keeps it out of the footer.
    pub footer: Option<&'static str>,
    /// What help says it does.
    pub help: &'static str,
}

impl Binding {
    fn applies(&self, place: Place) -> bool {
        self.places.contains(&place)
    }
}

/// The action for a key in `place`: the first matching row there, then the rows that work
/// everywhere; otherwise a typing place types it and a yes-or-no question takes it as no.
pub fn action_for(place: Place, input: &Input) -> Option<Action> {
    let found = TABLE
        .iter()
        .filter(|b| b.applies(place))
        .chain(TABLE.iter().filter(|b| b.applies(Place::Everywhere)))
        .find_map(|b| {
            b.chords
                .iter()
                .find(|c| c.matches(input))
                .map(|c| match (c, &b.action) {
                    (Chord::Digits, _) => digit(input).map_or(Action::No, Action::Digit),
                    _ => b.action.clone(),
                })
        });
    found.or_else(|| {
        if place.typing() {
            Some(Action::Text(input.clone()))
        } else if place.confirming() && input.key != Key::Null {
            Some(Action::No)
        } else {
            None
        }
    })
}

fn digit(input: &Input) -> Option<u8> {
    match input.key {
        Key::Char(c @ '0'..='9') => u8::try_from(u32::from(c) - u32::from('0')).ok(),
        _ => None,
    }
}

/// One key in the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FooterKey {
    pub keys: &'static str,
    pub label: &'static str,
    /// Kept when the footer is too narrow for every key: the ways to review, get help,
    /// go back and quit.
    pub essential: bool,
}

impl FooterKey {
    fn of(b: &Binding, label: &'static str) -> Self {
        Self {
            keys: b.keys,
            label,
            essential: matches!(
                b.action,
                Action::Quit | Action::Leave | Action::Help | Action::Back | Action::Review
            ),
        }
    }
}

/// The footer's keys for `place`, in table order, the everywhere-keys last; a key whose
/// action the place already shows is not repeated.
pub fn footer(place: Place) -> Vec<FooterKey> {
    let own: Vec<&Binding> = TABLE.iter().filter(|b| b.applies(place)).collect();
    let mut out: Vec<FooterKey> = own
        .iter()
        .filter_map(|b| b.footer.map(|f| FooterKey::of(b, f)))
        .collect();
    for b in TABLE.iter().filter(|b| b.applies(Place::Everywhere)) {
        // "q quit" (which asks first) already offers what Ctrl-Q does.
        let same = |a: &Action| a == &b.action || (*a == Action::Leave && b.action == Action::Quit);
        let shown = own.iter().any(|o| same(&o.action) && o.footer.is_some());
        // Help's own footer does not offer help; the question asked when quitting cannot
        // save offers only its own answers.
        let pointless = (place == Place::Help && b.action == Action::Help)
            || matches!(place, Place::QuitProblem | Place::QuitConfirm);
        if let (Some(f), false, false) = (b.footer, shown, pointless) {
            out.push(FooterKey::of(b, f));
        }
    }
    out
}

/// Help's list for `place`: its own rows, then those that work everywhere.
pub fn help_rows(place: Place) -> Vec<(&'static str, &'static str)> {
    TABLE
        .iter()
        .filter(|b| b.applies(place))
        .chain(TABLE.iter().filter(|b| b.applies(Place::Everywhere)))
        .filter(|b| !b.help.is_empty())
        .map(|b| (b.keys, b.help))
        .collect()
}

#[cfg(test)]
mod tests {
    use ratatui_textarea::{Input, Key};

    use super::{Action, Place, action_for, footer};

    fn key(key: Key) -> Input {
        Input {
            key,
            ..Input::default()
        }
    }

    fn ctrl(c: char) -> Input {
        Input {
            key: Key::Char(c),
            ctrl: true,
            ..Input::default()
        }
    }

    #[test]
    fn letters_type_in_a_text_box_but_are_commands_elsewhere() {
        assert_eq!(
            action_for(Place::TypingLine, &key(Key::Char('q'))),
            Some(Action::Text(key(Key::Char('q'))))
        );
        assert_eq!(
            action_for(Place::Home, &key(Key::Char('n'))),
            Some(Action::New)
        );
        assert_eq!(
            action_for(Place::Question, &key(Key::Char('r'))),
            Some(Action::Review)
        );
    }

    #[test]
    fn ctrl_q_quits_everywhere_even_while_typing() {
        for place in [
            Place::Home,
            Place::TypingLong,
            Place::Help,
            Place::HomeConfirm,
        ] {
            assert_eq!(
                action_for(place, &ctrl('q')),
                Some(Action::Quit),
                "{place:?}"
            );
        }
    }

    #[test]
    fn digits_carry_their_number_and_confirmations_take_any_other_key_as_no() {
        assert_eq!(
            action_for(Place::Question, &key(Key::Char('7'))),
            Some(Action::Digit(7))
        );
        assert_eq!(
            action_for(Place::HomeConfirm, &key(Key::Char('y'))),
            Some(Action::Yes)
        );
        assert_eq!(
            action_for(Place::HomeConfirm, &key(Key::Char('k'))),
            Some(Action::No)
        );
        assert_eq!(action_for(Place::Home, &key(Key::F(9))), None);
    }

    #[test]
    fn enter_checks_a_one_line_answer_but_starts_a_line_in_a_long_one() {
        assert_eq!(
            action_for(Place::TypingLine, &key(Key::Enter)),
            Some(Action::Enter)
        );
        assert_eq!(
            action_for(Place::TypingLong, &key(Key::Enter)),
            Some(Action::Text(key(Key::Enter)))
        );
    }

    #[test]
    fn every_footer_names_a_way_out() {
        for place in [
            Place::Welcome,
            Place::Home,
            Place::NewDraft,
            Place::Restore,
            Place::Question,
            Place::TypingLine,
            Place::Sections,
            Place::Review,
            Place::Export,
            Place::Help,
        ] {
            let f = footer(place);
            assert!(
                f.iter().any(|k| k.essential
                    && (k.label.contains("quit")
                        || k.label.contains("back")
                        || k.label.contains("close"))),
                "{place:?}: {f:?}"
            );
        }
    }
}
