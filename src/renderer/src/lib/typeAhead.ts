/**
 * Keys typed between "highlight and tag" (T) or "highlight and note" (N) and the moment
 * the field they are meant for appears. The note is created by a round trip to the
 * services, and a fast typist starts typing before it returns; without this, their first
 * letters would land nowhere. Until the field opens, the keyboard goes to an invisible
 * text field, so whatever way the letters are typed (dead keys for « ë », an input
 * method, a paste) they arrive as text; the field that opens takes it.
 */
let proxy: HTMLTextAreaElement | null = null
let expiry: ReturnType<typeof setTimeout> | undefined

/** Nobody waits this long for a field; after it, the keyboard is given back. */
const GIVE_UP_MS = 3000

function removeProxy(): void {
  clearTimeout(expiry)
  proxy?.remove()
  proxy = null
}

/** Sends the keyboard to a hidden field until a real one takes what was typed, or a few seconds pass. */
export function beginTypeAhead(): void {
  removeProxy()
  const field = document.createElement('textarea')
  field.className = 'type-ahead'
  field.setAttribute('aria-hidden', 'true')
  field.tabIndex = -1
  document.body.append(field)
  field.focus({ preventScroll: true })
  proxy = field
  expiry = setTimeout(removeProxy, GIVE_UP_MS)
}

/** What was typed since `beginTypeAhead` ('\n' for Enter), once; '' when nothing was. */
export function takeTypeAhead(): string {
  const typed = proxy?.value ?? ''
  removeProxy()
  return typed
}
