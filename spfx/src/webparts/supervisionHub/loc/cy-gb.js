define([], function () {
  return {
    "PaneDescription": "Hwb Goruchwylio: cwis hunanwirio am oruchwylio, ac adborth chwe pharth ar sesiwn goruchwylio. Mae popeth y mae pobl yn ei roi yn aros yn eu porwr eu hunain ar eu cyfrifiadur eu hunain; nid oes dim yn cael ei anfon i unman.",
    "WidgetGroup": "Beth mae'n ei ddangos",
    "ModeLabel": "Dangos",
    "ModeAll": "Y cwis a'r ffurflen adborth",
    "ModeQuiz": "Y cwis yn unig",
    "ModeFeedback": "Y ffurflen adborth yn unig",
    "LanguageLabel": "Iaith",
    "LanguagePage": "Iaith y dudalen",
    "LanguageEnglish": "Saesneg",
    "LanguageWelsh": "Cymraeg",
    "StorageKeyLabel": "Enw storio (dewisol)",
    "StorageKeyHelp": "Gadewch yn wag oni bai bod angen i ddwy ran we o'r fath ar y wefan hon gadw data ar wahân: rhowch ei enw ei hun i bob un. Llythrennau, digidau, - a _ yn unig.",
    "QuizGroup": "Cwis",
    "QuestionsLabel": "Nifer y cwestiynau (dewisol)",
    "QuestionsHelp": "Rhif cyfan o 1 i 200: mae pob ymgais yn tynnu'r nifer hwn o gwestiynau, yn gytbwys ar draws y pynciau. Gadewch yn wag i ofyn pob un.",
    "PassMarkLabel": "Marc llwyddo, canran (dewisol)",
    "PassMarkHelp": "Mae rhif cyfan o 0 i 100 yn troi geiriad \"wedi llwyddo\" a \"ddim eto\" ymlaen. Gadewch yn wag ar gyfer hunanwiriad heb farc llwyddo.",
    "ShuffleLabel": "Trefn y cwestiynau",
    "ShuffleOn": "Wedi'u cymysgu ar gyfer pob ymgais",
    "ShuffleOff": "Fel y'u hysgrifennwyd, bob tro",
    "HeadingLevelLabel": "Lefel teitl y teclyn",
    "HeadingLevel2": "Pennawd 2: yn syth o dan deitl y dudalen",
    "HeadingLevel3": "Pennawd 3: o dan bennawd 2 ar y dudalen",
    "HeadingLevel4": "Pennawd 4: o dan bennawd 3 ar y dudalen",
    "HeadingLevel5": "Pennawd 5: o dan bennawd 4 ar y dudalen"
  };
});
