/** English interface texts of the briefings namespace; the source of truth for its keys. */
export default {} as const
