/**
 * Whether a key event's target is a place where the user types. Single-key shortcuts
 * (H, N, T, J, K, /) and the app's own Ctrl+Z must leave typing alone there.
 */
export function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}
