import { describe, expect, test } from 'vitest'
import type { OpenedArticle } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import { noteFilterOf } from './noteFilter'

const TAGS: Tag[] = [
  { id: 't1', path: 'Acteurs/Maroc', color: null, description: '' },
  { id: 't2', path: 'Acteurs/ONG', color: null, description: '' },
  { id: 't3', path: 'Thèmes/Surveillance', color: null, description: '' }
]

const article = { meta: { id: 'article-1' }, body: { blocks: [] } } as unknown as OpenedArticle

function note(id: string, tagIds: string[]): Note {
  return { id, tagIds } as unknown as Note
}

const NOTES = [note('a', ['t1']), note('b', ['t3']), note('c', ['t2', 't3']), note('d', [])]

describe('the notes panel filter', () => {
  test('no filter hides nothing', () => {
    expect([...noteFilterOf({ article, notes: NOTES, tags: TAGS, notesTagFilter: null }).hiddenNoteIds]).toEqual([])
  })

  test('a parent tag keeps the notes of its children and hides the others', () => {
    const result = noteFilterOf({
      article,
      notes: NOTES,
      tags: TAGS,
      notesTagFilter: { articleId: 'article-1', tagPath: 'Acteurs' }
    })
    expect(result.tagPath).toBe('Acteurs')
    expect([...result.hiddenNoteIds]).toEqual(['b', 'd'])
  })

  test('a leaf tag keeps only its notes', () => {
    const result = noteFilterOf({
      article,
      notes: NOTES,
      tags: TAGS,
      notesTagFilter: { articleId: 'article-1', tagPath: 'Thèmes/Surveillance' }
    })
    expect([...result.hiddenNoteIds]).toEqual(['a', 'd'])
  })

  test('a filter set on another article does not apply to the open one', () => {
    const result = noteFilterOf({
      article,
      notes: NOTES,
      tags: TAGS,
      notesTagFilter: { articleId: 'article-2', tagPath: 'Acteurs' }
    })
    expect(result.tagPath).toBe('')
    expect([...result.hiddenNoteIds]).toEqual([])
  })

  test('the same state gives the same answer object, so components do not re-render', () => {
    const state = { article, notes: NOTES, tags: TAGS, notesTagFilter: { articleId: 'article-1', tagPath: 'Acteurs' } }
    const first = noteFilterOf(state)
    expect(noteFilterOf({ ...state })).toBe(first)
    expect(noteFilterOf({ ...state, notes: [...NOTES] })).not.toBe(first)
  })
})
