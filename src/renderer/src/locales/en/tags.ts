/** English interface texts of the tags namespace; the source of truth for its keys. */
export default {} as const
