/** French interface texts of the library namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/library'

export default {} satisfies Translation<typeof en>
