// The place a citation prints is shared by every exporter and the composer: pages win for a PDF.
import { describe, expect, it } from 'vitest'
import { pageReference, paragraphReference, placeReference } from './citationPlace'

const SIGNS = { paragraphSign: '§', pageAbbreviation: 'p.' }

describe('placeReference', () => {
  it.each([
    ['a paragraph of a text source', { paragraph: 4, page: null }, '§\u00a04'],
    ['the page of a PDF source, not its paragraph', { paragraph: 9, page: 12 }, 'p.\u00a012'],
    ['a page without a known paragraph', { paragraph: null, page: 3 }, 'p.\u00a03'],
    ['nothing for an orphaned note', { paragraph: null, page: null }, '']
  ])('prints %s', (_case, item, expected) => {
    expect(placeReference(item, SIGNS)).toBe(expected)
  })

  it('uses the signs it is given', () => {
    expect(placeReference({ paragraph: 2, page: null }, { paragraphSign: '¶', pageAbbreviation: 'p.' })).toBe(
      '¶\u00a02'
    )
  })
})

describe('paragraphReference and pageReference', () => {
  it('list each known number once, in ascending order', () => {
    expect(paragraphReference([4, null, 1, 4], SIGNS)).toBe('§\u00a01, 4')
    expect(pageReference([12, 3, 12], SIGNS)).toBe('p.\u00a03, 12')
  })

  it('print nothing when no number is known', () => {
    expect(paragraphReference([null, null], SIGNS)).toBe('')
    expect(pageReference([], SIGNS)).toBe('')
  })
})
