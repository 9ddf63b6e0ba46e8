import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fr } from '../locales'
import { changeLanguage, i18n, languageOfChoice, systemLanguage, t } from './i18n'

describe('systemLanguage', () => {
  it.each([
    [['fr-CA', 'en-US'], 'fr'],
    [['de-DE', 'en-GB'], 'en'],
    [['de-DE', 'FR'], 'fr'],
    [[], 'en']
  ] as const)('%j speaks %s', (languages, expected) => {
    expect(systemLanguage(languages)).toBe(expected)
  })
})

describe('t', () => {
  it('gives the text of the current language and follows a change', async () => {
    await changeLanguage('fr')
    expect(t('couldNotStart')).toBe('Dossier n’a pas pu démarrer.')
    await changeLanguage('en')
    expect(t('couldNotStart')).toBe('Dossier could not start.')
    expect(i18n.language).toBe('en')
  })
})

describe('languageOfChoice', () => {
  it.each([
    ['system', ['fr-FR', 'en-US'], 'fr'],
    ['system', ['de-DE'], 'en'],
    ['en', ['fr-FR'], 'en'],
    ['fr', ['en-GB'], 'fr']
  ] as const)('%s on a computer speaking %j is %s', (choice, languages, expected) => {
    expect(languageOfChoice(choice, languages)).toBe(expected)
  })

  it("'system' speaks French exactly when a French tag comes before any English one", () => {
    const tag = fc.constantFrom('fr', 'fr-CA', 'FR-be', 'en', 'en-US', 'de-DE', 'es', 'ar-MA', 'zh-Hans-CN')
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 6 }), (languages) => {
        const firstKnown = languages
          .map((one) => one.toLowerCase().split('-')[0])
          .find((base) => base === 'fr' || base === 'en')
        expect(languageOfChoice('system', languages)).toBe(firstKnown ?? 'en')
      })
    )
  })
})

/** Every string of a resource tree, with its key path. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value as object, `${prefix}${key}.`)
  )
}

describe('French texts', () => {
  const french = leaves(fr)
  it('use the typographic apostrophe', () => {
    expect(french.filter(([, value]) => value.includes("'")).map(([key]) => key)).toEqual([])
  })
  it('put a no-break space inside « » and a narrow one before : ; ! ?', () => {
    const wrong = french.filter(([, value]) => /« | »| [:;!?](\s|$)/.test(value)).map(([key]) => key)
    expect(wrong).toEqual([])
  })
})
