// Parent tags are acted on as whole branches, even when they have no record of their own.
import { describe, expect, it } from 'vitest'
import { mergeBranch, renameBranch, revertTagChanges, TagError, type Tag } from './tags'

function tag(id: string, path: string): Tag {
  return { id, path, color: null, description: '' }
}

const TAGS: readonly Tag[] = Object.freeze([
  tag('isr', 'Acteurs/Israël'),
  tag('mar', 'Acteurs/Maroc'),
  tag('mar-dip', 'Acteurs/Maroc/Diplomatie'),
  tag('pays', 'Pays'),
  tag('pays-isr', 'Pays/Israël')
])
const NOTES = { n1: ['isr'], n2: ['mar', 'pays-isr'], n3: ['mar-dip'] }

describe('renameBranch', () => {
  it('moves every tag under a parent with no record, keeping their ids', () => {
    const { tags, changes } = renameBranch(TAGS, 'acteurs', 'Protagonistes/États')
    expect(tags.map((t) => `${t.id}=${t.path}`)).toEqual([
      'isr=Protagonistes/États/Israël',
      'mar=Protagonistes/États/Maroc',
      'mar-dip=Protagonistes/États/Maroc/Diplomatie',
      'pays=Pays',
      'pays-isr=Pays/Israël'
    ])
    expect(changes.tags.map((c) => c.before?.id)).toEqual(['isr', 'mar', 'mar-dip'])
    expect(revertTagChanges(tags, {}, changes).tags).toEqual(TAGS)
  })

  it('refuses a move onto an existing tag, inside itself, or of a branch that is empty', () => {
    expect(() => renameBranch(TAGS, 'Acteurs', 'Pays')).toThrow('a tag named “Pays/Israël” already exists')
    expect(() => renameBranch(TAGS, 'Acteurs', 'Acteurs/Tous')).toThrow('a tag cannot be moved inside itself')
    expect(() => renameBranch(TAGS, 'Lieux', 'Endroits')).toThrow(TagError)
  })
})

describe('mergeBranch', () => {
  it('folds a parent with no record into a tag: children move or join the ones already there', () => {
    const { tags, notesTagIds, changes } = mergeBranch(TAGS, NOTES, 'Acteurs', 'pays')
    expect(tags.map((t) => `${t.id}=${t.path}`)).toEqual([
      'mar=Pays/Maroc',
      'mar-dip=Pays/Maroc/Diplomatie',
      'pays=Pays',
      'pays-isr=Pays/Israël'
    ])
    expect(notesTagIds).toEqual({ n1: ['pays-isr'], n2: ['mar', 'pays-isr'], n3: ['mar-dip'] })
    const reverted = revertTagChanges(tags, notesTagIds, changes)
    expect(reverted.tags).toEqual(TAGS)
    expect(reverted.notesTagIds).toEqual(NOTES)
  })

  it('refuses to merge a branch into one of its own tags', () => {
    expect(() => mergeBranch(TAGS, NOTES, 'Acteurs', 'mar')).toThrow('a tag cannot be merged into its own descendant')
  })
})
