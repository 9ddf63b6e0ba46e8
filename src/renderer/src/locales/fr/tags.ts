/** French interface texts of the tags namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/tags'

export default {} satisfies Translation<typeof en>
