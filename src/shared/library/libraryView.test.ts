// The library list must find an article however its title is typed, and sort as the analyst asked.
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../domain/article'
import { libraryView } from './libraryView'

function article(id: string, title: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title,
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: 'fr',
    importedAt: '2026-01-01T00:00:00.000Z',
    sourceFile: null,
    wordCount: 10,
    charCount: 60,
    noteCount: 0,
    ...extra
  }
}

const articles = [
  article('a', 'Sécurité à l’Élysée', { importedAt: '2026-03-01T00:00:00Z', publishedAt: '2025-01-02' }),
  article('b', 'Le cœur du Maroc', { importedAt: '2026-02-01T00:00:00Z', outlet: 'Le Monde' }),
  article('c', 'Économie israélienne', { importedAt: '2026-04-01T00:00:00Z', publishedAt: '2025-06-30' })
]

describe('libraryView', () => {
  it('filters accent- and case-insensitively over title and outlet', () => {
    expect(libraryView(articles, 'securite elysee', 'imported').map((a) => a.id)).toEqual(['a'])
    expect(libraryView(articles, 'COEUR', 'imported').map((a) => a.id)).toEqual(['b'])
    expect(libraryView(articles, 'le monde', 'imported').map((a) => a.id)).toEqual(['b'])
    expect(libraryView(articles, 'introuvable', 'imported')).toEqual([])
  })

  it('sorts by import date, newest first', () => {
    expect(libraryView(articles, '', 'imported').map((a) => a.id)).toEqual(['c', 'a', 'b'])
  })

  it('sorts by publication date, undated last', () => {
    expect(libraryView(articles, '', 'published').map((a) => a.id)).toEqual(['c', 'a', 'b'])
  })

  it('sorts titles alphabetically the French way, ignoring accents', () => {
    expect(libraryView(articles, '', 'title').map((a) => a.title)).toEqual([
      'Économie israélienne',
      'Le cœur du Maroc',
      'Sécurité à l’Élysée'
    ])
  })
})
