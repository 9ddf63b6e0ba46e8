/** English interface texts of the library namespace; the source of truth for its keys. */
export default {} as const
