/** French interface texts of the search namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/search'

export default {} satisfies Translation<typeof en>
