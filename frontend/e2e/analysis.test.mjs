// 分析 on the example data (loaded through the CLI, so created today): the
// conversion report shows its rules, its chart and a row per stage with the
// figures the bound call gives; the by-owner table's numbers drill down to
// the opportunity list, which then lists exactly as many opportunities.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer({ demo: true })
  browser = await launchBrowser()
  page = await newPage(browser)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const year = new Date().getFullYear()
const filters = { from: `${year}-01-01`, to: `${year}-12-31`, ownerIds: [], teamId: 0, type: '', source: '' }

async function listTotal() {
  const text = await page.locator('[data-test="list-total"]').innerText()
  return Number(text.match(/\d+/)[0])
}

test('the conversion report shows its rules, chart and the bound call\'s figures', async () => {
  const want = (await srv.call('analysis.Service.Conversion', { filters, lang: 'zh-CN' })).report
  assert.ok(want.cohort > 0, 'the example data is created this year')
  await page.goto(srv.url + '#/analysis?tab=conversion')
  const table = page.locator('[data-test="an-conv-table"]')
  await table.locator('tbody tr').first().waitFor()
  await page.waitForFunction((n) => document.querySelectorAll('[data-test="an-conv-table"] tbody tr').length === n, want.stages.length)
  const reached = await page.locator('[data-test="an-conv-reached"]').allInnerTexts()
  assert.deepEqual(reached.map(Number), want.stages.map((s) => s.reached))
  assert.equal(reached[0], String(want.cohort), 'every opportunity reached the first stage')
  const rules = await page.locator('[data-test="an-conv-rules"]').innerText()
  assert.match(rules, new RegExp(`共 ${want.cohort} 个`))
  assert.match(rules, /跳过的阶段算已通过/)
  await page.locator('[data-test="an-conv-chart"]').waitFor()
  await shot(page, 'analysis-conversion')
})

test('a by-owner row drills down to a list of the same count', async () => {
  const rep = (await srv.call('analysis.Service.Group', { filters, by: 'owner', lang: 'zh-CN' })).report
  const first = rep.rows[0]
  assert.ok(first.count > 0)
  await page.goto(srv.url + '#/analysis?tab=groups')
  const table = page.locator('[data-test="an-groups-table"]')
  await table.locator('tbody tr').first().waitFor()
  const row = table.locator('tbody tr').first()
  assert.match(await row.innerText(), new RegExp(first.label))
  const count = row.locator('[data-test="an-drill-count"]')
  assert.equal(Number(await count.innerText()), first.count)
  await count.click()
  await page.waitForURL(/#\/opportunities/)
  await page.locator('[data-test="opp-drilled"]').waitFor()
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-test="list-total"]')
    return el && Number((el.textContent.match(/\d+/) || [])[0]) === n
  }, first.count).catch(async (e) => {
    await shot(page, 'analysis-drill-failed')
    throw e
  })
  assert.equal(await listTotal(), first.count)
  await shot(page, 'analysis-drilled')

  // The won number of the total row opens the won list of the period.
  await page.goBack()
  await table.locator('tbody tr').first().waitFor()
  const won = table.locator('tbody tr').last().locator('[data-test="an-drill-won"]')
  assert.equal(Number(await won.innerText()), rep.total.wonCount)
  await won.click()
  await page.waitForURL(/#\/opportunities/)
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-test="list-total"]')
    return el && Number((el.textContent.match(/\d+/) || [])[0]) === n
  }, rep.total.wonCount)
  assert.equal(await listTotal(), rep.total.wonCount)
})
