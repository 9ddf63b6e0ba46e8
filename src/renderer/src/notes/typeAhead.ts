/**
 * Keys typed between "highlight and tag" (T) or "highlight and note" (N) and the moment
 * the field they are meant for appears. The note is created by a round trip to the
 * services, and a fast typist starts typing before it returns; without this, their first
 * letters would land nowhere. The field that opens takes what was typed.
 */
let buffer: string | null = null
let expiry: ReturnType<typeof setTimeout> | undefined

/** Nobody waits this long for a field; after it, keys go where they would anyway. */
const GIVE_UP_MS = 3000

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

function capture(event: KeyboardEvent): void {
  if (buffer === null || isTextField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
  if (event.key.length === 1) buffer += event.key
  else if (event.key === 'Backspace') buffer = buffer.slice(0, -1)
  else return
  event.preventDefault()
  event.stopImmediatePropagation()
}

function stop(): void {
  clearTimeout(expiry)
  document.removeEventListener('keydown', capture, true)
}

/** Starts keeping keys, until a field takes them or a few seconds pass. */
export function beginTypeAhead(): void {
  stop()
  buffer = ''
  document.addEventListener('keydown', capture, true)
  expiry = setTimeout(() => {
    buffer = null
    stop()
  }, GIVE_UP_MS)
}

/** What was typed since `beginTypeAhead`, once; '' when nothing was. */
export function takeTypeAhead(): string {
  const typed = buffer ?? ''
  buffer = null
  stop()
  return typed
}
