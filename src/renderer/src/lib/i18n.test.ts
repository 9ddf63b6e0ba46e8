import { describe, expect, it } from 'vitest'
import { changeLanguage, i18n, systemLanguage, t } from './i18n'

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
