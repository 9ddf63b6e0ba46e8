/** English interface texts of the workspace namespace; the source of truth for its keys. */
export default {} as const
