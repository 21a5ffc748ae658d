// Products (产品): the library, the category tree, price lists (价格表), the
// price a customer pays, and an opportunity's product lines.
import * as svc from '../../wailsjs/go/product/Service'
import { product, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import { saveExport } from './exportFile'
import type { ExportFormat } from './exportFile'

export type Product = store.Product
export type Category = store.Category
export type PriceList = store.PriceList
export type PriceListItem = store.PriceListItem
export type CustomerTerms = store.CustomerTerms
export type DocLine = store.Line
export type ProductInput = product.Input
export type ProductDetail = product.Detail
export type ProductPage = product.Page
export type LineInput = product.LineInput
export type Price = product.Price
export type PriceInput = product.PriceInput
export type PriceListDetail = product.PriceListDetail
export type PriceListInput = product.PriceListInput
export type CategoryInput = product.CategoryInput
export type OpportunityLines = product.OpportunityLines

/** Sort keys the product list accepts. */
export type ProductSortKey = 'code' | 'name' | 'price' | 'category' | 'createdAt' | 'updatedAt'

/** ProductFilter is the list/export filter; categoryId takes the category and everything below it. */
export interface ProductFilter {
  query?: string
  categoryId?: number
  ownerIds?: number[]
  status?: '' | 'active' | 'retired'
  sort?: ProductSortKey | ''
  desc?: boolean
}

function wire(f: ProductFilter): product.Filter {
  return {
    query: f.query ?? '', categoryId: f.categoryId ?? 0, ownerIds: f.ownerIds ?? [], status: f.status ?? '',
    sort: f.sort ?? '', desc: f.desc ?? false,
  }
}

export const products = {
  options: (): Promise<product.Options> => call(() => svc.Options()),
  list: (filter: ProductFilter, page = 1, pageSize = 50): Promise<ProductPage> =>
    call(() => svc.List(product.ListRequest.createFrom({ filter: wire(filter), page, pageSize }))),
  get: (id: number): Promise<ProductDetail> => call(() => svc.Get(id)),
  create: (input: ProductInput): Promise<Product> => changed(call(() => svc.Create(input)), 'products'),
  update: (id: number, input: ProductInput): Promise<Product> => changed(call(() => svc.Update(id, input)), 'products'),
  /** setRetired retires (or brings back) several products; resolves to how many. */
  setRetired: (ids: number[], retired: boolean): Promise<number> => changed(call(() => svc.SetRetired(ids, retired)), 'products'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'products'),
  exportCSV: (filter: ProductFilter): Promise<string> => call(() => svc.ExportCSV(wire(filter))),
  // replaced by the exports branch
  /** export writes the list under the filter to a file the user picks; resolves to the path, or '' if cancelled. */
  export: (filter: ProductFilter, format: ExportFormat): Promise<string> => saveExport('product.fileName', format, () => products.exportCSV(filter)),

  /** categories is the tree flattened depth-first, each with its depth and path. */
  categories: (): Promise<Category[]> => call(() => svc.Categories()),
  createCategory: (input: CategoryInput): Promise<Category> => changed(call(() => svc.CreateCategory(input)), 'products'),
  updateCategory: (id: number, input: CategoryInput): Promise<Category> => changed(call(() => svc.UpdateCategory(id, input)), 'products'),
  removeCategory: (id: number): Promise<void> => changed(call(() => svc.DeleteCategory(id)), 'products'),

  priceLists: (): Promise<PriceList[]> => call(() => svc.PriceLists()),
  priceList: (id: number): Promise<PriceListDetail> => call(() => svc.PriceList(id)),
  createPriceList: (input: PriceListInput): Promise<PriceList> => changed(call(() => svc.CreatePriceList(input)), 'products'),
  updatePriceList: (id: number, input: PriceListInput): Promise<PriceList> => changed(call(() => svc.UpdatePriceList(id, input)), 'products'),
  removePriceList: (id: number): Promise<void> => changed(call(() => svc.DeletePriceList(id)), 'products'),
  /** setPrices writes several prices of one list; an empty price takes the product out of it. */
  setPrices: (priceListId: number, prices: PriceInput[]): Promise<PriceListDetail> => changed(call(() => svc.SetPrices(priceListId, prices)), 'products'),

  customerTerms: (customerId: number): Promise<CustomerTerms> => call(() => svc.CustomerTerms(customerId)),
  /** setCustomerPriceList gives a customer a price list (0: none, standard prices). */
  setCustomerPriceList: (customerId: number, priceListId: number): Promise<CustomerTerms> =>
    changed(call(() => svc.SetCustomerPriceList(customerId, priceListId)), 'customers'),
  /** priceFor is what a product costs a customer: its price list's price, else the standard price. */
  priceFor: (customerId: number, productId: number): Promise<Price> => call(() => svc.PriceFor(customerId, productId)),

  opportunityLines: (opportunityId: number): Promise<OpportunityLines> => call(() => svc.GetOpportunityLines(opportunityId)),
  /** setOpportunityLines replaces the lines; with followLines the opportunity's amount becomes their total. */
  setOpportunityLines: (opportunityId: number, followLines: boolean, lines: LineInput[]): Promise<OpportunityLines> =>
    changed(call(() => svc.SetOpportunityLines(opportunityId, product.OpportunityLinesInput.createFrom({ followLines, lines }))), 'opportunities'),
}
