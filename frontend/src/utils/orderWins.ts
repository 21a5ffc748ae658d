// A signed order wins its opportunity: after an order is created, say that
// its opportunity was marked won (setting "always") or ask whether to mark
// it won (setting "ask", the default); and before an opportunity with live
// orders is marked lost or reopened, ask.
import { h, ref } from 'vue'
import { ElMessage, ElMessageBox, ElRadio, ElRadioGroup } from 'element-plus'
import { normalizeError, opportunities } from '../api'
import type { OrderDetail } from '../api'
import { i18n } from '../locales'
import { errorText, showError } from './errors'

/** offerWin follows up a created order; resolves once the user has answered. */
export async function offerWin(d: OrderDetail): Promise<void> {
  const t = i18n.global.t
  if (d.won) {
    // With several won outcomes, say which one the setting used.
    ElMessage.success(d.wonStage
      ? t('orderWins.markedAs', { name: d.order.opportunityName, stage: d.wonStage })
      : t('orderWins.marked', { name: d.order.opportunityName }))
    return
  }
  const offer = d.winOffer
  if (!offer) return
  const outcomes = offer.outcomes ?? []
  // Several won outcomes (赢单, 部分成交 …): the user picks one, the first preselected.
  const chosen = ref(outcomes[0]?.id ?? 0)
  const message = outcomes.length > 1
    ? () => h('div', { 'data-test': 'order-win-outcomes' }, [
      h('p', { style: 'margin: 0 0 8px' }, t('orderWins.askOutcome', { name: offer.name })),
      h(ElRadioGroup, { modelValue: chosen.value, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => { chosen.value = Number(v) } },
        () => outcomes.map((o) => h(ElRadio, { value: o.id, 'data-test': 'order-win-outcome' }, () => o.name))),
    ])
    : t('orderWins.ask', { name: offer.name })
  try {
    await ElMessageBox.confirm(message, t('orderWins.title'), {
      confirmButtonText: t('orderWins.yes'),
      cancelButtonText: t('orderWins.no'),
      type: 'success',
    })
  } catch {
    return
  }
  try {
    const stage = outcomes.find((o) => o.id === chosen.value)
    await opportunities.markWon(offer.opportunityId, outcomes.length > 1 ? chosen.value : 0)
    ElMessage.success(outcomes.length > 1 && stage
      ? t('orderWins.markedAs', { name: offer.name, stage: stage.name })
      : t('orderWins.marked', { name: offer.name }))
  } catch (e) {
    void showError(e)
  }
}

const liveOrderKeys = ['opportunity.lostHasOrders', 'opportunity.reopenHasOrders']

/** declined marks an error the user already answered (they chose not to go on). */
const declined = new WeakSet<object>()

/** isDeclined tells whether err was a live-orders question the user said no to. */
export function isDeclined(err: unknown): boolean {
  return typeof err === 'object' && err !== null && declined.has(err)
}

/**
 * confirmLiveOrders answers the backend's refusal to mark lost (or reopen)
 * an opportunity with live orders: it asks the user with the backend's
 * message, which names the orders, and resolves to true to go on. Any other
 * error resolves to false.
 */
export async function confirmLiveOrders(err: unknown): Promise<boolean> {
  const e = normalizeError(err)
  if (e.code !== 'conflict' || !liveOrderKeys.includes(e.key ?? '') || (e.fields?.length ?? 0) > 1) return false
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(errorText(e), t('orderWins.liveTitle'), {
      confirmButtonText: t('orderWins.goOn'),
      cancelButtonText: t('common.cancel'),
      type: 'warning',
    })
    return true
  } catch {
    if (typeof err === 'object' && err !== null) declined.add(err)
    return false
  }
}
