// Pinyin on the example data: the customer and opportunity searches find
// names by full pinyin and initials, and the customer list is in pinyin order.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer({ demo: true })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

async function names(selector, want) {
  await page.waitForFunction(({ selector, want }) =>
    [...document.querySelectorAll(selector)].map((e) => e.textContent.trim()).join('|') === want,
  { selector, want }, { timeout: 5000 }).catch(async () => {
    await shot(page, 'pinyin-failed')
  })
  return page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()).join('|'))
}

test('customers are listed in pinyin order and found by pinyin and initials', async () => {
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-table"]').waitFor()
  const rows = '[data-test="customer-row-name"]'
  // dashang…, shanghai…, xiduoduo… (in code point order 上 < 喜 < 大).
  assert.equal(await names(rows, '大商股份(TEST)|上海医药(FGH DT)|喜多多贸易'), '大商股份(TEST)|上海医药(FGH DT)|喜多多贸易')
  for (const [query, want] of [['xiduoduo', '喜多多贸易'], ['XDD', '喜多多贸易'], ['shyy', '上海医药(FGH DT)'], ['da shang', '大商股份(TEST)']]) {
    await page.fill('[data-test="customer-search"]', query)
    await page.press('[data-test="customer-search"]', 'Enter')
    assert.equal(await names(rows, want), want, `search ${query}`)
  }
})

test('the opportunity search matches the customer by initials', async () => {
  await page.click('[data-test="nav-opportunities"]')
  await page.locator('[data-test="opp-table"]').waitFor()
  await page.fill('[data-test="filter-query"]', 'xdd')
  await page.press('[data-test="filter-query"]', 'Enter')
  assert.equal(await names('[data-test="opp-row-name"]', '购买'), '购买')
})
