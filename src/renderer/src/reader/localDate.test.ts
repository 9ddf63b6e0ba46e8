// Dates in article details are typed and shown in the interface's locale and stored as ISO.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { datePlaceholder, formatLocalDate, parseLocalDate } from './localDate'

describe('formatLocalDate', () => {
  it.each([
    ['2022-07-19', 'fr-FR', '19/07/2022'],
    ['2022-07-19T08:30:00+02:00', 'fr-FR', '19/07/2022'],
    ['2022-07-19', 'en-US', '07/19/2022'],
    ['2022-07-19', 'en-GB', '19/07/2022'],
    ['2022-07', 'fr-FR', '07/2022'],
    ['2022', 'fr-FR', '2022'],
    [null, 'fr-FR', ''],
    ['hier', 'fr-FR', 'hier']
  ])('shows %s in %s as %s', (iso, locale, expected) => {
    expect(formatLocalDate(iso, locale)).toBe(expected)
  })
})

describe('parseLocalDate', () => {
  it.each([
    ['19/07/2022', 'fr-FR', '2022-07-19'],
    ['19.7.2022', 'fr-FR', '2022-07-19'],
    ['07/19/2022', 'en-US', '2022-07-19'],
    ['2022-07-19', 'en-US', '2022-07-19'],
    ['07/2022', 'fr-FR', '2022-07'],
    ['2022', 'fr-FR', '2022'],
    ['  ', 'fr-FR', ''],
    ['31/02/2022', 'fr-FR', undefined],
    ['07/19/2022', 'fr-FR', undefined],
    ['19/07/22', 'fr-FR', undefined],
    ['juillet 2022', 'fr-FR', undefined],
    ['13/2022', 'fr-FR', undefined]
  ])('reads %s in %s as %s', (text, locale, expected) => {
    expect(parseLocalDate(text, locale)).toBe(expected)
  })

  it('reads back every date it shows', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('fr-FR', 'en-US', 'en-GB', 'fr-CA'),
        (date, locale) => {
          const iso = date.toISOString().slice(0, 10)
          expect(parseLocalDate(formatLocalDate(iso, locale), locale)).toBe(iso)
        }
      )
    )
  })
})

describe('datePlaceholder', () => {
  it.each([
    ['fr-FR', { day: 'jj', month: 'mm', year: 'aaaa' }, 'jj/mm/aaaa'],
    ['en-US', { day: 'dd', month: 'mm', year: 'yyyy' }, 'mm/dd/yyyy']
  ])('writes the pattern for %s', (locale, letters, expected) => {
    expect(datePlaceholder(locale, letters)).toBe(expected)
  })

  it('writes a month without the day', () => {
    expect(datePlaceholder('fr-FR', { day: 'jj', month: 'mm', year: 'aaaa' }, false)).toBe('mm/aaaa')
  })
})
