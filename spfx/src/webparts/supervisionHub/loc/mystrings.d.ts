declare interface ISupervisionHubWebPartStrings {
  PaneDescription: string;
  WidgetGroup: string;
  ModeLabel: string;
  ModeAll: string;
  ModeQuiz: string;
  ModeFeedback: string;
  LanguageLabel: string;
  LanguagePage: string;
  LanguageEnglish: string;
  LanguageWelsh: string;
  StorageKeyLabel: string;
  StorageKeyHelp: string;
  QuizGroup: string;
  QuestionsLabel: string;
  QuestionsHelp: string;
  PassMarkLabel: string;
  PassMarkHelp: string;
  ShuffleLabel: string;
  ShuffleOn: string;
  ShuffleOff: string;
  HeadingLevelLabel: string;
  HeadingLevel2: string;
  HeadingLevel3: string;
  HeadingLevel4: string;
  HeadingLevel5: string;
  PrivacyLabel: string;
  PrivacyKeep: string;
  PrivacyMonth: string;
  PrivacyWeek: string;
  PrivacyDay: string;
  PrivacyLocked: string;
  PrivacyNone: string;
}

declare module 'SupervisionHubWebPartStrings' {
  const strings: ISupervisionHubWebPartStrings;
  export = strings;
}
