/**
 * What the analyst chooses for a deliverable, in every format: tags hidden unless asked for,
 * the comment set apart under its quote with a label in the briefing's language, and the
 * citations written in the briefing's CSL style when it has one.
 */
import JSZip from 'jszip'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import type { BriefingDocument } from '../../../shared/briefing/document'
import { docxExporter } from './docx'
import { renderBriefingHtml } from './html'
import { toWebAnnotations } from './jsonld'
import { renderBriefingMarkdown } from './markdown'
import { NBSP, sampleBriefing, sampleItem } from './testing/sampleBriefing'

function oneItem(overrides: Partial<BriefingDocument> = {}): BriefingDocument {
  return sampleBriefing({
    sections: [
      {
        key: 'all',
        heading: '',
        level: 1,
        intro: '',
        items: [
          sampleItem({
            noteId: 'n1',
            quote: 'La coopération militaire',
            noteText: 'Signal faible, à suivre.',
            tags: [{ path: 'Acteurs/Maroc', color: '#1f77b4' }],
            page: 12
          })
        ]
      }
    ],
    ...overrides
  })
}

async function docxText(document: BriefingDocument): Promise<string> {
  const zip = await JSZip.loadAsync(await docxExporter.export(document))
  return (await zip.file('word/document.xml')?.async('string')) ?? ''
}

describe('tags in exports', () => {
  it('are left out of every format when the briefing does not show them', async () => {
    const document = oneItem({ showTags: false })
    expect(renderBriefingMarkdown(document)).not.toContain('Acteurs/Maroc')
    expect(renderBriefingHtml(document)).not.toContain('Acteurs/Maroc')
    expect(await docxText(document)).not.toContain('Acteurs/Maroc')
    expect(JSON.stringify(toWebAnnotations(document))).not.toContain('Acteurs/Maroc')
  })

  it('are listed in every format when it does', async () => {
    const document = oneItem({ showTags: true })
    expect(renderBriefingMarkdown(document)).toContain(`*Étiquettes${NBSP}:* Acteurs/Maroc`)
    const html = new JSDOM(renderBriefingHtml(document)).window.document
    expect(html.querySelector('.tags')?.textContent).toBe('Acteurs/Maroc')
    expect(await docxText(document)).toContain(`Étiquettes${NBSP}: Acteurs/Maroc`)
    expect(toWebAnnotations(document).first.items[0]?.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'tagging',
      value: 'Acteurs/Maroc'
    })
  })
})

describe('the comment block', () => {
  it('heads the comment in Markdown with its label, as an indented block after the quote', () => {
    const markdown = renderBriefingMarkdown(oneItem())
    expect(markdown).toContain(`> La coopération militaire\n>\n> — [1] `)
    expect(markdown).toContain(`\n\n* **Commentaire${NBSP}:** Signal faible, à suivre.\n`)
    expect(renderBriefingMarkdown(oneItem({ language: 'en' }))).toContain('* **Comment:** Signal faible, à suivre.')
  })

  it('sets the comment apart in HTML inside the item it belongs to', () => {
    const html = new JSDOM(renderBriefingHtml(oneItem({ language: 'en' }))).window.document
    const comment = html.querySelector('article.item > .comment')
    expect(comment?.querySelector('.comment__label')?.textContent).toBe('Comment:')
    expect(comment?.querySelector('.note')?.textContent?.trim()).toBe('Signal faible, à suivre.')
  })

  it('gives Word a label paragraph and an indented Comment paragraph', async () => {
    const xml = await docxText(oneItem())
    expect(xml).toMatch(/<w:pStyle w:val="CommentLabel"\/>.*?<w:t[^>]*>Commentaire\u00a0:<\/w:t>/s)
    expect(xml).toMatch(/<w:pStyle w:val="Comment"\/>.*?<w:t[^>]*>Signal faible, à suivre\.<\/w:t>/s)
  })
})

describe('citations in a CSL style', () => {
  const styled = oneItem({
    styled: {
      styleId: 'iso690-dossier',
      styleTitle: 'Maison',
      items: { n1: [{ text: 'RÉDACTION, ' }, { text: 'Titre', italic: true }, { text: `, p.${NBSP}12.` }] },
      sources: { 1: [{ text: 'RÉDACTION, ' }, { text: 'Titre', italic: true }, { text: ', 2022.' }] }
    }
  })

  it('prints the style’s citation and entry, with its italics, in Markdown', () => {
    const markdown = renderBriefingMarkdown(styled)
    expect(markdown).toContain(`— [1] RÉDACTION, *Titre*, p.${NBSP}12.`)
    expect(markdown).toContain(`1. RÉDACTION, *Titre*, 2022. (p.${NBSP}12)`)
  })

  it('prints them in HTML with <i>', () => {
    const html = new JSDOM(renderBriefingHtml(styled)).window.document
    expect(html.querySelector('figcaption cite')?.innerHTML).toBe(
      `<a class="ref" href="#source-1">[1]</a> RÉDACTION, <i>Titre</i>, p.&nbsp;12.`
    )
    expect(html.querySelector('#source-1')?.textContent).toBe(`RÉDACTION, Titre, 2022. (p.${NBSP}12)`)
  })

  it('prints them in Word with italic runs', async () => {
    const xml = await docxText(styled)
    expect(xml).toMatch(/<w:i\/>.*?<w:t[^>]*>Titre<\/w:t>/s)
    expect(xml).toContain(`>, p.${NBSP}12.</w:t>`)
  })
})
