// Issue 9, part a, through the UI against the real Go services: an empty
// form shows every missing field at once (product, quote, return); a new
// stage goes before the won and lost stages or where it is put, and the
// closed stages cannot be moved above an open one; a signed order offers to
// win its opportunity (setting ask / always / never), and marking lost an
// opportunity with a live order asks first and names it; the lost dialog
// names the opportunity. Screenshots of the changed dialogs at 1280×820 and
// 1024×700, in Chinese and English.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { fieldError, launchBrowser, newPage, pickOption, shot, startServer } from './helpers.mjs'

let srv, browser, page
let ownerId = 0
let product

before(async () => {
  srv = await startServer({ demo: true })
  ownerId = (await srv.call('owner.Service.List', false))[0].id
  product = await srv.call('product.Service.Create', { code: 'P-100', name: '激光打印机', unit: '台', price: '2000', ownerId })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.setViewportSize({ width: 1280, height: 820 })
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

async function nav(name, ready) {
  await page.click(`[data-test="nav-${name}"]`)
  await page.locator(ready).first().waitFor()
}

const inp = (name) => `input[data-test="${name}"], [data-test="${name}"] input`

function column(stage) {
  return page.locator(`[data-test="board-column"][data-stage="${stage}"]`)
}

/**
 * dragCard drags a board card onto a column with synthetic HTML5 drag
 * events: with ten stages the board scrolls sideways, and a mouse drag
 * across that scroll is lost.
 */
async function dragCard(card, col) {
  const dt = await page.evaluateHandle(() => new DataTransfer())
  await card.dispatchEvent('dragstart', { dataTransfer: dt })
  const target = col.locator('.cards')
  await target.dispatchEvent('dragenter', { dataTransfer: dt })
  await target.dispatchEvent('dragover', { dataTransfer: dt })
  await target.dispatchEvent('drop', { dataTransfer: dt })
  await card.dispatchEvent('dragend', { dataTransfer: dt }).catch(() => undefined)
}

/** messageBox is the visible Element Plus message box holding text. */
function messageBox(text) {
  return page.locator('.el-message-box', { hasText: text })
}

async function customerId(name) {
  const p = await srv.call('customer.Service.List', { query: name, page: 1, pageSize: 10 })
  return p.items.find((c) => c.name === name).id
}

async function stageNames() {
  return (await page.locator('[data-test="stages-table"] .el-table__body tr td:nth-child(2)').allInnerTexts()).map((s) => s.trim())
}

test('an empty product form shows every missing field at once, each under its field', async () => {
  await nav('products', '[data-test="product-new"]')
  await page.click('[data-test="product-new"]')
  const form = page.locator('[data-test="product-form"]')
  await form.waitFor({ state: 'visible' })
  await page.click('[data-test="product-save"]')
  const want = { code: '产品编码不能为空', name: '产品名称不能为空', unit: '单位不能为空', price: '标准价格不能为空' }
  for (const [field, text] of Object.entries(want)) {
    await fieldError(form, field).filter({ hasText: text }).waitFor()
  }
  assert.equal(await page.locator('.el-message-box').count(), 0, 'no message box: every error has its field')
  await shot(page, 'i9a-product-all-errors-1280-zh')
  await page.keyboard.press('Escape')
  await form.waitFor({ state: 'hidden' })
})

test('an empty quote form shows the customer and the line errors at once', async () => {
  await nav('quotes', '[data-test="quote-new"]')
  await page.click('[data-test="quote-new"]')
  const form = page.locator('[data-test="quote-form"]:visible')
  await form.waitFor({ state: 'visible' })
  await page.click('[data-test="quote-save"]')
  await fieldError(form, 'customerId').filter({ hasText: /不能为空/ }).waitFor()
  await form.locator('[data-test="line-error"], [data-test="lines-error"]').first().waitFor()
  const lineErrors = await form.locator('[data-test="line-error"], [data-test="lines-error"]').allInnerTexts()
  assert.ok(lineErrors.some((s) => /第 1 行|产品|明细/.test(s)), 'a line error: ' + lineErrors.join(' | '))
  await shot(page, 'i9a-quote-all-errors-1280-zh')
  await page.click('[data-test="quote-cancel"]').catch(() => page.keyboard.press('Escape'))
  await form.waitFor({ state: 'hidden' })
})

test('an empty return shows the reason and the lines errors at once', async () => {
  const d = await srv.call('order.Service.Create', {
    customerId: await customerId('大商股份(TEST)'), ownerId, lines: [{ productId: product.id, quantity: '2' }],
  })
  await nav('orders', '[data-test="order-table"]')
  await page.locator('[data-test="order-row-number"]', { hasText: d.order.number }).click()
  const od = page.locator('[data-test="order-detail"]:visible')
  await od.waitFor()
  await od.locator('[data-test="order-return"]').click()
  const dlg = page.locator('[data-test="return-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.click('[data-test="return-save"]')
  await fieldError(dlg, 'reason').filter({ hasText: /不能为空/ }).waitFor()
  await dlg.locator('[data-test="return-error-all"]').waitFor()
  // A bad quantity names its row, still beside the reason's error.
  await dlg.locator(inp('return-qty')).first().fill('9')
  await page.click('[data-test="return-save"]')
  await dlg.locator('[data-test="return-error"]').filter({ hasText: /第 1 行/ }).waitFor()
  await fieldError(dlg, 'reason').filter({ hasText: /不能为空/ }).waitFor()
  await shot(page, 'i9a-return-all-errors-1280-zh')
  // A quantity was typed: Esc asks before discarding it.
  await page.keyboard.press('Escape')
  await messageBox('未保存的修改').locator('.el-message-box__btns .el-button--primary').click()
  await dlg.waitFor({ state: 'hidden' })
  await page.keyboard.press('Escape')
  await od.waitFor({ state: 'hidden' })
})

test('a new stage goes before the won and lost stages, or after the stage chosen', async () => {
  await nav('settings', '[data-test="stages-table"]')
  await page.click('[data-test="stage-add"]')
  const dlg = page.locator('[data-test="stage-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.click('[data-test="stage-save"]')
  await dlg.getByText('阶段名称不能为空').waitFor()
  await dlg.getByText('默认可能性不能为空').waitFor()
  await page.fill(inp('stage-name'), '合同签订')
  await page.fill(inp('stage-probability'), '80')
  await shot(page, 'i9a-stage-dialog-1280-zh')
  await page.click('[data-test="stage-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.locator('[data-test="stages-table"]').getByText('合同签订').waitFor()
  assert.deepEqual((await stageNames()).slice(-3), ['合同签订', '谈成结束', '未成结束'])

  await page.click('[data-test="stage-add"]')
  await dlg.waitFor({ state: 'visible' })
  await page.fill(inp('stage-name'), '样品测试')
  await page.fill(inp('stage-probability'), '35')
  await pickOption(page, dlg.locator('[data-test="stage-position"]'), '在「需求分析」之后')
  await page.click('[data-test="stage-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.locator('[data-test="stages-table"]').getByText('样品测试').waitFor()
  const names = await stageNames()
  assert.equal(names[names.indexOf('需求分析') + 1], '样品测试', names.join(','))
  assert.deepEqual(names.slice(-2), ['谈成结束', '未成结束'])

  // Moving 谈成结束 above an open stage is refused with a clear message.
  const wonRow = page.locator('[data-test="stages-table"] .el-table__body tr', { hasText: '谈成结束' })
  await wonRow.locator('button[title="上移"]').click()
  const box = messageBox('已结束的阶段')
  await box.waitFor()
  assert.match(await box.innerText(), /「合同签订」不能排在「谈成结束」之后/)
  await box.getByRole('button').last().click()
  assert.deepEqual((await stageNames()).slice(-2), ['谈成结束', '未成结束'])

  // The board shows the closed stages last too.
  await page.goto(srv.url + '#/opportunities?mode=board')
  await page.locator('[data-test="board-column"]').first().waitFor()
  const cols = await page.locator('[data-test="board-column"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))
  assert.deepEqual(cols.slice(-3), ['合同签订', '谈成结束', '未成结束'], cols.join(','))
})

test('the lost dialog names the opportunity it will mark lost', async () => {
  await page.goto(srv.url + '#/opportunities?mode=board')
  const card = column('商务谈判').locator('[data-test="board-card"]', { hasText: '喜多多贸易' })
  await card.waitFor()
  await dragCard(card, column('未成结束'))
  const dlg = page.locator('[data-test="lost-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  assert.equal((await dlg.locator('[data-test="lost-opportunity"]').innerText()).trim(), '将把销售机会「购买」标为输单')
  await shot(page, 'i9a-lost-dialog-1280-zh')
  await page.click('[data-test="lost-cancel"]')
  await dlg.waitFor({ state: 'hidden' })
})

test('a signed order offers to win its opportunity; marking it lost then asks and names the order', async () => {
  await page.goto(srv.url + '#/opportunities')
  await page.locator('[data-test="opp-row-name"]', { hasText: /^购买$/ }).click()
  const detail = page.locator('[data-test="opp-detail"]')
  await detail.locator('[data-test="opp-new-order"]').click()
  const form = page.locator('[data-test="order-form"]:visible')
  await form.waitFor({ state: 'visible' })
  await form.locator('[data-test="lines-table"] .el-table__body tr').first().locator('[data-test="line-product"]').click()
  await page.keyboard.type('P-100')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'P-100' }).first().click()
  await form.locator('[data-test="order-save"]').click()
  await form.waitFor({ state: 'hidden' })
  const ask = messageBox('订单已创建，是否把销售机会「购买」标为赢单？')
  await ask.waitFor()
  await shot(page, 'i9a-win-offer-1280-zh')
  await ask.getByRole('button', { name: '标为赢单' }).click()
  await page.getByText('销售机会「购买」已标为赢单').waitFor()
  const opps = await srv.call('opportunity.Service.List', { filter: { query: '喜多多' }, page: 1, pageSize: 10 })
  assert.equal(opps.items[0].stageName, '谈成结束')
  const orderNumber = (await page.locator('[data-test="order-detail"]:visible [data-test="order-detail-number"]').innerText()).trim()
  await page.keyboard.press('Escape')
  await page.locator('[data-test="order-detail"]:visible').waitFor({ state: 'hidden' })
  await page.keyboard.press('Escape')
  await detail.waitFor({ state: 'hidden' })

  // Lost by the form: the form names the opportunity, and the live order makes it ask.
  await page.goto(srv.url + '#/opportunities')
  await page.locator('[data-test="opp-row-name"]', { hasText: /^购买$/ }).click()
  await detail.locator('[data-test="opp-detail-edit"]').click()
  const oppForm = page.locator('[data-test="opp-form"]')
  await oppForm.waitFor({ state: 'visible' })
  await pickOption(page, oppForm.locator('[data-test="opp-stage"]'), '未成结束')
  assert.equal((await oppForm.locator('[data-test="opp-lost-target"]').innerText()).trim(), '将把销售机会「购买」标为输单')
  await page.fill(inp('opp-lost-reason'), '客户改主意')
  await page.click('[data-test="opp-save"]')
  const live = messageBox(orderNumber)
  await live.waitFor()
  assert.match(await live.innerText(), new RegExp(`销售机会「购买」有未作废的订单 ${orderNumber}，仍要标为输单吗？`))
  await shot(page, 'i9a-live-orders-1280-zh')
  await live.getByRole('button', { name: '取消' }).click()
  await live.waitFor({ state: 'hidden' })
  assert.ok(await oppForm.isVisible(), 'cancel keeps the form open')
  await page.click('[data-test="opp-save"]')
  await messageBox(orderNumber).getByRole('button', { name: '仍要继续' }).click()
  await oppForm.waitFor({ state: 'hidden' })
  const after = await srv.call('opportunity.Service.List', { filter: { query: '喜多多' }, page: 1, pageSize: 10 })
  assert.equal(after.items[0].stageName, '未成结束')
  await page.keyboard.press('Escape')
  await detail.waitFor({ state: 'hidden' })
})

test('setting always: a new order marks its opportunity won without asking', async () => {
  await nav('settings', '[data-test="order-wins-panel"]')
  await page.locator('[data-test="order-wins-always"]').click()
  await page.getByText('已保存').first().waitFor()
  assert.equal((await srv.call('settings.Service.Get')).orderWins, 'always')
  await shot(page, 'i9a-settings-order-wins-1280-zh')
  await page.goto(srv.url + '#/opportunities')
  await page.locator('[data-test="opp-row-name"]', { hasText: '购买五十用户' }).first().waitFor()
  const opp = (await srv.call('opportunity.Service.List', { filter: { query: '大商' }, page: 1, pageSize: 10 })).items[0]
  const d = await srv.call('order.Service.Create', { opportunityId: opp.id, ownerId, lines: [{ productId: product.id, quantity: '1' }] })
  assert.equal(d.won, true)
  assert.equal(d.winOffer, undefined)
  const now = (await srv.call('opportunity.Service.List', { filter: { query: '大商' }, page: 1, pageSize: 10 })).items[0]
  assert.equal(now.stageName, '谈成结束')
})

test('screenshots of the changed dialogs at 1280×820 and 1024×700, in Chinese and English', async () => {
  await srv.call('settings.Service.SetOrderWins', 'ask')
  const negotiation = (await srv.call('stage.Service.List')).find((s) => s.name === '商务谈判').id
  for (const lang of ['zh-CN', 'en']) {
    await srv.call('settings.Service.SetLanguage', lang)
    for (const [w, h] of [[1280, 820], [1024, 700]]) {
      const tag = `${w}-${lang === 'en' ? 'en' : 'zh'}`
      await page.setViewportSize({ width: w, height: h })
      await page.goto(srv.url + '#/products')
      await page.reload()
      await page.locator('[data-test="product-new"]').waitFor()
      await page.click('[data-test="product-new"]')
      const pf = page.locator('[data-test="product-form"]')
      await pf.waitFor({ state: 'visible' })
      await page.click('[data-test="product-save"]')
      await fieldError(pf, 'price').waitFor()
      assert.equal(await pf.locator('.el-form-item__error').count() >= 4, true)
      await shot(page, `i9a-product-all-errors-${tag}`)
      await page.keyboard.press('Escape')

      await page.goto(srv.url + '#/settings')
      await page.locator('[data-test="stage-add"]').click()
      await page.locator('[data-test="stage-dialog"]').waitFor({ state: 'visible' })
      await page.locator('[data-test="stage-position"]').click()
      await page.locator('.el-select-dropdown:visible').waitFor()
      await shot(page, `i9a-stage-dialog-${tag}`)
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await page.locator('[data-test="order-wins-panel"]').scrollIntoViewIfNeeded()
      await shot(page, `i9a-settings-${tag}`)

      // The win question and, for that opportunity, the lost dialog and the live-orders question.
      const name = `截图机会 ${tag}`
      await srv.call('opportunity.Service.Create', { name, customerId: await customerId('喜多多贸易'), ownerId, stageId: negotiation })
      await page.goto(srv.url + '#/opportunities')
      await page.locator('[data-test="opp-row-name"]', { hasText: name }).click()
      const detail = page.locator('[data-test="opp-detail"]')
      await detail.locator('[data-test="opp-new-order"]').click()
      const form = page.locator('[data-test="order-form"]:visible')
      await form.waitFor({ state: 'visible' })
      await form.locator('[data-test="line-product"]').first().click()
      await page.keyboard.type('P-100')
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'P-100' }).first().click()
      await form.locator('[data-test="order-save"]').click()
      const ask = messageBox(name)
      await ask.waitFor()
      await shot(page, `i9a-win-offer-${tag}`)
      await ask.getByRole('button', { name: lang === 'en' ? 'Not now' : '暂不' }).click()
      await page.locator('[data-test="order-detail"]:visible').waitFor()
      await page.keyboard.press('Escape')
      await page.locator('[data-test="order-detail"]:visible').waitFor({ state: 'hidden' })
      await page.keyboard.press('Escape')
      await detail.waitFor({ state: 'hidden' })

      await page.goto(srv.url + '#/opportunities?mode=board')
      const card = column('商务谈判').locator('[data-test="board-card"]', { hasText: name })
      await card.waitFor()
      await dragCard(card, column('未成结束'))
      const dlg = page.locator('[data-test="lost-dialog"]')
      await dlg.waitFor({ state: 'visible' })
      assert.match(await dlg.locator('[data-test="lost-opportunity"]').innerText(), lang === 'en' ? /Marks the opportunity ".+" as lost/ : /将把销售机会「.+」标为输单/)
      await shot(page, `i9a-lost-dialog-${tag}`)
      await page.fill('[data-test="lost-reason"]', 'x')
      await page.click('[data-test="lost-ok"]')
      const live = messageBox(name)
      await live.waitFor()
      await shot(page, `i9a-live-orders-${tag}`)
      await live.getByRole('button', { name: lang === 'en' ? 'Cancel' : '取消' }).click()
      await live.waitFor({ state: 'hidden' })
      assert.equal(await card.count(), 1, 'declined: the card stays')
    }
  }
  await srv.call('settings.Service.SetLanguage', 'zh-CN')
})
