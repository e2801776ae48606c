//! The idle lock: an unlocked store locks again after a time without use, with a warning first
//! (WCAG 2.2.1: a person can ask for more time). Measured by the wall clock, not by how long a
//! timer ran, so a laptop that slept or a page kept in the back/forward cache counts that time.

/// How long an unlocked store may go unused before it locks again.
pub const IDLE_LOCK_MS: f64 = 15.0 * 60_000.0;

/// How long before it locks the warning shows (at least a minute, as WCAG 2.2.1 asks).
pub const WARNING_MS: f64 = 2.0 * 60_000.0;

/// Where an unlocked store stands, `now` milliseconds after 1970 when it was last used at
/// `last_use`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Idle {
    InUse,
    /// Say it will lock at `lock_at` (milliseconds since 1970) unless it is used.
    Warn {
        lock_at: f64,
    },
    Lock,
}

pub fn idle(last_use: f64, now: f64) -> Idle {
    let lock_at = last_use + IDLE_LOCK_MS;
    if now >= lock_at {
        Idle::Lock
    } else if now >= lock_at - WARNING_MS {
        Idle::Warn { lock_at }
    } else {
        Idle::InUse
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: f64 = 60_000.0;

    #[test]
    fn it_warns_two_minutes_before_and_locks_at_fifteen_by_the_wall_clock() {
        let last = 1_000.0 * MINUTE;
        let at = |minutes: f64| idle(last, last + minutes * MINUTE);
        assert_eq!(at(0.0), Idle::InUse);
        assert_eq!(at(12.9), Idle::InUse);
        let lock_at = last + 15.0 * MINUTE;
        assert_eq!(at(13.0), Idle::Warn { lock_at });
        assert_eq!(at(14.99), Idle::Warn { lock_at });
        assert_eq!(at(15.0), Idle::Lock);
        // A laptop that slept for a day: locked as soon as anything looks.
        assert_eq!(at(24.0 * 60.0), Idle::Lock);
    }
}
