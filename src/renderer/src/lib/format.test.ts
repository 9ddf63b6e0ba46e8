import { afterAll, describe, expect, it } from 'vitest'
import { formatDate, formatNumber, languageName } from './format'
import { changeLanguage } from './i18n'

afterAll(() => changeLanguage('en'))

describe('formatting in the interface language', () => {
  it('names an article language in English, then in French', async () => {
    await changeLanguage('en')
    expect(languageName('fr')).toBe('French')
    expect(languageName('ar')).toBe('Arabic')
    await changeLanguage('fr')
    expect(languageName('fr')).toBe('Français')
    expect(languageName('en')).toBe('Anglais')
  })

  it('shows a code it cannot name as it is, and nothing for none', async () => {
    await changeLanguage('fr')
    expect(languageName('zz-not a tag')).toBe('zz-not a tag')
    expect(languageName(null)).toBe(null)
  })

  it('writes numbers and dates the French way in French', async () => {
    await changeLanguage('fr')
    expect(formatNumber(12345)).toBe('12\u202f345')
    expect(formatDate('2022-07-19')).toBe('19 juillet 2022')
    await changeLanguage('en')
    expect(formatDate('2022-07-19')).toBe('19 July 2022')
  })
})

describe('formatDate with a partial date', () => {
  it('keeps a year alone and writes a month without inventing its first day', async () => {
    await changeLanguage('fr')
    expect(formatDate('2023')).toBe('2023')
    expect(formatDate('2023-11')).toBe('novembre 2023')
    await changeLanguage('en')
    expect(formatDate('2023-11')).toBe('November 2023')
  })
})
