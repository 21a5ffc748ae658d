// The list shell (composables/useListPage + components/ListShell) in the real
// browser, on the customer list (20 a page): a slow first answer never
// overwrites a faster second one, typing in the search box makes one call,
// and deleting the only row of the last page shows the page before it. Then, on the opportunity list of
// an imported database, a count capped at the cap reads "2,000+" in both languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { answerDemo, binPath, launchBrowser, messageBox, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

/** listCalls records every customer List request the page makes: its query text. */
const listCalls = []

before(async () => {
  srv = await startServer()
  browser = await launchBrowser()
  page = await newPage(browser)
  page.on('request', (r) => {
    if (!r.url().endsWith('/wails/call')) return
    const body = r.postDataJSON()
    if (body?.name === 'customer.Service.List') listCalls.push(body.args[0].query)
  })
  await page.goto(srv.url)
  await answerDemo(page, 'decline')
  // 21 customers without opportunities (so that each may be deleted): 慢 (man) and 快 (kuai) for the
  // race, and 19 more named so that they sort after them in pinyin order (总部 zongbu).
  await page.evaluate(async () => {
    const svc = window.go
    const owner = await svc.owner.Service.Create({ name: '王五', active: true })
    const names = ['慢公司', '快公司']
    for (let i = 1; i <= 19; i++) names.push('总部客户' + String(i).padStart(2, '0'))
    for (const name of names) {
      await svc.customer.Service.Create({
        name, classification: '', source: '', industry: '', phone: '', address: '', ownerId: owner.id, notes: '', allowDuplicate: false,
      })
    }
  })
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-table"]').waitFor()
  await expectTotal(21)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const search = () => page.locator('[data-test="customer-search"]')
const rowNames = () => page.locator('[data-test="customer-table"] [data-test="customer-row-name"]')

async function expectTotal(n) {
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-test="customer-total"]')
    return el && Number((el.textContent.match(/\d+/) || [])[0]) === n
  }, n)
}

async function expectRows(names) {
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('[data-test="customer-table"] [data-test="customer-row-name"]')].map((e) => e.textContent.trim())
    return JSON.stringify(got) === JSON.stringify(want)
  }, names)
}

test('a slow first answer does not overwrite a faster second one', async () => {
  // Hold the answer to the search for 慢 until the search for 快 has been answered and shown.
  let releaseSlow
  const slowHeld = new Promise((r) => { releaseSlow = r })
  let slowDelivered
  const slowDone = new Promise((r) => { slowDelivered = r })
  await page.route('**/wails/call', async (route) => {
    const body = route.request().postDataJSON()
    if (body?.name === 'customer.Service.List' && body.args[0].query === '慢') {
      const answer = await route.fetch()
      await slowHeld
      await route.fulfill({ response: answer })
      slowDelivered()
      return
    }
    await route.continue()
  })
  try {
    await search().fill('慢')
    await search().press('Enter')
    await search().fill('快')
    await search().press('Enter')
    await expectRows(['快公司'])
    releaseSlow()
    await slowDone
    await page.waitForTimeout(300) // the late answer has been handled by now
    const names = await rowNames().allInnerTexts()
    assert.deepEqual(names, ['快公司'], 'the table shows the answer to the newer search')
    assert.match(await page.locator('[data-test="customer-total"]').innerText(), /共 1 条/)
    assert.equal(await search().inputValue(), '快')
    await shot(page, 'listshell-stale')
  } finally {
    releaseSlow()
    await page.unroute('**/wails/call')
  }
})

test('typing in the search box quickly makes one call, with the whole text', async () => {
  await search().fill('')
  await search().press('Enter')
  await expectTotal(21)
  const before = listCalls.length
  await search().pressSequentially('总部客户0', { delay: 60 })
  await expectTotal(9)
  await page.waitForTimeout(700) // longer than the 350 ms pause: nothing more comes
  assert.deepEqual(listCalls.slice(before), ['总部客户0'], 'one List call, after the typing stopped')
  await search().fill('')
  await search().press('Enter')
  await expectTotal(21)
})

test('deleting the only row of the last page shows the page before it', async () => {
  const pager = page.locator('[data-test="customer-pager"]')
  await pager.locator('.btn-next').click()
  await expectRows(['总部客户19'])
  assert.equal(await pager.locator('.number.is-active').innerText(), '2')
  await page.locator('[data-test="customer-row-delete"]').click()
  await messageBox(page).locator('.el-button--primary').click()
  await expectTotal(20)
  await page.waitForFunction(() => document.querySelectorAll('[data-test="customer-table"] [data-test="customer-row-name"]').length === 20)
  assert.equal(await pager.locator('.number.is-active').innerText(), '1', 'back on page 1')
  assert.equal((await rowNames().allInnerTexts())[0], '快公司', 'the first page is shown')
  await shot(page, 'listshell-last-page')
})

// A count that stops at the cap (a text search of a common word: store.SearchCountCap, 2,000 past the page)
// reads "2,000+" in both languages, the pager states no total of its own, and paging on reaches every match.
// The database is built by the command-line importer, as a user's is: 2,100 opportunities named 项目….
describe('a capped count', () => {
  let srv2, browser2, page2
  const rows = 2100

  before(async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'fd-capped-'))
    const csv = path.join(tmp, 'opps.csv')
    let text = '销售机会名称,客户名称,负责人,金额,预计成交日期,销售阶段\n'
    for (let i = 0; i < rows; i++) text += `项目${i},客户${i % 300}有限公司,销售${i % 5},${1000 + i},2026-${String(1 + (i % 12)).padStart(2, '0')}-10,初期沟通\n`
    writeFileSync(csv, text)
    const db = path.join(tmp, 'capped.db')
    execFileSync(binPath(), ['--db', db, 'import', 'opportunities', csv], { stdio: 'pipe' })
    srv2 = await startServer({ db })
    browser2 = await launchBrowser()
    page2 = await newPage(browser2)
  })

  after(async () => {
    await browser2?.close()
    await srv2?.stop()
  })

  const totalText = () => page2.locator('[data-test="list-total"]').innerText()

  for (const [lang, capped, exact] of [['zh-CN', '2,000+ 条', '共 2,100 条'], ['en', '2,000+ rows', '2,100 in total']]) {
    test(`reads ${capped} (${lang}) and pages on to every match`, async () => {
      await srv2.call('settings.Service.SetLanguage', lang)
      await page2.goto('about:blank') // a fresh start in the language set
      await page2.goto(srv2.url + '#/opportunities')
      await page2.locator('[data-test="filter-query"]').fill('项目')
      await page2.locator('[data-test="filter-query"]').press('Enter')
      await page2.waitForFunction((want) => document.querySelector('[data-test="list-total"]')?.textContent.trim() === want, capped)
      const pager = page2.locator('[data-test="opp-pager"]')
      assert.equal(await pager.locator('.el-pagination__total').count(), 0, 'the pager states no total of its own')
      assert.equal(await pager.locator('.number').last().innerText(), '40', '2,000 rows, 50 a page')
      await shot(page2, `listshell-capped-${lang}`)
      // The last page the cap allows: the count moves on with it and finds all 2,100.
      await pager.locator('.number').last().click()
      await page2.waitForFunction((want) => document.querySelector('[data-test="list-total"]')?.textContent.trim() === want, exact)
      assert.match(await totalText(), /2,100/)
      await pager.locator('.number').last().click()
      await page2.waitForFunction(() => document.querySelector('[data-test="opp-pager"] .number.is-active')?.textContent.trim() === '42')
      await page2.waitForFunction(() => [...document.querySelectorAll('[data-test="opp-row-name"]')].some((e) => e.textContent.trim() === '项目2099'))
      assert.equal(await page2.locator('[data-test="opp-row-name"]').count(), rows - 41 * 50, 'the last matches are on the last page')
    })
  }
})
