/**
 * A term's postings packed in bytes, for the saved index (indexFile.ts), and kept packed in
 * memory after loading until MiniSearch first touches them.
 *
 * Why packed: postings are nearly all of the index, 4.4 million for 1,000 articles and
 * 50,000 notes. As JSON objects keyed by short id they made a 55.6 MB file; as maps they
 * are about 250 MB built one entry at a time, and building them took 2 s at load, more than
 * half of it the garbage collector copying them. Packed, a posting usually takes one byte,
 * and a search touches a few hundred terms of 57,000 at most, so each term is unpacked when
 * first used (microseconds to a few milliseconds) and loading builds nothing but the terms.
 *
 * Layout, per term: for each field, `fieldId + 1`, its postings, then 0; then 0. A posting
 * is a varint (7 bits a byte, low first) of its short id's distance from the previous one
 * (zigzag: 2d − 1 forwards, −2d backwards; the first counts from −1), times two, plus one
 * when a varint occurrence count (2 or more) follows. The value is never 0, which ends a
 * field. Each line of the file carries its terms' byte lengths and a CRC-32 of the bytes, so
 * damage is found at load, not when a search first unpacks a term.
 */
import type { TermData } from './miniSearchParts'

export class ByteWriter {
  bytes = new Uint8Array(1 << 16)
  length = 0

  /** An unsigned integer below 2^53. */
  put(value: number): void {
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    while (value > 127) {
      this.bytes[this.length++] = (value % 128) | 128
      value = Math.floor(value / 128)
    }
    this.bytes[this.length++] = value
  }

  /** What was written, in base64, and a fresh start. */
  take(): string {
    const base64 = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('base64')
    this.length = 0
    return base64
  }
}

/** Reads varints; throws `damaged()` rather than read past the end. */
class ByteReader {
  at: number
  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly damaged: () => Error
  ) {
    this.at = start
  }

  next(): number {
    const { bytes } = this
    if (this.at >= bytes.length) throw this.damaged()
    let byte = bytes[this.at++]!
    if (byte < 128) return byte
    let value = byte & 127
    let scale = 128
    do {
      if (this.at >= bytes.length) throw this.damaged()
      byte = bytes[this.at++]!
      value += (byte & 127) * scale
      scale *= 128
    } while (byte >= 128)
    return value
  }
}

const damagedBytes = () => new Error('packed postings are damaged')

/** Writes a posting list's next entry; `previous` is the short id written before (−1 at first). */
function putPosting(out: ByteWriter, previous: number, shortId: number, count: number): void {
  const delta = shortId - previous
  const zigzag = delta > 0 ? delta * 2 - 1 : -delta * 2
  if (count === 1) out.put(zigzag * 2)
  else {
    out.put(zigzag * 2 + 1)
    out.put(count)
  }
}

/**
 * Walks one term's packed postings from `reader`'s position, calling `posting` for each;
 * leaves the reader after the term.
 */
function walkTerm(reader: ByteReader, posting: (fieldId: number, shortId: number, count: number) => void): void {
  for (let field = reader.next(); field !== 0; field = reader.next()) {
    let shortId = -1
    for (let value = reader.next(); value !== 0; value = reader.next()) {
      const hasCount = value % 2
      const zigzag = (value - hasCount) / 2
      shortId += zigzag % 2 === 1 ? (zigzag + 1) / 2 : -zigzag / 2
      posting(field - 1, shortId, hasCount ? reader.next() : 1)
    }
  }
}

/**
 * A term's postings as MiniSearch expects them (a Map of field id to a Map of short id to
 * count), unpacked from their bytes the first time any Map method is called. Every method
 * of Map is overridden, so nothing can see it packed.
 */
export class PackedTermData extends Map<number, Map<number, number>> {
  #bytes: Uint8Array | null
  readonly #start: number

  constructor(bytes: Uint8Array, start: number) {
    super()
    this.#bytes = bytes
    this.#start = start
  }

  get packed(): boolean {
    return this.#bytes !== null
  }

  #unpack(): void {
    const bytes = this.#bytes
    if (bytes === null) return
    this.#bytes = null
    let postings: Map<number, number> | undefined
    let currentField = -1
    walkTerm(new ByteReader(bytes, this.#start, damagedBytes), (fieldId, shortId, count) => {
      if (fieldId !== currentField) {
        currentField = fieldId
        postings = new Map()
        super.set(fieldId, postings)
      }
      postings!.set(shortId, count)
    })
  }

  /** Re-packs the postings of live documents without unpacking them into maps; false when none. */
  repackInto(out: ByteWriter, isLive: (shortId: number) => boolean): boolean {
    const bytes = this.#bytes
    if (bytes === null) return packTerm(out, this, isLive)
    const termStart = out.length
    let currentField = -1
    let fieldStart = 0
    let previous = -1
    const endField = () => {
      if (currentField === -1) return
      if (previous === -1) out.length = fieldStart
      else out.put(0)
    }
    walkTerm(new ByteReader(bytes, this.#start, damagedBytes), (fieldId, shortId, count) => {
      if (fieldId !== currentField) {
        endField()
        currentField = fieldId
        fieldStart = out.length
        previous = -1
        out.put(fieldId + 1)
      }
      if (!isLive(shortId)) return
      putPosting(out, previous, shortId, count)
      previous = shortId
    })
    endField()
    if (out.length === termStart) return false
    out.put(0)
    return true
  }

  override get(key: number): Map<number, number> | undefined {
    this.#unpack()
    return super.get(key)
  }
  override has(key: number): boolean {
    this.#unpack()
    return super.has(key)
  }
  override set(key: number, value: Map<number, number>): this {
    this.#unpack()
    return super.set(key, value)
  }
  override delete(key: number): boolean {
    this.#unpack()
    return super.delete(key)
  }
  override clear(): void {
    this.#bytes = null
    super.clear()
  }
  override forEach(
    callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown
  ): void {
    this.#unpack()
    super.forEach(callback, thisArg)
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#unpack()
    return super.entries()
  }
  override keys(): MapIterator<number> {
    this.#unpack()
    return super.keys()
  }
  override values(): MapIterator<Map<number, number>> {
    this.#unpack()
    return super.values()
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    this.#unpack()
    return super[Symbol.iterator]()
  }

  static {
    // Map's `size` is an accessor, which TypeScript's declarations present as a property.
    Object.defineProperty(PackedTermData.prototype, 'size', {
      get(this: PackedTermData) {
        this.#unpack()
        return Reflect.get(Map.prototype, 'size', this) as number
      }
    })
  }
}

/** Packs one term's postings of live documents; false (and nothing written) when it has none. */
export function packTerm(out: ByteWriter, data: TermData, isLive: (shortId: number) => boolean): boolean {
  if (data instanceof PackedTermData && data.packed) return data.repackInto(out, isLive)
  const termStart = out.length
  for (const [fieldId, postings] of data) {
    const fieldStart = out.length
    out.put(fieldId + 1)
    let previous = -1
    for (const [shortId, count] of postings) {
      if (!isLive(shortId)) continue
      putPosting(out, previous, shortId, count)
      previous = shortId
    }
    if (previous === -1) out.length = fieldStart
    else out.put(0)
  }
  if (out.length === termStart) return false
  out.put(0)
  return true
}

/**
 * Each term's data, still packed, from a line's bytes and the byte length of each term
 * (what `packTerm` wrote for it); null when the lengths do not add up to the bytes.
 */
export function packedTerms(bytes: Uint8Array, lengths: readonly number[]): PackedTermData[] | null {
  const terms: PackedTermData[] = []
  let start = 0
  for (const length of lengths) {
    if (!(length > 0)) return null
    terms.push(new PackedTermData(bytes, start))
    start += length
  }
  return start === bytes.length ? terms : null
}
