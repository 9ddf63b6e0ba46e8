/** English interface texts of the search namespace; the source of truth for its keys. */
export default {} as const
