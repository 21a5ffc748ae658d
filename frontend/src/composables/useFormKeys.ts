// The keys of every form dialog, in one place: Enter submits (not in a
// textarea, a select or on a button), Ctrl+S / ⌘S saves, and closing a form
// that has changes (Esc, the ×) asks before they are discarded.
//
//   const { beforeClose } = useFormKeys({ visible, state: () => form, save })
//   <el-dialog v-model="visible" :before-close="beforeClose" ...>
//
// Only the form opened last answers the keys (a dialog opened from a form,
// such as the picker's new customer, takes them until it closes), and none
// does while a message box asks something.
import { nextTick, onBeforeUnmount, watch } from 'vue'
import type { Ref } from 'vue'
import { ElMessageBox } from 'element-plus'
import { i18n } from '../locales'

export interface FormKeysOptions {
  /** visible is the dialog's v-model. */
  visible: Ref<boolean>
  /** state returns what the user edits; a change to it is a change to discard. */
  state: () => unknown
  /** save is what the form's save button does. */
  save: () => unknown
  /** ready: false while the form is still loading what it edits (its state then is not the user's). */
  ready?: () => boolean
}

interface Entry { save: () => void }

const open: Entry[] = []

function asking(): boolean {
  return [...document.querySelectorAll('.el-message-box')].some((el) => (el as HTMLElement).checkVisibility?.() ?? true)
}

function onKeydown(e: KeyboardEvent) {
  const top = open[open.length - 1]
  if (!top || asking() || e.isComposing) return
  const target = e.target as HTMLElement | null
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
    e.preventDefault() // never the browser's "save page"
    top.save()
    return
  }
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return
  if (!target?.closest('.el-dialog')) return
  // Enter already means something in these: a new line, picking an option, pressing a button.
  if (target.closest('textarea, button, a, [contenteditable="true"], .el-select, .el-autocomplete, .el-cascader, .el-date-editor')) return
  e.preventDefault()
  top.save()
}

if (typeof document !== 'undefined') document.addEventListener('keydown', onKeydown, true)

/** useFormKeys wires the keys of one form dialog; bind beforeClose to the dialog's before-close. */
export function useFormKeys(o: FormKeysOptions) {
  let clean = ''
  let saving = false
  const entry: Entry = {
    save: () => {
      if (saving) return
      saving = true
      Promise.resolve(o.save()).finally(() => { saving = false })
    },
  }
  const take = () => {
    try {
      return JSON.stringify(o.state())
    } catch {
      return ''
    }
  }
  const remove = () => {
    const i = open.indexOf(entry)
    if (i >= 0) open.splice(i, 1)
  }
  watch(() => [o.visible.value, o.ready ? o.ready() : true] as const, async ([shown, ready], before) => {
    if (!shown) return remove()
    if (!open.includes(entry)) open.push(entry)
    if (ready && !(before?.[0] && before?.[1])) {
      await nextTick()
      clean = take()
    }
  }, { immediate: true })
  onBeforeUnmount(remove)

  /** dirty: the form differs from what it opened with. */
  const dirty = () => o.visible.value && take() !== clean

  async function beforeClose(done: () => void) {
    if (!dirty()) return done()
    const t = i18n.global.t
    try {
      await ElMessageBox.confirm(t('formKeys.discard'), t('formKeys.discardTitle'), {
        type: 'warning', confirmButtonText: t('formKeys.discardOk'), cancelButtonText: t('formKeys.keepEditing'),
      })
      done()
    } catch {
      // keep editing
    }
  }

  return { beforeClose, dirty, markClean: () => { clean = take() } }
}
