// Opening an article in two parts (openArticleStart, then readArticleBlocks): the start is a
// few screens of whole blocks, the rest is exactly the remaining blocks of the same text, and
// an edit between the two parts is caught by the revision rather than mixing two texts.
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { ARTICLE_START_CHARACTERS, type ArticleBlock } from '../../shared/domain/article'
import { useTempDossiers } from './testing/tempDossiers'

const folder = useTempDossiers('dossier-open-parts-', () => ({ sampleArticle: null }))

/** 300 paragraphs of 1,000 characters each: 300 kB, so the start is a part of it. */
const longText = Array.from({ length: 300 }, (_, index) => `§${index + 1} ${'é'.repeat(994)}.`.padEnd(1_000, 'x')).join(
  '\n\n'
)

async function importLong(dossier: Awaited<ReturnType<typeof folder.open>>): Promise<string> {
  const outcome = await dossier.handlers.importFile({ name: 'long.txt', bytes: new TextEncoder().encode(longText) })
  if (!('article' in outcome)) throw new Error('the import failed')
  return outcome.article.id
}

describe('opening an article in two parts', () => {
  it('gives whole blocks up to 64,000 characters first, then the remaining blocks of the same text', async () => {
    const dossier = await folder.open()
    const articleId = await importLong(dossier)
    const whole = await dossier.handlers.openArticle({ articleId })

    const start = await dossier.handlers.openArticleStart({ articleId })
    expect(ARTICLE_START_CHARACTERS).toBe(64_000)
    expect(start.totalBlocks).toBe(300)
    expect(start.body.blocks).toHaveLength(64)
    expect(start.body.blocks[63]!.text.startsWith('§64 ')).toBe(true)
    expect(start.meta.title).toBe(whole.meta.title)

    const rest = await dossier.handlers.readArticleBlocks({ articleId, from: 64, revision: start.revision })
    expect(rest.revision).toBe(start.revision)
    expect(rest.blocks).toHaveLength(236)
    expect(rest.blocks![0]!.text.startsWith('§65 ')).toBe(true)
    expect([...start.body.blocks, ...rest.blocks!]).toEqual(whole.body.blocks)
  })

  it('answers no blocks, and a new revision, once the text was edited after the start was read', async () => {
    const dossier = await folder.open()
    const articleId = await importLong(dossier)
    const start = await dossier.handlers.openArticleStart({ articleId })
    const edited: ArticleBlock[] = [{ type: 'paragraph', text: 'Texte entièrement réécrit.' }]
    await dossier.handlers.updateArticleBody({ articleId, blocks: edited })

    const rest = await dossier.handlers.readArticleBlocks({ articleId, from: 64, revision: start.revision })
    expect(rest.blocks).toBeNull()
    expect(rest.revision).not.toBe(start.revision)
    const again = await dossier.handlers.openArticleStart({ articleId })
    expect(again.revision).toBe(rest.revision)
    expect(again.body.blocks).toEqual(edited)
    expect(again.totalBlocks).toBe(1)
  })

  it('keeps the revision while the text is unchanged, even after an edit of the details', async () => {
    const dossier = await folder.open()
    const articleId = await importLong(dossier)
    const first = await dossier.handlers.openArticleStart({ articleId })
    await dossier.handlers.updateArticleMeta({ articleId, changes: { outlet: 'Le Monde' } })
    const second = await dossier.handlers.openArticleStart({ articleId })
    expect(second.revision).toBe(first.revision)
    expect(second.meta.outlet).toBe('Le Monde')
  })

  it('refuses a negative start and an unknown article, through the contract', async () => {
    const dossier = await folder.open()
    const articleId = await importLong(dossier)
    const negative = await dispatchApiCall(dossier.handlers, 'readArticleBlocks', {
      articleId,
      from: -1,
      revision: 'r'
    })
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const unknown = await dispatchApiCall(dossier.handlers, 'openArticleStart', {
      articleId: '00000000-0000-0000-0000-000000000000'
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
