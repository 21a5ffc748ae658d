// Backup & restore through the UI on the real headless server: back up,
// delete a customer, restore the backup: the customer is back on the
// customer screen, and the replaced data sits in a before-restore backup.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { launchBrowser, messageBox, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer({ demo: true })
  const owners = await srv.call('owner.Service.List', true)
  await srv.call('customer.Service.Create', { name: '备份测试客户', ownerId: owners[0].id })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

function customerRows(name) {
  return page.locator('[data-test="customer-row-name"]', { hasText: name })
}

async function gotoCustomers() {
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-table"]').waitFor()
}

test('backup → delete a customer → restore: the customer is back', async () => {
  await page.click('[data-test="nav-backup"]')
  await page.locator('[data-test="backup-table"]').waitFor()
  // The folder comes in a call of its own after the table: wait for it
  // (on a slow machine the text was still empty when read).
  const folderText = page.locator('[data-test="backup-folder"]', { hasText: 'backups' })
  await folderText.waitFor()
  const folder = await folderText.innerText()
  assert.equal(folder, path.join(srv.saveDir, 'backups'))
  await page.click('[data-test="backup-now"]')
  await page.getByText('已备份：funneldesk-').waitFor()
  const row = page.locator('[data-test="backup-table"] tbody tr').first()
  await row.getByText('客户 4 ·').waitFor()
  assert.match(await row.innerText(), /手动/)
  const files = readdirSync(folder).filter((f) => f.endsWith('.db'))
  assert.equal(files.length, 1)
  assert.ok(!readdirSync(folder).some((f) => f.endsWith('.partial')))

  await gotoCustomers()
  await customerRows('备份测试客户').waitFor()
  await page.locator('[data-test="customer-table"] tr', { hasText: '备份测试客户' })
    .locator('[data-test="customer-row-delete"]').click()
  await messageBox(page).getByRole('button', { name: '删除' }).click()
  await customerRows('备份测试客户').waitFor({ state: 'detached' })

  await page.click('[data-test="nav-backup"]')
  await page.locator('[data-test="backup-table"] tbody tr').first().waitFor()
  // Preview first: counts and the latest records.
  await page.locator('[data-test="backup-preview"]').first().click()
  const dialog = page.locator('[data-test="backup-preview-dialog"]')
  await dialog.getByText('备份测试客户').waitFor()
  await shot(page, 'backup-preview')
  await dialog.locator('[data-test="backup-preview-restore"]').click()
  await messageBox(page).getByRole('button', { name: '恢复' }).click()
  await page.getByText('原数据已备份为「funneldesk-before-restore-').waitFor()
  await page.locator('[data-test="backup-table"] tbody tr', { hasText: '恢复前' }).getByText('客户 3 ·').waitFor()
  assert.equal(readdirSync(folder).filter((f) => f.endsWith('.db')).length, 2)

  await gotoCustomers()
  await customerRows('备份测试客户').waitFor()
  // The app goes on writing to the restored data.
  const owners = await srv.call('owner.Service.List', true)
  await srv.call('customer.Service.Create', { name: '恢复后新客户', ownerId: owners[0].id })
  const page1 = await srv.call('customer.Service.List', { query: '', page: 1, pageSize: 50 })
  assert.equal(page1.total, 5)
  assert.deepEqual(page.errors, [])
})

test('a damaged file in the backup folder is listed as unreadable and cannot be restored', async () => {
  const folder = path.join(srv.saveDir, 'backups')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(path.join(folder, 'funneldesk-20200101-000000.db'), 'SQLite format 3\0 broken')
  await gotoCustomers()
  await page.click('[data-test="nav-backup"]')
  const row = page.locator('[data-test="backup-table"] tbody tr', { hasText: 'funneldesk-20200101-000000.db' })
  await row.getByText('无法读取').waitFor()
  assert.equal(await row.locator('[data-test="backup-restore"]').isDisabled(), true)
  await assert.rejects(srv.call('backup.Service.Restore', path.join(folder, 'funneldesk-20200101-000000.db')), /不是完好的 FunnelDesk 备份/)
  assert.ok(existsSync(srv.db))
})
