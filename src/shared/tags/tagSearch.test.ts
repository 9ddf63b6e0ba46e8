// The tag picker is used mid-highlight: the intended tag must come first after a few keystrokes.
import { describe, expect, it } from 'vitest'
import { rankTags } from './tagSearch'
import type { Tag } from './tags'

function tag(id: string, path: string): Tag {
  return { id, path, color: null, description: '' }
}

const TAGS: Tag[] = [
  tag('isr', 'Acteurs/Israël'),
  tag('mar', 'Acteurs/Maroc'),
  tag('arm', 'Thèmes/Armement'),
  tag('sec', 'Thèmes/Sécurité'),
  tag('gen', 'Lieux/Genève'),
  tag('the', 'Thèmes'),
  tag('isrc', 'Thèmes/Israël-Palestine conflit'),
  tag('mars', 'Calendrier/Mars')
]

function ranked(query: string, recent: string[] = []): string[] {
  return rankTags(TAGS, query, recent).map((t) => t.path)
}

describe('rankTags', () => {
  it('with no query, lists recently used tags first, then the rest in French order', () => {
    expect(ranked('  ', ['sec', 'gone', 'isr', 'sec'])).toEqual([
      'Thèmes/Sécurité',
      'Acteurs/Israël',
      'Acteurs/Maroc',
      'Calendrier/Mars',
      'Lieux/Genève',
      'Thèmes',
      'Thèmes/Armement',
      'Thèmes/Israël-Palestine conflit'
    ])
  })

  it.each([
    // exact leaf, then leaf prefix, then any segment prefix, then substring, then subsequence
    ['themes', ['Thèmes', 'Thèmes/Armement', 'Thèmes/Israël-Palestine conflit', 'Thèmes/Sécurité']],
    ['israel', ['Acteurs/Israël', 'Thèmes/Israël-Palestine conflit']],
    ['mar', ['Acteurs/Maroc', 'Calendrier/Mars', 'Thèmes/Armement']], // thèMes/ARmement, a subsequence
    ['MARS', ['Calendrier/Mars']],
    ['geneve', ['Lieux/Genève']],
    ['securite', ['Thèmes/Sécurité']],
    ['ac', ['Acteurs/Israël', 'Acteurs/Maroc', 'Thèmes/Israël-Palestine conflit']],
    ['conflit', ['Thèmes/Israël-Palestine conflit']],
    ['acteurs/isr', ['Acteurs/Israël']],
    ['acis', ['Acteurs/Israël']],
    ['me', ['Thèmes', 'Thèmes/Armement', 'Thèmes/Israël-Palestine conflit', 'Thèmes/Sécurité']],
    ['tunisie', []]
  ])('ranks %j as %j', (query, expected) => {
    expect(ranked(query)).toEqual(expected)
  })

  it('puts exact leaf matches before prefixes, substrings and subsequences', () => {
    const tags = [tag('sub', 'Mar/Zzz'), tag('seq', 'Mxaxr'), tag('inner', 'Lieux/Damar'), tag('exact', 'Lieux/Mar')]
    expect(rankTags(tags, 'mar', []).map((t) => t.id)).toEqual(['exact', 'sub', 'inner', 'seq'])
  })

  it('breaks ties by recency', () => {
    expect(ranked('mar', ['mars'])).toEqual(['Calendrier/Mars', 'Acteurs/Maroc', 'Thèmes/Armement'])
    expect(ranked('acteurs', ['mar', 'isr'])).toEqual(['Acteurs/Maroc', 'Acteurs/Israël'])
  })

  it('does not mutate its input', () => {
    const tags = [...TAGS]
    rankTags(tags, '', ['gen'])
    expect(tags).toEqual(TAGS)
  })
})
