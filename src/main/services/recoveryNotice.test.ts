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
    expect(describeRecovery(damagedLibrary).message).toBe(
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
    expect(describeRecovery({ ...damagedLibrary, restoredSavedAt }).message).toContain(
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
    expect(describeRecovery({ ...missing, file: '/data/notes/a1.json' }).message).toBe(
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
    expect(describeRecovery(lost).message).toBe(
      'library.json could not be read (it holds null where an object was expected); no earlier copy could be read, so Dossier starts it empty. ' +
        'The damaged file was kept at /data/.quarantine/library.2026-12-02T140411.000Z.json.'
    )
  })

  it('carries a code and parameters the interface says in its language', () => {
    const said = describeRecovery(damagedLibrary)
    expect(said.code).toBe('recovery.restored')
    expect(said.params).toEqual({
      file: 'library.json',
      reason: { code: 'recovery.wrongShape', params: { detail: 'articles: expected array, received object' } },
      kept: {
        code: 'recovery.kept',
        params: { path: '/data/.quarantine/library.2026-12-02T140411.000Z.json' }
      },
      contents: {
        code: 'recovery.contents',
        params: {
          contents: {
            code: 'list.pair',
            params: {
              first: { code: 'count.article', params: { count: 3 } },
              second: { code: 'count.tag', params: { count: 9 } }
            }
          }
        }
      },
      saved: {
        code: 'recovery.savedSameDay',
        params: { savedTime: local(2, 14, 2, 11), age: { code: 'age.minutes', params: { count: 2 } } }
      }
    })
  })

  it('a missing file says so by code, and a file that starts empty has its own code', () => {
    const missing = describeRecovery({ ...damagedLibrary, quarantinedTo: null, reason: 'the file was missing' })
    expect(missing.params['reason']).toEqual({ code: 'recovery.missing', params: {} })
    expect(missing.params['kept']).toBe('')
    const lost = describeRecovery({
      ...damagedLibrary,
      restoredFrom: null,
      restoredSavedAt: null,
      restoredContents: null
    })
    expect(lost.code).toBe('recovery.startsEmpty')
    expect(lost.params['contents']).toBe('')
  })

  it('says in a code whether the file was cut short or held something else than an object', () => {
    const cut = describeRecovery({ ...damagedLibrary, reason: 'Unexpected end of JSON input' })
    expect(cut.params['reason']).toEqual({ code: 'recovery.notJson', params: {} })
    expect(cut.message).toContain('(Unexpected end of JSON input)')
    const nothing = describeRecovery({ ...damagedLibrary, reason: 'it holds null where an object was expected' })
    expect(nothing.params['reason']).toEqual({ code: 'recovery.notAnObject', params: {} })
  })

  it('a copy from another day names its day', () => {
    const said = describeRecovery({ ...damagedLibrary, restoredSavedAt: local(1, 9, 0, 0) })
    expect(said.params['saved']).toEqual({
      code: 'recovery.savedOtherDay',
      params: {
        savedDate: local(1, 9, 0, 0),
        savedTime: local(1, 9, 0, 0),
        age: { code: 'age.hours', params: { count: 29 } }
      }
    })
  })
})
