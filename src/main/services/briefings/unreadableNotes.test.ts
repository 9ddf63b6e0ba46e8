// One unreadable notes file fails only its article (issue 11): a briefing composes without it,
// says which article is missing, and keeps that article's snapshots for when it can be read again.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dataLayout } from '../schema'
import { highlightQuote, useTempDossiers } from '../testing/tempDossiers'

const folder = useTempDossiers('dossier-unreadable-notes-', () => ({ sampleArticle: null }))

async function pasted(dossier: Awaited<ReturnType<typeof folder.open>>, text: string) {
  const outcome = await dossier.handlers.importPaste({ text })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.article
}

describe('a briefing over a library with one unreadable notes file', () => {
  it('composes without that article, names it, and keeps its snapshots', async () => {
    const first = await folder.open()
    const maroc = await pasted(first, 'Le Maroc\n\nRabat signe un accord de défense.')
    const israel = await pasted(first, 'Israël\n\nJérusalem confirme la livraison.')
    const rabat = await highlightQuote(first, maroc.id, 'Le Maroc\n\nRabat signe un accord de défense.', 'Rabat')
    const livraison = await highlightQuote(first, israel.id, 'Israël\n\nJérusalem confirme la livraison.', 'livraison')
    const briefing = await first.handlers.createBriefing({ includedNoteIds: [rabat.id, livraison.id] })
    await folder.close(first)
    // A notes file that cannot be read at all (a folder in its place: EISDIR), which no backup can stand in for.
    const notesFile = dataLayout.notes(folder.dataDir, israel.id)
    fs.rmSync(notesFile)
    fs.mkdirSync(notesFile)

    const reopened = await folder.open()
    const composed = await reopened.handlers.composeBriefing({ briefingId: briefing.id })
    const quotes = composed.document.sections.flatMap((section) => section.items.map((item) => item.quote))
    expect(quotes).toEqual(['Rabat'])
    expect((composed as typeof composed & { unreadableArticles: unknown }).unreadableArticles).toEqual([
      { articleId: israel.id, title: 'Israël' }
    ])
    const notices = await reopened.handlers.listNotices({})
    expect(notices.map((notice) => notice.message)).toEqual([
      expect.stringMatching(/^The notes of « Israël » could not be read: notes\/[\w-]+\.json \(/)
    ])
    // Nothing of the missing article was forgotten: its note's snapshot is still stored.
    expect(Object.keys((await reopened.handlers.getBriefing({ briefingId: briefing.id })).snapshots).sort()).toEqual(
      [rabat.id, livraison.id].sort()
    )
    // Listing briefings counts what can be read, and does not fail either.
    expect((await reopened.handlers.listBriefings({})).map((summary) => summary.noteCount)).toEqual([1])
  })
})
