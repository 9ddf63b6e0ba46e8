/** English interface texts of the settings namespace; the source of truth for its keys. */
export default {} as const
