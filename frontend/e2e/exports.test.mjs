// Every export through the UI, against the real Go services and the demo
// data: each list's and report's XLSX and CSV, the sales chart PNG and the
// printed quote land in the server's save folder (--save-dir, where the
// desktop app would show its save dialog). Here only the files' shape is
// checked (a CSV with the BOM and the rows, an XLSX that is a zip); what is
// inside them — typed cells, the filters sheet, formula-safe text — is
// checked by the Go tests of backend/export and of each service.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

function ymd() {
  const d = new Date()
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
}

/** bound calls a Go method the way the frontend's bindings do (window.go). */
function bound(name, ...args) {
  return page.evaluate(([n, a]) => {
    const [pkg, type, method] = n.split('.')
    return window.go[pkg][type][method](...a)
  }, [name, args])
}

before(async () => {
  srv = await startServer({ demo: true })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
  await page.locator('[data-test="nav-customers"]').waitFor()
  // The demo holds customers and opportunities; give the business lists a row
  // each: a product whose name Excel would run as a formula, a quote, an
  // order from it with a receipt and an invoice.
  const [customer] = (await bound('customer.Service.List', { query: '大商', classification: '', ownerId: 0, page: 1, pageSize: 5 })).items
  const p = await bound('product.Service.Create', {
    code: 'P-1', name: '=HYPERLINK("http://x","y")', categoryId: 0, unit: '台', price: '1000', ownerId: 0, retired: false, description: '',
  })
  const lines = [{ productId: p.id, quantity: '2', unitPrice: '', discount: '' }]
  await bound('quote.Service.Create', {
    title: '打印机报价', customerId: customer.id, opportunityId: 0, ownerId: customer.ownerId, quoteDate: '', validUntil: '', terms: '', notes: '', lines,
  })
  const o = await bound('order.Service.Create', {
    title: '打印机合同', customerId: customer.id, opportunityId: 0, quoteId: 0, ownerId: customer.ownerId, signedDate: '', notes: '', lines, plan: [],
  })
  await bound('order.Service.RecordReceipt', { installmentId: o.plan[0].id, date: '', amount: '500', method: '', note: '' })
  await bound('order.Service.AddInvoice', { orderId: o.order.id, number: 'INV-0001', date: '', amount: '2000', kind: '', note: '' })
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

/**
 * exportBoth picks XLSX then CSV from the export button testId and waits for
 * each path to show in the result alert. It returns the two files.
 */
async function exportBoth(testId, alert, base) {
  const files = {}
  for (const format of ['xlsx', 'csv']) {
    await page.click(`[data-test="${testId}"]`)
    await page.locator(`[data-test="${testId}-${format}"]:visible`).click()
    const name = `${base}-${ymd()}.${format}`
    await page.locator(`[data-test="${alert}"]`, { hasText: name }).waitFor()
    files[format] = path.join(srv.saveDir, name)
    assert.ok(existsSync(files[format]), `${files[format]} written`)
  }
  return files
}

/**
 * checkFiles checks that the CSV starts with the BOM and the header and that
 * its rows' first cells are rows (strings or patterns, in any order), and
 * that the XLSX is a zip.
 */
function checkFiles(files, header, rows) {
  const csv = readFileSync(files.csv)
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM')
  const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n')
  assert.ok(lines[0].startsWith(header), `header ${lines[0]}`)
  const cells = lines.slice(1).map((l) => l.split(',')[0]).sort()
  const want = [...rows].sort((a, b) => String(a).localeCompare(String(b)))
  assert.equal(cells.length, want.length, `rows ${cells}`)
  const left = [...cells]
  for (const w of want) {
    const i = left.findIndex((c) => (w instanceof RegExp ? w.test(c) : c === w))
    assert.ok(i >= 0, `no row ${w} in ${cells}`)
    left.splice(i, 1)
  }
  assert.equal(readFileSync(files.xlsx).subarray(0, 2).toString(), 'PK', 'the XLSX is a zip')
}

async function nav(name, ready) {
  await page.click(`[data-test="nav-${name}"]`)
  await page.locator(ready).first().waitFor()
}

const lists = [
  { nav: 'customers', ready: '[data-test="customer-table"]', button: 'customer-export', alert: 'export-result', base: '客户',
    header: '客户名称,客户分类', rows: ['上海医药(FGH DT)', '喜多多贸易', '大商股份(TEST)'] },
  { nav: 'opportunities', ready: '[data-test="opp-table"]', button: 'export', alert: 'export-result', base: '销售机会',
    header: '销售机会名称,客户名称', rows: ['购买五十用户', '购买', '购买五十用户'] },
  // Text that Excel would run as a formula starts with a quote in the CSV.
  { nav: 'products', ready: '[data-test="product-export"]', button: 'product-export', alert: 'export-result', base: '产品',
    header: '产品编码,产品名称', rows: ['P-1'] },
  { nav: 'quotes', ready: '[data-test="quote-table"]', button: 'quote-export', alert: 'export-result', base: '报价单',
    header: '报价单号,主题', rows: [/^BJ-/] },
  { nav: 'orders', ready: '[data-test="order-export"]', button: 'order-export', alert: 'export-result', base: '合同订单',
    header: '订单编号,主题', rows: [/^DD-/] },
  { nav: 'receipts', ready: '[data-test="receipts-table"]', button: 'receipts-export', alert: 'export-result', base: '回款',
    header: '回款编号,回款日期', rows: [/^HK-/] },
  { nav: 'invoices', ready: '[data-test="invoices-table"]', button: 'invoices-export', alert: 'export-result', base: '开票',
    header: '发票号码,开票日期', rows: ['INV-0001'] },
]

for (const l of lists) {
  test(`the ${l.nav} list exports XLSX and CSV`, async () => {
    await nav(l.nav, l.ready)
    const files = await exportBoth(l.button, l.alert, l.base)
    checkFiles(files, l.header, l.rows)
    if (l.nav === 'products') {
      assert.match(readFileSync(files.csv, 'utf8'), /"'=HYPERLINK\(""http:\/\/x"",""y""\)"/, 'the formula-looking name is quoted')
    }
    await shot(page, `exports-${l.nav}`)
  })
}

test('the reports export XLSX and CSV, and the sales chart as PNG', async () => {
  await nav('reports', '[data-test="receivables-table"]')
  let files = await exportBoth('receivables-export', 'export-result', '应收款-按客户')
  checkFiles(files, '客户名称,应收金额', ['大商股份(TEST)', '合计'])

  await page.click('#tab-sales')
  await page.locator('[data-test="sales-chart"]').waitFor()
  files = await exportBoth('sales-export', 'sales-exported', '产品销售')
  checkFiles(files, '产品编码,产品名称,单位', ['P-1', '合计'])
  for (const [size, name] of [['screen', `产品销售-${ymd()}.png`], ['print', `产品销售-A4-${ymd()}.png`]]) {
    await page.click('[data-test="sales-export-png"]')
    await page.locator(`[data-test="png-${size}"]:visible`).click()
    await page.locator('[data-test="sales-exported"]', { hasText: name }).waitFor({ timeout: 15000 })
    assert.equal(readFileSync(path.join(srv.saveDir, name)).subarray(1, 4).toString(), 'PNG', `${name} is a PNG`)
  }
  await shot(page, 'exports-reports')
})

test('the printed quote is saved as an HTML page by Go', async () => {
  await nav('quotes', '[data-test="quote-table"]')
  const number = (await page.locator('[data-test="quote-row-number"]').first().innerText()).trim()
  await page.locator('[data-test="quote-row-number"]').first().click()
  const q = page.locator('[data-test="quote-detail"]:visible')
  await q.locator('[data-test="quote-action-print"]').click()
  await page.locator('[data-test="quote-print-frame"]').waitFor()
  await page.click('[data-test="quote-print-save"]')
  const name = `报价单-${number}.html`
  await page.locator('[data-test="quote-print"] .el-alert', { hasText: name }).waitFor()
  const html = readFileSync(path.join(srv.saveDir, name), 'utf8')
  assert.ok(html.includes(number) && html.includes('大商股份(TEST)'), 'the saved page is the printed quote')
  assert.deepEqual(page.errors, [])
})
