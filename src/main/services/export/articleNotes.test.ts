// A note on the whole article in a briefing: composed as the introduction of its source's
// section, before its quotes, and printed in every format as plain text, with no quote marks
// and no citation, escaped like every user string.
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { storedBriefing } from '../../../shared/api/schemas/briefings'
import { composeBriefing, composeBriefingWithSnapshots, type BriefingLibrary } from '../../../shared/briefing/compose'
import { newBriefing, type Briefing } from '../../../shared/briefing/spec'
import type { ArticleMeta } from '../../../shared/domain/article'
import type { ArticleNote, Note } from '../../../shared/domain/note'
import { docxExporter } from './docx'
import { renderBriefingHtml } from './html'
import { toWebAnnotations } from './jsonld'
import { renderBriefingMarkdown } from './markdown'

const NOW = new Date('2024-03-04T12:00:00.000Z')
const NBSP = '\u00a0'

const ARTICLE: ArticleMeta = {
  id: 'a1',
  title: 'Visite à Rabat',
  outlet: 'Le Desk',
  author: null,
  publishedAt: '2022-07-18',
  sourceUrl: null,
  language: 'fr',
  importedAt: '2024-01-01T09:00:00.000Z',
  sourceFile: null,
  wordCount: 100,
  charCount: 600
}

const PASSAGE: Note = {
  id: 'n1',
  articleId: 'a1',
  anchor: {
    quote: { type: 'TextQuoteSelector', exact: 'coopération militaire', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 21 }
  },
  text: '',
  tagIds: ['t1'],
  color: null,
  createdAt: '2024-02-01T10:00:00.000Z',
  updatedAt: '2024-02-01T10:00:00.000Z'
}

const SUMMARY: ArticleNote = {
  kind: 'article',
  id: 'w1',
  articleId: 'a1',
  text: 'Source **fiable** <b>officielle</b>',
  tagIds: ['t1'],
  createdAt: '2024-02-05T10:00:00.000Z',
  updatedAt: '2024-02-05T10:00:00.000Z'
}

const LIBRARY: Omit<BriefingLibrary, 'notes'> = {
  articles: [ARTICLE],
  tags: [{ id: 't1', path: 'Défense', color: null, description: '' }],
  paragraphOf: () => 3
}

function briefing(changes: Partial<Briefing> = {}): Briefing {
  return {
    ...newBriefing('b1', NOW, 'Revue'),
    filter: { ...newBriefing('b1', NOW, '').filter, tagIds: ['t1'] },
    ...changes
  }
}

describe('a note on the whole article in a briefing', () => {
  it('comes first in its source’s section, with no quote, no paragraph and no review', () => {
    const { document, candidates } = composeBriefing(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, SUMMARY] },
      NOW
    )
    expect(document.sections.map((section) => section.heading)).toEqual(['Visite à Rabat'])
    expect(document.sections[0]!.items.map((item) => [item.noteId, item.kind ?? 'passage', item.quote])).toEqual([
      ['w1', 'article', ''],
      ['n1', 'passage', 'coopération militaire']
    ])
    expect(document.sections[0]!.items[0]).toMatchObject({ paragraph: null, page: null, review: null, sourceNumber: 1 })
    expect(candidates.map((candidate) => [candidate.noteId, candidate.kind ?? 'passage'])).toEqual([
      ['w1', 'article'],
      ['n1', 'passage']
    ])
  })

  it('is left out by a tag filter it does not match', () => {
    const { document } = composeBriefing(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, { ...SUMMARY, tagIds: [] }] },
      NOW
    )
    expect(document.sections[0]!.items.map((item) => item.noteId)).toEqual(['n1'])
  })

  it('is printed in Markdown as a plain paragraph before the quote, escaped', () => {
    const { document } = composeBriefing(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, SUMMARY] },
      NOW
    )
    const markdown = renderBriefingMarkdown(document)
    const section = markdown.slice(markdown.indexOf('## Visite à Rabat'), markdown.indexOf('## Sources'))
    expect(section).toBe(
      [
        '## Visite à Rabat',
        'Source **fiable** \\<b\\>officielle\\</b\\>',
        `> coopération militaire\n>\n> — [1] Le Desk, «${NBSP}Visite à Rabat${NBSP}», 18 juillet 2022, §${NBSP}3`,
        ''
      ].join('\n\n')
    )
  })

  it('is printed in HTML as a plain paragraph before the quote, escaped', () => {
    const { document } = composeBriefing(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, SUMMARY] },
      NOW
    )
    const html = renderBriefingHtml(document)
    const section = html.slice(html.indexOf('<h2>Visite à Rabat</h2>'), html.indexOf('<article class="item">'))
    expect(section).toBe(
      [
        '<h2>Visite à Rabat</h2>',
        '<div class="item article-note">',
        '<p>Source <strong>fiable</strong> &lt;b&gt;officielle&lt;/b&gt;</p>',
        '</div>',
        ''
      ].join('\n')
    )
    expect(html).toContain('<p>coopération militaire</p>')
  })

  it('is a JSON-LD annotation of the whole article: its source, no selector', () => {
    const { document } = composeBriefing(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, SUMMARY] },
      NOW
    )
    const [summary, quote] = toWebAnnotations(document).first.items
    expect(summary).toMatchObject({ motivation: 'commenting', target: { source: 'urn:dossier:article:a1' } })
    expect(summary!.target).not.toHaveProperty('selector')
    expect(quote!.target.selector?.[0].exact).toBe('coopération militaire')
  })

  it('is printed in Word as body text before the quote, with no citation of its own', async () => {
    const { document } = composeBriefing(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, SUMMARY] },
      NOW
    )
    const bytes = await docxExporter.export(document, {})
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    const lines = value.split('\n').filter((line) => line.trim() !== '')
    const at = lines.indexOf('Visite à Rabat')
    expect(lines.slice(at, at + 4)).toEqual([
      'Visite à Rabat',
      'Source fiable <b>officielle</b>',
      'coopération militaire',
      `[1] Le Desk, «${NBSP}Visite à Rabat${NBSP}», 18 juillet 2022, §${NBSP}3`
    ])
  })

  it('is kept in the briefing’s copy and still printed first once deleted, a copy the API accepts back', () => {
    const first = composeBriefingWithSnapshots(
      briefing({ grouping: 'article' }),
      { ...LIBRARY, notes: [PASSAGE, SUMMARY] },
      NOW
    )
    expect(first.snapshots.w1).toMatchObject({ kind: 'article', text: SUMMARY.text, paragraph: null })
    const withCopies = briefing({
      grouping: 'article',
      snapshots: first.snapshots,
      sourceSnapshots: first.sourceSnapshots
    })
    expect(storedBriefing.safeParse(withCopies).success).toBe(true)

    const { document } = composeBriefing(withCopies, { ...LIBRARY, notes: [PASSAGE] }, NOW)
    expect(document.sections[0]!.items.map((item) => [item.noteId, item.kind ?? 'passage', item.snapshot])).toEqual([
      ['w1', 'article', { asOf: '2024-03-04', deleted: 'note' }],
      ['n1', 'passage', null]
    ])
  })
})
