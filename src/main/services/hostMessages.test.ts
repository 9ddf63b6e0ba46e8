// Messages the host composes carry a code and parameters end to end: what the interface words in its language.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { dataLayout } from './schema'
import { useTempDossiers } from './testing/tempDossiers'

const folder = useTempDossiers('dossier-host-messages-')
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('an import refused', () => {
  it('names the file and gives the reason as a code, beside the English words', async () => {
    const dossier = await folder.open({ sampleArticle: null })
    const outcome = await dossier.handlers.importFile({ name: 'rapport\u202Eexe.pdf', bytes: bytes('pas un PDF') })
    expect(outcome).toEqual({
      ok: false,
      fileName: 'rapport\u202Eexe.pdf',
      reason: 'the file is damaged or not a PDF',
      why: { code: 'import.pdfDamaged', params: {} }
    })
  })

  it('an unsupported type lists the formats Dossier imports', async () => {
    const dossier = await folder.open({ sampleArticle: null })
    const outcome = await dossier.handlers.importFile({ name: 'tableau.xlsx', bytes: bytes('x') })
    expect(outcome).toMatchObject({
      ok: false,
      fileName: 'tableau.xlsx',
      why: {
        code: 'import.unsupportedType',
        params: { extension: '.xlsx', supported: ['.txt', '.md', '.html', '.docx', '.pdf'] }
      }
    })
  })

  it('an empty file and an empty paste say so by code', async () => {
    const dossier = await folder.open({ sampleArticle: null })
    expect(await dossier.handlers.importFile({ name: 'vide.txt', bytes: bytes('  \n ') })).toMatchObject({
      why: { code: 'import.empty', params: {} }
    })
    expect(await dossier.handlers.importPaste({ text: '   ' })).toMatchObject({
      ok: false,
      why: { code: 'import.nothingToImport', params: {} }
    })
  })
})

describe('a service error', () => {
  it('a dismissed notice dismissed again answers with a code', async () => {
    const dossier = await folder.open({ sampleArticle: null })
    const result = await dispatchApiCall(dossier.handlers, 'dismissNotice', {
      noticeId: '0b6c3c1e-4a39-4d0c-9d3a-3f7a3d1d2e10'
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'That message was already dismissed.',
        why: { code: 'notice.alreadyDismissed', params: {} }
      }
    })
  })
})

describe('a recovery notice', () => {
  it('carries the file name and what was restored as parameters', async () => {
    const first = await folder.open()
    await first.handlers.createTag({ path: 'Lieux' })
    // The copy restored is the one saved before the last write: the library with one tag.
    await first.handlers.createTag({ path: 'Acteurs' })
    await folder.close(first)
    fs.writeFileSync(dataLayout.library(folder.dataDir), '{ "articles": ')
    const dossier = await folder.open()
    const [notice] = await dossier.handlers.listNotices({})
    expect(notice).toMatchObject({
      level: 'warning',
      code: 'recovery.restored',
      params: {
        file: 'library.json',
        contents: {
          code: 'recovery.contents',
          params: {
            contents: {
              code: 'list.pair',
              params: {
                first: { code: 'count.article', params: { count: 1 } },
                second: { code: 'count.tag', params: { count: 1 } }
              }
            }
          }
        }
      }
    })
    expect(notice?.message).toMatch(/^library\.json could not be read \(/)
  })
})
