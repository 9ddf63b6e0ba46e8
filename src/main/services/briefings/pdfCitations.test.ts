// A note on an article imported from a PDF is cited by its page: the page travels from the
// imported block, through the briefing, into its snapshot, on a real data folder.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../../shared/domain/article'
import { makePdf, type FixtureLine } from '../import/testing/pdfFixtures'
import { dataLayout } from '../schema'
import { useTempDossiers } from '../testing/tempDossiers'
import { pageAt } from './handlers'

const folder = useTempDossiers('dossier-pdf-citations-', () => ({ now: () => new Date(Date.UTC(2024, 2, 4, 9)) }))

const line = (text: string, y: number): FixtureLine => ({ text, x: 50, y, size: 11 })

describe('citing a PDF', () => {
  it('gives each item the page its paragraph starts on, and keeps it in the snapshot', async () => {
    const dossier = await folder.open()
    const bytes = await makePdf(
      [
        [line('Premier constat, sur la première page du rapport.', 700)],
        [line('Le second constat figure en page deux.', 700)]
      ],
      { language: 'fr-FR' }
    )
    const outcome = await dossier.handlers.importFile({
      name: 'rapport.pdf',
      bytes
    })
    if (!outcome.ok) throw new Error(outcome.reason)
    const articleId = outcome.article.id
    const text = articlePlainText((await dossier.handlers.openArticle({ articleId })).body.blocks)
    const quote = 'second constat'
    const start = text.indexOf(quote)
    const note = await dossier.handlers.createNote({
      articleId,
      range: { start, end: start + quote.length },
      expectedQuote: quote
    })
    const briefing = await dossier.handlers.createBriefing({})
    await dossier.handlers.updateBriefing({ briefingId: briefing.id, changes: { filter: { articleIds: [articleId] } } })
    const composed = await dossier.handlers.composeBriefing({ briefingId: briefing.id })
    const items = composed.document.sections.flatMap((section) => section.items)
    expect(items.map((item) => [item.noteId, item.paragraph, item.page])).toEqual([[note.id, 2, 2]])
    const stored = JSON.parse(fs.readFileSync(dataLayout.briefings(folder.dataDir), 'utf8'))
    expect(stored.briefings[0].snapshots[note.id]).toMatchObject({ paragraph: 2, page: 2 })
  })
})

describe('pageAt', () => {
  // Blocks « abc » (page 1), « de » (page 3), « fghi » (no page) joined by blank lines.
  const table = { starts: [0, 5, 9], ends: [3, 7, 13], pages: [1, 3, null] }

  it('gives the page of the block holding the offset, or null', () => {
    expect([0, 4, 6, 9].map((offset) => pageAt(table, offset))).toEqual([1, 3, 3, null])
    expect(pageAt(null, 0)).toBeNull()
  })
})
