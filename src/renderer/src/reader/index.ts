/** What other features may use of reader/: the shape of a highlight as the pane draws it. */
export type { DrawnNote } from './plugins/NoteMarksPlugin'
