// A new briefing's language is the one the renderer asks for (the interface's), kept on disk and
// in the exported file's `lang`; without one it is French, as every briefing was before.
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../../shared/api/dispatch'
import { useTempDossiers } from '../testing/tempDossiers'

const folder = useTempDossiers('dossier-briefing-language-', () => ({ sampleArticle: null }))

function exportedHtml(file: { dataBase64: string }): string {
  return Buffer.from(file.dataBase64, 'base64').toString('utf8')
}

describe('a new briefing’s language', () => {
  it('is the one asked for, still after reopening the folder, and is the HTML export’s lang', async () => {
    const first = await folder.open()
    const english = await first.handlers.createBriefing({ title: 'Weekly review', language: 'en' })
    expect(english.language).toBe('en')
    await folder.close(first)

    const reopened = await folder.open()
    expect((await reopened.handlers.getBriefing({ briefingId: english.id })).language).toBe('en')
    const html = exportedHtml(
      await reopened.handlers.exportBriefing({ briefingId: english.id, format: 'html', paper: 'a4' })
    )
    expect(html).toContain('<html lang="en">')
  })

  it('is French when none is asked for', async () => {
    const dossier = await folder.open()
    const untold = await dossier.handlers.createBriefing({ title: 'Revue de presse' })
    expect(untold.language).toBe('fr')
    const html = exportedHtml(
      await dossier.handlers.exportBriefing({ briefingId: untold.id, format: 'html', paper: 'a4' })
    )
    expect(html).toContain('<html lang="fr">')
  })

  it('is refused when it is not a language code, through the API’s validation', async () => {
    const dossier = await folder.open()
    const refused = await dispatchApiCall(dossier.handlers, 'createBriefing', { language: 'English' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await dossier.handlers.listBriefings({})).toEqual([])
  })
})
