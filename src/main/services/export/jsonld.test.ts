/**
 * JSON-LD is for other annotation tools, so it is checked against what the W3C Web Annotation
 * model requires of each object rather than against a snapshot of our own output.
 */
import { describe, expect, it } from 'vitest'
import { countItems } from '../../../shared/briefing/document'
import { jsonLdExporter, type WebAnnotation, type WebAnnotationCollection } from './jsonld'
import { NBSP, reviewBriefing, sampleBriefing, sampleItem } from './testing/sampleBriefing'

async function exported(document = sampleBriefing()): Promise<{ text: string; json: WebAnnotationCollection }> {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(await jsonLdExporter.export(document))
  return { text, json: JSON.parse(text) as WebAnnotationCollection }
}

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i

describe('jsonLdExporter', () => {
  it('declares the JSON-LD format', () => {
    expect(jsonLdExporter.format).toBe('jsonld')
    expect(jsonLdExporter.extension).toBe('jsonld')
    expect(jsonLdExporter.mimeType).toBe('application/ld+json')
  })

  it('writes pretty-printed UTF-8 JSON with French text as is', async () => {
    const { text } = await exported()
    expect(text.split('\n')[1]).toBe('  "@context": "http://www.w3.org/ns/anno.jsonld",')
    expect(text).toContain(`«${NBSP}promouvoir la coopération militaire${NBSP}»`)
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('is one AnnotationCollection with one annotation per item, in briefing order', async () => {
    const document = sampleBriefing()
    const { json } = await exported(document)
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(json.type).toBe('AnnotationCollection')
    expect(json.id).toMatch(IRI)
    expect(json.label).toBe(`Maroc–Israël${NBSP}: la coopération militaire`)
    expect(json.total).toBe(countItems(document))
    expect(json.first.type).toBe('AnnotationPage')
    expect(json.first.id).toMatch(IRI)
    expect(json.first.startIndex).toBe(0)
    expect(json.first.items.map((annotation) => annotation.id)).toEqual([
      'urn:dossier:note:note-1',
      'urn:dossier:note:note-2',
      'urn:dossier:note:note-3'
    ])
  })

  it('gives every annotation the fields the model requires', async () => {
    const { json } = await exported()
    for (const annotation of json.first.items) {
      expect(annotation.id).toMatch(IRI)
      expect(annotation.type).toBe('Annotation')
      expect(['highlighting', 'commenting']).toContain(annotation.motivation)
      expect(Number.isNaN(Date.parse(annotation.created))).toBe(false)
      expect(Number.isNaN(Date.parse(annotation.modified))).toBe(false)
      expect(annotation.target.source).toMatch(IRI)
      expect(annotation.target.selector?.map((selector) => selector.type)).toEqual([
        'TextQuoteSelector',
        'TextPositionSelector'
      ])
      for (const body of annotation.body ?? []) {
        expect(body.type).toBe('TextualBody')
        expect(['commenting', 'tagging']).toContain(body.purpose)
        expect(typeof body.value).toBe('string')
      }
    }
  })

  it('uses urn:uuid for the UUIDs notes really have', async () => {
    const noteId = '3F2504E0-4F89-41D3-9A0C-0305E82C3301'
    const document = sampleBriefing({
      sections: [{ key: 'all', heading: '', level: 1, intro: '', items: [sampleItem({ noteId })] }]
    })
    const { json } = await exported(document)
    expect(json.first.items[0]!.id).toBe(`urn:uuid:${noteId.toLowerCase()}`)
  })

  it('puts the note text in a commenting body and each tag in a tagging body', async () => {
    const { json } = await exported()
    const [first, second, third] = json.first.items as [WebAnnotation, WebAnnotation, WebAnnotation]
    expect(first.motivation).toBe('commenting')
    expect(first.created).toBe('2024-03-01T09:00:00.000Z')
    expect(first.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'Objectif **officiel** de la visite, à comparer avec *Globes*.',
        format: 'text/markdown',
        language: 'fr'
      },
      { type: 'TextualBody', purpose: 'tagging', value: 'Acteurs/Israël' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Thèmes/Défense' }
    ])
    // No note text: a highlight, tagged, with no empty commenting body.
    expect(second.motivation).toBe('highlighting')
    expect(second.modified).toBe('2024-03-02T11:00:00.000Z')
    expect(second.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'Acteurs/Israël' }])
    expect(third.body?.filter((body) => body.purpose === 'tagging').map((body) => body.value)).toEqual([
      'Acteurs/Maroc'
    ])
  })

  it('leaves out body when a highlight has neither note nor tags', async () => {
    const document = sampleBriefing({
      sections: [
        { key: 'all', heading: '', level: 1, intro: '', items: [sampleItem({ noteId: 'n', noteText: '  ', tags: [] })] }
      ]
    })
    const { json } = await exported(document)
    expect(json.first.items[0]!.motivation).toBe('highlighting')
    expect('body' in json.first.items[0]!).toBe(false)
  })

  it('targets the article address, or a URN for an article with no web address', async () => {
    const document = sampleBriefing()
    document.sources[1]!.url = 'file:///home/me/article.html'
    const { json } = await exported(document)
    expect(json.first.items.map((annotation) => annotation.target.source)).toEqual([
      'https://example.org/maroc/kochavi-visite',
      'https://example.org/maroc/kochavi-visite',
      'urn:dossier:article:article-abraham'
    ])
  })

  it('selects the quote as the article has it now, not the trimmed display quote', async () => {
    const document = sampleBriefing()
    const item = document.sections[0]!.items[0]!
    const exact = item.anchor.quote.exact
    item.quote = `de «${NBSP}promouvoir […]`
    const { json } = await exported(document)
    expect(json.first.items[0]!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact, prefix: 'au Maroc dont l’objectif est ', suffix: ' qui ont' },
      { type: 'TextPositionSelector', start: 140, end: 140 + exact.length }
    ])
  })

  it('keeps hostile text as data', async () => {
    const document = sampleBriefing()
    const hostile = '"}]\u0000</script><b>&amp;\ud800'
    document.sections[0]!.items[0]!.noteText = hostile
    document.sections[0]!.items[0]!.tags = [{ path: hostile, color: null }]
    const { json } = await exported(document)
    expect(json.first.items[0]!.body?.map((body) => body.value)).toEqual([hostile, hostile])
  })

  it('writes an empty collection for an empty briefing', async () => {
    const { json } = await exported(sampleBriefing({ sections: [], sources: [] }))
    expect(json.total).toBe(0)
    expect(json.first.items).toEqual([])
  })
})

describe('notes that need review and copies of deleted notes', () => {
  it('flags them with dossier: terms, declared in the context, and leaves intact notes unflagged', async () => {
    const { json } = await exported(reviewBriefing())
    expect(json['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { dossier: 'urn:dossier:vocab:' }])
    const flags = json.first.items.map((annotation) =>
      Object.fromEntries(Object.entries(annotation).filter(([key]) => key.startsWith('dossier:')))
    )
    expect(flags).toEqual([
      { 'dossier:anchorState': 'moved' },
      {},
      { 'dossier:anchorState': 'orphaned', 'dossier:deleted': 'article', 'dossier:asOf': '2024-03-01' }
    ])
  })

  it('selects a moved note’s current text with its position, and an orphan by its quote alone', async () => {
    const document = reviewBriefing()
    const { json } = await exported(document)
    const [moved, , orphan] = json.first.items as [WebAnnotation, WebAnnotation, WebAnnotation]
    const current = document.sections[0]!.items[0]!.anchor
    expect(moved.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: current.quote.exact,
        prefix: current.quote.prefix,
        suffix: current.quote.suffix
      },
      { type: 'TextPositionSelector', start: 140, end: 140 + current.quote.exact.length }
    ])
    const highlighted = document.sections[1]!.items[0]!.anchor.quote
    expect(orphan.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: highlighted.exact, prefix: '', suffix: '' }
    ])
  })
})
