// Sales targets (销售目标): the grid, splits, achievement and forecast
// (backend/target).
import * as svc from '../../wailsjs/go/target/Service'
import type { target } from '../../wailsjs/go/models'
import { call } from './errors'
import type { ReportFilters, ReportFormat } from './reportframe'

export type TargetDimension = 'won_amount' | 'order_amount' | 'receipts' | 'orders' | 'new_opportunities' | 'new_customers'
export const targetDimensions: TargetDimension[] = ['won_amount', 'order_amount', 'receipts', 'orders', 'new_opportunities', 'new_customers']
export type TargetScope = 'company' | 'team' | 'owner'
export type SplitMethod = 'even' | 'last_year'
export type TargetRow = target.Row
export type TargetGrid = target.Grid
export type TargetMembers = target.Members
export type TargetMemberSplit = target.MemberSplitResult
export type TargetSplit = target.SplitResult
export type Achievement = target.Achievement
export type AchievementLine = target.Line
export type AchievementCharts = target.Charts
export type Forecast = target.Forecast
export type ForecastLine = target.ForecastLine

/** isMoneyDimension: amounts in cents, typed as yuan; the others are counts. */
export function isMoneyDimension(d: string): boolean {
  return d === 'won_amount' || d === 'order_amount' || d === 'receipts'
}

export interface AchievementQuery {
  filters: ReportFilters
  dimension: TargetDimension
  by: TargetScope
}

export const targets = {
  grid: (year: number, dimension: TargetDimension): Promise<TargetGrid> => call(() => svc.Grid({ year, dimension })),
  save: (year: number, dimension: TargetDimension, scope: TargetScope, scopeId: number, months: string[]): Promise<TargetRow> =>
    call(() => svc.Save({ year, dimension, scope, scopeId, months })),
  remove: (year: number, dimension: TargetDimension, scope: TargetScope, scopeId: number): Promise<void> =>
    call(() => svc.Delete({ year, dimension, scope, scopeId })),
  split: (year: number, dimension: TargetDimension, scope: TargetScope, scopeId: number, total: string, method: SplitMethod): Promise<TargetSplit> =>
    call(() => svc.Split({ year, dimension, scope, scopeId, total, method })),
  members: (year: number, dimension: TargetDimension, teamId: number): Promise<TargetMembers> =>
    call(() => svc.Members({ year, dimension, teamId })),
  splitMembers: (year: number, dimension: TargetDimension, teamId: number, method: SplitMethod, members: { ownerId: number; total: string }[]): Promise<TargetMemberSplit> =>
    call(() => svc.SplitMembers({ year, dimension, teamId, method, members } as never)),
  achievement: (q: AchievementQuery): Promise<Achievement> => call(() => svc.Achievement(q as never)),
  achievementCharts: (q: AchievementQuery, lang: string): Promise<AchievementCharts> => call(() => svc.AchievementCharts(q as never, lang)),
  exportAchievement: (q: AchievementQuery, format: ReportFormat): Promise<string> => call(() => svc.ExportAchievement(q as never, format)),
  forecast: (filters: ReportFilters): Promise<Forecast> => call(() => svc.Forecast({ filters } as never)),
  forecastChart: (filters: ReportFilters, lang: string): Promise<string> => call(() => svc.ForecastChart({ filters } as never, lang)),
  exportForecast: (filters: ReportFilters, format: ReportFormat): Promise<string> => call(() => svc.ExportForecast({ filters } as never, format)),
}
