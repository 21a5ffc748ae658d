// What only the desktop shell does: native file dialogs and the window title.
import * as svc from '../../wailsjs/go/desktop/Service'
import { WindowSetTitle } from '../../wailsjs/runtime/runtime'
import { call } from './errors'

export const desktop = {
  /**
   * saveBase64 writes binary content (a PNG) sent as base64; resolves to the path, or '' if cancelled.
   * Only the funnel's PNG still uses it, until the funnel chart is saved from Go too.
   */
  saveBase64: (name: string, base64: string): Promise<string> => call(() => svc.SaveBase64(name, base64)),
  /**
   * openFile asks for a file with the native dialog ("*.csv;*.xlsx"); resolves to its path, or '' if
   * cancelled. Headless there is no dialog: use an <input type=file> there (see headless()).
   */
  openFile: (title: string, patterns: string): Promise<string> => call(() => svc.OpenFile(title, patterns)),
  setTitle(title: string) {
    document.title = title
    try {
      if ((window as any).runtime) WindowSetTitle(title)
    } catch {
      /* no Wails runtime (plain browser): the document title is enough */
    }
  },
  /** uiReady tells the Go side the main screen has rendered (the desktop smoke test waits for it). */
  uiReady: (screen: string): Promise<void> => call(() => svc.UIReady(screen)),
  /** headless is true under the browser test server. */
  headless: (): boolean => Boolean((window as any).__FUNNELDESK_HEADLESS__),
}
