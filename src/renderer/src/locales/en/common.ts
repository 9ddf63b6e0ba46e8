/** English interface texts shared by the shell and lib/; the source of truth for their keys. */
export default {
  appName: 'Dossier',
  couldNotStart: 'Dossier could not start.',
  needsAddress:
    'This page needs the address Dossier printed when it started (it ends with #token=…). Open that address.',
  close: 'Close',
  loading: 'Loading…',
  topBar: {
    views: 'Views',
    articles: 'Articles',
    notes: 'Notes',
    briefings: 'Briefings',
    search: 'Search everything…',
    tags: 'Tags…',
    shortcuts: 'Keyboard shortcuts (?)',
    settings: 'Settings',
    settingsTitle: 'Settings (Ctrl+,)',
    browserMode: 'Browser mode',
    browserModeTitle: 'Running in your browser; data stays on this computer'
  },
  dropFiles: 'Drop files to import them',
  readOnly: 'Read-only',
  shortcuts: {
    title: 'Keyboard shortcuts',
    or: 'or',
    ctrl: 'Ctrl',
    shift: 'Shift',
    Enter: 'Enter',
    Escape: 'Esc',
    Delete: 'Delete',
    Backspace: 'Backspace'
  },
  keymap: {
    general: 'General',
    reading: 'Reading',
    search: 'Search everything',
    undo: 'Undo the last note or tag change',
    redo: 'Redo',
    shortcuts: 'Show these shortcuts',
    settings: 'Open the settings',
    highlight: 'Highlight the selection',
    highlightNote: 'Highlight and write a note',
    highlightTag: 'Highlight and tag',
    articleNote: 'Add a note on the whole article',
    nextHighlight: 'Next highlight',
    previousHighlight: 'Previous highlight',
    noteUnderCaret: 'Show the note under the caret (again: the next one)',
    cancelReattach: 'Stop re-attaching a note',
    deleteHighlight: 'Delete the highlight under the caret'
  },
  undo: {
    button: 'Undo',
    undid: 'Undid {{action}}.',
    redid: 'Redid {{action}}.',
    couldNotUndo: 'Could not undo: {{reason}}.',
    couldNotRedo: 'Could not redo: {{reason}}.',
    notLast: 'Other changes came after that {{action}}: use Ctrl+Z to step back through them.'
  },
  colors: {
    default: 'Default',
    yellow: 'Yellow',
    green: 'Green',
    blue: 'Blue',
    pink: 'Pink',
    orange: 'Orange'
  },
  messages: {
    label: 'Messages',
    dismiss: 'Dismiss message',
    waiting_one: '{{count}} more message: it shows when one of these goes',
    waiting_other: '{{count}} more messages: they show as these go'
  },
  notSaved: 'the change could not be saved',
  dateField: {
    day: 'dd',
    month: 'mm',
    year: 'yyyy',
    invalid: 'Not a date: write it {{pattern}}'
  },
  transport: {
    hostGone: 'Dossier is not running any more: restart it and reload this page.',
    noData: 'Dossier answered {{status}} without data.'
  }
} as const
