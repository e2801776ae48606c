//! The message catalogue: every string the widget shows, in English and Welsh.
//!
//! The text lives in `content/messages/{en,cy}.json` so that translators edit data, not Rust. A
//! [`Key`] names each message; tests check that both files give every key (with every plural form
//! the language needs) and nothing else.
//!
//! The widget does not parse those files: `messages_tables.rs` holds their text as Rust arrays,
//! indexed by key, so start-up does no JSON work and the bundle carries no map or parser for
//! them. A test writes that file from the JSON (after checking the JSON is complete) and fails
//! when the committed copy differs, so the two can never drift.

use super::lang::{Lang, PluralCategory};
use super::messages_tables as tables;

macro_rules! message_keys {
    ($($variant:ident => $id:literal,)*) => {
        /// The name of one message in the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($variant,)* }

        impl Key {
            /// Every key, for the completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            /// The key as written in the message files (the tests' business: the widget reads
            /// the compiled tables, so the ids stay out of the bundle).
            #[cfg(test)]
            pub fn id(self) -> &'static str {
                match self { $(Key::$variant => $id,)* }
            }
        }
    };
}

message_keys! {
    AppTitle => "app.title",
    AppTagline => "app.tagline",
    LanguageSwitch => "language.switch",
    NavLabel => "nav.label",
    NavQuiz => "nav.quiz",
    NavFeedback => "nav.feedback",
    FbNavLabel => "fb.nav_label",
    FooterPrivacy => "footer.privacy",
    ClearButton => "clear.button",
    ClearHeading => "clear.heading",
    ClearCount => "clear.count",
    ClearWarning => "clear.warning",
    ClearConfirm => "clear.confirm",
    ClearCancel => "clear.cancel",
    ClearDone => "clear.done",
    ClearNothing => "clear.nothing",
    NoticeHeading => "notice.heading",
    NoticeStorageUnavailable => "notice.storage_unavailable",
    NoticeStorageFull => "notice.storage_full",
    NoticeRecordUnreadable => "notice.record_unreadable",
    NoticeRecordNewer => "notice.record_newer",
    NoticeDownloadCopy => "notice.download_copy",
    NoticeConflict => "notice.conflict",
    NoticeLoadTheirs => "notice.load_theirs",
    NoticeKeepMine => "notice.keep_mine",
    NoticeDownloadUnreadable => "notice.download_unreadable",
    NoticeStartFresh => "notice.start_fresh",
    NoticeDownloadNewer => "notice.download_newer",
    ReadOnlyHeading => "read_only.heading",
    ReadOnlyBody => "read_only.body",
    StartupFailed => "startup.failed",
    PrintPrintedOn => "print.printed_on",
    PrintFrom => "print.from",
    PrintReminder => "print.reminder",
    SettingStorageKeyInvalid => "setting.storage_key_invalid",
    SettingQuestionsInvalid => "setting.questions_invalid",
    SettingPassMarkInvalid => "setting.pass_mark_invalid",
    QuizIntro => "quiz.intro",
    QuizCount => "quiz.count",
    QuizMinutes => "quiz.minutes",
    QuizNoPassMark => "quiz.no_pass_mark",
    QuizPassMark => "quiz.pass_mark",
    QuizStart => "quiz.start",
    QuizContinue => "quiz.continue",
    QuizStartAgain => "quiz.start_again",
    QuizStartAgainQuestion => "quiz.start_again_question",
    QuizStartAgainDetail => "quiz.start_again_detail",
    QuizRecordButton => "quiz.record_button",
    QuizPrintSummary => "quiz.print_summary",
    QuizPrintFull => "quiz.print_full",
    QuizRecordHeading => "quiz.record_heading",
    QuizRecordTaken => "quiz.record_taken",
    QuizRecordSelfCheck => "quiz.record_self_check",
    QuizRecordPassMark => "quiz.record_pass_mark",
    QuizRecordAnswers => "quiz.record_answers",
    QuizRecordNotKept => "quiz.record_not_kept",
    QuizRecordLearned => "quiz.record_learned",
    QuizRecordDifferently => "quiz.record_differently",
    QuizRecordNotesHint => "quiz.record_notes_hint",
    QuizRecordOpen => "quiz.record_open",
    QuizColRecord => "quiz.col_record",
    QuizInProgress => "quiz.in_progress",
    QuizSettingsChanged => "quiz.settings_changed",
    QuizHistoryCaption => "quiz.history_caption",
    QuizColDate => "quiz.col_date",
    QuizColScore => "quiz.col_score",
    QuizColResult => "quiz.col_result",
    QuizPassed => "quiz.passed",
    QuizNotYet => "quiz.not_yet",
    QuizProgress => "quiz.progress",
    QuizCheck => "quiz.check",
    QuizNext => "quiz.next",
    QuizSeeResults => "quiz.see_results",
    QuizTrue => "quiz.true",
    QuizFalse => "quiz.false",
    ErrorSummaryTitle => "error.summary_title",
    QuizErrorChoose => "quiz.error_choose",
    QuizErrorSelect => "quiz.error_select",
    QuizErrorSort => "quiz.error_sort",
    QuizCorrect => "quiz.correct",
    QuizPartly => "quiz.partly",
    QuizIncorrect => "quiz.incorrect",
    QuizChosenCorrect => "quiz.chosen_correct",
    QuizChosenWrong => "quiz.chosen_wrong",
    QuizMissed => "quiz.missed",
    QuizRightCategory => "quiz.right_category",
    QuizSourceReference => "quiz.source_reference",
    QuizSourcePage => "quiz.source_page",
    QuizSourceFurther => "quiz.source_further",
    QuizSourcesLabel => "quiz.sources_label",
    QuizResultsHeading => "quiz.results_heading",
    QuizResultsScore => "quiz.results_score",
    QuizResultsPassed => "quiz.results_passed",
    QuizResultsNotYet => "quiz.results_not_yet",
    QuizResultsSelfCheck => "quiz.results_self_check",
    QuizTopicCaption => "quiz.topic_caption",
    QuizColTopic => "quiz.col_topic",
    QuizColOutOf => "quiz.col_out_of",
    QuizReview => "quiz.review",
    QuizTryAgain => "quiz.try_again",
    QuizYourAnswer => "quiz.your_answer",
    QuizRightAnswer => "quiz.right_answer",
    QuizNoAnswer => "quiz.no_answer",
    QuizBackToResults => "quiz.back_to_results",
    QuizBackToStart => "quiz.back_to_start",
    QuizProblemsHeading => "quiz.problems_heading",
    QuizProblemsIntro => "quiz.problems_intro",
    DateMonths => "date.months",
    ErrorPrefix => "error.prefix",
    QuizAboutHeading => "quiz.about_heading",
    QuizScoreShort => "quiz.score_short",
    FbRoleReceived => "fb.role.received",
    FbRoleGave => "fb.role.gave",
    FbTypeProfessional => "fb.type.professional",
    FbTypeManagerial => "fb.type.managerial",
    FbTypeRestorative => "fb.type.restorative",
    FbTypeClinical => "fb.type.clinical",
    FbTypeCoaching => "fb.type.coaching",
    FbTypeMentoring => "fb.type.mentoring",
    FbTypePreceptorship => "fb.type.preceptorship",
    FbTypeOther => "fb.type.other",
    FbTypeCoachingHint => "fb.type.coaching_hint",
    FbTypeMentoringHint => "fb.type.mentoring_hint",
    FbTypePreceptorshipHint => "fb.type.preceptorship_hint",
    NotesKeptComputer => "notes.kept_computer",
    NotesKeptTab => "notes.kept_tab",
    FbKeptTabTitle => "fb.kept_tab_title",
    FbKeptTabBody => "fb.kept_tab_body",
    SendHeading => "send.heading",
    SendIntro => "send.intro",
    SendLegend => "send.legend",
    SendHint => "send.hint",
    SendComments => "send.comments",
    SendActions => "send.actions",
    SendReminder => "send.reminder",
    SendPreview => "send.preview",
    SendDownload => "send.download",
    SendCopy => "send.copy",
    SendCopied => "send.copied",
    SendCopyFailed => "send.copy_failed",
    SendTextLabel => "send.text_label",
    SendIntroLine => "send.intro_line",
    SendMadeReady => "send.made_ready",
    RecvLink => "recv.link",
    RecvIntro => "recv.intro",
    RecvAddHeading => "recv.add_heading",
    RecvFileLabel => "recv.file_label",
    RecvPasteLabel => "recv.paste_label",
    RecvRead => "recv.read",
    RecvPreviewHeading => "recv.preview_heading",
    RecvLabel => "recv.label",
    RecvLabelHint => "recv.label_hint",
    RecvKeep => "recv.keep",
    RecvDontKeep => "recv.dont_keep",
    RecvKept => "recv.kept",
    RecvAlready => "recv.already",
    RecvNotKept => "recv.not_kept",
    RecvErrorNothing => "recv.error.nothing",
    RecvErrorNotFound => "recv.error.not_found",
    RecvErrorCut => "recv.error.cut",
    RecvErrorDamaged => "recv.error.damaged",
    RecvErrorNewer => "recv.error.newer",
    RecvErrorNotFeedback => "recv.error.not_feedback",
    RecvErrorWholeExport => "recv.error.whole_export",
    RecvErrorQuiz => "recv.error.quiz",
    RecvErrorGiven => "recv.error.given",
    RecvErrorTooBig => "recv.error.too_big",
    RecvSummaryHeading => "recv.summary_heading",
    RecvPeriod => "recv.period",
    RecvPeriod3m => "recv.period.3m",
    RecvPeriod12m => "recv.period.12m",
    RecvPeriod3y => "recv.period.3y",
    RecvPeriodAll => "recv.period.all",
    RecvTable => "recv.table",
    RecvColPieces => "recv.col_pieces",
    RecvColMedian => "recv.col_median",
    RecvNone => "recv.none",
    RecvNoneInPeriod => "recv.none_in_period",
    RecvListHeading => "recv.list_heading",
    RecvColSaid => "recv.col_said",
    RecvColThought => "recv.col_thought",
    RecvColSpread => "recv.col_spread",
    RecvThoughtHint => "recv.thought_hint",
    RecvCommentsHeading => "recv.comments_heading",
    RecvNoComments => "recv.no_comments",
    RecvQuarterHeading => "recv.quarter_heading",
    RecvQuarter => "recv.quarter",
    RecvQuarterChart => "recv.quarter_chart",
    RecvQuarterTable => "recv.quarter_table",
    RecvQuarterTooFew => "recv.quarter_too_few",
    RecvChangeHeading => "recv.change_heading",
    RecvChangeHint => "recv.change_hint",
    RecvAccountHeading => "recv.account_heading",
    RecvRecordButton => "recv.record_button",
    RecvRecordHeading => "recv.record_heading",
    RecvRecordIntro => "recv.record_intro",
    RecvRecordBack => "recv.record_back",
    RecvClose => "recv.close",
    RecvPiecesKept => "recv.pieces_kept",
    RecvPiecesReceived => "recv.pieces_received",
    RecvColQuarter => "recv.col_quarter",
    RecvNoneWritten => "recv.none_written",
    RecvDeleted => "recv.deleted",
    RecvNoMedian => "recv.no_median",
    FbCompareElsewhereHeading => "fb.compare_elsewhere_heading",
    FbCompareElsewhereBody => "fb.compare_elsewhere_body",
    FbCompareAnyway => "fb.compare_anyway",
    FbCompareDatesDiffer => "fb.compare_dates_differ",
    FileChoose => "file.choose",
    FileNoneChosen => "file.none_chosen",
    FbScale1 => "fb.scale.1",
    FbScale2 => "fb.scale.2",
    FbScale3 => "fb.scale.3",
    FbScale4 => "fb.scale.4",
    FbScale5 => "fb.scale.5",
    FbNotApplicable => "fb.not_applicable",
    FbCsvDate => "fb.csv.date",
    FbCsvRole => "fb.csv.role",
    FbCsvType => "fb.csv.type",
    FbCsvLabel => "fb.csv.label",
    FbCsvRating => "fb.csv.rating",
    FbCsvComment => "fb.csv.comment",
    FbSummaryTitle => "fb.summary.title",
    FbSummaryComment => "fb.summary.comment",
    FbNotAMeasure => "fb.not_a_measure",
    FbCompareHeading => "fb.compare_heading",
    FbCompareIntro => "fb.compare_intro",
    FbCompareShare => "fb.compare_share",
    FbCompareFile => "fb.compare_file",
    FbCompareButton => "fb.compare_button",
    FbCompareNone => "fb.compare_none",
    FbCompareNoFile => "fb.compare_no_file",
    FbCompareResultHeading => "fb.compare_result_heading",
    FbCompareDiffer => "fb.compare_differ",
    FbCompareCaution => "fb.compare_caution",
    FbCompareMine => "fb.compare_mine",
    FbCompareTheirs => "fb.compare_theirs",
    FbCompareSupervisor => "fb.compare_supervisor",
    FbCompareRatedDifferently => "fb.compare_rated_differently",
    FbCompareTable => "fb.compare_table",
    DataHeading => "data.heading",
    DataIntro => "data.intro",
    DataExport => "data.export",
    DataImportLabel => "data.import_label",
    DataImportHint => "data.import_hint",
    DataModeLegend => "data.mode_legend",
    DataMerge => "data.merge",
    DataReplace => "data.replace",
    DataImport => "data.import",
    DataReplaceQuestion => "data.replace_question",
    DataReplaceWarning => "data.replace_warning",
    DataReplaceConfirm => "data.replace_confirm",
    DataImported => "data.imported",
    DataNoFile => "data.no_file",
    DataErrorTooBig => "data.error.too_big",
    DataErrorNotExport => "data.error.not_export",
    DataErrorNewer => "data.error.newer",
    DataErrorTooMany => "data.error.too_many",
    DataErrorBadItem => "data.error.bad_item",
    DataListSessions => "data.list.sessions",
    DataListResults => "data.list.results",
    DataListReceived => "data.list.received",
    DataErrorSave => "data.error.save",
    DataErrorProtected => "data.error.protected",
    DataKeptAsideIntro => "data.kept_aside_intro",
    DataKeptAsideDownload => "data.kept_aside_download",
    DataErrorRead => "data.error.read",
    FbAboutHeading => "fb.about_heading",
    FbRoleLegend => "fb.role_legend",
    FbKindLegend => "fb.kind_legend",
    FbDateLegend => "fb.date_legend",
    FbDateHint => "fb.date_hint",
    FbDay => "fb.day",
    FbMonth => "fb.month",
    FbYear => "fb.year",
    FbLabelLabel => "fb.label_label",
    FbLabelHint => "fb.label_hint",
    FbCharsLeft => "fb.chars_left",
    FbCharsOver => "fb.chars_over",
    FbCharsLimit => "fb.chars_limit",
    FbSessionsShown => "fb.sessions_shown",
    FbDomainProgress => "fb.domain_progress",
    FbPromptsIntro => "fb.prompts_intro",
    FbScaleLegend => "fb.scale_legend",
    FbCommentLabel => "fb.comment_label",
    FbCommentHint => "fb.comment_hint",
    FbOneAtATime => "fb.one_at_a_time",
    FbDomainsIntro => "fb.domains_intro",
    FbAddComment => "fb.add_comment",
    FbPlanActionFor => "fb.plan_action_for",
    FbCarryOn => "fb.carry_on",
    FbActionsPagesLabel => "fb.actions_pages_label",
    FbActionFor => "fb.action_for",
    FbContinue => "fb.continue",
    FbBack => "fb.back",
    FbSave => "fb.save",
    FbStartAgain => "fb.start_again",
    FbStartAgainQuestion => "fb.start_again_question",
    FbStartAgainConfirm => "fb.start_again_confirm",
    FbCheckHeading => "fb.check_heading",
    FbCheckSession => "fb.check_session",
    FbCheckDateNotToday => "fb.check_date_not_today",
    FbCheckDomains => "fb.check_domains",
    FbChange => "fb.change",
    FbNoComment => "fb.no_comment",
    FbNotGiven => "fb.not_given",
    FbErrorRole => "fb.error.role",
    FbErrorKind => "fb.error.kind",
    FbErrorDateMissing => "fb.error.date_missing",
    FbErrorDateNotReal => "fb.error.date_not_real",
    FbErrorDateFuture => "fb.error.date_future",
    FbErrorLabelLong => "fb.error.label_long",
    FbErrorRating => "fb.error.rating",
    FbErrorCommentLong => "fb.error.comment_long",
    FbActionsHeading => "fb.actions_heading",
    FbActionsIntro => "fb.actions_intro",
    FbActionsNone => "fb.actions_none",
    FbActionsOtherLegend => "fb.actions_other_legend",
    FbActionsOtherHint => "fb.actions_other_hint",
    FbActionLabel => "fb.action_label",
    FbActionHintReceived => "fb.action_hint_received",
    FbActionHintGave => "fb.action_hint_gave",
    FbActionByLegend => "fb.action_by_legend",
    FbActionByHint => "fb.action_by_hint",
    FbFollowUpHeading => "fb.follow_up_heading",
    FbFollowUpIntro => "fb.follow_up_intro",
    FbFollowUpLegend => "fb.follow_up_legend",
    FbFollowUpPlanned => "fb.follow_up_planned",
    FbDueBy => "fb.due_by",
    FbOverdue => "fb.overdue",
    FbOutcomeDone => "fb.outcome.done",
    FbOutcomePartly => "fb.outcome.partly",
    FbOutcomeNotYet => "fb.outcome.not_yet",
    FbOutcomeNoLongerNeeded => "fb.outcome.no_longer_needed",
    FbNoteLabel => "fb.note_label",
    FbCarry => "fb.carry",
    FbCheckActions => "fb.check_actions",
    FbCheckFollowUps => "fb.check_follow_ups",
    FbNoActions => "fb.no_actions",
    FbNotAnswered => "fb.not_answered",
    FbCarriedForward => "fb.carried_forward",
    FbErrorActionLong => "fb.error.action_long",
    FbErrorActionDate => "fb.error.action_date",
    FbErrorActionPast => "fb.error.action_past",
    FbErrorNoteLong => "fb.error.note_long",
    FbCsvAction => "fb.csv_action",
    FbCsvActionBy => "fb.csv_action_by",
    FbSummaryAction => "fb.summary_action",
    FbSummaryActionBy => "fb.summary_action_by",
    FbYourActionsLink => "fb.your_actions_link",
    FbYourActionsHeading => "fb.your_actions_heading",
    FbYourActionsIntro => "fb.your_actions_intro",
    FbYourActionsNone => "fb.your_actions_none",
    FbYourActionsNoMatch => "fb.your_actions_no_match",
    FbActionsShow => "fb.actions_show",
    FbActionsShowAll => "fb.actions_show_all",
    FbActionsShowOpen => "fb.actions_show_open",
    FbActionsShowDone => "fb.actions_show_done",
    FbActionsCaption => "fb.actions_caption",
    FbColAction => "fb.col_action",
    FbColPlanned => "fb.col_planned",
    FbColDueBy => "fb.col_due_by",
    FbColStatus => "fb.col_status",
    FbColNote => "fb.col_note",
    FbStatusOpen => "fb.status_open",
    FbStatusOverdue => "fb.status_overdue",
    FbStatusDoneOn => "fb.status_done_on",
    FbStatusLastTime => "fb.status_last_time",
    FbDownloadActionsCsv => "fb.download_actions_csv",
    FbSeeYourActions => "fb.see_your_actions",
    FbTrendDoneKey => "fb.trend_done_key",
    FbTrendDoneMark => "fb.trend_done_mark",
    FbTrendDoneDescription => "fb.trend_done_description",
    PrivacyLegend => "privacy.legend",
    PrivacyHint => "privacy.hint",
    PrivacyKeep => "privacy.keep",
    PrivacyMonth => "privacy.month",
    PrivacyWeek => "privacy.week",
    PrivacyDay => "privacy.day",
    PrivacyLimitMonth => "privacy.limit_month",
    PrivacyLimitWeek => "privacy.limit_week",
    PrivacyLimitDay => "privacy.limit_day",
    PrivacySavedKeep => "privacy.saved_keep",
    PrivacySavedLimit => "privacy.saved_limit",
    PrivacyNotSaved => "privacy.not_saved",
    NoticeExpired => "notice.expired",
    PrivacyNone => "privacy.none",
    PrivacyFloor => "privacy.floor",
    PrivacySavedNone => "privacy.saved_none",
    PrivacyDeleteQuestion => "privacy.delete_question",
    PrivacyDeleteDetail => "privacy.delete_detail",
    PrivacyDeleteConfirm => "privacy.delete_confirm",
    PrivacyExportFirst => "privacy.export_first",
    PrivacySaveChoice => "privacy.save_choice",
    PrivacyUnlockQuestion => "privacy.unlock_question",
    PrivacyUnlockDetail => "privacy.unlock_detail",
    PrivacyUnlockConfirm => "privacy.unlock_confirm",
    PrivacyExpireQuestion => "privacy.expire_question",
    PrivacyExpireDetail => "privacy.expire_detail",
    PrivacyExpireConfirm => "privacy.expire_confirm",
    PrivacyLocked => "privacy.locked",
    LockWarning => "lock.warning",
    PassphraseShow => "passphrase.show",
    LockNewLabel => "lock.new_label",
    LockNewHint => "lock.new_hint",
    LockAgainLabel => "lock.again_label",
    LockSet => "lock.set",
    LockChangeHeading => "lock.change_heading",
    LockChange => "lock.change",
    LockErrorShort => "lock.error_short",
    LockErrorCommon => "lock.error_common",
    LockErrorMatch => "lock.error_match",
    LockWorking => "lock.working",
    LockSaved => "lock.saved",
    LockChanged => "lock.changed",
    LockNotSaved => "lock.not_saved",
    LockOverQuestion => "lock.over_question",
    LockOverDetail => "lock.over_detail",
    LockOverConfirm => "lock.over_confirm",
    FooterLocked => "footer.locked",
    FooterLockNow => "footer.lock_now",
    FooterLockNotSet => "footer.lock_not_set",
    UnlockHeading => "unlock.heading",
    UnlockIntro => "unlock.intro",
    UnlockLabel => "unlock.label",
    UnlockButton => "unlock.button",
    UnlockWorking => "unlock.working",
    UnlockErrorEmpty => "unlock.error_empty",
    UnlockErrorWrong => "unlock.error_wrong",
    UnlockErrorNoRandom => "unlock.error_no_random",
    UnlockForgot => "unlock.forgot",
    UnlockTabOnly => "unlock.tab_only",
    UnlockTabOnlyHint => "unlock.tab_only_hint",
    FoundHeading => "found.heading",
    FoundBody => "found.body",
    FoundHint => "found.hint",
    FoundTabOnly => "found.tab_only",
    FoundMine => "found.mine",
    GuestBody => "guest.body",
    HeaderPrivacyLink => "header.privacy_link",
    UnlockHint => "unlock.hint",
    UnlockErrorWaitUntil => "unlock.error_wait_until",
    UnlockButtonWait => "unlock.button_wait",
    UnlockReady => "unlock.ready",
    LockUnlocked => "lock.unlocked",
    LockDeleted => "lock.deleted",
    LockLockedIdle => "lock.locked_idle",
    LockLockedNow => "lock.locked_now",
    IdleWarning => "idle.warning",
    IdleStay => "idle.stay",
    UnlockDeleteQuestion => "unlock.delete_question",
    UnlockDeleteDetail => "unlock.delete_detail",
    UnlockDeleteConfirm => "unlock.delete_confirm",
    UnlockErrorWait => "unlock.error_wait",
    DataExportPlain => "data.export_plain",
    DataErrorLocked => "data.error_locked",
    DataErrorWrongPassphrase => "data.error_wrong_passphrase",
    DataErrorLockOutOfBounds => "data.error_lock_out_of_bounds",
    DataFilePassphrase => "data.file_passphrase",
    LockRecheckHint => "lock.recheck_hint",
    LockRecheckWorking => "lock.recheck_working",
    DataExportLock => "data.export_lock",
    DataExportLockWarning => "data.export_lock_warning",
    OfferHeading => "offer.heading",
    OfferBody => "offer.body",
    OfferChoose => "offer.choose",
    OfferKeep => "offer.keep",
    FooterTabOnly => "footer.tab_only",
    NoticeDeleteLeft => "notice.delete_left",
    NoticeLeftOnComputer => "notice.left_on_computer",
    FbActionsShown => "fb.actions_shown",
    FbOpenActions => "fb.open_actions",
    FbSavedTitle => "fb.saved_title",
    FbNotSavedTitle => "fb.not_saved_title",
    FbNotSavedBody => "fb.not_saved_body",
    FbNotSavedDownload => "fb.not_saved_download",
    FbSessionHeading => "fb.session_heading",
    FbChartTitle => "fb.chart_title",
    FbChartDescription => "fb.chart_description",
    FbChartPrevious => "fb.chart_previous",
    FbTableCaption => "fb.table_caption",
    FbColDomain => "fb.col_domain",
    FbColThis => "fb.col_this",
    FbColPrevious => "fb.col_previous",
    FbCommentsHeading => "fb.comments_heading",
    FbPrint => "fb.print",
    FbCopy => "fb.copy",
    FbCopied => "fb.copied",
    FbCopyFailed => "fb.copy_failed",
    FbSummaryLabel => "fb.summary_label",
    FbDownloadCsv => "fb.download_csv",
    FbDownloadAllCsv => "fb.download_all_csv",
    FbHistoryLink => "fb.history_link",
    FbNewSession => "fb.new_session",
    FbTrendLink => "fb.trend_link",
    FbHistoryHeading => "fb.history_heading",
    FbHistoryCaption => "fb.history_caption",
    FbFilterRole => "fb.filter_role",
    FbFilterKind => "fb.filter_kind",
    FbFilterAny => "fb.filter_any",
    FbColActions => "fb.col_actions",
    FbOpen => "fb.open",
    FbDelete => "fb.delete",
    FbDeleteQuestion => "fb.delete_question",
    FbDeleted => "fb.deleted",
    FbAccountButton => "fb.account_button",
    FbAccountHeading => "fb.account_heading",
    FbAccountIntro => "fb.account_intro",
    FbAccountNature => "fb.account_nature",
    FbAccountLearned => "fb.account_learned",
    FbAccountChanged => "fb.account_changed",
    FbAccountRelevance => "fb.account_relevance",
    FbAccountThemes => "fb.account_themes",
    FbAccountThemesHint => "fb.account_themes_hint",
    FbThemePeople => "fb.theme.people",
    FbThemePractise => "fb.theme.practise",
    FbThemeSafety => "fb.theme.safety",
    FbThemeTrust => "fb.theme.trust",
    FbAccountOther => "fb.account_other",
    FbAccountHint => "fb.account_hint",
    FbAccountBack => "fb.account_back",
    FbCsvLearned => "fb.csv_learned",
    FbCsvChanged => "fb.csv_changed",
    FbCsvThemes => "fb.csv_themes",
    FbCsvOther => "fb.csv_other",
    FbDeleteConfirm => "fb.delete_confirm",
    FbHistoryEmpty => "fb.history_empty",
    FbHistoryNoMatch => "fb.history_no_match",
    FbPagesLabel => "fb.pages_label",
    PagePrevious => "page.previous",
    PageNext => "page.next",
    PageNumber => "page.number",
    PageStatus => "page.status",
    FbTrendHeading => "fb.trend_heading",
    FbTrendIntro => "fb.trend_intro",
    FbTrendTooFew => "fb.trend_too_few",
    FbTrendTable => "fb.trend_table",
    FbTrendCaption => "fb.trend_caption",
    FbTrendChartTitle => "fb.trend_chart_title",
    FbTrendChartDescription => "fb.trend_chart_description",
}

/// Keys whose message is a set of plural forms with a `{count}` placeholder.
const COUNTED: &[Key] = &[
    Key::LockOverQuestion,
    Key::FoundBody,
    Key::PrivacyExpireQuestion,
    Key::ClearCount,
    Key::QuizCount,
    Key::QuizMinutes,
    Key::FbCharsLeft,
    Key::FbCharsOver,
    Key::FbCharsLimit,
    Key::FbSessionsShown,
    Key::FbCompareDiffer,
    Key::FbActionsShown,
    Key::FbOpenActions,
    Key::NoticeExpired,
    Key::NoticeLeftOnComputer,
    Key::UnlockErrorWait,
    Key::QuizSourcesLabel,
    Key::RecvPiecesKept,
    Key::RecvThoughtHint,
    Key::RecvPiecesReceived,
];

impl Key {
    /// Whether the message counts something and so has one text per plural category.
    pub fn is_counted(self) -> bool {
        COUNTED.contains(&self)
    }
}

/// A language's plain messages, one after another, and where each ends (by `Key as usize`).
fn plain_table(lang: Lang) -> (&'static str, &'static [u16]) {
    match lang {
        Lang::English => (tables::EN_TEXT, &tables::EN_ENDS),
        Lang::Welsh => (tables::CY_TEXT, &tables::CY_ENDS),
    }
}

/// The compiled plural forms of each counted message of a language, in `COUNTED` order.
fn counted_table(lang: Lang) -> &'static [&'static [(PluralCategory, &'static str)]] {
    match lang {
        Lang::English => &tables::EN_COUNTED,
        Lang::Welsh => &tables::CY_COUNTED,
    }
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    // Every key has its text: the tests check the files are complete and the tables current.
    let (text, ends) = plain_table(lang);
    let at = key as usize;
    let start = at.checked_sub(1).and_then(|before| ends.get(before));
    let end = ends.get(at);
    match (start.copied().unwrap_or(0), end) {
        (start, Some(&end)) => text
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default(),
        _ => "",
    }
}

/// The counted text of `key` in `lang` for `count`, in the right plural form, with `{count}`
/// filled in.
pub fn counted(lang: Lang, key: Key, count: u64) -> String {
    let category = lang.plural_category(count);
    COUNTED
        .iter()
        .position(|k| *k == key)
        .and_then(|i| counted_table(lang).get(i))
        .and_then(|forms| {
            let form = |wanted: PluralCategory| forms.iter().find(|(c, _)| *c == wanted);
            form(category).or_else(|| form(PluralCategory::Other))
        })
        .map(|(_, form)| form.replace("{count}", &count.to_string()))
        .unwrap_or_default()
}

/// Translation status, for translators and reviewers.
#[cfg(test)]
#[derive(Debug)]
pub struct Meta {
    pub language: String,
    /// `source`, `reviewed` or `awaiting-review`.
    pub translation: String,
}

#[cfg(test)]
impl FromJson for Meta {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Meta {
            language: members.get("language")?,
            translation: members.get("translation")?,
        })
    }
}

/// One language's message file, as translators write it (read by the tests, which check it and
/// compile it into `messages_tables.rs`).
#[cfg(test)]
#[derive(Debug)]
pub struct Catalogue {
    pub meta: Meta,
    /// Plain messages.
    messages: SortedMap<String>,
    /// Messages that count something: plural category name to text.
    counted: SortedMap<SortedMap<String>>,
}

#[cfg(test)]
impl FromJson for Catalogue {
    fn from_json(value: &Value) -> Result<Self, Shape> {
        let members = value.members()?;
        Ok(Catalogue {
            meta: members.get("_meta")?,
            messages: members.get("messages")?,
            counted: members.get_or_default("counted")?,
        })
    }
}

#[cfg(test)]
use crate::core::json::{FromJson, Shape, Value};
#[cfg(test)]
use crate::core::sorted::SortedMap;

#[cfg(test)]
const EN_JSON: &str = include_str!("../../content/messages/en.json");
#[cfg(test)]
const CY_JSON: &str = include_str!("../../content/messages/cy.json");

#[cfg(test)]
impl Catalogue {
    /// Parses a message file.
    pub fn parse(json: &str) -> Result<Catalogue, String> {
        crate::core::json::parse(json).map_err(|e| format!("message file is not valid: {e}"))
    }

    /// The message file of a language.
    pub fn of(lang: Lang) -> Catalogue {
        let json = match lang {
            Lang::English => EN_JSON,
            Lang::Welsh => CY_JSON,
        };
        Catalogue::parse(json).expect("the message file parses")
    }

    /// This catalogue as the Rust arrays of `messages_tables.rs`, for `lang`.
    fn compiled(&self, lang: Lang) -> String {
        let name = lang.code().to_ascii_uppercase();
        let mut out = format!("pub(super) const {name}_TEXT: &str = concat!(\n");
        let mut ends = Vec::new();
        let mut end = 0;
        for key in Key::ALL {
            let text = if key.is_counted() {
                ""
            } else {
                self.text(*key)
            };
            out.push_str(&format!("    {text:?},\n"));
            end += text.len();
            ends.push(u16::try_from(end).expect("a language's messages fit in 64 KB"));
        }
        out.push_str(&format!(
            ");\n\npub(super) const {name}_ENDS: [u16; {}] = [\n",
            Key::ALL.len()
        ));
        for line in ends.chunks(12) {
            let numbers: Vec<String> = line.iter().map(u16::to_string).collect();
            out.push_str(&format!("    {},\n", numbers.join(", ")));
        }
        out.push_str(&format!(
            "];\n\npub(super) const {name}_COUNTED: [&[(PluralCategory, &str)]; {}] = [\n",
            COUNTED.len()
        ));
        for key in COUNTED {
            out.push_str("    &[\n");
            for category in lang.plural_categories() {
                let form = &self.counted[key.id()][category.name()];
                out.push_str(&format!("        ({category:?}, {form:?}),\n"));
            }
            out.push_str("    ],\n");
        }
        out.push_str("];\n");
        out
    }

    /// The text of a plain message; the key's id if it is missing, so a gap is visible, not blank.
    pub fn text(&self, key: Key) -> &str {
        self.messages.get(key.id()).map_or(key.id(), String::as_str)
    }

    /// The text of a counted message in the right plural form, with `{count}` filled in.
    pub fn counted(&self, lang: Lang, key: Key, count: u64) -> String {
        let category = lang.plural_category(count).name();
        self.counted
            .get(key.id())
            .and_then(|forms| forms.get(category).or_else(|| forms.get("other")))
            .map(|form| form.replace("{count}", &count.to_string()))
            .unwrap_or_else(|| key.id().to_owned())
    }

    /// Everything wrong with this catalogue for `lang`: missing or extra keys, the wrong kind of
    /// entry, missing plural forms, empty text. Empty means complete.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        let mut problems = Vec::new();
        if self.meta.language != lang.code() {
            problems.push(format!(
                "_meta.language is {:?}, expected {:?}",
                self.meta.language,
                lang.code()
            ));
        }
        for key in Key::ALL {
            let (plain, forms) = (self.messages.get(key.id()), self.counted.get(key.id()));
            match (key.is_counted(), plain, forms) {
                (false, Some(text), None) if text.trim().is_empty() => {
                    problems.push(format!("empty text for {}", key.id()))
                }
                (false, Some(_), None) => {}
                (true, None, Some(forms)) => {
                    for category in lang.plural_categories() {
                        match forms.get(category.name()) {
                            Some(form) if form.trim().is_empty() => problems.push(format!(
                                "empty {} form of {}",
                                category.name(),
                                key.id()
                            )),
                            Some(_) => {}
                            None => problems.push(format!(
                                "missing {} form of {}",
                                category.name(),
                                key.id()
                            )),
                        }
                    }
                }
                (_, None, None) => problems.push(format!("missing key {}", key.id())),
                (true, _, _) => problems.push(format!(
                    "{} must be in \"counted\", with plural forms",
                    key.id()
                )),
                (false, _, _) => problems.push(format!(
                    "{} must be in \"messages\", as plain text",
                    key.id()
                )),
            }
        }
        for id in self.messages.keys().chain(self.counted.keys()) {
            if !Key::ALL.iter().any(|key| key.id() == id) {
                problems.push(format!("unknown key {id}"));
            }
        }
        problems
    }
}

/// Fills `{name}` placeholders in a message.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A date from an ISO 8601 timestamp as people write it: "26 November 2026", "26 Tachwedd 2026".
/// Anything unreadable is shown as it is rather than hidden.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let parts: Option<(u32, usize, u32)> = (|| {
        let year = iso.get(0..4)?.parse().ok()?;
        let month: usize = iso.get(5..7)?.parse().ok()?;
        let day = iso.get(8..10)?.parse().ok()?;
        Some((year, month, day))
    })();
    let months: Vec<&str> = text(lang, Key::DateMonths).split(',').collect();
    match parts {
        Some((year, month, day)) if (1..=12).contains(&month) && months.len() == 12 => {
            format!("{day} {} {year}", months[month - 1])
        }
        _ => iso.to_owned(),
    }
}

/// A score to at most one decimal place: "12", "12.5". (Integer arithmetic: float formatting
/// would add its tables to the bundle for this one use.)
pub fn format_score(score: f64) -> String {
    let tenths = (score * 10.0).round().max(0.0) as u64;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        fraction => format!("{}.{fraction}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_built_in_catalogues_parse() {
        Catalogue::parse(EN_JSON).expect("content/messages/en.json");
        Catalogue::parse(CY_JSON).expect("content/messages/cy.json");
    }

    /// The widget reads `messages_tables.rs`, not the JSON. This writes that file from the JSON
    /// (complete, by the tests above) and fails if the committed copy was different, so a
    /// changed message file cannot ship without its tables: run `cargo test` and commit both.
    #[test]
    fn the_compiled_tables_match_the_message_files() {
        for (i, key) in Key::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i, "Key::ALL is in declaration order");
        }
        let mut expected = String::from(
            "//! Generated from content/messages/{en,cy}.json by the test\n\
             //! `messages::tests::the_compiled_tables_match_the_message_files`: edit the JSON, run\n\
             //! `cargo test`, commit both. Plain messages one after another in `Key` order (\"\" for\n\
             //! counted ones), each ending where `*_ENDS` says: an offset a message, not a pointer and\n\
             //! a length (issue 26); counted messages' plural forms in `COUNTED` order.\n\n\
             use super::lang::PluralCategory::{self, *};\n\n",
        );
        for lang in [Lang::English, Lang::Welsh] {
            let catalogue = Catalogue::of(lang);
            assert_eq!(catalogue.problems(lang), Vec::<String>::new());
            expected.push_str(&catalogue.compiled(lang));
            if lang == Lang::English {
                expected.push('\n');
            }
        }
        crate::core::assert_generated_file_is_current(
            "src/core/messages_tables.rs",
            &expected,
            "content/messages/*.json",
        );
    }

    #[test]
    fn the_widget_shows_the_same_text_as_the_message_files() {
        for lang in [Lang::English, Lang::Welsh] {
            let catalogue = Catalogue::of(lang);
            for key in Key::ALL {
                if key.is_counted() {
                    for n in [0, 1, 2, 3, 6, 7, 11] {
                        assert_eq!(counted(lang, *key, n), catalogue.counted(lang, *key, n));
                    }
                } else {
                    assert_eq!(text(lang, *key), catalogue.text(*key));
                }
            }
        }
    }

    #[test]
    fn english_catalogue_is_complete() {
        assert_eq!(
            Catalogue::of(Lang::English).problems(Lang::English),
            Vec::<String>::new()
        );
    }

    #[test]
    fn welsh_catalogue_is_complete() {
        assert_eq!(
            Catalogue::of(Lang::Welsh).problems(Lang::Welsh),
            Vec::<String>::new()
        );
    }

    #[test]
    fn english_is_the_source_and_welsh_awaits_a_translator() {
        assert_eq!(Catalogue::of(Lang::English).meta.translation, "source");
        assert_eq!(
            Catalogue::of(Lang::Welsh).meta.translation,
            "awaiting-review"
        );
    }

    #[test]
    fn welsh_differs_from_english_for_every_sentence() {
        // A copy of the English left in the Welsh file is a missing translation. Short names
        // (the tool's title) may legitimately coincide, and so may a pattern with no words of
        // its own ("[{number}] {title}"), so only sentences with words are compared.
        let words = |text: &str| {
            let mut rest = text;
            let mut outside = String::new();
            while let Some(start) = rest.find('{') {
                outside.push_str(&rest[..start]);
                rest = rest[start..].split_once('}').map_or("", |(_, after)| after);
            }
            outside.push_str(rest);
            outside.chars().any(char::is_alphabetic)
        };
        for key in Key::ALL.iter().filter(|k| !k.is_counted()) {
            let en = text(Lang::English, *key);
            if en.contains(' ') && words(en) {
                assert_ne!(
                    en,
                    text(Lang::Welsh, *key),
                    "{} is not translated",
                    key.id()
                );
            }
        }
    }

    #[test]
    fn problems_reports_a_missing_key_an_unknown_key_and_a_missing_plural_form() {
        let json = r#"{
            "_meta": { "language": "cy", "translation": "awaiting-review" },
            "messages": { "made.up": "x" },
            "counted": { "clear.count": { "one": "1", "other": "{count}" } }
        }"#;
        let problems = Catalogue::parse(json).unwrap().problems(Lang::Welsh);
        assert!(
            problems.contains(&"missing key app.title".to_owned()),
            "{problems:?}"
        );
        assert!(
            problems.contains(&"unknown key made.up".to_owned()),
            "{problems:?}"
        );
        assert!(
            problems.contains(&"missing zero form of clear.count".to_owned()),
            "{problems:?}"
        );
        assert!(
            problems.contains(&"missing many form of clear.count".to_owned()),
            "{problems:?}"
        );
    }

    #[test]
    fn counted_messages_pick_the_plural_form_and_fill_in_the_count() {
        assert!(counted(Lang::English, Key::ClearCount, 1).contains("1 saved item "));
        assert!(counted(Lang::English, Key::ClearCount, 4).contains("4 saved items"));
        // Welsh: "dwy eitem" (two, feminine), "tair eitem" (three), "chwe eitem" (six).
        assert!(counted(Lang::Welsh, Key::ClearCount, 2).contains("dwy eitem"));
        assert!(counted(Lang::Welsh, Key::ClearCount, 3).contains("tair eitem"));
        assert!(counted(Lang::Welsh, Key::ClearCount, 6).contains("chwe eitem"));
        assert!(counted(Lang::Welsh, Key::ClearCount, 7).contains("7 eitem"));
        for lang in [Lang::English, Lang::Welsh] {
            for n in 0..30 {
                assert!(!counted(lang, Key::ClearCount, n).contains("{count}"));
            }
        }
    }

    #[test]
    fn fills_named_placeholders() {
        assert_eq!(
            fill(
                "Question {number} of {total}",
                &[("number", "3"), ("total", "16")]
            ),
            "Question 3 of 16"
        );
        assert_eq!(fill("no placeholders", &[("x", "y")]), "no placeholders");
    }

    #[test]
    fn formats_dates_in_each_language() {
        assert_eq!(
            format_date(Lang::English, "2026-11-26T10:00:00.000Z"),
            "26 November 2026"
        );
        assert_eq!(
            format_date(Lang::Welsh, "2026-03-01T10:00:00.000Z"),
            "1 Mawrth 2026"
        );
        assert_eq!(format_date(Lang::English, "yesterday"), "yesterday");
        assert_eq!(format_date(Lang::English, "2026-13-01"), "2026-13-01");
    }

    #[test]
    fn formats_scores_to_one_decimal_place_at_most() {
        assert_eq!(format_score(12.0), "12");
        assert_eq!(format_score(12.5), "12.5");
        assert_eq!(format_score(2.0 / 3.0), "0.7");
        assert_eq!(format_score(15.96), "16");
    }

    #[test]
    fn a_missing_message_shows_its_key_rather_than_nothing() {
        let json = r#"{ "_meta": { "language": "en", "translation": "source" }, "messages": {} }"#;
        let catalogue = Catalogue::parse(json).unwrap();
        assert_eq!(catalogue.text(Key::AppTitle), "app.title");
        assert_eq!(
            catalogue.counted(Lang::English, Key::ClearCount, 2),
            "clear.count"
        );
    }
}
