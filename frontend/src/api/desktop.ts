// What only the desktop shell does: saving files and the window title.
import * as svc from '../../wailsjs/go/desktop/Service'
import { WindowSetTitle } from '../../wailsjs/runtime/runtime'
import { call } from './errors'

export const desktop = {
  /** saveText writes text to a file the user picks; resolves to the path, or '' if cancelled. */
  saveText: (name: string, content: string): Promise<string> => call(() => svc.SaveText(name, content)),
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
