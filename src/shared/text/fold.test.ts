// Accent-insensitive matching is what makes a French library findable from any keyboard.
import { describe, expect, it } from 'vitest'
import { foldForSearch, matchesAllWords } from './fold'

describe('foldForSearch', () => {
  it.each([
    ['sécurité', 'securite'],
    ['Élysée', 'elysee'],
    ['œil', 'oeil'],
    ['cœur', 'coeur'],
    ['l’armée', "l'armee"],
    ['«\u00a0Accords d’Abraham\u00a0»', "accords d'abraham"],
    ['Israël', 'israel'],
    ['manœuvres  conjointes', 'manoeuvres conjointes']
  ])('folds %s and %s to the same text', (written, typed) => {
    expect(foldForSearch(written)).toBe(foldForSearch(typed))
  })
})

describe('matchesAllWords', () => {
  it('finds every typed word in any order, ignoring accents and case', () => {
    expect(matchesAllWords('Le Maroc et Israël signent à Genève', 'geneve israel')).toBe(true)
    expect(matchesAllWords('Le Maroc et Israël signent à Genève', 'geneve tunisie')).toBe(false)
    expect(matchesAllWords('anything', '   ')).toBe(true)
  })
})
