/**
 * What a search returns, grouped by kind as the search box shows it. Snippets carry the
 * matched stretches as offsets, not markup, so the interface marks them with elements
 * and no search result is ever parsed as HTML.
 */

/** A short piece of text around the matches, with the matched stretches (half-open offsets into `text`). */
export interface Snippet {
  text: string
  marks: { start: number; end: number }[]
}

export interface ArticleHit {
  articleId: string
  title: string
  outlet: string | null
  /** Where the words were found in the article's text, when not only in its title. */
  snippet: Snippet | null
  /** Plain-text offset of the first match in the body, so opening the result can scroll to it. */
  offset: number | null
  score: number
}

export interface NoteHit {
  /** Set for a note on the whole article, whose `quote` is then empty (it quotes nothing). */
  kind?: 'article'
  noteId: string
  articleId: string
  articleTitle: string
  quote: Snippet
  /** The note's own text, when the words were found there. */
  text: Snippet | null
  tags: { path: string; color: string | null }[]
  score: number
}

export interface SearchResults {
  query: string
  articles: ArticleHit[]
  notes: NoteHit[]
  /** True while the saved index is still loading: these results come from a slower scan of everything. */
  indexing: boolean
  /**
   * Articles whose text was still being added to the index (a long import or edit): these
   * results leave them out, or hold their text from before the edit. Empty almost always.
   */
  articlesBeingIndexed: { articleId: string; title: string }[]
}
