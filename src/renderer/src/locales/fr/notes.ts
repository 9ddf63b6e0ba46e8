/** French interface texts of the notes namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/notes'

export default {} satisfies Translation<typeof en>
