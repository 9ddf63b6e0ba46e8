import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../shared/domain/article'
import { prepareBody, prepareBodyWithTerms, rememberBodyTerms, takeBodyTerms } from './preparedBody'

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

  it('counts the search terms too in the worker, over the blocks as indexing reads them', async () => {
    const blocks: ArticleBlock[] = [
      { type: 'heading', level: 1, text: 'La Défense' },
      { type: 'paragraph', text: "L'armée « progresse » à Rabat. La Défense." }
    ]
    const prepared = await prepareBodyWithTerms(blocks)
    expect(prepared.wordCount).toBe(8)
    expect(Object.fromEntries(prepared.bodyTerms!.terms)).toEqual({
      defense: 2,
      "l'armee": 1,
      armee: 1,
      progresse: 1,
      rabat: 1
    })
    // Distinct words as written: « La », « Défense », « L'armée », « progresse », « à », « Rabat ».
    expect(prepared.bodyTerms!.length).toBe(6)
  })

  it('hands the count over once, and only for the very blocks it was made for', () => {
    const blocks: ArticleBlock[] = [{ type: 'paragraph', text: 'Rabat' }]
    const counted = { terms: new Map([['rabat', 1]]), length: 1 }
    rememberBodyTerms(blocks, counted)
    expect(takeBodyTerms([{ type: 'paragraph', text: 'Rabat' }])).toBeUndefined()
    expect(takeBodyTerms(blocks)).toEqual({ terms: new Map([['rabat', 1]]), length: 1 })
    expect(takeBodyTerms(blocks)).toBeUndefined()
  })
})
