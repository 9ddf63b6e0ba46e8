/**
 * A quote from a PDF is cited by its page (« p. 12 »), the place a reader of the PDF can
 * find, in every export format; other sources keep their paragraph number.
 */
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import type { BriefingDocument } from '../../../shared/briefing/document'
import { docxExporter } from './docx'
import { renderBriefingHtml } from './html'
import { toWebAnnotations } from './jsonld'
import { citedPlaces, labelsFor, placeReference } from './labels'
import { renderBriefingMarkdown } from './markdown'
import { NBSP, sampleBriefing } from './testing/sampleBriefing'

/** The sample briefing with its first source a PDF: note-1 on page 12, note-2 on page 3. */
function briefingFromPdf(): BriefingDocument {
  const document = sampleBriefing()
  const pages: Record<string, number> = { 'note-1': 12, 'note-2': 3 }
  for (const section of document.sections) {
    for (const item of section.items) item.page = pages[item.noteId] ?? null
  }
  return document
}

const FRENCH = labelsFor('fr')

describe('placeReference and citedPlaces', () => {
  it.each([
    [{ paragraph: 4, page: 12 }, `p.${NBSP}12`],
    [{ paragraph: 4, page: null }, `§${NBSP}4`],
    [{ paragraph: null, page: null }, '']
  ])('%o → %s', (item, expected) => {
    expect(placeReference(item, FRENCH)).toBe(expected)
  })

  it('lists the pages cited from a PDF source, in order, and paragraphs for the others', () => {
    const document = briefingFromPdf()
    expect(citedPlaces(document, 1, FRENCH)).toBe(`p.${NBSP}3, 12`)
    expect(citedPlaces(sampleBriefing(), 1, FRENCH)).toBe(`§${NBSP}1, 4`)
    expect(citedPlaces(document, 2, FRENCH)).toBe('')
  })
})

describe('every format names the page', () => {
  const citation = `Le Desk, «${NBSP}Le chef d’état-major israélien en visite au Maroc${NBSP}», Rédaction, 18 juillet 2022`

  it('Markdown', () => {
    const markdown = renderBriefingMarkdown(briefingFromPdf())
    expect(markdown).toContain(`${citation}, p.${NBSP}12`)
    expect(markdown).toContain(`${citation}, p.${NBSP}3`)
    expect(markdown).toContain(`<https://example.org/maroc/kochavi-visite>, p.${NBSP}3, 12`)
    expect(markdown).not.toContain(`§${NBSP}1`)
  })

  it('HTML (and so PDF, which prints it)', () => {
    const html = renderBriefingHtml(briefingFromPdf())
    expect(html).toContain(`${citation}, p.${NBSP}12</cite>`)
    expect(html).toContain(`<span class="cited">p.${NBSP}3, 12</span>`)
  })

  it('Word', async () => {
    const bytes = await docxExporter.export(briefingFromPdf(), {})
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(value).toContain(`${citation}, p.${NBSP}12`)
    expect(value).toContain(`${citation}, p.${NBSP}3`)
  })

  it('JSON-LD, as dossier:page on the annotation', () => {
    const annotations = toWebAnnotations(briefingFromPdf()).first.items
    expect(annotations.map((annotation) => annotation['dossier:page'])).toEqual([12, 3, undefined])
  })
})
