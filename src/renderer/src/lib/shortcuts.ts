/**
 * The machinery of a keymap: a shortcut is declared once as data (its keys, where it
 * applies, its label and its command), one listener finds the shortcut a key press means,
 * and the `?` overlay writes the keys out from the same declaration, so the list cannot
 * drift from what the keys do. Pure: a key press is described by plain fields, so the
 * matching is tested without a browser.
 */

/** One key combination. `mod` is Ctrl, or Cmd on macOS; a letter matches in either case. */
export interface KeyChord {
  key: string
  mod?: boolean
  /** true or false: Shift must be down or up; left out: either. */
  shift?: boolean
}

/**
 * Where a shortcut applies:
 * - `anywhere`: even while typing in a field (Ctrl/Cmd+K);
 * - `outside-fields`: not while typing, where the key is a letter (J, K, /, ?) or the
 *   field's own undo applies (Ctrl/Cmd+Z);
 * - `reading`: outside fields, and also in the article text, which takes the keyboard
 *   for selecting (H, N, T);
 * - `reading-text`: only in the article text (Enter on the caret).
 */
export type ShortcutScope = 'anywhere' | 'outside-fields' | 'reading' | 'reading-text'

export interface Shortcut<Context, Label extends string = string> {
  id: string
  chords: readonly KeyChord[]
  scope: ShortcutScope
  /** For the overlay: what it does, in a few words (the app's keymap gives a translation key). */
  label: Label
  group: Label
  /** Does it; false when it did not apply (nothing selected, say), so the key keeps its usual meaning. */
  run: (context: Context) => boolean
}

/** A key press as the keymap sees it. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** The target is a field, or editable text, where typed keys are text. */
  inTextField: boolean
  /** The target is the article text in the reading pane. */
  inReadingText: boolean
}

export function chordMatches(chord: KeyChord, press: KeyPress): boolean {
  if (press.altKey) return false
  const modDown = press.ctrlKey || press.metaKey
  if (Boolean(chord.mod) !== modDown) return false
  if (chord.shift !== undefined && chord.shift !== press.shiftKey) return false
  return chord.key.length === 1 ? chord.key.toLowerCase() === press.key.toLowerCase() : chord.key === press.key
}

export function scopeAllows(scope: ShortcutScope, press: KeyPress): boolean {
  switch (scope) {
    case 'anywhere':
      return true
    case 'outside-fields':
      return !press.inTextField
    case 'reading':
      return !press.inTextField || press.inReadingText
    case 'reading-text':
      return press.inReadingText
  }
}

/** The shortcuts a key press may mean, in table order: the listener runs them until one applies. */
export function shortcutsFor<Context>(table: readonly Shortcut<Context>[], press: KeyPress): Shortcut<Context>[] {
  return table.filter(
    (shortcut) => scopeAllows(shortcut.scope, press) && shortcut.chords.some((chord) => chordMatches(chord, press))
  )
}

/** Runs the first shortcut that applies; true when one did, so the caller prevents the key's default. */
export function dispatchKey<Context>(table: readonly Shortcut<Context>[], press: KeyPress, context: Context): boolean {
  return shortcutsFor(table, press).some((shortcut) => shortcut.run(context))
}

/** The words for keys that are not their own character, in the interface's language. */
export interface KeyNames {
  ctrl: string
  shift: string
  /** Named keys by their `KeyboardEvent.key` ("Enter" → « Entrée »); a key missing here is written as it is. */
  keys?: Readonly<Record<string, string>>
}

const ENGLISH_KEY_NAMES: KeyNames = { ctrl: 'Ctrl', shift: 'Shift' }

/** How the overlay writes a chord: "Ctrl K" (or "⌘ K" on a Mac), "Shift Z", "/". */
export function chordLabel(chord: KeyChord, mac: boolean, names: KeyNames = ENGLISH_KEY_NAMES): string {
  const parts: string[] = []
  if (chord.mod) parts.push(mac ? '⌘' : names.ctrl)
  if (chord.shift) parts.push(names.shift)
  parts.push(chord.key.length === 1 ? chord.key.toUpperCase() : (names.keys?.[chord.key] ?? chord.key))
  return parts.join(' ')
}
