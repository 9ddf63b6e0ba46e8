/** What other features may use of notes/: a note's text as written, and where the open article's notes sit. */
export { NoteText } from './NoteText'
export { anchoredNotesOf, useAnchoredNotes, type AnchoredNotes } from './useAnchoredNotes'
