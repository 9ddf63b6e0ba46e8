import { describe, expect, it } from 'vitest'
import type { StoreChange } from '../changeEvents'
import { noteChange, type PendingChanges } from './indexChanges'

/** What one store change leaves pending, as plain arrays and flags. */
function pendingAfter(change: StoreChange) {
  const pending: PendingChanges = { docs: new Set(), notes: new Set(), tags: false, removed: false }
  const followed = noteChange(change, pending)
  return { followed, docs: [...pending.docs], notes: [...pending.notes], tags: pending.tags, removed: pending.removed }
}

interface Followed {
  followed: boolean
  docs: string[]
  notes: string[]
  tags: boolean
  removed: boolean
}

const NOTHING: Followed = { followed: false, docs: [], notes: [], tags: false, removed: false }
const NO_TAGS: { created: string[]; renamed: string[]; deleted: string[]; restyled: string[] } = {
  created: [],
  renamed: [],
  deleted: [],
  restyled: []
}

describe('what the index follows of each store change', () => {
  it.each<[string, StoreChange, Partial<Followed>]>([
    ['an article added', { kind: 'article-added', articleId: 'a1' }, { followed: true, docs: ['a1'] }],
    [
      'metadata changed',
      { kind: 'article-meta-changed', articleId: 'a2', fields: ['title'] },
      { followed: true, docs: ['a2'] }
    ],
    ['a text edited', { kind: 'article-body-changed', articleId: 'a3' }, { followed: true, docs: ['a3'] }],
    ['the trash emptied', { kind: 'articles-deleted', articleIds: ['a4'] }, { followed: true, removed: true }],
    ['an article trashed', { kind: 'article-trashed', articleId: 'a5' }, NOTHING],
    ['an article restored', { kind: 'article-restored', articleId: 'a5' }, NOTHING],
    ['a note created', { kind: 'note-created', articleId: 'a6', noteId: 'n1' }, { followed: true, notes: ['a6'] }],
    ['a note deleted', { kind: 'note-deleted', articleId: 'a7', noteId: 'n2' }, { followed: true, notes: ['a7'] }],
    [
      'a comment changed',
      { kind: 'note-changed', articleId: 'a8', noteId: 'n3', fields: ['text'] },
      { followed: true, notes: ['a8'] }
    ],
    [
      'a note moved by an edit',
      { kind: 'note-changed', articleId: 'a9', noteId: 'n4', fields: ['anchor'] },
      { followed: true, notes: ['a9'] }
    ],
    [
      'tags on a note',
      { kind: 'note-changed', articleId: 'b1', noteId: 'n5', fields: ['tags', 'color'] },
      { followed: true, notes: ['b1'] }
    ],
    ['only a colour (read live)', { kind: 'note-changed', articleId: 'b2', noteId: 'n6', fields: ['color'] }, NOTHING],
    [
      'a tag renamed',
      { kind: 'tags-changed', cause: 'rename', ...NO_TAGS, renamed: ['t1'] },
      { followed: true, tags: true }
    ],
    [
      'a tag merged away',
      { kind: 'tags-changed', cause: 'merge-tags', ...NO_TAGS, deleted: ['t2'] },
      { followed: true, tags: true }
    ],
    [
      'a tag created',
      { kind: 'tags-changed', cause: 'create', ...NO_TAGS, created: ['t3'] },
      { followed: true, tags: true }
    ],
    ['a tag recoloured', { kind: 'tags-changed', cause: 'recolor', ...NO_TAGS, restyled: ['t4'] }, NOTHING],
    ['pins', { kind: 'pinned-tags-changed', tagIds: ['t1'] }, NOTHING]
  ])('%s', (_, change, expected) => {
    expect(pendingAfter(change)).toEqual({ ...NOTHING, ...expected })
  })
})
