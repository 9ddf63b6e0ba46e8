// A parent ticked in a filter includes its children, and must not need a tag record to do so.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { branchFilterId, branchPathOf, expandTagFilter, isBranchFilterId } from './tagFilter'
import { id as idSchema } from '../api/schemas/common'
import type { Tag } from './tags'

function tag(id: string, path: string): Tag {
  return { id, path, color: null, description: '' }
}

const TAGS: Tag[] = [
  tag('lemonde', 'Médias/Le Monde'),
  tag('liberation', 'Médias/Libération'),
  tag('radio', 'Médias/Radio/France Inter'),
  tag('mediapart', 'Médiapart'),
  tag('israel', 'Acteurs/Israël')
]

describe('branch filter ids', () => {
  it('stand for every tag under a parent that has no record of its own', () => {
    const medias = expandTagFilter(TAGS, branchFilterId('Médias'))
    expect([...medias].filter((id) => !isBranchFilterId(id))).toEqual(['lemonde', 'liberation', 'radio'])
    expect([...expandTagFilter(TAGS, branchFilterId('medias/radio'))]).toEqual([
      'radio',
      branchFilterId('Médias/Radio')
    ])
  })

  it('are the same for any spelling of the path, and differ between paths', () => {
    expect(branchFilterId(' médias / RADIO ')).toBe(branchFilterId('Médias/Radio'))
    expect(branchFilterId('Médias')).not.toBe(branchFilterId('Médiapart'))
    expect(branchFilterId('Médias')).toMatch(/^branch-[0-9a-f]{16}$/)
  })

  it('find their path back, or null once no tag is under it', () => {
    expect(branchPathOf(TAGS, branchFilterId('medias/radio'))).toBe('Médias/Radio')
    expect(branchPathOf(TAGS, branchFilterId('Sport'))).toBeNull()
    expect(branchPathOf(TAGS, 'lemonde')).toBeNull()
    expect([...expandTagFilter(TAGS, branchFilterId('Sport'))]).toEqual([branchFilterId('Sport')])
  })

  it('still expand a tag id to the tag and its descendants', () => {
    expect([...expandTagFilter([...TAGS, tag('acteurs', 'Acteurs')], 'acteurs')].sort()).toEqual(['acteurs', 'israel'])
  })

  it('are accepted by the API as ids and never taken for a service-made one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (path) => {
        const filterId = branchFilterId(path)
        expect(idSchema.safeParse(filterId).success).toBe(true)
        expect(isBranchFilterId(filterId)).toBe(true)
        expect(isBranchFilterId(crypto.randomUUID())).toBe(false)
      })
    )
  })
})
