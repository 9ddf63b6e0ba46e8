// The notice after a recovery says what came back, saved when, and where the damaged file went.
import { describe, expect, it } from 'vitest'
import type { RecoveryEvent } from '../storage/durableJsonFile'
import { describeRecovery } from './recoveryNotice'

/** Local times, so the expectations hold in any time zone the tests run in. */
const local = (day: number, h: number, m: number, s: number): string => new Date(2026, 11, day, h, m, s).toISOString()

const damagedLibrary: RecoveryEvent = {
  file: '/data/library.json',
  quarantinedTo: '/data/.quarantine/library.2026-12-02T140411.000Z.json',
  restoredFrom: '/data/.backups/library.20261202T140211.000Z.json',
  restoredSavedAt: local(2, 14, 2, 11),
  restoredContents: '3 articles, 9 tags',
  detectedAt: local(2, 14, 4, 40),
  reason: 'articles: expected array, received object'
}

describe('describeRecovery', () => {
  it('says what was restored, saved when and how long before, and where the damaged file is', () => {
    expect(describeRecovery(damagedLibrary)).toBe(
      'library.json could not be read (articles: expected array, received object); Dossier restored the last good copy, ' +
        'saved at 14:02:11, 2 minutes earlier: 3 articles, 9 tags. ' +
        'The damaged file was kept at /data/.quarantine/library.2026-12-02T140411.000Z.json.'
    )
  })

  it.each([
    [local(2, 14, 4, 30), 'saved at 14:04:30, 10 seconds earlier'],
    [local(2, 13, 4, 40), 'saved at 13:04:40, 1 hour earlier'],
    [local(1, 9, 0, 0), 'saved on 2026-12-01 at 09:00:00, 29 hours earlier'],
    [local(-1, 14, 4, 40), 'saved on 2026-11-29 at 14:04:40, 3 days earlier']
  ])('a copy saved at %s is %s', (restoredSavedAt, words) => {
    expect(describeRecovery({ ...damagedLibrary, restoredSavedAt })).toContain(
      `restored the last good copy, ${words}: `
    )
  })

  it('says when a missing file came back, with nothing quarantined', () => {
    const missing = {
      ...damagedLibrary,
      quarantinedTo: null,
      restoredContents: '8 notes',
      reason: 'the file was missing'
    }
    expect(describeRecovery({ ...missing, file: '/data/notes/a1.json' })).toBe(
      'a1.json could not be read (the file was missing); Dossier restored the last good copy, saved at 14:02:11, 2 minutes earlier: 8 notes.'
    )
  })

  it('says so when no earlier copy could be read', () => {
    const lost = {
      ...damagedLibrary,
      restoredFrom: null,
      restoredSavedAt: null,
      restoredContents: null,
      reason: 'it holds null where an object was expected'
    }
    expect(describeRecovery(lost)).toBe(
      'library.json could not be read (it holds null where an object was expected); no earlier copy could be read, so Dossier starts it empty. ' +
        'The damaged file was kept at /data/.quarantine/library.2026-12-02T140411.000Z.json.'
    )
  })
})
