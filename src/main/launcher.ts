/**
 * `npm start`: opens the desktop window when the Electron runtime is installed, and
 * otherwise says so in one line and starts browser mode instead.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { findElectronRuntime } from './electronRuntime'

const projectRoot = path.resolve(__dirname, '..', '..')
const forceBrowser = process.argv.includes('--browser')
const runtime = findElectronRuntime(projectRoot)

function run(command: string, args: string[], ipc = false): void {
  const child = spawn(command, args, {
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
    cwd: projectRoot
  })
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal)
  }
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (!forceBrowser && runtime.found) {
  run(runtime.executable, [projectRoot])
} else {
  if (!forceBrowser && !runtime.found) {
    console.log(
      `Dossier: ${runtime.reason}; run \`npx install-electron\` to get the desktop window. Starting browser mode instead.`
    )
  }
  // The IPC channel lets the host notice when this launcher dies, even by SIGKILL.
  const hostArgs = [...process.argv.slice(2).filter((a) => a !== '--browser'), '--exit-with-parent']
  run(process.execPath, [path.join(__dirname, 'host.js'), ...hostArgs], true)
}
