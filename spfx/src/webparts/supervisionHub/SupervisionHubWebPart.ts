// The SharePoint wrapper of <supervision-widget>: one element in the web part's domElement, its
// attributes set from the web part's properties. The app is the very bundle `cargo xtask dist`
// builds (one classic script), which webpack puts inside this web part's own file: one bundle,
// two wrappers (this and the plain script tag), never a second copy of the app.

import { Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
  PropertyPaneDropdown,
  PropertyPaneTextField,
  PropertyPaneToggle
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'SupervisionHubWebPartStrings';

import '../../../../dist/supervision-widget.js';

export interface ISupervisionHubWebPartProps {
  /** `all`, `quiz` or `feedback`: the element's `mode`. */
  mode: string;
  /** `page` (the page's language), `en` or `cy`. */
  language: string;
  /** Empty for the element's default key. */
  storageKey: string;
  /** Empty for every question. */
  questions: string;
  /** Empty for no pass mark. */
  passMark: string;
  shuffle: boolean;
  /** `2` to `5`: the level of the widget's title, under the page's own headings. */
  headingLevel: string;
  /** What the widget keeps on a shared computer, at least: `keep` (or empty), `30d`, `7d`,
   *  `1d`, `locked` or `none`. People can choose stricter, never looser. */
  privacy: string;
}

const TAG = 'supervision-widget';

/** What the bundle's element class offers wrappers (an older bundle may lack it). */
interface IWidgetElementClass {
  checkSetting?: (name: string, value: string, lang: string) => Promise<string | undefined>;
}

export default class SupervisionHubWebPart extends BaseClientSideWebPart<ISupervisionHubWebPartProps> {
  private _widget: HTMLElement | undefined;
  /** The user's Teams language, when the web part runs as a Teams tab or personal app. */
  private _teamsLocale: string | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      try {
        const context = await teams.teamsJs.app.getContext();
        this._teamsLocale = context.app.locale;
      } catch {
        // Without the Teams context, the page context's culture still gives a language.
      }
    }
  }

  public render(): void {
    // SPFx calls render() again after every property change: the element stays and only its
    // attributes change, which the element applies without a reload.
    const widget = this._widget ?? document.createElement(TAG);
    const props = this.properties;
    setAttribute(widget, 'mode', props.mode || 'all');
    setAttribute(widget, 'lang', this._language());
    setAttribute(widget, 'storage-key', props.storageKey);
    setAttribute(widget, 'questions', props.questions);
    setAttribute(widget, 'pass-mark', props.passMark);
    setAttribute(widget, 'shuffle', props.shuffle === false ? 'false' : '');
    setAttribute(widget, 'heading-level', props.headingLevel);
    setAttribute(widget, 'privacy', props.privacy === 'keep' ? '' : props.privacy);
    this._widget = widget;
    // First render, or SharePoint emptied the web part's element: (re)attach the one widget.
    if (widget.parentNode !== this.domElement) {
      this.domElement.replaceChildren(widget);
    }
  }

  protected onDispose(): void {
    // Removing the element tears the widget down (its pending save is written first).
    this._widget?.remove();
    this._widget = undefined;
    super.onDispose();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  /** `en` or `cy`: the chosen language, else the page's (a Teams user's language in Teams). */
  private _language(): string {
    const chosen = this.properties.language;
    if (chosen === 'en' || chosen === 'cy') {
      return chosen;
    }
    const culture = this._teamsLocale || this.context.pageContext.cultureInfo.currentUICultureName || '';
    return culture.toLowerCase().split('-')[0] === 'cy' ? 'cy' : 'en';
  }

  /** The element's own check of a typed value; an empty value means the element's default. */
  private _check(attribute: string, value: string): Promise<string> {
    const widgetClass = customElements.get(TAG) as IWidgetElementClass | undefined;
    if (!value.trim() || !widgetClass?.checkSetting) {
      return Promise.resolve('');
    }
    const paneLanguage = this.context.pageContext.cultureInfo.currentUICultureName;
    return widgetClass
      .checkSetting(attribute, value, paneLanguage)
      .then((problem) => problem || '', () => '');
  }

  private _textField(property: keyof ISupervisionHubWebPartProps, attribute: string, label: string, description: string): IPropertyPaneField<unknown> {
    return PropertyPaneTextField(property, {
      label,
      description,
      onGetErrorMessage: (value: string) => this._check(attribute, value)
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PaneDescription },
          groups: [
            {
              groupName: strings.WidgetGroup,
              groupFields: [
                PropertyPaneDropdown('mode', {
                  label: strings.ModeLabel,
                  options: [
                    { key: 'all', text: strings.ModeAll },
                    { key: 'quiz', text: strings.ModeQuiz },
                    { key: 'feedback', text: strings.ModeFeedback }
                  ]
                }),
                PropertyPaneDropdown('language', {
                  label: strings.LanguageLabel,
                  options: [
                    { key: 'page', text: strings.LanguagePage },
                    { key: 'en', text: strings.LanguageEnglish },
                    { key: 'cy', text: strings.LanguageWelsh }
                  ]
                }),
                PropertyPaneDropdown('headingLevel', {
                  label: strings.HeadingLevelLabel,
                  options: [
                    { key: '2', text: strings.HeadingLevel2 },
                    { key: '3', text: strings.HeadingLevel3 },
                    { key: '4', text: strings.HeadingLevel4 },
                    { key: '5', text: strings.HeadingLevel5 }
                  ]
                }),
                this._textField('storageKey', 'storage-key', strings.StorageKeyLabel, strings.StorageKeyHelp),
                PropertyPaneDropdown('privacy', {
                  label: strings.PrivacyLabel,
                  options: [
                    { key: 'keep', text: strings.PrivacyKeep },
                    { key: '30d', text: strings.PrivacyMonth },
                    { key: '7d', text: strings.PrivacyWeek },
                    { key: '1d', text: strings.PrivacyDay },
                    { key: 'locked', text: strings.PrivacyLocked },
                    { key: 'none', text: strings.PrivacyNone }
                  ]
                })
              ]
            },
            {
              groupName: strings.QuizGroup,
              groupFields: [
                this._textField('questions', 'questions', strings.QuestionsLabel, strings.QuestionsHelp),
                this._textField('passMark', 'pass-mark', strings.PassMarkLabel, strings.PassMarkHelp),
                PropertyPaneToggle('shuffle', {
                  label: strings.ShuffleLabel,
                  onText: strings.ShuffleOn,
                  offText: strings.ShuffleOff
                })
              ]
            }
          ]
        }
      ]
    };
  }
}

/** Sets an attribute only when it changes (each change re-reads the settings); empty removes it. */
function setAttribute(element: HTMLElement, name: string, value: string | undefined): void {
  const wanted = (value ?? '').trim();
  if (!wanted) {
    if (element.hasAttribute(name)) {
      element.removeAttribute(name);
    }
  } else if (element.getAttribute(name) !== wanted) {
    element.setAttribute(name, wanted);
  }
}
