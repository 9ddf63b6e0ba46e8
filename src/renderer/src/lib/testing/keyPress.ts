/** A key press as the keymap sees it, for tests: no modifier and outside any text unless `extra` says so. */
import type { KeyPress } from '../shortcuts'

export function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    inTextField: false,
    inReadingText: false,
    ...extra
  }
}
