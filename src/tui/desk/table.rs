//! The hub desk's schools table: every school of the hub's year with its review state,
//! filtered (all, to decide, outstanding, needing follow-up, decided), searched by name or URN
//! and sorted by a column. The rows are read once; filtering and sorting only reorder
//! indices, so 25,000 schools stay quick.

use crate::hub::review::ReviewState;
use crate::hub::schools::SchoolLine;
use crate::hub::shown;

/// One school's row, with what sorting and searching need worked out once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskRow {
    pub urn: Option<u32>,
    pub name: String,
    pub phase: String,
    /// "2026-11-23"; empty when nothing has come.
    pub submitted: String,
    pub questionnaire: String,
    /// Checklist items met, and those that apply.
    pub checks: Option<(usize, usize)>,
    pub overall: String,
    /// None: nothing sent yet (outstanding).
    pub state: Option<ReviewState>,
    /// The name folded for searching.
    key: String,
}

impl DeskRow {
    pub fn of(line: &SchoolLine, state: Option<ReviewState>) -> Self {
        let received = line.submitted.is_some();
        let name = shown(&line.name);
        Self {
            urn: line.urn,
            key: name.to_lowercase(),
            name,
            phase: shown(line.phase.as_deref().unwrap_or("")),
            submitted: line
                .submitted
                .as_deref()
                .map_or_else(String::new, |s| s.chars().take(10).collect()),
            questionnaire: shown(line.questionnaire.as_deref().unwrap_or("")),
            checks: line.checks_met.zip(line.checks_applying),
            overall: shown(line.overall.as_deref().unwrap_or("")),
            state: ReviewState::shown(state, received),
        }
    }

    /// The review state in words, or "outstanding".
    pub fn state_label(&self) -> &'static str {
        self.state.map_or("Outstanding", ReviewState::label)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Received and not yet decided.
    ToDecide,
    /// Expected, nothing sent yet.
    Outstanding,
    FollowUp,
    Decided,
}

impl Filter {
    const ORDER: [Self; 5] = [
        Self::All,
        Self::ToDecide,
        Self::Outstanding,
        Self::FollowUp,
        Self::Decided,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "all schools",
            Self::ToDecide => "to decide",
            Self::Outstanding => "outstanding",
            Self::FollowUp => "needs follow-up",
            Self::Decided => "decided",
        }
    }

    fn keeps(self, r: &DeskRow) -> bool {
        match self {
            Self::All => true,
            Self::ToDecide => r.state.is_some_and(|s| s != ReviewState::Decided),
            Self::Outstanding => r.state.is_none(),
            Self::FollowUp => r.state == Some(ReviewState::FollowUp),
            Self::Decided => r.state == Some(ReviewState::Decided),
        }
    }

    fn next(self) -> Self {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Urn,
    Name,
    /// Newest first.
    Submitted,
    /// Fewest checklist items met first: the schools needing most help.
    Checklist,
    Overall,
    State,
}

impl Sort {
    const ORDER: [Self; 6] = [
        Self::Urn,
        Self::Name,
        Self::Submitted,
        Self::Checklist,
        Self::Overall,
        Self::State,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Urn => "URN",
            Self::Name => "name",
            Self::Submitted => "newest submitted",
            Self::Checklist => "fewest checklist items met",
            Self::Overall => "overall judgement",
            Self::State => "review state",
        }
    }

    fn next(self) -> Self {
        let i = Self::ORDER.iter().position(|s| *s == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }
}

pub struct SchoolsTable {
    pub rows: Vec<DeskRow>,
    /// The rows shown, in order, as indices into `rows`.
    pub shown: Vec<usize>,
    pub filter: Filter,
    pub sort: Sort,
    pub search: String,
    /// The highlight, as a place in `shown`.
    pub selected: usize,
    pub year: String,
}

impl SchoolsTable {
    pub fn new(rows: Vec<DeskRow>, year: String) -> Self {
        let mut t = Self {
            shown: Vec::new(),
            rows,
            filter: Filter::All,
            sort: Sort::Urn,
            search: String::new(),
            selected: 0,
            year,
        };
        t.refresh();
        t
    }

    /// New rows from the database, keeping the filter, sort, search and the school chosen.
    pub fn replace(&mut self, rows: Vec<DeskRow>) {
        let chosen = self.chosen().and_then(|r| r.urn);
        self.rows = rows;
        self.refresh();
        if let Some(i) = self
            .shown
            .iter()
            .position(|&i| self.rows[i].urn.is_some() && self.rows[i].urn == chosen)
        {
            self.selected = i;
        }
    }

    pub fn chosen(&self) -> Option<&DeskRow> {
        self.shown.get(self.selected).map(|&i| &self.rows[i])
    }

    pub fn next_filter(&mut self) {
        self.filter = self.filter.next();
        self.refresh();
    }

    pub fn next_sort(&mut self) {
        self.sort = self.sort.next();
        self.refresh();
    }

    pub fn set_search(&mut self, text: &str) {
        self.search = text.trim().to_lowercase();
        self.refresh();
    }

    /// Work out the rows shown from the filter and search, then sort them.
    pub fn refresh(&mut self) {
        let q = self.search.as_str();
        let found = |r: &DeskRow| {
            q.is_empty() || r.key.contains(q) || r.urn.is_some_and(|u| u.to_string().starts_with(q))
        };
        self.shown = (0..self.rows.len())
            .filter(|&i| self.filter.keeps(&self.rows[i]) && found(&self.rows[i]))
            .collect();
        let rows = &self.rows;
        let by_urn = |i: usize| (rows[i].urn.is_none(), rows[i].urn);
        match self.sort {
            Sort::Urn => self.shown.sort_by_key(|&i| by_urn(i)),
            Sort::Name => self.shown.sort_by(|&a, &b| rows[a].key.cmp(&rows[b].key)),
            Sort::Submitted => self
                .shown
                .sort_by(|&a, &b| rows[b].submitted.cmp(&rows[a].submitted)),
            Sort::Checklist => self
                .shown
                .sort_by_key(|&i| (rows[i].checks.is_none(), rows[i].checks.map(|c| c.0))),
            Sort::Overall => self.shown.sort_by(|&a, &b| {
                (rows[a].overall.is_empty(), &rows[a].overall)
                    .cmp(&(rows[b].overall.is_empty(), &rows[b].overall))
            }),
            Sort::State => self
                .shown
                .sort_by_key(|&i| (rows[i].state.is_none(), rows[i].state)),
        }
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::{DeskRow, Filter, SchoolsTable, Sort};
    use crate::hub::review::ReviewState;

    fn row(urn: u32, name: &str, state: Option<ReviewState>) -> DeskRow {
        DeskRow {
            urn: Some(urn),
            name: name.into(),
            phase: String::new(),
            submitted: if state.is_some() {
                "2026-11-23".into()
            } else {
                String::new()
            },
            questionnaire: String::new(),
            checks: None,
            overall: String::new(),
            state,
            key: name.to_lowercase(),
        }
    }

    #[test]
    fn filters_search_and_sorts_keep_the_chosen_school() {
        let mut t = SchoolsTable::new(
            vec![
                row(100_003, "Castle Hill", Some(ReviewState::FollowUp)),
                row(100_001, "Oakfield", Some(ReviewState::Decided)),
                row(100_002, "Birchwood", None),
            ],
            "2026-27".into(),
        );
        let urns = |t: &SchoolsTable| {
            t.shown
                .iter()
                .map(|&i| t.rows[i].urn.unwrap_or(0))
                .collect::<Vec<_>>()
        };
        assert_eq!(urns(&t), [100_001, 100_002, 100_003]);
        t.next_sort();
        assert_eq!(t.sort, Sort::Name);
        assert_eq!(urns(&t), [100_002, 100_003, 100_001]);
        t.next_filter();
        assert_eq!((t.filter, urns(&t)), (Filter::ToDecide, vec![100_003]));
        for (f, want) in [
            (Filter::Outstanding, 100_002),
            (Filter::FollowUp, 100_003),
            (Filter::Decided, 100_001),
        ] {
            t.next_filter();
            assert_eq!((t.filter, urns(&t)), (f, vec![want]));
        }
        t.next_filter();
        t.set_search("1000");
        assert_eq!(t.shown.len(), 3, "a URN's start finds it");
        t.set_search("OAK");
        assert_eq!(urns(&t), [100_001]);
    }
}
