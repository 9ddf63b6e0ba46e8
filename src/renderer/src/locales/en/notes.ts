/** English interface texts of the notes namespace; the source of truth for its keys. */
export default {
  panel: {
    label: 'Notes',
    heading: 'Notes',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    filterShow: 'Show',
    filterLabel: 'Filter notes by tag',
    filterAll: 'All notes',
    filterOption: '{{name}} ({{count}})',
    listLabel: 'Notes in this article',
    orphansLabel: 'Orphaned notes',
    orphansHeading_one: '{{count}} orphaned note: passage no longer found',
    orphansHeading_other: '{{count}} orphaned notes: passage no longer found',
    noneForFilter: 'No note of this article carries this tag.'
  },
  empty: {
    title: 'No notes in this article yet',
    select:
      'Select a passage in the article with the mouse, or with <kbd>Shift</kbd>+arrows after clicking in the text.',
    keys: 'Then press <kbd>{{highlight}}</kbd> to highlight it, <kbd>{{note}}</kbd> to write a note, <kbd>{{tag}}</kbd> to tag it.',
    more: 'Press <kbd>?</kbd> for every shortcut.'
  },
  state: {
    moved: 'Passage changed',
    orphaned: 'Orphaned'
  },
  item: {
    tooltipQuote: '“{{quote}}”'
  },
  editor: {
    label: 'Selected note',
    movedLabel: 'The passage changed',
    movedTitle: 'The article was edited and this passage changed.',
    highlighted: 'Highlighted',
    nowReads: 'Now reads',
    keepNew: 'Keep the new text',
    chooseAnother: 'Choose another passage…',
    orphanLabel: 'Passage not found',
    orphanText: 'This passage is no longer in the article. The note is kept; select its new passage to re-attach it.',
    reattach: 'Re-attach…',
    noteLabel: 'Note',
    saved: 'Saved',
    saving: 'Saving…',
    placeholder: 'Why this passage matters…',
    tagsLabel: 'Tags of this note',
    colorGroup: 'Highlight colour',
    color: 'Colour',
    colorTagWins: '{{name}} (the first tag’s colour shows while it has one)',
    created: 'Created <time>{{date}}</time>',
    edited: ' · edited <time>{{date}}</time>',
    delete: 'Delete note'
  },
  actions: {
    deleted: 'Note deleted.'
  },
  article: {
    heading: 'On the whole article',
    add: 'Add a note on the article',
    addTitle: 'A note that belongs to the article, not to a passage (key {{key}})',
    empty:
      'A summary, an assessment, how far the source can be trusted: notes on the whole article go here (key {{key}}).',
    noneForFilter: 'No note on the article carries this tag.',
    listLabel: 'Notes on the whole article',
    blank: 'Empty note',
    editorLabel: 'Note on the whole article',
    textLabel: 'Note on the article',
    placeholder: 'Summary, assessment, reliability of the source…',
    close: 'Done',
    delete: 'Delete note',
    deleted: 'Note on the article deleted.',
    undoCreate: 'note on the article',
    undoDelete: 'deletion of a note on the article',
    undoText: 'text of a note on the article',
    undoTags: 'tags of a note on the article'
  }
} as const
