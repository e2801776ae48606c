//! Private on a shared computer: what the widget keeps on this computer, and for how long
//! (issue 15). A page author can set a floor with the `privacy` attribute; a person can make it
//! stricter, never looser.

pub mod check;
pub mod data_transfer;
pub mod idle;
pub mod lock;
pub mod passphrase;
mod retention;
mod tab_only;
pub mod this_computer;

pub use retention::{
    days_since_epoch, epoch_seconds, expired, expiring, keep_recent, purge, Purged,
};
pub use tab_only::{carry_over, clear_keeping_setting, personal_records, saved_here, SavedHere};

use crate::core::json::{self, FromJson, SerJson, SerJsonState, Shape, Value};
use crate::core::storage::RecordSpec;

/// The remembered setting, per storage key.
pub const SETTING: RecordSpec = RecordSpec {
    name: "privacy",
    version: 1,
    migrations: &[],
};

/// What is kept on this computer, as the person chose it. Stored as `{"keep":"7d"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub keep: Privacy,
}

impl SerJson for Setting {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        s.out.push_str("{\"keep\":");
        self.keep.name().ser_json(d, s);
        s.out.push('}');
    }
}

impl FromJson for Setting {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let name: String = value.members()?.get("keep")?;
        Privacy::from_name(&name)
            .map(|keep| Setting { keep })
            .ok_or_else(|| json::not_allowed(&name))
    }
}

/// How long records are kept, when they are kept for a limited time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Retention {
    Day,
    Week,
    Month,
}

impl Retention {
    pub fn days(self) -> i64 {
        match self {
            Retention::Day => 1,
            Retention::Week => 7,
            Retention::Month => 30,
        }
    }
}

/// What the widget keeps on this computer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Privacy {
    /// Everything, until the person clears it (today's behaviour, and the default).
    #[default]
    Keep,
    /// Records are deleted once they are older than this.
    KeepFor(Retention),
    /// Kept, encrypted with a key from the person's passphrase.
    Locked,
    /// Nothing outlives the tab.
    DontKeep,
}

/// Where the widget's records live.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Place {
    /// This computer's storage (`localStorage`): kept until deleted.
    #[default]
    Computer,
    /// This tab's memory: gone when the tab is closed or reloaded, never on disk.
    Tab,
}

/// Where the passphrase lock stands in this tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LockState {
    /// No lock.
    #[default]
    None,
    /// A lock is asked for (by the page) and no passphrase is set yet: nothing is kept on this
    /// computer until one is.
    NotSet,
    /// Locked: only the unlock screen shows.
    Shut,
    /// Unlocked in this tab.
    Open,
}

/// What applies now: the setting, where records live, and the lock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keeping {
    pub privacy: Privacy,
    pub place: Place,
    pub lock: LockState,
    /// This tab is used "in this tab only" by someone whose records these are not: nothing is
    /// kept, and nothing on the computer is shown or changed, whatever the setting says.
    pub guest: bool,
}

impl Keeping {
    /// What applies under `privacy`, given whether a lock record is stored and whether this tab
    /// holds its key. Sealed records stay locked even if the setting says otherwise (another
    /// tab's half-made change): they cannot be read without the key.
    pub fn new(privacy: Privacy, has_lock: bool, opened: bool) -> Keeping {
        let (place, lock) = match privacy {
            Privacy::DontKeep => (Place::Tab, LockState::None),
            _ if !(has_lock || privacy == Privacy::Locked) => (privacy.place(), LockState::None),
            _ if !has_lock => (Place::Tab, LockState::NotSet),
            _ if opened => (Place::Computer, LockState::Open),
            _ => (Place::Computer, LockState::Shut),
        };
        Keeping {
            privacy,
            place,
            lock,
            guest: false,
        }
    }

    /// In this tab only, for someone whose records these are not.
    pub fn guest() -> Keeping {
        Keeping {
            privacy: Privacy::DontKeep,
            place: Place::Tab,
            lock: LockState::None,
            guest: true,
        }
    }
}

impl Privacy {
    /// Where records live under this setting.
    pub fn place(self) -> Place {
        match self {
            Privacy::Keep | Privacy::KeepFor(_) | Privacy::Locked => Place::Computer,
            Privacy::DontKeep => Place::Tab,
        }
    }

    pub const ALL: [Privacy; 6] = [
        Privacy::Keep,
        Privacy::KeepFor(Retention::Month),
        Privacy::KeepFor(Retention::Week),
        Privacy::KeepFor(Retention::Day),
        Privacy::Locked,
        Privacy::DontKeep,
    ];

    /// Its name in the `privacy` attribute and in stored data.
    pub fn name(self) -> &'static str {
        match self {
            Privacy::Keep => "keep",
            Privacy::KeepFor(Retention::Month) => "30d",
            Privacy::KeepFor(Retention::Week) => "7d",
            Privacy::KeepFor(Retention::Day) => "1d",
            Privacy::Locked => "locked",
            Privacy::DontKeep => "none",
        }
    }

    /// Reads a `privacy` attribute value (`none`, `1d`, `7d`, `30d`, `locked` or `keep`; case
    /// and surrounding spaces do not matter).
    pub fn from_name(value: &str) -> Option<Privacy> {
        let value = value.trim();
        Privacy::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(value))
    }

    /// Whether a person may choose `choice` where the page's author set `self`: the same or
    /// stricter. Not keeping anything is stricter than everything; a shorter time is stricter
    /// than a longer one. A passphrase lock and a time limit protect against different things,
    /// so neither counts as stricter than the other.
    pub fn allows(self, choice: Privacy) -> bool {
        match (self, choice) {
            (Privacy::Keep, _) | (_, Privacy::DontKeep) => true,
            (Privacy::KeepFor(floor), Privacy::KeepFor(chosen)) => chosen <= floor,
            (Privacy::Locked, Privacy::Locked) => true,
            _ => false,
        }
    }

    /// What applies: the person's choice where the author's floor allows it, else the floor.
    pub fn effective(floor: Privacy, choice: Option<Privacy>) -> Privacy {
        choice.filter(|&c| floor.allows(c)).unwrap_or(floor)
    }
}

/// What "Save this choice" does with the choice in "What to keep on this computer". Nothing
/// happens as a radio is chosen (arrow keys move the checked radio through every choice on the
/// way): only at the button, and whatever deletes or unseals records asks first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceStep {
    /// The choice is what applies: nothing to save.
    Unchanged,
    /// The lock is chosen and not set here: the passphrase form is the button.
    SetPassphrase,
    /// Save the setting; nothing is deleted or unsealed.
    Save,
    /// Keeping nothing deletes this many records on this computer: ask first.
    AskDelete(usize),
    /// The lock is open here and would come off every record: ask first.
    AskUnlock,
    /// A time limit deletes this many records now: ask first.
    AskExpire(usize),
    /// A passphrase set over this many records already here (perhaps someone else's): ask first.
    AskLock(usize),
}

/// The step for `chosen` where `keeping` applies, with `on_computer` personal records on this
/// computer, of which `expiring` are older than the chosen time limit (if it is one).
pub fn choice_step(
    keeping: Keeping,
    chosen: Privacy,
    on_computer: usize,
    expiring: usize,
) -> ChoiceStep {
    let leaving_computer = keeping.place == Place::Computer && chosen.place() == Place::Tab;
    match chosen {
        Privacy::Locked if keeping.lock != LockState::Open => ChoiceStep::SetPassphrase,
        _ if chosen == keeping.privacy => ChoiceStep::Unchanged,
        _ if leaving_computer && on_computer > 0 => ChoiceStep::AskDelete(on_computer),
        _ if keeping.lock == LockState::Open => ChoiceStep::AskUnlock,
        Privacy::KeepFor(_) if expiring > 0 => ChoiceStep::AskExpire(expiring),
        _ => ChoiceStep::Save,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_acts_only_at_the_button_and_asks_before_it_deletes_or_unseals() {
        use Privacy::*;
        use Retention::*;
        let keep = Keeping::new(Keep, false, false);
        let open = Keeping::new(Locked, true, true);
        let tab = Keeping::new(DontKeep, false, false);
        let cases = [
            (
                "the choice that applies",
                keep,
                Keep,
                3,
                0,
                ChoiceStep::Unchanged,
            ),
            (
                "a longer limit, nothing old",
                keep,
                KeepFor(Month),
                3,
                0,
                ChoiceStep::Save,
            ),
            (
                "a limit that deletes",
                keep,
                KeepFor(Day),
                3,
                2,
                ChoiceStep::AskExpire(2),
            ),
            (
                "nothing kept, records here",
                keep,
                DontKeep,
                3,
                0,
                ChoiceStep::AskDelete(3),
            ),
            (
                "nothing kept, nothing here",
                keep,
                DontKeep,
                0,
                0,
                ChoiceStep::Save,
            ),
            (
                "the lock, not set",
                keep,
                Locked,
                3,
                0,
                ChoiceStep::SetPassphrase,
            ),
            (
                "the lock, from the tab",
                tab,
                Locked,
                0,
                0,
                ChoiceStep::SetPassphrase,
            ),
            (
                "the lock, open: unchanged",
                open,
                Locked,
                3,
                0,
                ChoiceStep::Unchanged,
            ),
            ("off the lock", open, Keep, 3, 0, ChoiceStep::AskUnlock),
            (
                "off the lock to a limit",
                open,
                KeepFor(Week),
                3,
                3,
                ChoiceStep::AskUnlock,
            ),
            (
                "off the lock to nothing",
                open,
                DontKeep,
                3,
                0,
                ChoiceStep::AskDelete(3),
            ),
            ("back from the tab", tab, Keep, 5, 0, ChoiceStep::Save),
        ];
        for (name, keeping, chosen, on_computer, expiring, step) in cases {
            assert_eq!(
                choice_step(keeping, chosen, on_computer, expiring),
                step,
                "{name}"
            );
        }
    }

    #[test]
    fn what_applies_follows_the_setting_and_the_lock() {
        use LockState::*;
        let keeping = |privacy, has_lock, opened| {
            let k = Keeping::new(privacy, has_lock, opened);
            (k.place, k.lock)
        };
        assert_eq!(
            keeping(Privacy::Keep, false, false),
            (Place::Computer, None)
        );
        assert_eq!(keeping(Privacy::DontKeep, true, false), (Place::Tab, None));
        assert_eq!(keeping(Privacy::Locked, false, false), (Place::Tab, NotSet));
        assert_eq!(
            keeping(Privacy::Locked, true, false),
            (Place::Computer, Shut)
        );
        assert_eq!(
            keeping(Privacy::Locked, true, true),
            (Place::Computer, Open)
        );
        // Sealed records stay locked whatever the setting says.
        assert_eq!(
            keeping(Privacy::KeepFor(Retention::Week), true, false),
            (Place::Computer, Shut)
        );
    }

    #[test]
    fn the_setting_is_stored_by_name() {
        let setting = Setting {
            keep: Privacy::KeepFor(Retention::Day),
        };
        assert_eq!(json::to_string(&setting), r#"{"keep":"1d"}"#);
        assert_eq!(json::parse::<Setting>(r#"{"keep":"1d"}"#), Ok(setting));
        assert!(json::parse::<Setting>(r#"{"keep":"2d"}"#).is_err());
    }

    #[test]
    fn the_attribute_names_each_setting() {
        for privacy in Privacy::ALL {
            assert_eq!(Privacy::from_name(privacy.name()), Some(privacy));
        }
        assert_eq!(
            Privacy::from_name(" 30D "),
            Some(Privacy::KeepFor(Retention::Month))
        );
        assert_eq!(Privacy::from_name("None"), Some(Privacy::DontKeep));
        for unknown in ["", "2d", "off", "lock", "30 d"] {
            assert_eq!(Privacy::from_name(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn a_person_can_make_it_stricter_never_looser() {
        use Privacy::*;
        use Retention::*;
        let allowed = |floor: Privacy| -> Vec<&str> {
            Privacy::ALL
                .into_iter()
                .filter(|&c| floor.allows(c))
                .map(Privacy::name)
                .collect()
        };
        assert_eq!(allowed(Keep), ["keep", "30d", "7d", "1d", "locked", "none"]);
        assert_eq!(allowed(KeepFor(Month)), ["30d", "7d", "1d", "none"]);
        assert_eq!(allowed(KeepFor(Week)), ["7d", "1d", "none"]);
        assert_eq!(allowed(KeepFor(Day)), ["1d", "none"]);
        assert_eq!(allowed(Locked), ["locked", "none"]);
        assert_eq!(allowed(DontKeep), ["none"]);
        // A remembered choice the author's floor no longer allows gives way to the floor.
        assert_eq!(Privacy::effective(KeepFor(Week), Some(Keep)), KeepFor(Week));
        assert_eq!(
            Privacy::effective(KeepFor(Week), Some(KeepFor(Day))),
            KeepFor(Day)
        );
        assert_eq!(Privacy::effective(Keep, None), Keep);
        assert_eq!(Privacy::effective(Locked, Some(KeepFor(Day))), Locked);
    }
}
