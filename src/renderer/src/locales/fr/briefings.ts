/** French interface texts of the briefings namespace; the compiler checks every English key is here. */
import type { Translation } from '../types'
import type en from '../en/briefings'

export default {} satisfies Translation<typeof en>
