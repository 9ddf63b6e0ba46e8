import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { datePartOrder, formatDay, parseDay } from './dateField'

describe('dates written the interface locale’s way', () => {
  it.each([
    ['fr-FR', ['day', 'month', 'year']],
    ['en-GB', ['day', 'month', 'year']],
    ['en-US', ['month', 'day', 'year']],
    ['fr-CA', ['year', 'month', 'day']]
  ])('%s writes %j', (locale, order) => {
    expect(datePartOrder(locale)).toEqual(order)
  })

  it.each([
    ['19/07/2022', 'fr-FR', '2022-07-19'],
    ['19.7.22', 'fr-FR', '2022-07-19'],
    ['7/19/2022', 'en-US', '2022-07-19'],
    ['19 07 2022', 'en-GB', '2022-07-19'],
    ['2022-07-19', 'fr-CA', '2022-07-19'],
    ['29/02/2024', 'fr-FR', '2024-02-29'],
    ['29/02/2023', 'fr-FR', null],
    ['31/04/2022', 'fr-FR', null],
    ['7/19/2022', 'fr-FR', null],
    ['19/07', 'fr-FR', null],
    ['', 'fr-FR', null],
    ['19/07/202', 'fr-FR', null]
  ])('reads %s in %s as %s', (typed, locale, expected) => {
    expect(parseDay(typed, locale)).toBe(expected)
  })

  it('writes a day with two-digit day and month', () => {
    expect(formatDay('2022-07-09', 'fr-FR')).toBe('09/07/2022')
    expect(formatDay('2022-07-09', 'en-US')).toBe('07/09/2022')
  })

  it('reads back every day it writes, in every locale it may speak', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.constantFrom('fr-FR', 'fr-CA', 'en-GB', 'en-US'), (iso, locale) => {
        expect(parseDay(formatDay(iso, locale), locale)).toBe(iso)
      })
    )
  })
})
