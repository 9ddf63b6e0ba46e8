/**
 * Messages the services compose (notices, import refusals, changes not saved), by the code they
 * travel with (shared/domain/hostMessages.ts); lib/hostMessages.ts fills in their parameters,
 * file names isolated for bidi, counts and dates through Intl. A message the host nests in
 * another (the reason inside an import failure) is one of these too.
 */
export default {
  detail: '{{detail}}',
  notice: { alreadyDismissed: 'That message was already dismissed.' },
  note: {
    pastEnd: 'The selection reaches past the end of the article.',
    quoteChanged: 'The selected text no longer matches the stored article; reopen the article and select again.',
    gone: 'That note no longer exists.',
    someGone: 'One of those notes no longer exists.',
    alreadyThere: 'That note is already there.',
    tooManyTags: 'A note can carry at most {{limit}} tags.'
  },
  tag: {
    badName: 'That tag name cannot be used: {{reason}}.',
    changedSince: 'The tag “{{tag}}” has changed since; that step cannot be undone.',
    gone: 'That tag no longer exists.',
    someGone: 'One of those tags no longer exists.'
  },
  article: {
    gone: 'That article no longer exists.',
    textMissing: 'The text of this article is missing ({{file}}): {{reason}}',
    textDamaged: 'The text of this article is damaged ({{file}}): {{reason}}'
  },
  citation: { notAdded: '“{{fileName}}” was not added: {{reason}}' },
  briefing: {
    gone: 'That briefing no longer exists.',
    alreadyThere: 'That briefing is already there.',
    pdfNeedsDesktop: 'PDF export needs the desktop app; in the browser, use Print → Save as PDF.',
    noCitationStyles: 'Citation styles are not available here.'
  },
  quoted: '“{{text}}”',
  list: {
    pair: '{{first}}, {{second}}',
    titles: '{{titles}}',
    titlesAndMore: '{{titles}} and {{more}} more'
  },
  count: {
    article_one: '{{count, number}} article',
    article_other: '{{count, number}} articles',
    tag_one: '{{count, number}} tag',
    tag_other: '{{count, number}} tags',
    note_one: '{{count, number}} note',
    note_other: '{{count, number}} notes',
    briefing_one: '{{count, number}} briefing',
    briefing_other: '{{count, number}} briefings',
    paragraph_one: '{{count, number}} paragraph',
    paragraph_other: '{{count, number}} paragraphs',
    citationstyle_one: '{{count, number}} citation style',
    citationstyle_other: '{{count, number}} citation styles'
  },
  age: {
    seconds_one: '{{count, number}} second earlier',
    seconds_other: '{{count, number}} seconds earlier',
    minutes_one: '{{count, number}} minute earlier',
    minutes_other: '{{count, number}} minutes earlier',
    hours_one: '{{count, number}} hour earlier',
    hours_other: '{{count, number}} hours earlier',
    days_one: '{{count, number}} day earlier',
    days_other: '{{count, number}} days earlier',
    clockChanged: 'later than the damage was found (the clock changed)'
  },
  storage: {
    diskFull: 'The disk is full: your last change was not saved.',
    notWritable: 'Dossier may not write to its data folder: your last change was not saved.'
  },
  readOnly: {
    bannerDiskFull:
      'Dossier is read-only: the disk is full ({{dataDir}}). Your library is shown but changes cannot be saved.',
    bannerNotWritable:
      'Dossier is read-only: the data folder cannot be written ({{dataDir}}). Your library is shown but changes cannot be saved.',
    refusedDiskFull: 'Dossier is read-only because the disk is full: this change was not saved.',
    refusedNotWritable: 'Dossier is read-only because its data folder cannot be written: this change was not saved.'
  },
  import: {
    couldNotRead: 'it could not be read ({{detail}})',
    overLimit: 'the file is {{megabytes}} MB, over the {{limit}} MB import limit',
    empty: 'the file is empty',
    unsupportedType: 'unsupported file type {{extension}} (Dossier imports {{supported}})',
    noExtension: 'unsupported file type: the name has no extension (Dossier imports {{supported}})',
    pasteNoText: 'nothing to import (the pasted content has no readable text)',
    nothingToImport: 'nothing to import',
    notText: 'the file is not text (it looks binary)',
    invalidUtf8: 'the file says it is UTF-8 but is not valid UTF-8',
    pageNoText: 'the page has no readable text',
    noReadableText: 'the file has no readable text',
    documentNoText: 'the document has no text',
    pdfTooManyPages: 'the PDF has {{count, number}} pages, over the {{limit}}-page import limit',
    pdfScanned: 'the PDF has no text layer (it is a scanned image); Dossier needs the text',
    pdfOnlyHeaders: 'the PDF has no text apart from page headers and footers',
    pdfEncrypted: 'the PDF is encrypted with a password: open it, save a copy without one, and import that',
    pdfDamaged: 'the file is damaged or not a PDF',
    pdfUnreadable: 'the PDF could not be read ({{detail}})',
    docxDamaged: 'the Word file is damaged or not a .docx ({{detail}})',
    docxOldDoc: 'it looks like an old .doc file: save it as .docx in Word',
    docxNotZip: 'it is not a zip archive',
    docxNoDocumentXml: 'word/document.xml is missing',
    detail: '{{detail}}',
    tooComplex: 'it is too large or too complex to import (it needed more than {{megabytes}} MB)',
    couldNotStart: 'the import could not start: import it again',
    couldNotReplace: '“{{fileName}}” could not replace the text: {{reason}}'
  },
  recovery: {
    restored:
      '{{file}} could not be read ({{reason}}); Dossier restored the last good copy, {{saved}}{{contents}}.{{kept}}',
    startsEmpty:
      '{{file}} could not be read ({{reason}}); no earlier copy could be read, so Dossier starts it empty.{{kept}}',
    missing: 'the file was missing',
    notJson: 'it is cut short or not valid JSON',
    notAnObject: 'it does not hold what Dossier keeps there',
    wrongShape: 'its content does not have the expected shape: {{detail}}',
    kept: ' The damaged file was kept at {{path}}.',
    contents: ': {{contents}}',
    savedSameDay: 'saved at {{savedTime}}, {{age}}',
    savedOtherDay: 'saved on {{savedDate}} at {{savedTime}}, {{age}}',
    savedUnknown: 'saved at an unknown time'
  },
  unreadable: {
    denied: 'the system does not let Dossier read it',
    isFolder: 'it is a folder, not a file',
    notFolder: 'a file is where a folder should be',
    diskError: 'the disk reported an error while reading it',
    brokenLink: 'it is a link that leads nowhere',
    notesOf: 'The notes of “{{title}}”',
    notesOfAnArticle: 'The notes of an article',
    error: '{{what}} could not be read: {{file}} ({{reason}}). The rest of the library is not affected.',
    notice:
      '{{what}} could not be read: {{file}} ({{reason}}). The rest of the library is not affected. Data folder: {{dataDir}}.'
  },
  folder: {
    cannotExamine: 'it cannot be examined ({{detail}})',
    isLink: 'it is a link, not a folder',
    isFile: 'it is a file, not a folder',
    cannotRead: 'it cannot be read ({{detail}})',
    movedAside:
      '{{folder}} in the data folder was not usable ({{reason}}); Dossier moved it to {{movedTo}} and made a new, empty one. Older backups may be in the moved copy.'
  },
  housekeeping: {
    tagsRecovered_one:
      '{{count, number}} tag used by {{notes}} had been lost with the older library; it is back as {{names}}. Rename it under Tags….',
    tagsRecovered_other:
      '{{count, number}} tags used by {{notes}} had been lost with the older library; they are back as {{names}}. Rename them under Tags….',
    relinked_one:
      '{{count, number}} article missing from the library came back from its saved text: {{titles}}. Its title and details may need correcting under Article info.',
    relinked_other:
      '{{count, number}} articles missing from the library came back from their saved text: {{titles}}. Their title and details may need correcting under Article info.',
    trashed_one:
      '{{count, number}} article with notes had lost its library entry; it is back, in the trash: {{titles}}.',
    trashed_other:
      '{{count, number}} articles with notes had lost their library entry; they are back, in the trash: {{titles}}.',
    unreadableBodies: 'Article text not listed in the library could not be read and was left as it is: {{files}}.'
  },
  intent: {
    completed: '{{kind}}{{subject}} interrupted by {{cause}} was completed: {{notes}}.',
    kind: {
      'merge-tags': 'A tag merge',
      'delete-tag': 'A tag deletion',
      'restore-tag': 'Undoing a tag deletion',
      'undo-merge-tags': 'Undoing a tag merge',
      'bulk-update-notes': 'A change to several notes',
      'restore-note-fields': 'Undoing a change to several notes'
    },
    byCrash: 'a crash',
    byError: 'an error',
    subjectMerge: ' (“{{from}}” into “{{into}}”)',
    subjectTag: ' (“{{tag}}”)',
    damaged:
      'The record of a tag change interrupted by a crash, {{file}}, could not be read ({{reason}}), so that change may be only partly applied: check the tags of recent notes.{{kept}}',
    setAside: ' It was set aside at {{path}}.',
    leftInPlace: ' It could not be moved aside and was left where it is.',
    willRetry:
      'A tag change interrupted by a crash could not be completed yet ({{reason}}); Dossier will try again before the next tag change.',
    blocked: 'An earlier tag change could not be finished ({{reason}}); no tag can change until it is.'
  }
} as const
