import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptySearchHint } from './emptySearchHint'

describe('emptySearchHint', () => {
  it.each([
    ['sécurité', { kind: 'oneWord' }],
    ['  armée  ', { kind: 'oneWord' }],
    ['coeur armee elysee', { kind: 'severalWords' }],
    ['tag:Acteurs/Israël', { kind: 'withFilters', filters: ['tag:Acteurs/Israël'] }],
    ['article:maroc sécurité', { kind: 'withFilters', filters: ['article:maroc'] }],
    [
      'tag:"Acteurs/Forces armées" TAG:Thèmes',
      { kind: 'withFilters', filters: ['tag:"Acteurs/Forces armées"', 'TAG:Thèmes'] }
    ],
    // A filter still being typed (nothing after the colon) filters nothing yet.
    ['sécurité tag:', { kind: 'oneWord' }],
    // « tag: » inside a word is a word, as the service reads it.
    ['montag:x', { kind: 'oneWord' }]
  ])('%j → %j', (query, hint) => {
    expect(emptySearchHint(query)).toEqual(hint)
  })

  it('names every filter exactly as typed, whatever words surround them', () => {
    const word = fc.stringMatching(/^[a-zà-ÿ]{1,8}$/u)
    fc.assert(
      fc.property(fc.array(word, { maxLength: 3 }), word, (words, value) => {
        const filter = `tag:${value}`
        const hint = emptySearchHint([...words, filter].join(' '))
        expect(hint).toEqual({ kind: 'withFilters', filters: [filter] })
      })
    )
  })
})
