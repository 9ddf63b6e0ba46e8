/** What other features may use of notes/: a note's text as written, and where the open article's notes sit. */
export { deleteNoteUnderCaret } from './deleteUnderCaret'
export { NoteText } from './NoteText'
export { noteFilterOf, useNoteFilter, type NoteFilterResult } from './noteFilter'
export { anchoredNotesOf, useAnchoredNotes, type AnchoredNotes } from './useAnchoredNotes'
