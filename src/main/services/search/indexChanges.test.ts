import { describe, expect, it } from 'vitest'
import type { ApiMethod } from '../../../shared/api/methods'
import { completedCall, noteChanges, type PendingChanges } from './indexChanges'

/** What one call leaves pending, as plain arrays and flags. */
function pendingAfter(method: ApiMethod, input: unknown, output: unknown) {
  const pending: PendingChanges = { docs: new Set(), notes: new Set(), tags: false, removed: false }
  const followed = noteChanges(completedCall(method, input, output), pending)
  return { followed, docs: [...pending.docs], notes: [...pending.notes], tags: pending.tags, removed: pending.removed }
}

const NOTHING = { followed: false, docs: [], notes: [], tags: false, removed: false }

describe('what the index follows of each API call', () => {
  it.each([
    ['importFile', {}, { ok: true, article: { id: 'a1' } }, { followed: true, docs: ['a1'] }],
    ['importPaste', {}, { ok: false, fileName: 'x', reason: 'empty' }, NOTHING],
    ['updateArticleMeta', { articleId: 'a2' }, {}, { followed: true, docs: ['a2'] }],
    ['replaceArticleText', { articleId: 'a3' }, {}, { followed: true, docs: ['a3'], notes: ['a3'] }],
    ['emptyTrash', {}, {}, { followed: true, removed: true }],
    ['deleteNote', { articleId: 'a4', noteId: 'n1' }, {}, { followed: true, notes: ['a4'] }],
    ['restoreNote', { note: { articleId: 'a5' } }, {}, { followed: true, notes: ['a5'] }],
    [
      'bulkUpdateNotes',
      { notes: [{ articleId: 'a6' }, { articleId: 'a7' }] },
      {},
      { followed: true, notes: ['a6', 'a7'] }
    ],
    ['renameTag', { tagId: 't1' }, {}, { followed: true, tags: true }],
    ['deleteTag', { tagId: 't1' }, { tagged: [{ articleId: 'a8' }] }, { followed: true, notes: ['a8'], tags: true }],
    ['mergeTags', {}, { changes: { notes: [{ articleId: 'a9' }] } }, { followed: true, notes: ['a9'], tags: true }],
    ['undoMergeTags', { changes: { notes: [{ articleId: 'b1' }] } }, {}, { followed: true, notes: ['b1'], tags: true }],
    ['listArticles', {}, [], NOTHING]
  ] as const)('%s', (method, input, output, expected) => {
    expect(pendingAfter(method, input, output)).toEqual({ ...NOTHING, ...expected })
  })
})
