// @vitest-environment jsdom
// Notes on the whole article in the session: read for the open article, made and selected with
// the keyboard on their text, deleted with Undo that puts them back, and never shown for an
// article the user has already left.
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/api/contract'
import type { OpenedArticle } from '../../../shared/domain/article'
import type { ArticleNote } from '../../../shared/domain/note'
import { ok } from '../../../shared/result'
import { createMessages } from '../app/messages'
import { createSession } from '../app/session'
import { apiWith } from '../lib/testing/fakeApi'
import { createArticleNoteActions } from './articleNoteActions'

function opened(id: string): OpenedArticle {
  return {
    meta: {
      id,
      title: `Article ${id}`,
      outlet: null,
      author: null,
      publishedAt: null,
      sourceUrl: null,
      language: 'fr',
      importedAt: '2025-03-03T09:00:00.000Z',
      sourceFile: null,
      wordCount: 2,
      charCount: 11
    },
    body: { articleId: id, blocks: [{ type: 'paragraph', text: 'Le ministre' }] }
  } as OpenedArticle
}

function articleNote(id: string, articleId: string, text: string, createdAt = '2025-03-03T09:00:00.000Z'): ArticleNote {
  return { kind: 'article', id, articleId, text, tagIds: [], createdAt, updatedAt: createdAt }
}

/** Waits until every answer already on its way has arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(methods: Partial<ApiClient>) {
  const api = apiWith({ listArticles: async () => ok([]), listTrash: async () => ok([]), ...methods })
  const said: string[] = []
  const messages = createMessages(() => {})
  messages.store.subscribe(() => {
    const last = messages.store.get().messages.at(-1)
    if (last && said.at(-1) !== last.text) said.push(last.text)
  })
  const session = createSession(api, 'browser', messages)
  return { session, actions: createArticleNoteActions(session), said }
}

describe('createArticleNoteActions', () => {
  it('reads the open article’s notes, oldest first, when the article opens', async () => {
    const { session, actions } = setup({
      listArticleNotes: async ({ articleId }) =>
        ok([
          articleNote('late', articleId, 'Appréciation', '2025-03-04T09:00:00.000Z'),
          articleNote('early', articleId, 'Résumé', '2025-03-03T09:00:00.000Z')
        ])
    })
    session.store.set({ article: opened('a1') })
    await settle()
    expect(actions.store.get().articleId).toBe('a1')
    expect(actions.store.get().notes.map((note) => note.text)).toEqual(['Résumé', 'Appréciation'])
  })

  it('drops the answer for an article the user has left', async () => {
    let answerFirst: (() => void) | null = null
    const { session, actions } = setup({
      listArticleNotes: async ({ articleId }) => {
        if (articleId === 'a1') await new Promise<void>((resolve) => (answerFirst = resolve))
        return ok([articleNote(`${articleId}-note`, articleId, `Note de ${articleId}`)])
      }
    })
    session.store.set({ article: opened('a1') })
    session.store.set({ article: opened('a2') })
    await settle()
    answerFirst!()
    await settle()
    expect(actions.store.get().articleId).toBe('a2')
    expect(actions.store.get().notes.map((note) => note.text)).toEqual(['Note de a2'])
  })

  it('makes one selected with its text focused; a second press takes the same empty one', async () => {
    let made = 0
    const { session, actions } = setup({
      listArticleNotes: async () => ok([]),
      createArticleNote: async ({ articleId, text }) => ok(articleNote(`new-${++made}`, articleId, text))
    })
    session.store.set({ article: opened('a1') })
    await settle()
    await actions.create()
    await actions.create()
    expect(made).toBe(1)
    expect(actions.store.get().notes.map((note) => note.id)).toEqual(['new-1'])
    expect(session.store.get().selectedNoteId).toBe('new-1')
    expect(session.store.get().focusField).toEqual({ noteId: 'new-1', field: 'text' })
  })

  it('deletes with a message whose Undo puts the note back as it was', async () => {
    const stored = articleNote('summary', 'a1', 'Source fiable.')
    const restored: ArticleNote[] = []
    const { session, actions, said } = setup({
      listArticleNotes: async () => ok([stored]),
      deleteArticleNote: async () => ok({ deleted: true as const }),
      restoreArticleNote: async ({ note }) => {
        restored.push(note as ArticleNote)
        return ok(note as ArticleNote)
      }
    })
    session.store.set({ article: opened('a1'), selectedNoteId: 'summary' })
    await settle()
    await actions.delete(stored)
    expect(actions.store.get().notes).toEqual([])
    expect(session.store.get().selectedNoteId).toBe(null)
    expect(said).toEqual(['Note on the article deleted.'])

    await session.history.step('undo')
    expect(restored).toEqual([stored])
    expect(actions.store.get().notes.map((note) => note.text)).toEqual(['Source fiable.'])
    expect(said.at(-1)).toBe('Undid deletion of a note on the article.')
  })
})
