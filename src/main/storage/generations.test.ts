// What is kept of a file's backup generations, judged against a clock the test sets.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETENTION,
  generationName,
  generationsToKeep,
  parseGenerationName,
  type RetentionPolicy
} from './generations'

const at = (iso: string): number => Date.parse(iso)

describe('generation names', () => {
  it('carry the UTC time the content was saved, to the millisecond, with no colon', () => {
    expect(generationName('library', at('2026-12-02T14:02:11.123Z'))).toBe('library.20261202T140211.123Z.json')
    expect(generationName('library', at('2026-12-02T14:02:11.123Z'), 2)).toBe('library.20261202T140211.123Z-2.json')
  })

  it('read back to the same time and suffix, for any time and stem', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31) }),
        fc.nat({ max: 50 }),
        fc.constantFrom('library', 'briefings', '6f1c2a4e-0b7d-4f3e-9a51-2d8c7e6b5a40', 'a.b'),
        (time, n, stem) => {
          expect(parseGenerationName(stem, generationName(stem, time, n))).toEqual({ kind: 'stamped', time, n })
        }
      )
    )
  })

  it.each([
    ['library.1.json', { kind: 'numbered', index: 1 }],
    ['library.12.json', { kind: 'numbered', index: 12 }],
    ['library.0.json', null],
    ['library.json', null],
    ['library.20261302T140211.123Z.json', null],
    ['library.20261202T140211.123Z-0.json', null],
    ['library.20261202T140211Z.json', null],
    ['library-old.20261202T140211.123Z.json', null],
    ['.library.20261202T140211.123Z.json.4242.abcdef.tmp', null],
    ['library.before-edit.json', null]
  ])('%s → %j', (base, expected) => {
    expect(parseGenerationName('library', base)).toEqual(expected)
  })
})

describe('generationsToKeep', () => {
  const now = at('2026-12-02T12:00:00.000Z')
  const generation = (iso: string, size = 1000) => ({ name: iso, time: at(iso), size })
  const keptNames = (all: ReturnType<typeof generation>[], policy: RetentionPolicy) =>
    generationsToKeep(all, now, policy).map((kept) => kept.name)

  it('keeps the last N writes whatever their age, newest first', () => {
    const all = [
      generation('2026-01-01T00:00:00.000Z'),
      generation('2026-12-02T11:59:00.000Z'),
      generation('2026-12-02T11:58:00.000Z'),
      generation('2025-06-01T00:00:00.000Z')
    ]
    expect(keptNames(all, { keepLast: 3, hourlyForMs: 0, dailyForMs: 0, maxBytes: Infinity })).toEqual([
      '2026-12-02T11:59:00.000Z',
      '2026-12-02T11:58:00.000Z',
      '2026-01-01T00:00:00.000Z'
    ])
  })

  it('adds the newest of each hour for 24 h and the newest of each day for 14 days (default policy)', () => {
    const all = [
      // Twelve saves in the last hour: the last ten are kept as such.
      ...Array.from({ length: 12 }, (_, i) => generation(`2026-12-02T11:${String(59 - i).padStart(2, '0')}:00.000Z`)),
      // Earlier this morning: two saves in the 09:00 hour, one at 08:xx.
      generation('2026-12-02T09:40:00.000Z'),
      generation('2026-12-02T09:10:00.000Z'),
      generation('2026-12-02T08:30:00.000Z'),
      // More than 24 h ago: only the newest of each day counts.
      generation('2026-11-30T18:00:00.000Z'),
      generation('2026-11-30T07:00:00.000Z'),
      generation('2026-11-19T10:00:00.000Z'),
      // Older than 14 days: gone.
      generation('2026-11-17T10:00:00.000Z')
    ]
    expect(keptNames(all, DEFAULT_RETENTION)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `2026-12-02T11:${String(59 - i).padStart(2, '0')}:00.000Z`),
      '2026-12-02T09:40:00.000Z',
      '2026-12-02T08:30:00.000Z',
      '2026-11-30T18:00:00.000Z',
      '2026-11-19T10:00:00.000Z'
    ])
  })

  it('drops the oldest kept generations past the size cap, but never the newest', () => {
    const policy = { keepLast: 10, hourlyForMs: 0, dailyForMs: 0, maxBytes: 2500 }
    const all = [
      generation('2026-12-02T11:00:00.000Z', 1000),
      generation('2026-12-02T11:01:00.000Z', 1000),
      generation('2026-12-02T11:02:00.000Z', 1000)
    ]
    expect(keptNames(all, policy)).toEqual(['2026-12-02T11:02:00.000Z', '2026-12-02T11:01:00.000Z'])
    expect(keptNames([generation('2026-12-02T11:00:00.000Z', 9000)], policy)).toEqual(['2026-12-02T11:00:00.000Z'])
  })

  it('keeps nothing when every rule is off', () => {
    const policy = { keepLast: 0, hourlyForMs: 0, dailyForMs: 0, maxBytes: Infinity }
    expect(keptNames([generation('2026-12-02T11:00:00.000Z')], policy)).toEqual([])
  })

  it('never keeps more than the newest N plus one per hour and one per day, whatever the saves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: now - 30 * 86_400_000, max: now }), { maxLength: 200 }), (times) => {
        const all = times.map((time, i) => ({ name: String(i), time, size: 1 }))
        const kept = generationsToKeep(all, now, DEFAULT_RETENTION)
        expect(kept.length).toBeLessThanOrEqual(Math.min(all.length, 10 + 24 + 1 + 14 + 1))
        // The newest save is always among them.
        if (all.length > 0) expect(kept[0]!.time).toBe(Math.max(...times))
      })
    )
  })
})
