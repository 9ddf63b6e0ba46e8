/**
 * How the rest of the interface talks to the reading pane: Lexical commands the pane's
 * plugins answer, dispatched to the editor the pane registers with the session. Declared
 * here, apart from the plugins, so a feature can ask the pane for something without
 * importing it, and nothing outside the pane looks into its DOM.
 */
import { createCommand, type LexicalCommand } from 'lexical'
import type { TextRange } from '../../../shared/anchoring/selectors'

/** Scrolls a note's highlight into view and flashes it; waits for the marks if the text is still arriving. */
export const SHOW_NOTE_COMMAND: LexicalCommand<string> = createCommand('SHOW_NOTE_COMMAND')

/**
 * Asks which notes are highlighted under the reading caret (a collapsed selection in the
 * text), innermost first; the plugin answers through the callback and handles the command
 * only when there are some.
 */
export const NOTES_UNDER_CARET_COMMAND: LexicalCommand<(noteIds: string[]) => void> =
  createCommand('NOTES_UNDER_CARET_COMMAND')

/** What the analyst wants after highlighting: nothing more, to write a note, or to tag it. */
export type HighlightIntent = 'highlight' | 'note' | 'tag'

/** A bare intent, or an intent with the colour picked in the popover. */
export type HighlightPayload = HighlightIntent | { intent: HighlightIntent; color: string }

/** Turns the selection in the text into a highlight (H, N, T and the popover). */
export const HIGHLIGHT_SELECTION_COMMAND: LexicalCommand<HighlightPayload> =
  createCommand('HIGHLIGHT_SELECTION_COMMAND')

/** A passage to show in the reading pane, asked for by a search result. */
export interface RevealRequest {
  range: TextRange
  /** Changes with every request, so asking twice for the same passage reveals it twice. */
  token: number
}
