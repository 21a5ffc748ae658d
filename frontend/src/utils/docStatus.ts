// How document statuses look: quote 开立 blue, 已审核 green, 关闭 grey;
// order 执行中 blue, 已完成 green, 已作废 grey.
import type { TagType } from './stage'

export function quoteTag(status: string): TagType {
  if (status === 'approved') return 'success'
  if (status === 'closed') return 'info'
  return 'primary'
}

export function orderTag(status: string): TagType {
  if (status === 'completed') return 'success'
  if (status === 'voided') return 'info'
  return 'primary'
}
