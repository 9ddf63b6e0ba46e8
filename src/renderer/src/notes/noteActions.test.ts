import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/api/contract'
import type { Note } from '../../../shared/domain/note'
import { fail, ok } from '../../../shared/result'
import { createMessages } from '../app/messages'
import { createSession } from '../app/session'
import { createNoteActions } from './noteActions'

function note(id: string, tagIds: string[] = []): Note {
  return {
    id,
    articleId: 'article',
    anchor: {
      position: { start: 0, end: 4 },
      quote: { exact: 'Le m', prefix: '', suffix: 'inistre' }
    } as Note['anchor'],
    text: '',
    tagIds,
    color: null,
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z'
  }
}

/** An API that stores tags on notes after a delay, so two quick changes overlap unless queued. */
function setup(refuse = false) {
  const saved: string[][] = []
  const api = {
    setNoteTags: async ({ noteId, tagIds }: { noteId: string; tagIds: string[] }) => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (refuse) return fail('storage-failed', 'The disk is full: your last change was not saved.')
      saved.push(tagIds)
      return ok(note(noteId, tagIds))
    },
    listArticles: async () => ok([]),
    listTrash: async () => ok([])
  } as unknown as ApiClient
  const said: string[] = []
  const messages = createMessages(() => {})
  messages.store.subscribe(() => {
    const last = messages.store.get().messages.at(-1)
    if (last) said.push(last.text)
  })
  const session = createSession(api, 'browser', messages)
  session.store.set({ notes: [note('n1')] })
  return { session, actions: createNoteActions(session), saved, said }
}

describe('createNoteActions', () => {
  it('applies two quick tag changes one after the other, the second starting from the first', async () => {
    const { session, actions, saved } = setup()
    const first = session.store.get().notes[0]!
    await Promise.all([actions.addNoteTag(first, 'israel'), actions.addNoteTag(first, 'maroc')])
    expect(saved).toEqual([['israel'], ['israel', 'maroc']])
    expect(session.store.get().notes[0]!.tagIds).toEqual(['israel', 'maroc'])
    expect(session.store.get().recentTagIds).toEqual(['maroc', 'israel'])
  })

  it('records each tag change for Ctrl+Z, which puts the tags back', async () => {
    const { session, actions, saved } = setup()
    await actions.addNoteTag(session.store.get().notes[0]!, 'israel')
    await session.history.step('undo')
    expect(saved).toEqual([['israel'], []])
    expect(session.store.get().notes[0]!.tagIds).toEqual([])
  })

  it('records nothing when the services refuse, and says why', async () => {
    const { session, actions, said } = setup(true)
    await actions.addNoteTag(session.store.get().notes[0]!, 'israel')
    await session.history.step('undo')
    expect(said).toEqual(['The disk is full: your last change was not saved.'])
    expect(session.store.get().notes[0]!.tagIds).toEqual([])
  })
})
