/**
 * The user's preferences as the API takes and returns them. Kept by the host rather than the
 * page: browser mode's origin changes with the port at each launch, so anything the page kept
 * itself (localStorage) would be forgotten. Only the interface language so far; 'system'
 * follows the computer's languages.
 */
import { z } from 'zod'
import { INTERFACE_LANGUAGE_CHOICES } from '../../domain/preferences'

export { INTERFACE_LANGUAGE_CHOICES, type InterfaceLanguageChoice } from '../../domain/preferences'

export const interfaceLanguageChoice = z.enum(INTERFACE_LANGUAGE_CHOICES)

export const preferences = z.object({ interfaceLanguage: interfaceLanguageChoice }).strict()
export type Preferences = z.infer<typeof preferences>

/** Each field optional: a caller changes what it names and leaves the rest as it was. */
export const preferenceChanges = preferences.partial().strict()

/** What a first run has: follow the computer. */
export const DEFAULT_PREFERENCES: Preferences = { interfaceLanguage: 'system' }
