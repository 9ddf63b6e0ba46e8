// Tags are how analysts find their notes again; a rename or merge that loses or duplicates one is lost work.
import { describe, expect, it } from 'vitest'
import {
  addTag,
  buildTagTree,
  deleteTag,
  expandTagFilter,
  findTagByPath,
  isSameOrDescendant,
  leafName,
  mergeTags,
  moveTag,
  normaliseTagPath,
  parentPath,
  renameTag,
  revertTagChanges,
  TagError,
  tagIdsUnder,
  validateTagPath,
  type Tag,
  type TagTreeNode
} from './tags'

function tag(id: string, path: string): Tag {
  return { id, path, color: null, description: '' }
}

const israel = tag('t-isr', 'Acteurs/Israël')
const maroc = tag('t-mar', 'Acteurs/Maroc')
const armement = tag('t-arm', 'Thèmes/Armement')
const securite = tag('t-sec', 'Thèmes/Sécurité')
const geneve = tag('t-gen', 'Lieux/Genève')
const themes = tag('t-the', 'Thèmes')
const TAGS: readonly Tag[] = Object.freeze([israel, maroc, armement, securite, geneve, themes])

function paths(tags: readonly Tag[]): string[] {
  return tags.map((t) => t.path)
}

function shape(nodes: TagTreeNode[]): unknown[] {
  return nodes.map((node) => ({
    name: node.name,
    real: node.tag !== null,
    own: node.ownCount,
    total: node.totalCount,
    ...(node.children.length ? { children: shape(node.children) } : {})
  }))
}

describe('paths', () => {
  it.each([
    ['  Acteurs / / Israël ', 'Acteurs/Israël'],
    ['Thèmes/Sécurité   intérieure', 'Thèmes/Sécurité intérieure'],
    ['/Lieux/', 'Lieux'],
    ['   ', '']
  ])('normalises %j to %j, keeping case and accents', (input, expected) => {
    expect(normaliseTagPath(input)).toBe(expected)
  })

  it('validates with a reason', () => {
    expect(validateTagPath('Acteurs/Israël')).toBeNull()
    expect(validateTagPath(' / ')).toBe('a tag needs a name')
    expect(validateTagPath('A/' + 'é'.repeat(81))).toBe('a tag name is at most 80 characters per level')
    expect(validateTagPath('é'.repeat(80))).toBeNull()
    expect(validateTagPath('1/2/3/4/5/6')).toBeNull()
    expect(validateTagPath('1/2/3/4/5/6/7')).toMatch(/at most 6 levels/)
  })

  it('splits parent and leaf', () => {
    expect(parentPath('Acteurs/Israël')).toBe('Acteurs')
    expect(parentPath('Acteurs')).toBeNull()
    expect(leafName('Thèmes/Sécurité')).toBe('Sécurité')
    expect(leafName('Lieux')).toBe('Lieux')
  })

  it('knows descendants by whole segments, folded', () => {
    expect(isSameOrDescendant('Acteurs/Israël', 'Acteurs')).toBe(true)
    expect(isSameOrDescendant('Acteurs', 'Acteurs')).toBe(true)
    expect(isSameOrDescendant('Acteurs/Israël', 'acteurs')).toBe(true)
    expect(isSameOrDescendant('Acteurs2', 'Acteurs')).toBe(false)
    expect(isSameOrDescendant('Acteurs', 'Acteurs/Israël')).toBe(false)
    expect(isSameOrDescendant('Thèmes/Sécurité', 'THEMES')).toBe(true)
  })

  it('finds a tag by a folded path', () => {
    expect(findTagByPath(TAGS, 'acteurs/israel')).toBe(israel)
    expect(findTagByPath(TAGS, ' themes / securite ')).toBe(securite)
    expect(findTagByPath(TAGS, 'Acteurs')).toBeUndefined()
  })
})

describe('buildTagTree', () => {
  const notes = [
    ['t-isr', 't-arm'],
    ['t-isr', 't-mar'], // counted once under Acteurs
    ['t-the', 't-sec'], // counted once under Thèmes
    ['t-gen', 'unknown-id'],
    []
  ]

  it('creates implied parents, sorts in French and counts each note once per node', () => {
    expect(shape(buildTagTree(TAGS, notes))).toEqual([
      {
        name: 'Acteurs',
        real: false,
        own: 0,
        total: 2,
        children: [
          { name: 'Israël', real: true, own: 2, total: 2 },
          { name: 'Maroc', real: true, own: 1, total: 1 }
        ]
      },
      {
        name: 'Lieux',
        real: false,
        own: 0,
        total: 1,
        children: [{ name: 'Genève', real: true, own: 1, total: 1 }]
      },
      {
        name: 'Thèmes',
        real: true,
        own: 1,
        total: 2,
        children: [
          { name: 'Armement', real: true, own: 1, total: 1 },
          { name: 'Sécurité', real: true, own: 1, total: 1 }
        ]
      }
    ])
  })

  it('keeps full paths and the tag records on the nodes', () => {
    const [acteurs] = buildTagTree(TAGS, [])
    expect(acteurs?.path).toBe('Acteurs')
    expect(acteurs?.tag).toBeNull()
    expect(acteurs?.children.map((n) => [n.path, n.tag?.id])).toEqual([
      ['Acteurs/Israël', 't-isr'],
      ['Acteurs/Maroc', 't-mar']
    ])
  })

  it('sorts accented names where a French reader expects them', () => {
    const tree = buildTagTree([tag('1', 'Zone'), tag('2', 'Égypte'), tag('3', 'États-Unis'), tag('4', 'Espagne')], [])
    expect(tree.map((n) => n.name)).toEqual(['Égypte', 'Espagne', 'États-Unis', 'Zone'])
  })
})

describe('filters', () => {
  it('a parent includes its children', () => {
    expect(expandTagFilter(TAGS, 't-the')).toEqual(new Set(['t-the', 't-arm', 't-sec']))
    expect(expandTagFilter(TAGS, 't-isr')).toEqual(new Set(['t-isr']))
    expect(expandTagFilter(TAGS, 'gone')).toEqual(new Set(['gone']))
  })

  it('an implied parent filters on its path', () => {
    expect(tagIdsUnder(TAGS, 'Acteurs')).toEqual(new Set(['t-isr', 't-mar']))
  })
})

describe('renameTag', () => {
  it('renames a tag and carries its children along, without mutating the input', () => {
    const { tags, changes } = renameTag(TAGS, 't-the', 'Sujets')
    expect(paths(tags)).toEqual([
      'Acteurs/Israël',
      'Acteurs/Maroc',
      'Sujets/Armement',
      'Sujets/Sécurité',
      'Lieux/Genève',
      'Sujets'
    ])
    expect(paths(TAGS)).toContain('Thèmes/Armement')
    expect(changes.tags.map((c) => [c.before?.path, c.after?.path])).toEqual([
      ['Thèmes/Armement', 'Sujets/Armement'],
      ['Thèmes/Sécurité', 'Sujets/Sécurité'],
      ['Thèmes', 'Sujets']
    ])
    expect(changes.notes).toEqual([])
    expect(revertTagChanges(tags, {}, changes).tags).toEqual(TAGS)
  })

  it('normalises the new path', () => {
    expect(renameTag(TAGS, 't-mar', '  Acteurs /  Royaume du   Maroc ').tags[1]?.path).toBe('Acteurs/Royaume du Maroc')
  })

  it.each([
    ['Acteurs/Maroc', /already exists/],
    ['acteurs/maroc', /already exists/],
    ['ACTEURS/MAROC', /already exists/],
    ['Thèmes/Armement', /already exists/]
  ])('refuses %s, which collides with another tag', (newPath, message) => {
    expect(() => renameTag(TAGS, 't-isr', newPath)).toThrow(message)
  })

  it('refuses a case/accent-only collision with another tag', () => {
    const tags = [...TAGS, tag('t-isr2', 'Acteurs/Israel2')]
    expect(() => renameTag(tags, 't-isr2', 'acteurs/israel')).toThrow(TagError)
  })

  it('refuses a collision of a carried child', () => {
    const tags = [...TAGS, tag('t-sujets-arm', 'Sujets/Armement')]
    expect(() => renameTag(tags, 't-the', 'Sujets')).toThrow(/“Sujets\/Armement” already exists/)
  })

  it('allows fixing the case or accents of the tag itself', () => {
    const tags = [tag('a', 'Acteurs/israel')]
    expect(renameTag(tags, 'a', 'Acteurs/Israël').tags[0]?.path).toBe('Acteurs/Israël')
  })

  it('refuses invalid paths, moves into itself and unknown ids', () => {
    expect(() => renameTag(TAGS, 't-isr', ' / ')).toThrow('a tag needs a name')
    expect(() => renameTag(TAGS, 't-the', 'Thèmes/Sous-thèmes')).toThrow(/inside itself/)
    expect(() => renameTag(TAGS, 'nope', 'X')).toThrow(TagError)
    expect(() => renameTag(TAGS, 't-the', '1/2/3/4/5/6')).toThrow(/at most 6 levels/) // its children would be 7 deep
    expect(renameTag(TAGS, 't-the', '1/2/3/4/5').tags[2]?.path).toBe('1/2/3/4/5/Armement')
  })
})

describe('moveTag', () => {
  it('moves a tag with its children under a new parent, or to the top level', () => {
    expect(paths(moveTag(TAGS, 't-the', 'Dossier Maghreb').tags)).toEqual([
      'Acteurs/Israël',
      'Acteurs/Maroc',
      'Dossier Maghreb/Thèmes/Armement',
      'Dossier Maghreb/Thèmes/Sécurité',
      'Lieux/Genève',
      'Dossier Maghreb/Thèmes'
    ])
    expect(moveTag(TAGS, 't-gen', null).tags[4]?.path).toBe('Genève')
    expect(moveTag(TAGS, 't-gen', ' ').tags[4]?.path).toBe('Genève')
  })

  it('refuses moving a tag under itself or onto an existing tag', () => {
    expect(() => moveTag(TAGS, 't-the', 'Thèmes/Sécurité')).toThrow(/inside itself/)
    expect(() => moveTag([...TAGS, tag('x', 'Genève')], 't-gen', null)).toThrow(/already exists/)
  })
})

describe('mergeTags', () => {
  const notes = Object.freeze({
    n1: ['t-mar', 't-arm'],
    n2: ['t-isr', 't-mar', 't-sec'],
    n3: ['t-gen']
  })

  it('moves the notes onto the target once, in place, and removes the source', () => {
    const result = mergeTags(TAGS, notes, 't-mar', 't-isr')
    expect(result.notesTagIds).toEqual({
      n1: ['t-isr', 't-arm'],
      n2: ['t-isr', 't-sec'],
      n3: ['t-gen']
    })
    expect(result.tags.map((t) => t.id)).not.toContain('t-mar')
    expect(notes.n2).toEqual(['t-isr', 't-mar', 't-sec'])
    expect(result.changes.notes.map((c) => c.noteId)).toEqual(['n1', 'n2'])

    const reverted = revertTagChanges(result.tags, result.notesTagIds, result.changes)
    expect(reverted.tags).toEqual(TAGS)
    expect(reverted.notesTagIds).toEqual(notes)
  })

  it('moves the source’s children under the target, merging into children that already exist', () => {
    const tags = [
      ...TAGS,
      tag('t-mar-dip', 'Acteurs/Maroc/Diplomatie'),
      tag('t-mar-eco', 'Acteurs/Maroc/Économie'),
      tag('t-isr-dip', 'Acteurs/Israël/diplomatie')
    ]
    const result = mergeTags(tags, { n1: ['t-mar-dip', 't-isr-dip'], n2: ['t-mar-eco'] }, 't-mar', 't-isr')
    expect(paths(result.tags)).toEqual([
      'Acteurs/Israël',
      'Thèmes/Armement',
      'Thèmes/Sécurité',
      'Lieux/Genève',
      'Thèmes',
      'Acteurs/Israël/Économie',
      'Acteurs/Israël/diplomatie'
    ])
    expect(result.notesTagIds).toEqual({ n1: ['t-isr-dip'], n2: ['t-mar-eco'] })
  })

  it('merges a child into its parent', () => {
    const result = mergeTags(TAGS, notes, 't-sec', 't-the')
    expect(result.notesTagIds.n2).toEqual(['t-isr', 't-mar', 't-the'])
  })

  it('refuses merging a tag into itself or into its own descendant', () => {
    expect(() => mergeTags(TAGS, notes, 't-the', 't-arm')).toThrow(/own descendant/)
    expect(() => mergeTags(TAGS, notes, 't-the', 't-the')).toThrow(TagError)
    expect(() => mergeTags(TAGS, notes, 't-the', 'nope')).toThrow(TagError)
  })
})

describe('deleteTag', () => {
  const notes = Object.freeze({ n1: ['t-arm', 't-the', 't-isr'], n2: ['t-gen'] })

  it('takes the tag off notes, which keep their other tags', () => {
    const result = deleteTag(TAGS, notes, 't-the')
    expect(result.notesTagIds).toEqual({ n1: ['t-arm', 't-isr'], n2: ['t-gen'] })
    expect(result.changes.notes).toEqual([
      { noteId: 'n1', before: ['t-arm', 't-the', 't-isr'], after: ['t-arm', 't-isr'] }
    ])
  })

  it('keeps the children as they are, the parent becoming implied', () => {
    const result = deleteTag(TAGS, notes, 't-the')
    expect(paths(result.tags)).toEqual([
      'Acteurs/Israël',
      'Acteurs/Maroc',
      'Thèmes/Armement',
      'Thèmes/Sécurité',
      'Lieux/Genève'
    ])
    const themesNode = buildTagTree(result.tags, Object.values(result.notesTagIds)).find((n) => n.name === 'Thèmes')
    expect(themesNode?.tag).toBeNull()
    expect(themesNode?.totalCount).toBe(1)
  })

  it('can be reverted exactly', () => {
    const result = deleteTag(TAGS, notes, 't-arm')
    expect(revertTagChanges(result.tags, result.notesTagIds, result.changes)).toEqual({
      tags: TAGS,
      notesTagIds: notes
    })
  })
})

describe('addTag', () => {
  it('adds a normalised tag and refuses a folded duplicate', () => {
    const { tags } = addTag(TAGS, tag('t-new', ' Acteurs / Égypte '))
    expect(tags.at(-1)?.path).toBe('Acteurs/Égypte')
    expect(() => addTag(TAGS, tag('t-new', 'lieux/geneve'))).toThrow(/“Lieux\/Genève” already exists/)
    expect(() => addTag(TAGS, tag('t-isr', 'Autre'))).toThrow(TagError)
  })
})
