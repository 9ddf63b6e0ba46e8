// Issue 11, item 3: a tag deleted while notes are being tagged must never be left on a note.
// Twenty clients tag notes (one at a time and in bulk) while tags are deleted and created;
// afterwards no note, in memory or on disk after reopening, points at a tag that is gone.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../shared/api/dispatch'
import { articlePlainText } from '../../shared/domain/article'
import type { Dossier } from './dossier'
import { dataLayout } from './schema'
import { useTempDossiers } from './testing/tempDossiers'

const folder = useTempDossiers('dossier-tag-race-', () => ({ sampleArticle: null }))

const CLIENTS = 20
const ROUNDS_PER_CLIENT = 6
const TAGS_DELETED = 12

const ARTICLE_TEXTS = [
  'Le ministre arrive à Rabat. La sécurité est renforcée. Un accord est signé. Les journalistes attendent.',
  'À Gaza, la trêve tient. Les négociations reprennent au Caire. Les convois passent. Le calme revient.',
  'Le sommet de Bruxelles commence. Les chefs arrivent. La déclaration est prête. La presse écoute.'
]

async function libraryWithNotes(dossier: Dossier) {
  const notes: { articleId: string; noteId: string }[] = []
  for (const text of ARTICLE_TEXTS) {
    const outcome = await dossier.handlers.importPaste({ text })
    if (!outcome.ok) throw new Error(outcome.reason)
    const { body } = await dossier.handlers.openArticle({ articleId: outcome.article.id })
    const plain = articlePlainText(body.blocks)
    for (const sentence of text.split('. ')) {
      const quote = sentence.replace(/\.$/, '')
      const start = plain.indexOf(quote)
      const note = await dossier.handlers.createNote({
        articleId: outcome.article.id,
        range: { start, end: start + quote.length },
        expectedQuote: quote
      })
      notes.push({ articleId: outcome.article.id, noteId: note.id })
    }
  }
  return notes
}

/** Refusals because a tag is gone are what a client racing a delete should get; anything else fails the test. */
async function tolerateGoneTags(call: () => Promise<unknown>): Promise<void> {
  try {
    await call()
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'not-found') throw error
  }
}

/** Every tag id on a note that names no tag, as `noteId → tagId`. */
function danglingReferences(tagIds: ReadonlySet<string>, notes: readonly { id: string; tagIds: string[] }[]) {
  return notes.flatMap((note) => note.tagIds.filter((id) => !tagIds.has(id)).map((id) => `${note.id} → ${id}`))
}

describe('tag references under concurrency', () => {
  it(
    'leaves no note pointing at a deleted tag: 20 clients tagging while tags are deleted, in memory and on disk',
    { timeout: 60_000 },
    async () => {
      const dossier = await folder.open()
      const refs = await libraryWithNotes(dossier)
      for (let i = 0; i < TAGS_DELETED + 4; i++) await dossier.handlers.createTag({ path: `Thème ${i}` })

      const client = async (clientIndex: number) => {
        for (let round = 0; round < ROUNDS_PER_CLIENT; round++) {
          const tags = await dossier.handlers.listTags({})
          const pick = [
            tags[(clientIndex + round) % tags.length]!.id,
            tags[(clientIndex * 3 + round) % tags.length]!.id
          ]
          const ref = refs[(clientIndex * 7 + round) % refs.length]!
          if (clientIndex % 2 === 0) {
            await tolerateGoneTags(() => dossier.handlers.setNoteTags({ ...ref, tagIds: pick }))
          } else {
            const several = [ref, refs[(clientIndex + round * 5) % refs.length]!, refs[(round * 11) % refs.length]!]
            await tolerateGoneTags(() => dossier.handlers.bulkUpdateNotes({ notes: several, addTagIds: pick }))
          }
        }
      }
      const deleter = async () => {
        for (let i = 0; i < TAGS_DELETED; i++) {
          const [oldest] = await dossier.handlers.listTags({})
          await dossier.handlers.deleteTag({ tagId: oldest!.id })
          await dossier.handlers.createTag({ path: `Nouveau ${i}` })
        }
      }
      await Promise.all([deleter(), ...Array.from({ length: CLIENTS }, (_, index) => client(index))])

      const liveTags = new Set((await dossier.handlers.listTags({})).map((tag) => tag.id))
      expect(liveTags.size).toBe(TAGS_DELETED + 4)
      const articleIds = [...new Set(refs.map((ref) => ref.articleId))]
      const inMemory = (
        await Promise.all(articleIds.map((articleId) => dossier.handlers.listNotes({ articleId })))
      ).flat()
      expect(inMemory).toHaveLength(12)
      expect(danglingReferences(liveTags, inMemory)).toEqual([])
      // Some tagging got through: the test would prove nothing if every client had been refused.
      expect(inMemory.filter((note) => note.tagIds.length > 0).length).toBeGreaterThan(0)

      await folder.close(dossier)
      const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8')) as {
        tags: { id: string }[]
      }
      const onDiskTags = new Set(library.tags.map((tag) => tag.id))
      expect(onDiskTags).toEqual(liveTags)
      const onDisk = articleIds.flatMap(
        (articleId) =>
          (
            JSON.parse(fs.readFileSync(dataLayout.notes(folder.dataDir, articleId), 'utf8')) as {
              notes: { id: string; tagIds: string[] }[]
            }
          ).notes
      )
      expect(danglingReferences(onDiskTags, onDisk)).toEqual([])
      const reopened = await folder.open()
      const reopenedTags = new Set((await reopened.handlers.listTags({})).map((tag) => tag.id))
      const reread = (
        await Promise.all(articleIds.map((articleId) => reopened.handlers.listNotes({ articleId })))
      ).flat()
      expect(danglingReferences(reopenedTags, reread)).toEqual([])
    }
  )
})
