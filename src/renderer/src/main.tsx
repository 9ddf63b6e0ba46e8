/**
 * Renderer entry: connects through whichever transport is present, starts loading the
 * first screen's data at once, and only then loads and draws the interface, so the two
 * happen at the same time.
 */
import '@fontsource-variable/inter'
import '@fontsource-variable/source-serif-4'
import '@fontsource-variable/source-serif-4/opsz-italic.css'
import './styles.css'
import { connect } from './app/connect'
import { loadStartup } from './app/startup'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
const connection = connect()
const startup = connection.ok ? loadStartup(connection.api) : null

void import('./app/renderApp').then(({ renderApp }) => renderApp(container, connection, startup))
