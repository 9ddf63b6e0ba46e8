// Preferences on a real data folder: a first run follows the system, a choice is saved to
// preferences.json and read back by the next start, and read-only mode refuses a change.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { preferencesFile, readPreferences } from './preferences'
import { useTempDossiers } from './testing/tempDossiers'

const dossiers = useTempDossiers('dossier-preferences-', () => ({ sampleArticle: null }))

describe('preferences', () => {
  it('follow the system on a first run, without writing a file for it', async () => {
    const dossier = await dossiers.open()
    expect(await dossier.handlers.getPreferences({})).toEqual({ interfaceLanguage: 'system' })
    expect(fs.existsSync(preferencesFile(dossiers.dataDir))).toBe(false)
  })

  it('keep the interface language on disk, for the next start', async () => {
    const first = await dossiers.open()
    expect(await first.handlers.setPreferences({ interfaceLanguage: 'fr' })).toEqual({ interfaceLanguage: 'fr' })
    const stored = JSON.parse(fs.readFileSync(preferencesFile(dossiers.dataDir), 'utf8'))
    expect(stored).toMatchObject({ schemaVersion: 2, interfaceLanguage: 'fr' })
    await dossiers.close(first)
    const second = await dossiers.open()
    expect(await second.handlers.getPreferences({})).toEqual({ interfaceLanguage: 'fr' })
  })

  it('refuse a language the contract does not know, before any service sees it', async () => {
    const dossier = await dossiers.open()
    const result = await dispatchApiCall(dossier.handlers, 'setPreferences', { interfaceLanguage: 'de' })
    expect(result.ok).toBe(false)
    expect(await dossier.handlers.getPreferences({})).toEqual({ interfaceLanguage: 'system' })
  })

  it('are refused in read-only mode, with its reason', async () => {
    const dossier = await dossiers.open({
      writeProbe: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
      }
    })
    const result = await dispatchApiCall(dossier.handlers, 'setPreferences', { interfaceLanguage: 'en' })
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(await dossier.handlers.getPreferences({})).toEqual({ interfaceLanguage: 'system' })
  })
})

describe('readPreferences', () => {
  it.each([
    [{ interfaceLanguage: 'fr' }, 'fr'],
    [{ interfaceLanguage: 'en' }, 'en'],
    [{ interfaceLanguage: 'system' }, 'system'],
    [{ interfaceLanguage: 'klingon' }, 'system'],
    [{ interfaceLanguage: 3 }, 'system'],
    [{}, 'system']
  ])('reads %j as %s', (stored, expected) => {
    expect(readPreferences(stored)).toEqual({ interfaceLanguage: expected })
  })
})
