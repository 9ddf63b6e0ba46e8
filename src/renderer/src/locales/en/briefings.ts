/** English interface texts of the briefings namespace; the source of truth for its keys. */
export default {
  view: {
    region: 'Briefings',
    list: 'Briefings',
    heading: 'Briefings',
    count_one: '{{count}} briefing',
    count_other: '{{count}} briefings',
    newBriefing: 'New briefing',
    newTitle: 'New briefing',
    noBriefing:
      'No briefing yet. A briefing gathers notes by tag, article or date, and exports them with a citation on every quote.',
    createOne: 'Create a briefing to gather notes into a document you can send.',
    notes_one: '{{count}} note',
    notes_other: '{{count}} notes',
    duplicated: 'Duplicated as “{{title}}”.',
    deleted: 'Briefing “{{title}}” deleted.',
    undo: 'Undo',
    undoLabel: 'briefing deletion',
    preview: 'Preview'
  },
  exportRow: {
    group: 'Export',
    label_one: 'Export {{count}} note',
    label_other: 'Export {{count}} notes',
    counting: 'Counting notes…',
    markdown: 'Markdown',
    html: 'HTML',
    docx: 'Word',
    pdf: 'PDF',
    jsonld: 'JSON-LD',
    docxTitle: 'Word (.docx)',
    jsonldTitle: 'JSON-LD annotations',
    paper: 'Paper',
    a4: 'A4',
    letter: 'Letter',
    exporting_one: 'Exporting {{count}} note as {{format}}…',
    exporting_other: 'Exporting {{count}} notes as {{format}}…',
    exported_one: 'Exported {{count}} note to {{fileName}}.',
    exported_other: 'Exported {{count}} notes to {{fileName}}.'
  },
  composer: {
    region: 'Composer',
    title: 'Briefing title',
    saved: 'Saved',
    saving: 'Saving…',
    duplicate: 'Duplicate',
    delete: 'Delete'
  },
  frontMatter: {
    legend: 'Front matter',
    subtitle: 'Subtitle',
    author: 'Author',
    date: 'Date',
    classification: 'Classification or handling line',
    classificationExample: 'e.g. Restricted distribution',
    keyPoints: 'Key points (one per line)'
  },
  structure: {
    legend: 'Structure',
    groupBy: 'Group by',
    groupTagTop: 'Top-level tag',
    groupTagFull: 'Tag hierarchy',
    groupArticle: 'Source article',
    groupNone: 'No grouping',
    order: 'Order',
    orderDocument: 'As in the article',
    orderDate: 'By date noted',
    orderManual: 'My order (drag notes)',
    shortenBefore: 'Shorten quotes longer than',
    shortenAfter: 'characters, with […]',
    longestQuote: 'Longest quote, in characters'
  },
  exportOptions: {
    legend: 'Citations and tags',
    showTags: 'Show tags in export',
    citationStyle: 'Citation style',
    dossierStyle: 'Dossier (default)',
    addedStyle: '{{title}} (added)',
    missingStyle: 'A style no longer available',
    addStyle: 'Add a style…',
    styleAdded: 'Citation style “{{title}}” added.'
  },
  filter: {
    legend: 'Notes to include',
    tags: 'Tags (a parent includes its children)',
    articles: 'Articles (none ticked: every article)',
    from: 'Noted from',
    to: 'to',
    words: 'Containing the words',
    wordsExample: 'security, Rabat…'
  },
  row: {
    include: 'Include “{{quote}}”',
    fromSnapshot: ' · deleted since; cited from this briefing’s copy',
    moveUp: 'Move up',
    moveDown: 'Move down'
  },
  review: {
    orphaned: 'Orphaned',
    changed: 'Changed',
    showNote: 'Show note',
    showNoteLabel: 'Show note “{{quote}}” in its article',
    group: 'Notes that need review',
    count_one: '{{count}} note needs review',
    count_other: '{{count}} notes need review',
    hintIncluded: ' — included below, each marked in the exports',
    hintLeftOut: ' — their passage changed or is gone since highlighted',
    include: 'Include notes that need review (marked)',
    leftOut: 'Notes left out until reviewed'
  },
  sections: {
    legend: 'Sections and notes',
    loading: 'Loading…',
    emptyTitle: 'This briefing has no notes yet.',
    emptyHowTo:
      'Under “Notes to include”, tick a tag, an article or a colour, or type some words: matching notes appear here and in the preview.',
    emptyFromNotes: 'Or open Notes in the top bar, select notes, and start a briefing holding exactly them.',
    leftOut: 'Left out',
    leftOutCount_one: '{{count}} note left out',
    leftOutCount_other: '{{count}} notes left out',
    include: 'Include “{{quote}}”',
    section: 'Section {{heading}}',
    sectionUntitled: 'Section notes',
    sectionTitle: 'Title of section {{heading}}',
    intro: 'Introduction of section {{heading}}',
    introUntitled: 'Introduction of the notes',
    introPlaceholder: 'Introduction (optional)',
    notesIn: 'Notes in {{heading}}',
    notesInBriefing: 'Notes in the briefing'
  }
} as const
