// Dates are stored as the source gave them when that is ISO 8601, so nothing is shifted by a time zone.
import { describe, expect, it } from 'vitest'
import { normaliseDate } from './dates'

describe('normaliseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T08:30:00+01:00', '2024-03-05T08:30:00+01:00'],
    ['2024-03-05 08:30', '2024-03-05T08:30'],
    ['Tue, 05 Mar 2024 07:30:00 GMT', '2024-03-05T07:30:00.000Z'],
    ['Tue, 05 Mar 2024 08:30:00 +0100', '2024-03-05T07:30:00.000Z'],
    ['March 5, 2024', null],
    ['5 mars 2024', null],
    ['2024-13-45', null],
    ['', null],
    [null, null]
  ])('reads %j as %j', (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected)
  })
})
