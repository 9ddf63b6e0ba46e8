/**
 * A note's text field that saves itself: as the analyst pauses, and when they leave the
 * field. Shared by the passage note's editor and the editor of a note on the whole article,
 * so both save, show « Saved » and take an undo from outside the same way.
 */
import { useEffect, useRef, useState } from 'react'

const SAVE_AFTER_PAUSE_MS = 600

export type SaveStatus = 'saved' | 'editing' | 'saving'

export interface AutosavedText {
  text: string
  status: SaveStatus
  /** What the field calls on each change: shown at once, saved after a pause. */
  change: (value: string) => void
  /** Saves now what the field holds (on leaving it). */
  flush: () => void
  /** Saves `value` after a pause, as if it had been typed (keys typed before the field existed). */
  saveLater: (value: string) => void
}

/**
 * `stored` is the text as the services have it; `onSave` writes a new one and answers whether
 * it took. `typedAhead` is appended to the stored text at first, unsaved.
 */
export function useAutosavedText(
  stored: string,
  onSave: (value: string) => Promise<boolean>,
  typedAhead = ''
): AutosavedText {
  const [text, setText] = useState(stored + typedAhead)
  const [status, setStatus] = useState<SaveStatus>(typedAhead ? 'editing' : 'saved')
  const saved = useRef(stored)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const save = async (value: string): Promise<void> => {
    clearTimeout(timer.current)
    if (value === saved.current) {
      setStatus('saved')
      return
    }
    setStatus('saving')
    if (await onSave(value)) saved.current = value
    setStatus(value === saved.current ? 'saved' : 'editing')
  }

  useEffect(() => () => clearTimeout(timer.current), [])

  // An undo or redo changes the text from outside; show it unless the analyst is typing.
  useEffect(() => {
    if (status !== 'saved' || stored === saved.current) return
    saved.current = stored
    setText(stored)
  }, [stored, status])

  const saveLater = (value: string): void => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(value), SAVE_AFTER_PAUSE_MS)
  }
  return {
    text,
    status,
    change(value) {
      setText(value)
      setStatus('editing')
      saveLater(value)
    },
    flush: () => void save(text),
    saveLater
  }
}
