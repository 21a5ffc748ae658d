// What only the desktop shell does: native file dialogs and the window title.
import * as svc from '../../wailsjs/go/desktop/Service'
import { WindowSetTitle } from '../../wailsjs/runtime/runtime'
import { call } from './errors'

export const desktop = {
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
  /**
   * uiReady tells the Go side the first screen has rendered (the desktop smoke test and
   * bench/coldstart.sh wait for it); marks are the start-up steps (utils/startup.ts).
   */
  uiReady: (screen: string, marks: Record<string, number>): Promise<void> => call(() => svc.UIReady(screen, marks)),
  /** headless is true under the browser test server. */
  headless: (): boolean => Boolean((window as any).__FUNNELDESK_HEADLESS__),
}
