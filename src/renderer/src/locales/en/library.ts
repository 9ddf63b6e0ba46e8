/** English interface texts of the library namespace; the source of truth for its keys. */
export default {
  import: {
    tooLarge: 'the file is larger than the {{megabytes}} MB import limit',
    failure: '{{fileName}}: {{reason}}',
    importedOne: 'Imported 1 article.',
    nothingImported: 'Nothing was imported.',
    importedOfFiles_one: 'Imported {{imported}} of {{count}} file.',
    importedOfFiles_other: 'Imported {{imported}} of {{count}} files.',
    openedExisting_one: 'Opened the article that already had its text.',
    openedExisting_other: 'Opened {{count}} articles that already had their text.',
    duplicateNotImported: 'its text is already in the library, as “{{title}}”; not imported'
  },
  duplicate: {
    title: 'Already in the library',
    text: 'The text of “{{fileName}}” is already in the library, as “{{title}}”.',
    openExisting: 'Open the existing one',
    importCopy: 'Import a copy',
    cancel: 'Cancel'
  },
  replace: {
    failed: '“{{fileName}}” could not replace the text: {{reason}}',
    replaced: 'Text replaced from “{{fileName}}”.',
    needReview_one: '{{count}} note needs review.',
    needReview_other: '{{count}} notes need review.',
    noteFound: 'Its note was found in the new text.',
    allFound_one: 'Its {{count}} note was found in the new text.',
    allFound_other: 'All {{count}} notes found in the new text.'
  },
  panel: {
    heading: 'Library',
    articles_one: '{{count}} article',
    articles_other: '{{count}} articles',
    importFiles: 'Import files…',
    paste: 'Paste…',
    filesToImport: 'Files to import',
    filterPlaceholder: 'Filter by title, outlet, author…',
    filterLabel: 'Filter articles',
    sortBy: 'Sort by',
    sorts: { imported: 'Date imported', published: 'Date published', title: 'Title' },
    empty: 'No articles yet. Import files, paste text, or drop files anywhere on this window.',
    noMatch: 'No article matches “{{filter}}”.',
    list: 'Articles',
    words_one: '{{count}} word',
    words_other: '{{count}} words',
    notes_one: '{{count}} note',
    notes_other: '{{count}} notes'
  },
  trash: {
    label: 'Trash',
    toggle: 'Trash ({{count}})',
    empty: 'The trash is empty.',
    restore: 'Restore',
    emptyTrash: 'Empty trash…',
    movedToTrash: '“{{title}}” moved to the trash.',
    undo: 'Undo',
    confirmDelete: 'Delete {{articles}} and {{notes}} for good? This cannot be undone.',
    deleted_one: 'Deleted {{count}} article for good.',
    deleted_other: 'Deleted {{count}} articles for good.'
  },
  progress: {
    importingFiles_one: 'Importing {{count}} file…',
    importingFiles_other: 'Importing {{count}} files…',
    importingOf: 'Importing {{done}} of {{total}}…'
  },
  paste: {
    title: 'Paste an article',
    hint: 'Copy an article from a web page, a document or an e-mail, then press <kbd>Ctrl</kbd>+<kbd>V</kbd> (<kbd>⌘</kbd>+<kbd>V</kbd> on a Mac) in the box below.',
    target: 'Paste here',
    cancel: 'Cancel',
    pastedText: 'Pasted text'
  },
  bibliography: {
    export: 'Export bibliography',
    menuLabel: 'Export the library as',
    hint: 'For Zotero and other reference managers',
    formats: { bibtex: 'BibTeX (.bib)', ris: 'RIS (.ris)', 'csl-json': 'CSL-JSON (.json)' },
    exporting: 'Exporting the bibliography…',
    exported_one: 'Exported {{count}} reference to {{fileName}}.',
    exported_other: 'Exported {{count}} references to {{fileName}}.',
    nothing: 'The library has no article to export.'
  }
} as const
