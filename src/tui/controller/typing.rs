//! When typed text is copied into the draft (and so saved): after a short pause in typing,
//! and at the latest a fixed time after the first key that changed it, however steadily the
//! typing goes on. Pure: it is told the time, so tests need no clock.

use std::time::{Duration, Instant};

/// Typing counts as paused after this long without a key.
pub const PAUSE: Duration = Duration::from_millis(750);
/// Text typed is copied into the draft at most this long after it was typed, pause or not;
/// the save that follows takes well under a second, so nothing typed is more than 2 s from
/// the disk.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// The text typed since it was last copied into the draft, as times.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Typing {
    /// The last key, while text waits to be copied.
    last_key: Option<Instant>,
    /// The first key whose text is still waiting.
    first_unsaved: Option<Instant>,
}

impl Typing {
    /// Events were handled at `now`; `waiting` says whether typed text now waits to be
    /// copied (it may have been copied by the events themselves, e.g. leaving a question).
    pub fn keyed(&mut self, now: Instant, waiting: bool) {
        if waiting {
            self.last_key = Some(now);
            self.first_unsaved.get_or_insert(now);
        } else {
            *self = Self::default();
        }
    }

    /// When the waiting text is due to be copied; None when nothing waits.
    pub fn due(&self) -> Option<Instant> {
        let pause = self.last_key? + PAUSE;
        let bound = self.first_unsaved? + MAX_WAIT;
        Some(pause.min(bound))
    }

    /// True when the text must be copied now.
    pub fn is_due(&self, now: Instant) -> bool {
        self.due().is_some_and(|t| now >= t)
    }

    /// True when typing has paused (rather than the copy being due however it goes on).
    pub fn paused(&self, now: Instant) -> bool {
        self.last_key.is_some_and(|t| now >= t + PAUSE)
    }

    /// The text was copied (or there is none).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_WAIT, PAUSE, Typing};
    use std::time::{Duration, Instant};

    #[test]
    fn a_pause_copies_the_text_and_steady_typing_does_not_postpone_it() {
        let t0 = Instant::now();
        let mut t = Typing::default();
        assert_eq!(t.due(), None, "nothing waits: no timer at all");
        t.keyed(t0, true);
        assert_eq!(t.due(), Some(t0 + PAUSE));
        // A key every 100 ms for ever: the copy is still due a second after the first.
        let mut now = t0;
        while now < t0 + Duration::from_secs(5) && !t.is_due(now) {
            now += Duration::from_millis(100);
            t.keyed(now, true);
        }
        assert!(now <= t0 + MAX_WAIT, "due by {:?}", now - t0);
        t.clear();
        assert_eq!(t.due(), None);
        t.keyed(now, false);
        assert_eq!(t.due(), None, "keys that typed nothing start no timer");
    }
}
