/** English interface texts of the reader namespace; the source of truth for its keys. */
export default {} as const
