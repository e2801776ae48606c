define([], function () {
  return {
    "PaneDescription": "Supervision Hub: a self-check quiz on supervision, and six-domain feedback on a supervision session. Everything people enter stays in their own browser on their own computer; nothing is sent anywhere.",
    "WidgetGroup": "What it shows",
    "ModeLabel": "Show",
    "ModeAll": "The quiz and the feedback form",
    "ModeQuiz": "The quiz only",
    "ModeFeedback": "The feedback form only",
    "LanguageLabel": "Language",
    "LanguagePage": "The page's language",
    "LanguageEnglish": "English",
    "LanguageWelsh": "Welsh",
    "StorageKeyLabel": "Storage name (optional)",
    "StorageKeyHelp": "Leave empty unless two of these web parts on this site should keep separate data: give each its own name. Letters, digits, - and _ only.",
    "QuizGroup": "Quiz",
    "QuestionsLabel": "Number of questions (optional)",
    "QuestionsHelp": "A whole number from 1 to 200: each attempt draws this many questions, balanced across topics. Leave empty to ask them all.",
    "PassMarkLabel": "Pass mark, percent (optional)",
    "PassMarkHelp": "A whole number from 0 to 100 turns on \"passed\" and \"not yet\" wording. Leave empty for a self-check with no pass mark.",
    "ShuffleLabel": "Question order",
    "ShuffleOn": "Shuffled for each attempt",
    "ShuffleOff": "As written, every time",
    "HeadingLevelLabel": "Level of the widget's title",
    "HeadingLevel2": "Heading 2: straight under the page's title",
    "HeadingLevel3": "Heading 3: under a heading 2 on the page",
    "HeadingLevel4": "Heading 4: under a heading 3 on the page",
    "HeadingLevel5": "Heading 5: under a heading 4 on the page"
  };
});
