// The composer's list cites each note where the preview does: « p. n » for a PDF source, else « § n »;
// a note on the whole article says it is one and that it introduces its source, with no citation.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { BriefingItem } from '../../../shared/briefing/document'
import type { BriefingCandidate } from '../../../shared/briefing/spec'
import { ComposerNoteRow } from './ComposerNoteRow'

const ANCHOR: BriefingItem['anchor'] = {
  quote: { type: 'TextQuoteSelector', exact: 'Rabat a négocié', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 15 }
}

function item(place: Pick<BriefingItem, 'paragraph' | 'page'>): BriefingItem {
  return {
    noteId: 'n1',
    quote: 'Rabat a négocié',
    noteText: '',
    tags: [],
    color: null,
    sourceNumber: 2,
    ...place,
    createdAt: '2024-03-04T10:00:00.000Z',
    updatedAt: '2024-03-04T10:00:00.000Z',
    anchor: ANCHOR,
    review: null,
    snapshot: null
  }
}

const CANDIDATE: BriefingCandidate = {
  noteId: 'n1',
  articleId: 'a1',
  articleTitle: 'Rapport Sahel',
  quote: 'Rabat a négocié',
  anchorState: 'anchored',
  review: null,
  noteText: '',
  tags: [],
  color: null,
  createdAt: '2024-03-04T10:00:00.000Z',
  matched: true,
  included: false,
  excluded: false,
  fromSnapshot: false
}

/** The text of the row's citation line, no-break spaces shown as « ~ ». */
function citationOf(place: Pick<BriefingItem, 'paragraph' | 'page'>): string {
  const html = renderToStaticMarkup(
    createElement(ComposerNoteRow, {
      item: item(place),
      candidate: CANDIDATE,
      included: true,
      previousId: null,
      nextId: null,
      dragging: null,
      onDragging: () => {},
      onMove: () => {},
      onLeaveOut: () => {},
      onOpenNote: () => {}
    })
  )
  const cite = /<span class="composer__cite">(.*?)<\/span>/.exec(html)?.[1] ?? ''
  return cite.replace(/<!-- -->/g, '').replace(/\u00a0/g, '~')
}

describe('ComposerNoteRow', () => {
  it.each([
    ['the page of a PDF source', { paragraph: 7, page: 12 }, '[2] p.~12 · Rapport Sahel'],
    ['the paragraph of any other source', { paragraph: 7, page: null }, '[2] §~7 · Rapport Sahel'],
    ['no place for an orphaned note', { paragraph: null, page: null }, '[2] · Rapport Sahel']
  ])('cites %s', (_case, place, expected) => {
    expect(citationOf(place)).toBe(expected)
  })
})

describe('ComposerNoteRow, a note on the whole article', () => {
  it('shows its text, says it introduces its source, and names its box by its article', () => {
    const html = renderToStaticMarkup(
      createElement(ComposerNoteRow, {
        item: { ...item({ paragraph: null, page: null }), kind: 'article', quote: '', noteText: 'Source fiable.' },
        candidate: { ...CANDIDATE, kind: 'article', quote: '', noteText: 'Source fiable.' },
        included: true,
        previousId: null,
        nextId: null,
        dragging: null,
        onDragging: () => {},
        onMove: () => {},
        onLeaveOut: () => {},
        onOpenNote: () => {}
      })
    )
    const text = (pattern: RegExp) => (pattern.exec(html)?.[1] ?? '').replace(/<!-- -->/g, '')
    expect(text(/<span class="composer__whole">(.*?)<\/span>/)).toBe('On the whole article')
    expect(text(/<span class="composer__article-note">(.*?)<\/span>/)).toBe('Source fiable.')
    expect(text(/<span class="composer__cite">(.*?)<\/span>/)).toBe(
      'Rapport Sahel · printed as the introduction of its source'
    )
    expect(text(/aria-label="(.*?)"/)).toBe('Include the note on the whole article “Rapport Sahel”')
    expect(html).not.toContain('composer__quote')
  })
})
