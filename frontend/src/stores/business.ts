// Shared lists of the product, quote and order screens: the category tree,
// the price lists and the fixed choices (units, receipt methods, invoice
// kinds). State only; the rules stay in the backend.
import { reactive } from 'vue'
import { orders, products } from '../api'
import type { Category, PriceList } from '../api'

export const business = reactive({
  categories: [] as Category[],
  priceLists: [] as PriceList[],
  units: [] as string[],
  receiptMethods: [] as string[],
  invoiceKinds: [] as string[],
  loaded: false,
})

export async function refreshCategories() {
  business.categories = await products.categories()
}

export async function refreshPriceLists() {
  business.priceLists = await products.priceLists()
}

let loading: Promise<void> | null = null

/** loadBusiness fills the lists once; later calls wait for the first. */
export function loadBusiness(): Promise<void> {
  if (business.loaded) return Promise.resolve()
  if (!loading) {
    loading = (async () => {
      const [cats, lists, po, oo] = await Promise.all([products.categories(), products.priceLists(), products.options(), orders.options()])
      business.categories = cats
      business.priceLists = lists
      business.units = po.units ?? []
      business.receiptMethods = oo.receiptMethods ?? []
      business.invoiceKinds = oo.invoiceKinds ?? []
      business.loaded = true
    })().finally(() => {
      loading = null
    })
  }
  return loading
}

export interface CategoryNode {
  id: number
  label: string
  path: string
  products: number
  children: CategoryNode[]
}

/** categoryTree nests the flat depth-first list for el-tree and el-tree-select. */
export function categoryTree(list: Category[]): CategoryNode[] {
  const roots: CategoryNode[] = []
  const byId = new Map<number, CategoryNode>()
  for (const c of list) {
    const node: CategoryNode = { id: c.id, label: c.name, path: c.path, products: c.products, children: [] }
    byId.set(c.id, node)
    const parent = c.parentId ? byId.get(c.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
