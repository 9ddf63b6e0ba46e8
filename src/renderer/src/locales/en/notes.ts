/** English interface texts of the notes namespace; the source of truth for its keys. */
export default {} as const
