import { describe, expect, it } from 'vitest'
import { foldSpaceKinds, sameWords } from './spaceKinds'

describe('space kinds', () => {
  it('folds no-break, narrow no-break, thin and figure spaces into ordinary ones, one for one', () => {
    expect(foldSpaceKinds('«\u00a0a\u202fb\u2009c\u2007d\u00a0»')).toBe('« a b c d »')
  })

  it.each([
    ['« Tout »', '«\u00a0Tout\u00a0»', true],
    ['Qui ?', 'Qui\u202f?', true],
    ['Qui ?', 'Qui?', false],
    ['a b', 'a\nb', false]
  ])('%j and %j are the same words: %s', (a, b, expected) => {
    expect(sameWords(a, b)).toBe(expected)
  })
})
