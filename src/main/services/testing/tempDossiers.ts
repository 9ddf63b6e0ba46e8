/**
 * The set-up every service test shares: a fresh temporary data folder per test, Dossiers
 * opened on it with test defaults, and everything closed and the folder removed after
 * the test, whatever happened in it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { articlePlainText } from '../../../shared/domain/article'
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

/** The first article of the library (the sample on a first run): its id, blocks and plain text. */
export async function firstArticle(dossier: Dossier) {
  const [summary] = await dossier.handlers.listArticles({})
  const article = await dossier.handlers.openArticle({ articleId: summary!.id })
  return { id: summary!.id, blocks: article.body.blocks, text: articlePlainText(article.body.blocks) }
}

/** Highlights the first occurrence of a quote in the article, as the reader does with a selection. */
export async function highlightQuote(dossier: Dossier, articleId: string, text: string, quote: string) {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`"${quote}" is not in the text`)
  return dossier.handlers.createNote({ articleId, range: { start, end: start + quote.length }, expectedQuote: quote })
}
