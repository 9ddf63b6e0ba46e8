/**
 * The shape a translation must have: the same keys as the English source, each a string.
 * Used with `satisfies` so that a key missing from French fails the type-check.
 */
export type Translation<Source> = {
  [Key in keyof Source]: Source[Key] extends string ? string : Translation<Source[Key]>
}
