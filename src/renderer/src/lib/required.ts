/**
 * For undoable steps built on `take()`: a refused call has already been shown to the
 * user and answers null; throwing here fails the step, so the undo history keeps it.
 */
import { t } from './i18n'

export function required<T>(value: T | null): T {
  if (value === null) throw new Error(t('common:notSaved'))
  return value
}
