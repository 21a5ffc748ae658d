// Product lines as the document forms edit them: strings as typed, plus the
// product's code, name and unit for display. Stored lines (store.Line) and
// drafts (LineInput, ids only) both become EditLines.
import { products } from '../api'
import type { DocLine, LineInput } from '../api'
import { plainYuan, percentNumber } from './format'
import { qty } from './amounts'

export interface LineProduct {
  id: number
  code: string
  name: string
  unit: string
  priceCents: number
}

export interface EditLine {
  key: number
  productId: number
  product: LineProduct | null
  quantity: string
  unitPrice: string
  discount: string
  /** auto: the price was filled in for the customer; it follows when the customer changes. */
  auto: boolean
  /** priceList names the customer's price list that priced the line ('' for the standard price). */
  priceList: string
}

let nextKey = 1

export function blankLine(): EditLine {
  return { key: nextKey++, productId: 0, product: null, quantity: '1', unitPrice: '', discount: '', auto: true, priceList: '' }
}

/** fromStored makes an editable line of a stored one, its price fixed. */
export function fromStored(l: DocLine): EditLine {
  return {
    key: nextKey++, productId: l.productId,
    product: { id: l.productId, code: l.productCode, name: l.productName, unit: l.unit, priceCents: l.unitPriceCents },
    quantity: qty(l.qtyMilli), unitPrice: plainYuan(l.unitPriceCents), discount: l.discountBp ? percentNumber(l.discountBp) : '',
    auto: false, priceList: '',
  }
}

/**
 * fromDraft makes editable lines of a draft's inputs (ids only). known are the
 * stored lines the draft was made from (the same order); products not found
 * there are looked up.
 */
export async function fromDraft(inputs: LineInput[], known: DocLine[] = []): Promise<EditLine[]> {
  const out: EditLine[] = []
  for (let i = 0; i < inputs.length; i++) {
    const li = inputs[i]
    let p: LineProduct | null = null
    const k = known[i]?.productId === li.productId ? known[i] : known.find((l) => l.productId === li.productId)
    if (k) p = { id: k.productId, code: k.productCode, name: k.productName, unit: k.unit, priceCents: k.unitPriceCents }
    else if (li.productId) {
      const d = await products.get(li.productId)
      p = { id: d.product.id, code: d.product.code, name: d.product.name, unit: d.product.unit, priceCents: d.product.priceCents }
    }
    out.push({
      key: nextKey++, productId: li.productId, product: p, quantity: li.quantity, unitPrice: li.unitPrice,
      discount: li.discount === '0' ? '' : li.discount, auto: false, priceList: '',
    })
  }
  return out
}

/** toInput is what the backend takes. */
export function toInput(lines: EditLine[]): LineInput[] {
  return lines.map((l) => ({ productId: l.productId, quantity: l.quantity.trim(), unitPrice: l.unitPrice.trim(), discount: l.discount.trim() }))
}
