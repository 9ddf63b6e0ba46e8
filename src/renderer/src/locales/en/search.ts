/** English interface texts of the search namespace; the source of truth for its keys. */
export default {
  dialog: 'Search',
  box: 'Search everything',
  placeholder: 'Search articles, quotes, notes and tags…',
  results: 'Results',
  articles_one: '{{count}} article',
  articles_other: '{{count}} articles',
  notes_one: '{{count}} note',
  notes_other: '{{count}} notes',
  indexLoading: 'The search index is still loading; these results come from a slower full scan.',
  stillIndexing: 'Still indexing {{titles}}: not in these results yet.',
  quoted: '“{{text}}”',
  listSeparator: ', ',
  found: '{{articles}} and {{notes}} found',
  wholeArticle: 'Note on the whole article',
  intro: {
    what: 'Finds article titles and text, highlighted quotes, notes and tag names.',
    forgiving: 'Accents, capitals and apostrophes don’t matter: {{example}} finds « sécurité ».',
    filters: 'Narrow with {{tag}} (that tag and the tags under it) or {{article}} (words of an article’s title).'
  },
  empty: {
    nothingFound: 'Nothing found for “{{query}}”.',
    withFilters:
      'The filters {{filters}} leave only notes under that tag and articles with those words in their title. Check their spelling, or remove one.',
    severalWords: 'Every word has to match. Try with fewer words.',
    oneWord:
      'Try a shorter word or another one: the last word matches its beginning, and longer words forgive one typo.'
  },
  help: {
    enter: 'Enter',
    escape: 'Esc',
    move: 'to move',
    open: 'to open',
    close: 'to close'
  }
} as const
