/**
 * The interface language. i18next (with react-i18next) was chosen over FormatJS because its
 * plain `t()` works outside components too (actions and messages are built in plain modules
 * here), its resources are plain objects we can type-check key by key (locales/types.ts), and
 * plural forms come from `Intl.PluralRules`. Dates and numbers go through `Intl` with the
 * locale from `interfaceLocale()`.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { InterfaceLanguageChoice } from '../../../shared/api/schemas/preferences'
import { en, fr, INTERFACE_LANGUAGES, NAMESPACES, type InterfaceLanguage } from '../locales'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof en
  }
}

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value)
}

/** The system's first language that Dossier speaks, else English. */
export function systemLanguage(languages: readonly string[]): InterfaceLanguage {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0]
    if (isInterfaceLanguage(base)) return base
  }
  return 'en'
}

function systemLanguages(): readonly string[] {
  return globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']
}

/** What a choice made in Settings means on this computer: 'system' speaks its first language Dossier knows. */
export function languageOfChoice(
  choice: InterfaceLanguageChoice,
  languages: readonly string[] = systemLanguages()
): InterfaceLanguage {
  return choice === 'system' ? systemLanguage(languages) : choice
}

export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources: { en, fr },
  // The system's language until the saved choice is applied (app/renderApp.tsx, before the first paint).
  lng: languageOfChoice('system'),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  // Resources are bundled, so start synchronously: the first paint is already translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes what it renders.
  returnNull: false
})

export const t = i18n.t.bind(i18n)

export function currentLanguage(): InterfaceLanguage {
  return isInterfaceLanguage(i18n.language) ? i18n.language : 'en'
}

/**
 * The BCP 47 locale for `Intl`: the system's own region when it speaks the interface
 * language (fr-CA keeps its conventions), else the language's usual region.
 */
export function interfaceLocale(): string {
  const language = currentLanguage()
  const system = globalThis.navigator?.language ?? ''
  if (system.toLowerCase().split('-')[0] === language) return system
  return language === 'fr' ? 'fr-FR' : 'en-GB'
}

export async function changeLanguage(language: InterfaceLanguage): Promise<void> {
  await i18n.changeLanguage(language)
}

/** Applies a choice from Settings or the saved preferences; remembering it is the host's job. */
export function applyLanguageChoice(choice: InterfaceLanguageChoice): Promise<void> {
  return changeLanguage(languageOfChoice(choice))
}

function markDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage()
}
markDocumentLanguage()
i18n.on('languageChanged', markDocumentLanguage)
