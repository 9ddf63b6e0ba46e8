/** French interface texts of the workspace namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/workspace'

export default {} satisfies Translation<typeof en>
