/** Renderer entry: connects to the services through whichever transport is present, then draws the app. */
import '@fontsource-variable/inter'
import '@fontsource-variable/source-serif-4'
import '@fontsource-variable/source-serif-4/opsz-italic.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connect } from './api/connect'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
const connection = connect()
createRoot(container).render(
  <StrictMode>
    {connection.ok ? (
      <App api={connection.api} mode={connection.mode} />
    ) : (
      <div className="fatal" role="alert">
        <h1>Dossier</h1>
        <p>{connection.reason}</p>
      </div>
    )}
  </StrictMode>
)
