import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from './article'
import { blockSpans } from './blockSpans'

describe('blockSpans', () => {
  it('places each block after the blank line that ends the one before', () => {
    expect(blockSpans([5, 0, 3])).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 7 },
      { start: 9, end: 12 }
    ])
  })

  it('has nothing to place for an article without blocks', () => {
    expect(blockSpans([])).toEqual([])
  })

  it('finds every block’s own text in the joined plain text', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), (texts) => {
        const text = articlePlainText(texts.map((block) => ({ type: 'paragraph' as const, text: block })))
        const spans = blockSpans(texts.map((block) => block.length))
        expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(texts)
      })
    )
  })
})
