/**
 * Builds a typed client over any transport, so the renderer's code is the same whether
 * it talks to Electron's preload or to the browser-mode host.
 */
import type { ApiClient, ApiTransport } from './contract'
import { API_METHODS, type ApiMethod } from './methods'

export function createApiClient(transport: ApiTransport): ApiClient {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {}
  for (const method of API_METHODS) {
    client[method] = (input: unknown) => transport(method, input)
  }
  return client as ApiClient
}

/**
 * Browser mode sends a call that carries a file (an input with `bytes`) as the raw request
 * body, and the rest of its input in this header, as JSON in URI encoding (a file name may
 * hold any character; a header only ASCII).
 */
export const INPUT_HEADER = 'x-dossier-input'

/** The content type of such a body: what tells the host the input comes in two parts. */
export const BYTES_CONTENT_TYPE = 'application/octet-stream'

/** A call's input split into its file's bytes and everything else; null when it carries no file. */
export function splitBytes(input: unknown): { bytes: Uint8Array; rest: Record<string, unknown> } | null {
  if (typeof input !== 'object' || input === null || !('bytes' in input)) return null
  const { bytes, ...rest } = input as { bytes: unknown }
  return bytes instanceof Uint8Array ? { bytes, rest } : null
}

/** The header's value for the rest of the input. */
export function encodeInputHeader(rest: Record<string, unknown>): string {
  return encodeURIComponent(JSON.stringify(rest))
}

/** The rest of the input again, on the host's side. Throws on a header that is not a JSON object. */
export function decodeInputHeader(header: string): Record<string, unknown> {
  const rest: unknown = JSON.parse(decodeURIComponent(header))
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) {
    throw new Error(`the ${INPUT_HEADER} header must hold a JSON object`)
  }
  return rest as Record<string, unknown>
}
