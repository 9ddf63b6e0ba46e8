import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../shared/domain/article'
import { prepareBody } from './preparedBody'

describe('prepareBody', () => {
  it('counts words and characters over the blocks joined as the article text', () => {
    const blocks: ArticleBlock[] = [
      { type: 'heading', level: 1, text: 'La Défense' },
      { type: 'paragraph', text: "L'armée « progresse » à Rabat." }
    ]
    const prepared = prepareBody(blocks)
    expect(prepared.wordCount).toBe(6)
    expect(prepared.charCount).toBe(10 + 2 + 30)
    expect(prepared.articleId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('is the body file byte for byte, whatever the text, under the id it chose', () => {
    const block = fc.record({ type: fc.constant('paragraph' as const), text: fc.string({ unit: 'grapheme' }) })
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const prepared = prepareBody(blocks)
        const written = Buffer.from(prepared.bodyFile).toString('utf8')
        expect(JSON.parse(written)).toEqual({ schemaVersion: 2, articleId: prepared.articleId, blocks })
        expect(written.endsWith('}\n')).toBe(true)
      })
    )
  })
})
