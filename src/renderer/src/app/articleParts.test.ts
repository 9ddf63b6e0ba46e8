// The session opens an article in two parts: its start is shown at once (as `opening`, with
// `article` null, so nothing that needs the whole text runs on a part of it), then the whole
// article and its notes; a text edited between the parts is read whole again.
import { describe, expect, it } from 'vitest'
import type { ArticleBlock, ArticleMeta, ArticleStart } from '../../../shared/domain/article'
import { ok } from '../../../shared/result'
import { apiWith } from '../lib/testing/fakeApi'
import { createMessages } from './messages'
import { readWhole } from './articleParts'
import { createSession } from './session'

const meta: ArticleMeta = {
  id: 'a1',
  title: 'Long article',
  outlet: null,
  author: null,
  publishedAt: null,
  sourceUrl: null,
  language: 'fr',
  importedAt: '2026-12-02T00:00:00.000Z',
  sourceFile: 'long.txt',
  wordCount: 5,
  charCount: 50
}
const block = (text: string): ArticleBlock => ({ type: 'paragraph', text })
const startBlocks = [block('un'), block('deux')]
const restBlocks = [block('trois'), block('quatre'), block('cinq')]
const start: ArticleStart = { meta, body: { articleId: 'a1', blocks: startBlocks }, totalBlocks: 5, revision: 'r1' }

/** A promise and the function that settles it, to let a part arrive when the test says. */
function later<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((settle) => (resolve = settle))
  return { promise, resolve }
}

describe('opening an article in two parts', () => {
  it('shows the start while the rest comes, then the whole article made of the same block objects', async () => {
    const rest = later<ReturnType<typeof ok<{ revision: string; blocks: ArticleBlock[] | null }>>>()
    const asked: unknown[] = []
    const api = apiWith({
      openArticleStart: async () => ok(start),
      listNotes: async () => ok([]),
      readArticleBlocks: (input) => {
        asked.push(input)
        return rest.promise
      }
    })
    const session = createSession(
      api,
      'browser',
      createMessages(() => {})
    )
    const opened = session.openArticle('a1')
    await expect.poll(() => session.store.get().opening).toBe(start)
    expect(session.store.get().article).toBeNull()
    expect(asked).toEqual([{ articleId: 'a1', from: 2, revision: 'r1' }])

    rest.resolve(ok({ revision: 'r1', blocks: restBlocks }))
    await opened
    const { article, opening } = session.store.get()
    expect(opening).toBeNull()
    expect(article?.body.blocks.map((each) => each.text)).toEqual(['un', 'deux', 'trois', 'quatre', 'cinq'])
    expect(article?.body.blocks[0]).toBe(startBlocks[0])
  })

  it('reads the article whole when its text changed between the two parts', async () => {
    const edited = { meta: { ...meta, charCount: 7 }, body: { articleId: 'a1', blocks: [block('réécrit')] } }
    const api = apiWith({
      readArticleBlocks: async () => ok({ revision: 'r2', blocks: null }),
      openArticle: async () => ok(edited)
    })
    expect(await readWhole(api, start)).toEqual(ok(edited))
  })

  it('asks for nothing more when the start is the whole article', async () => {
    const whole: ArticleStart = { ...start, totalBlocks: 2 }
    expect(await readWhole(apiWith({}), whole)).toEqual(ok({ meta, body: start.body }))
  })

  it('drops the rest of an article the user left for another meanwhile', async () => {
    const rest = later<ReturnType<typeof ok<{ revision: string; blocks: ArticleBlock[] | null }>>>()
    const other: ArticleStart = {
      meta: { ...meta, id: 'a2', title: 'Short' },
      body: { articleId: 'a2', blocks: [block('court')] },
      totalBlocks: 1,
      revision: 'r9'
    }
    const api = apiWith({
      openArticleStart: async ({ articleId }) => ok(articleId === 'a1' ? start : other),
      listNotes: async () => ok([]),
      readArticleBlocks: () => rest.promise
    })
    const session = createSession(
      api,
      'browser',
      createMessages(() => {})
    )
    const first = session.openArticle('a1')
    await expect.poll(() => session.store.get().opening).toBe(start)
    await session.openArticle('a2')
    rest.resolve(ok({ revision: 'r1', blocks: restBlocks }))
    await first
    expect(session.store.get().article?.meta.id).toBe('a2')
    expect(session.store.get().opening).toBeNull()
  })
})
