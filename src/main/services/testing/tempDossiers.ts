/**
 * The set-up every service test shares: a fresh temporary data folder per test, Dossiers
 * opened on it with test defaults, and everything closed and the folder removed after
 * the test, whatever happened in it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { openDossier, type Dossier, type OpenDossierOptions } from '../dossier'

/** The French news sample every first run shows. */
export const SAMPLE_ARTICLE = path.join(__dirname, '..', '..', '..', '..', 'resources', 'sample-article.txt')

export interface TempDossiers {
  /** This test's data folder. */
  readonly dataDir: string
  open(overrides?: Partial<OpenDossierOptions>): Promise<Dossier>
  /** Closes one Dossier early, to reopen the same folder. */
  close(dossier: Dossier): Promise<void>
}

/** Registers the hooks; `defaults` is read at each open, so it may depend on per-test state. */
export function useTempDossiers(
  prefix: string,
  defaults: () => Partial<OpenDossierOptions> = () => ({})
): TempDossiers {
  let dataDir = ''
  const opened: Dossier[] = []
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  })
  afterEach(async () => {
    for (const dossier of opened.splice(0)) await dossier.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  return {
    get dataDir() {
      return dataDir
    },
    async open(overrides = {}) {
      const dossier = await openDossier({
        dataDir,
        mode: 'test',
        sampleArticle: { path: SAMPLE_ARTICLE, language: 'fr' },
        backupIntervalMs: 0,
        ...defaults(),
        ...overrides
      })
      opened.push(dossier)
      return dossier
    },
    async close(dossier) {
      await dossier.close()
      opened.splice(opened.indexOf(dossier), 1)
    }
  }
}
