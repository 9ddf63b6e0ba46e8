// Enter in the tag picker must apply the tag that was typed, or create it: never a look-alike.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tagPickerOptions, type TagPickerOption } from './tagSearch'
import { foldTagPath, type Tag } from './tags'

function tag(id: string, path: string): Tag {
  return { id, path, color: null, description: '' }
}

const TAGS: Tag[] = [
  tag('etats-isr', 'Acteurs/États/Israël'),
  tag('mar', 'Acteurs/Maroc'),
  tag('the', 'Thèmes'),
  tag('sec', 'Thèmes/Sécurité'),
  tag('isr', 'Israël')
]

function label(option: TagPickerOption | undefined): string | undefined {
  if (!option) return undefined
  return option.kind === 'tag' ? option.tag.path : `create ${option.path}`
}

const first = (query: string, exclude: string[] = [], recent: string[] = []) =>
  label(tagPickerOptions(TAGS, exclude, query, recent, 8).options[0])

describe('tagPickerOptions', () => {
  it.each([
    ['Acteurs/Israël', 'create Acteurs/Israël'],
    ['acteurs / israel', 'create acteurs/israel'],
    ['Acteurs/États/Israël', 'Acteurs/États/Israël'],
    ['acteurs/etats/israel', 'Acteurs/États/Israël'],
    // The start of a path completes it, as a word completes a level.
    ['acteurs/eta', 'Acteurs/États/Israël'],
    ['Acteurs/Ma', 'Acteurs/Maroc'],
    ['acteurs/isr', 'create acteurs/isr'],
    ['Acteurs/États', 'create Acteurs/États'],
    ['mar', 'Acteurs/Maroc'],
    ['secu', 'Thèmes/Sécurité'],
    ['Israël', 'Israël'],
    ['thmss', 'create thmss'],
    ['ctrs', 'create ctrs']
  ])('typing %j puts %j first', (query, expected) => {
    expect(first(query)).toBe(expected)
  })

  it('keeps the near matches below Create, for the arrow keys', () => {
    const { options } = tagPickerOptions(TAGS, [], 'Acteurs/Israël', [], 8)
    expect(options.map(label)).toEqual(['create Acteurs/Israël', 'Acteurs/États/Israël'])
  })

  it('puts the exactly typed tag first even when a recent tag shares its last level', () => {
    expect(first('israel', [], ['etats-isr'])).toBe('Israël')
  })

  it('applies nothing on Enter when the typed tag is already on the note', () => {
    const result = tagPickerOptions(TAGS, ['isr'], 'Israël', [], 8)
    expect(result.alreadyThere).toBe(true)
    expect(result.options.map(label)).toEqual(['Acteurs/États/Israël'])
  })

  it('offers nothing for an empty query', () => {
    expect(tagPickerOptions(TAGS, [], '  / ', [], 8)).toEqual({ options: [], alreadyThere: false })
  })

  it('never puts first, for a path typed in whole levels, a tag with another path', () => {
    const segment = fc.constantFrom('Acteurs', 'États', 'Israël', 'israel', 'Maroc', 'Thèmes', 'Sécurité', 'x')
    const query = fc.array(segment, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('/'))
    fc.assert(
      fc.property(query, fc.subarray(TAGS.map((t) => t.id)), (typed, recent) => {
        const option = tagPickerOptions(TAGS, [], typed, recent, 8).options[0]
        if (option?.kind === 'tag') expect(foldTagPath(option.tag.path)).toBe(foldTagPath(typed))
        else expect(option).toEqual({ kind: 'create', path: typed })
      })
    )
  })
})
