/**
 * Talking to a browser-mode host without the page: specs that prepare a data folder (seed it,
 * then damage it) call the API as the renderer would, with the per-launch token, and start a
 * host on a simulated full disk through the DOSSIER_SIMULATE_WRITE_FAILURE seam.
 */
import { TOKEN_HEADER } from '../../src/shared/api/tokenHeader'
import { startHost, type StartedHost } from './fixtures'

/** One API call, answered as the host's JSON envelope (`{ ok, value }` or `{ ok: false, error }`). */
export async function callHost(host: StartedHost, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input)
  })
  return response.json()
}

/** Starts a host as the read-only seam would on a full disk; the variable is this worker's only for the spawn. */
export async function startHostOnFullDisk(dataDir: string): Promise<StartedHost> {
  process.env.DOSSIER_SIMULATE_WRITE_FAILURE = 'ENOSPC'
  try {
    return await startHost(dataDir)
  } finally {
    delete process.env.DOSSIER_SIMULATE_WRITE_FAILURE
  }
}
