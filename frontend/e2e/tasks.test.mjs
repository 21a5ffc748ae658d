// Sales tasks and stage playbooks (阶段升迁) on a fixed clock (serve --clock
// 2026-03-10): an opportunity entering 需求分析 gets its actions as tasks;
// dragging its card past the stage with a required action open is refused
// and the refusal names the action; ticking the action in the detail and
// dragging again moves it; a task made by hand shows on the 工作台 and
// opens from there; the playbook is edited in the settings.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, pickOption, shot, startServer } from './helpers.mjs'

const TODAY = '2026-03-10'
let srv, browser, page
let stageId, actionId, owner, opp

before(async () => {
  srv = await startServer({ clock: TODAY })
  owner = await srv.call('owner.Service.Create', { name: '张三', active: true })
  const cust = await srv.call('customer.Service.Create', { name: '华强电子', classification: '', source: '', industry: '', phone: '',
    address: '', ownerId: owner.id, notes: '', allowDuplicate: false })
  const stages = await srv.call('stage.Service.List')
  stageId = Object.fromEntries(stages.map((s) => [s.name, s.id]))
  const actions = await srv.call('playbook.Service.Actions')
  actionId = Object.fromEntries(actions.map((a) => [a.name, a.id]))
  await srv.call('playbook.Service.SetPlaybook', stageId['需求分析'], { autoPromote: false, steps: [
    { actionId: actionId['提交方案'], required: true, dueDays: '0' },
    { actionId: actionId['客户演示'], required: false, dueDays: '2' },
  ] })
  opp = await srv.call('opportunity.Service.Create', { name: 'ERP系统', customerId: cust.id, type: '', source: '',
    ownerId: owner.id, campaign: '', amount: '500000', expectedClose: '2026-06-30', nextStep: '', stageId: stageId['需求分析'],
    probability: '', description: '', lostReason: '', competitor: '' })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
  await page.locator('[data-test="stat-customers"]').waitFor()
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

function column(stage) {
  return page.locator(`[data-test="board-column"][data-stage="${stage}"]`)
}

function card(stage) {
  return column(stage).locator('[data-test="board-card"]', { hasText: 'ERP系统' })
}

async function gotoBoard() {
  await page.click('[data-test="nav-opportunities"]')
  await page.click('[data-test="mode-board"]')
  await page.locator('[data-test="board"]').waitFor()
}

test('entering a stage made its actions tasks, due from the entry date', async () => {
  const got = await srv.call('task.Service.List', { filter: { opportunityId: opp.id }, page: 1, pageSize: 50 })
  const due = Object.fromEntries(got.items.map((x) => [x.title, x.dueDate]))
  assert.deepEqual(due, { 提交方案: TODAY, 客户演示: '2026-03-12' })
})

test('dragging past a stage with an open required action is refused, naming it; ticking it lets the drag through', async () => {
  await gotoBoard()
  await card('需求分析').waitFor()
  assert.equal((await card('需求分析').locator('[data-test="board-card-steps"]').innerText()).trim(), '0/2')

  await card('需求分析').dragTo(column('方案制定').locator('.cards'))
  const refusal = page.locator('.el-message--error')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /还需完成：提交方案/)
  assert.doesNotMatch(await refusal.innerText(), /客户演示/)
  await shot(page, 'tasks-drag-refused')
  await card('需求分析').waitFor()
  assert.equal(await card('方案制定').count(), 0)
  assert.equal((await srv.call('opportunity.Service.Get', opp.id)).opportunity.stageName, '需求分析')

  // Tick the required action in the opportunity's detail.
  await card('需求分析').click()
  const drawer = page.locator('[data-test="opp-detail"]')
  const step = drawer.locator('[data-test="opp-step"][data-action="提交方案"]')
  await step.waitFor()
  assert.equal(await drawer.locator('[data-test="opp-step"]').count(), 2)
  await step.locator('[data-test="opp-step-check"]').click()
  await page.waitForFunction(() => document.querySelector('[data-test="opp-steps-progress"]')?.textContent?.trim() === '1/2')
  await shot(page, 'tasks-step-ticked')
  await page.keyboard.press('Escape')
  await page.locator('.el-drawer:visible').waitFor({ state: 'hidden' })

  await page.waitForFunction(() => [...document.querySelectorAll('[data-test="board-card-steps"]')].some((e) => e.textContent.trim() === '1/2'))
  await card('需求分析').dragTo(column('方案制定').locator('.cards'))
  await card('方案制定').waitFor()
  assert.equal(await card('需求分析').count(), 0)
  assert.equal((await srv.call('opportunity.Service.Get', opp.id)).opportunity.stageName, '方案制定')
})

test('a task made by hand shows on the 工作台 and opens from there', async () => {
  await page.click('[data-test="nav-tasks"]')
  await page.locator('[data-test="task-table"]').waitFor()
  await page.click('[data-test="task-new"]')
  const dialog = page.locator('[data-test="task-dialog"]')
  await dialog.waitFor()
  await dialog.locator('[data-test="task-title"]').fill('回访华强电子')
  await pickOption(page, dialog.locator('[data-test="task-assignee"]'), '张三')
  // A bad date is refused naming the field, and nothing is saved.
  await dialog.locator('input[data-test="task-due-date"]').fill('2026-02-30')
  await page.keyboard.press('Tab')
  await dialog.locator('[data-test="task-save"]').click()
  await dialog.locator('.el-form-item__error', { hasText: '截止日期' }).waitFor()
  await dialog.locator('input[data-test="task-due-date"]').fill(TODAY)
  await dialog.locator('[data-test="task-due-time"]').fill('15:00')
  await dialog.locator('[data-test="task-save"]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test="task-row-title"]', { hasText: '回访华强电子' }).waitFor()

  await page.click('[data-test="nav-dashboard"]')
  const sec = page.locator('[data-test="sec-tasksToday"]')
  await sec.waitFor()
  assert.match(await sec.innerText(), /回访华强电子/)
  assert.match(await sec.innerText(), /15:00/)
  await shot(page, 'tasks-dashboard')
  await sec.locator('[data-test="row-open"]', { hasText: '回访华强电子' }).click()
  const edit = page.locator('[data-test="task-dialog"]:visible')
  await edit.waitFor()
  assert.equal(await edit.locator('[data-test="task-title"]').inputValue(), '回访华强电子')
  await page.keyboard.press('Escape')
  await edit.waitFor({ state: 'hidden' })

  // The section's link opens the list on today's view.
  await sec.locator('[data-test="all-tasksToday"]').click()
  await page.locator('[data-test="task-row-title"]', { hasText: '回访华强电子' }).waitFor()
  const titles = await page.locator('[data-test="task-row-title"]').allInnerTexts()
  assert.deepEqual(titles, ['回访华强电子'])
})

test('the stage playbook is set in the settings', async () => {
  await page.click('[data-test="nav-settings"]')
  const panel = page.locator('[data-test="playbook-panel"]')
  await panel.waitFor()
  await pickOption(page, panel.locator('[data-test="playbook-stage"]'), '方案制定')
  await panel.locator('[data-test="playbook-step-add"]').click()
  const step = panel.locator('[data-test="playbook-step"]').first()
  await pickOption(page, step.locator('[data-test="playbook-step-action"]'), '报价审批')
  await step.locator('input[data-test="playbook-step-days"]').fill('x')
  await panel.locator('[data-test="playbook-save"]').click()
  await panel.locator('[data-test="playbook-error"]', { hasText: '报价审批' }).waitFor()
  await step.locator('input[data-test="playbook-step-days"]').fill('3')
  await panel.locator('[data-test="playbook-auto"]').click()
  await panel.locator('[data-test="playbook-save"]').click()
  await page.locator('.el-message--success').waitFor()
  await shot(page, 'tasks-playbook-settings')
  const p = await srv.call('playbook.Service.Playbook', stageId['方案制定'])
  assert.equal(p.autoPromote, true)
  assert.deepEqual(p.steps.map((s) => [s.actionName, s.required, s.dueDays]), [['报价审批', true, 3]])
  assert.deepEqual(page.errors, [])
})

test('a deleted task waits in the recycle bin and comes back on restore', async () => {
  await srv.call('task.Service.Create', { title: '要删除的回访任务', assigneeId: owner.id, dueDate: TODAY, dueTime: '', priority: 2,
    status: 'todo', customerId: 0, opportunityId: 0, leadId: 0, result: '' })
  await page.goto(srv.url + '#/tasks')
  await page.reload()
  const row = page.locator('[data-test="task-table"] .el-table__body tr', { hasText: '要删除的回访任务' })
  await row.locator('[data-test="task-row-delete"]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await row.waitFor({ state: 'detached' })
  await page.goto(srv.url + '#/recycle')
  const binRow = page.locator('[data-test="recycle-table"] .el-table__body tr', { hasText: '要删除的回访任务' })
  await binRow.waitFor()
  assert.match(await binRow.innerText(), /销售任务/)
  await binRow.locator('[data-test="recycle-restore"]').click()
  await binRow.waitFor({ state: 'detached' })
  const back = await srv.call('task.Service.List', { filter: { query: '要删除的回访' }, page: 1, pageSize: 10 })
  assert.equal(back.total, 1)
  assert.deepEqual(page.errors, [])
})
