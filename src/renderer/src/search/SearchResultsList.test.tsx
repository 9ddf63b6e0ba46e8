// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResults } from '../../../shared/search/results'
import { changeLanguage } from '../lib/i18n'
import { SearchResultsList } from './SearchResultsList'

const RESULTS: SearchResults = {
  query: 'securite',
  articles: [
    {
      articleId: 'a1',
      title: 'Sommet à l’Élysée',
      outlet: 'Le Monde',
      snippet: { text: 'un sommet sur la sécurité régionale', marks: [{ start: 17, end: 25 }] },
      offset: 40,
      score: 2
    },
    { articleId: 'a2', title: 'La sécurité au Maroc', outlet: null, snippet: null, offset: null, score: 1 }
  ],
  notes: [
    {
      noteId: 'n1',
      articleId: 'a1',
      articleTitle: 'Sommet à l’Élysée',
      quote: { text: 'la sécurité régionale', marks: [{ start: 3, end: 11 }] },
      text: null,
      tags: [{ path: 'Thèmes/Diplomatie', color: '#60a5fa' }],
      score: 1
    }
  ],
  indexing: false,
  articlesBeingIndexed: []
}

function renderList(results: SearchResults | null, active = 0) {
  return render(
    <SearchResultsList
      id="results"
      results={results}
      active={active}
      optionId={(index) => `result-${index}`}
      onPoint={() => undefined}
      onOpen={() => undefined}
    />
  )
}

beforeAll(async () => {
  // jsdom lays nothing out, so it has no scrolling either; the active option asks for it.
  Element.prototype.scrollIntoView = () => undefined
  await changeLanguage('en')
})
afterEach(cleanup)

describe('SearchResultsList', () => {
  it('holds only named groups of options, articles first, with no heading inside', () => {
    renderList(RESULTS, 1)
    const listbox = screen.getByRole('listbox', { name: 'Results' })
    expect([...listbox.children].map((child) => child.getAttribute('role'))).toEqual(['group', 'group'])
    const groups = within(listbox).getAllByRole('group')
    expect(groups.map((group) => group.textContent?.split(/\s/)[0])).toEqual(['2', '1'])
    expect(within(listbox).queryAllByRole('heading')).toEqual([])
    expect(
      within(groups[0]!)
        .getAllByRole('option')
        .map((option) => option.id)
    ).toEqual(['result-0', 'result-1'])
    expect(
      within(groups[1]!)
        .getAllByRole('option')
        .map((option) => option.id)
    ).toEqual(['result-2'])
    expect(screen.getByRole('option', { selected: true }).id).toBe('result-1')
  })

  it('names each group by its visible count and each option by its words, spaced', () => {
    renderList(RESULTS)
    expect(screen.getByRole('group', { name: '2 articles' })).toBeTruthy()
    expect(screen.getByRole('group', { name: '1 note' })).toBeTruthy()
    expect(
      screen.getByRole('option', { name: 'Sommet à l’Élysée Le Monde un sommet sur la sécurité régionale' })
    ).toBeTruthy()
    expect(
      screen.getByRole('option', { name: 'la sécurité régionale Sommet à l’Élysée Thèmes/Diplomatie' })
    ).toBeTruthy()
    expect([...document.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['sécurité', 'sécurité'])
  })

  it('says a note on the whole article is one, in place of the quote it does not have', () => {
    renderList({
      ...RESULTS,
      articles: [],
      notes: [
        {
          kind: 'article',
          noteId: 'n2',
          articleId: 'a1',
          articleTitle: 'Sommet à l’Élysée',
          quote: { text: '', marks: [] },
          text: { text: 'Source fiable sur la sécurité', marks: [{ start: 21, end: 29 }] },
          tags: [],
          score: 1
        }
      ]
    })
    expect(
      screen.getByRole('option', { name: 'Note on the whole article Source fiable sur la sécurité Sommet à l’Élysée' })
    ).toBeTruthy()
    expect([...document.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['sécurité'])
  })

  it('is hidden while there is nothing to list', () => {
    renderList({ ...RESULTS, articles: [], notes: [] })
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(document.getElementById('results')?.hidden).toBe(true)
  })

  it('passes axe-core’s structure rules (the ones a DOM without layout can check)', async () => {
    const { container } = renderList(RESULTS)
    const results = await axe.run(container, {
      runOnly: ['aria-required-children', 'aria-required-parent', 'aria-valid-attr-value', 'nested-interactive']
    })
    expect(results.violations.map((violation) => violation.id)).toEqual([])
  })
})
