/** English interface texts of the reader namespace; the source of truth for its keys. */
export default {
  pane: {
    noArticle: 'Open an article from the library, or import one.',
    articleText: 'Article text',
    words_one: '{{count}} word',
    words_other: '{{count}} words',
    editText: 'Edit text',
    doneEditing: 'Done editing',
    articleInfo: 'Article info',
    moveToTrash: 'Move to trash',
    editingBanner:
      'You are editing the article text. Notes follow their passages; a note whose passage is gone is kept in the Notes panel as <em>orphaned</em>.',
    reattachBanner: 'Select the new passage for the note “{{quote}}”, then press <kbd>{{key}}</kbd>.',
    cancel: 'Cancel',
    reattached: 'Note re-attached to the passage you selected.',
    attachHere: 'Attach note here'
  },
  editStatus: {
    saved: 'All changes saved',
    saving: 'Saving…',
    failed: 'Not saved',
    unsaved: 'Editing…'
  },
  edit: {
    cannotBeEmpty: 'An article cannot be left empty; undo (Ctrl+Z) to bring its text back.',
    notSaved: 'Your edit to “{{title}}” was not saved: {{reason}}'
  },
  popover: {
    label: 'Selection',
    highlight: 'Highlight',
    note: 'Note',
    tag: 'Tag',
    colors: 'Highlight in a colour',
    inColor: 'Highlight in {{color}}'
  },
  info: {
    label: 'Article info',
    title: 'Title',
    type: 'Type',
    types: {
      'article-newspaper': 'Newspaper article',
      'article-magazine': 'Magazine article',
      'article-journal': 'Journal article',
      report: 'Report',
      webpage: 'Web page',
      book: 'Book',
      chapter: 'Book chapter',
      document: 'Other document'
    },
    container: {
      'article-newspaper': 'Newspaper',
      'article-magazine': 'Magazine',
      'article-journal': 'Journal title',
      report: 'Issued by',
      webpage: 'Website',
      book: 'Publisher',
      chapter: 'In the book',
      document: 'Outlet'
    },
    outletPlaceholder: 'Le Monde, Reuters…',
    author: 'Author',
    authorPlaceholder: 'Byline',
    published: 'Published',
    accessed: 'Accessed',
    sourceUrl: 'Source address',
    pages: 'Pages',
    pagesPlaceholder: '12-18',
    publisher: 'Publisher',
    place: 'Place',
    placePlaceholder: 'Paris',
    language: 'Language',
    languagePlaceholder: 'fr',
    urlPlaceholder: 'https://…',
    dateLetters: { day: 'dd', month: 'mm', year: 'yyyy' },
    badDate: 'Write a date as {{pattern}}, a month as {{monthPattern}}, or a year alone.',
    imported: 'Imported {{date}}',
    importedFrom: 'Imported {{date}} from {{file}}',
    words_one: '{{count}} word',
    words_other: '{{count}} words',
    replace: 'Replace text from file…',
    replacing: 'Replacing text…',
    replaceHint:
      'For a corrected or fuller version of this article. The title and details above stay; notes are looked for in the new text, and any not found are kept for you to review.',
    replaceFile: 'File with the new text',
    fill: 'Fill from a reference file…',
    filling: 'Reading the file…',
    fillHint: 'Details from a CSL-JSON, BibTeX or RIS file, such as one exported from Zotero. Check them, then save.',
    fillFile: 'Reference file',
    unreadable: '“{{fileName}}” holds no reference Dossier can read: it should be a CSL-JSON, BibTeX or RIS file.',
    filled: 'Details filled from “{{fileName}}”: check them, then save.',
    pickTitle: 'Which reference is this article?',
    pickText_one: '“{{fileName}}” holds {{count}} reference.',
    pickText_other: '“{{fileName}}” holds {{count}} references. Choose the one for this article.',
    noAuthor: 'no author',
    cancel: 'Cancel',
    save: 'Save'
  }
} as const
