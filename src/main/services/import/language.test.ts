/**
 * Language detection runs offline; these tests pin the cases the library relies on and
 * the normalisation of declared language tags.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../shared/domain/article'
import { detectLanguage, normaliseLanguage } from './language'

const paragraphs = (...texts: string[]): ArticleBlock[] => texts.map((text) => ({ type: 'paragraph', text }))

describe('detectLanguage', () => {
  it('recognises a French paragraph', () => {
    const french = paragraphs(
      'Le gouvernement a présenté mercredi en Conseil des ministres un projet de loi visant à renforcer les moyens des armées.'
    )
    expect(detectLanguage(french)).toBe('fr')
  })

  it('recognises an English paragraph', () => {
    const english = paragraphs(
      'The government presented a bill on Wednesday aimed at strengthening the resources of the armed forces.'
    )
    expect(detectLanguage(english)).toBe('en')
  })

  it('recognises short French text that a naive guess calls Latin', () => {
    const headings = paragraphs('Titre du rapport', 'Texte gras et italique souligné.', 'Premier point', 'Sous-point')
    expect(detectLanguage(headings)).toBe('fr')
  })

  it('does not guess from too little text', () => {
    expect(detectLanguage(paragraphs('Paris, le 5 mars'))).toBeNull()
    expect(detectLanguage([])).toBeNull()
  })
})

describe('normaliseLanguage', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr_FR', 'fr'],
    ['FR', 'fr'],
    [' en-GB ', 'en'],
    ['fra', null],
    ['', null],
    [null, null]
  ])('reads %j as %j', (tag, expected) => {
    expect(normaliseLanguage(tag)).toBe(expected)
  })
})
