/**
 * The name a paste goes by in messages, as a file goes by its own: in a module of its own so
 * that the import runner can name a paste without loading the import stack (index.ts).
 */
export const PASTE_SOURCE_NAME = 'Pasted text'
