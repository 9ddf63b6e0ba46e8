/**
 * The interface language choices, free of the validation library: the page lists them in its
 * settings, and importing the API schema for that would bring zod into the page's first chunk.
 * The API schema (api/schemas/preferences.ts) builds its enum from this list.
 */
export const INTERFACE_LANGUAGE_CHOICES = ['system', 'en', 'fr'] as const
export type InterfaceLanguageChoice = (typeof INTERFACE_LANGUAGE_CHOICES)[number]
