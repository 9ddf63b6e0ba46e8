/** French interface texts of the reader namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/reader'

export default {} satisfies Translation<typeof en>
