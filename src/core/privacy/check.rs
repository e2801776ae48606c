//! The state of "Type your passphrase" (`ui::privacy::passphrase_check`): what is typed, why the
//! last try was not taken, whether the key is being made, and the wait after wrong tries,
//! counted down each second.

/// Why the passphrase was not taken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Problem {
    Empty,
    Wrong,
    /// No try before this time (seconds since 1970).
    Wait(u64),
    /// The passphrase is right, but this browser gives no secure random numbers to seal with.
    NoRandom,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckState {
    pub passphrase: String,
    pub problem: Option<Problem>,
    /// The key is being made.
    pub working: bool,
    /// Seconds left of a wait, counted down on screen.
    pub left: Option<u64>,
    /// A wait has just ended: "you can try again now".
    pub ready: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CheckAction {
    Typed(String),
    /// A try starts: the key is being made.
    Trying,
    /// The try is over: what was typed goes from the page, and `problem` says why it was not
    /// taken (none when it was).
    Tried(Option<Problem>),
    /// A problem found before any try (nothing typed).
    Refused(Problem),
    /// The clock, in seconds since 1970, for the wait's countdown.
    Tick(u64),
}

impl CheckState {
    /// A form that opens during a wait from wrong tries before it showed (another tab, or before
    /// a reload) starts with that wait.
    pub fn new(wait_until: Option<u64>, now: u64) -> Self {
        CheckState {
            problem: wait_until.filter(|until| *until > now).map(Problem::Wait),
            ..CheckState::default()
        }
        .apply(CheckAction::Tick(now))
    }

    /// A try is not started while one runs or a wait lasts.
    pub fn can_try(&self) -> bool {
        !self.working && self.left.is_none()
    }

    /// The problem to show: a wait that is over is no longer one.
    pub fn error(&self) -> Option<Problem> {
        self.problem
            .filter(|p| !(matches!(p, Problem::Wait(_)) && self.ready))
    }

    pub fn apply(mut self, action: CheckAction) -> Self {
        match action {
            CheckAction::Typed(passphrase) => self.passphrase = passphrase,
            CheckAction::Trying => self.working = true,
            CheckAction::Tried(problem) => {
                self.passphrase.clear();
                self.working = false;
                if problem.is_some() {
                    self.problem = problem;
                }
            }
            CheckAction::Refused(problem) => self.problem = Some(problem),
            CheckAction::Tick(_) if !matches!(self.problem, Some(Problem::Wait(_))) => {
                self.left = None;
                self.ready = false;
            }
            CheckAction::Tick(now) => {
                if let Some(Problem::Wait(until)) = self.problem {
                    self.left = (until > now).then(|| until - now);
                    self.ready = until <= now;
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_from_before_counts_down_and_then_is_no_longer_an_error() {
        let state = CheckState::new(Some(1_000), 990);
        assert_eq!(state.left, Some(10));
        assert!(!state.can_try());
        assert_eq!(state.error(), Some(Problem::Wait(1_000)));
        let over = state.apply(CheckAction::Tick(1_000));
        assert_eq!(over.left, None);
        assert!(over.ready, "says the person can try again");
        assert!(over.can_try());
        assert_eq!(over.error(), None);
    }

    #[test]
    fn a_wait_already_over_when_the_form_opens_is_not_shown() {
        let state = CheckState::new(Some(1_000), 1_000);
        assert_eq!(state, CheckState::default());
    }

    #[test]
    fn a_try_clears_what_was_typed_and_keeps_the_problem_it_found() {
        let state = CheckState::default()
            .apply(CheckAction::Typed("correct horse".into()))
            .apply(CheckAction::Trying);
        assert!(state.working);
        assert!(!state.can_try());
        let wrong = state.apply(CheckAction::Tried(Some(Problem::Wrong)));
        assert_eq!(wrong.passphrase, "");
        assert!(!wrong.working);
        assert_eq!(wrong.error(), Some(Problem::Wrong));
    }

    #[test]
    fn a_wrong_try_that_starts_a_wait_counts_it_down() {
        let state = CheckState::default()
            .apply(CheckAction::Tried(Some(Problem::Wait(2_060))))
            .apply(CheckAction::Tick(2_000));
        assert_eq!(state.left, Some(60));
        assert!(!state.ready);
        // A new problem ends the countdown.
        let empty = state
            .apply(CheckAction::Refused(Problem::Empty))
            .apply(CheckAction::Tick(2_001));
        assert_eq!((empty.left, empty.ready), (None, false));
    }
}
