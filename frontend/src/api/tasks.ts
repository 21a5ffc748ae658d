// Sales tasks (销售任务), the steps of an opportunity's stage, and the
// stage playbooks (阶段升迁: action library and each stage's actions).
import * as svc from '../../wailsjs/go/task/Service'
import * as books from '../../wailsjs/go/playbook/Service'
import { playbook, store, task } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import type { ExportFormat } from './types'

export type Task = store.Task
export type TaskInput = task.Input
export type TaskPage = task.Page
export type TaskSteps = task.Steps
export type TaskStep = task.Step
export type AssigneeLoad = store.AssigneeLoad
export type TaskStatus = 'todo' | 'doing' | 'done' | 'cancelled'
export type TaskView = '' | 'overdue' | 'today' | 'week'
export type TaskSortKey = 'dueDate' | 'priority' | 'title'
export type Action = store.Action
export type ActionInput = playbook.ActionInput
export type Playbook = playbook.Playbook
/** PlaybookInput is a stage's playbook as the settings send it (a plain object). */
export type PlaybookInput = Omit<playbook.PlaybookInput, 'convertValues'>
export type StageAction = store.StageAction
export type ActionProgress = store.ActionProgress

export const taskStatuses: TaskStatus[] = ['todo', 'doing', 'done', 'cancelled']

/** TaskFilter is the task list/export filter. */
export interface TaskFilter {
  query?: string
  statuses?: string[]
  assigneeIds?: number[]
  priority?: number
  view?: TaskView
  customerId?: number
  opportunityId?: number
  leadId?: number
  dueFrom?: string
  dueTo?: string
  sort?: TaskSortKey | ''
  desc?: boolean
}

function full(f: TaskFilter): store.TaskFilter {
  return {
    query: f.query ?? '', statuses: f.statuses ?? [], assigneeIds: f.assigneeIds ?? [], priority: f.priority ?? 0,
    view: f.view ?? '', customerId: f.customerId ?? 0, opportunityId: f.opportunityId ?? 0, leadId: f.leadId ?? 0,
    dueFrom: f.dueFrom ?? '', dueTo: f.dueTo ?? '', sort: f.sort ?? '', desc: f.desc ?? false,
  }
}

// A task's status can move its opportunity (auto-promotion) and changes the
// 工作台's reminders.
const topics = ['tasks', 'opportunities'] as const

export const tasks = {
  list: (filter: TaskFilter, page: number, pageSize: number): Promise<TaskPage> =>
    call(() => svc.List(task.ListRequest.createFrom({ filter: full(filter), page, pageSize }))),
  loads: (assigneeIds: number[] = []): Promise<AssigneeLoad[]> => call(() => svc.Loads(assigneeIds)),
  get: (id: number): Promise<Task> => call(() => svc.Get(id)),
  create: (input: TaskInput): Promise<Task> => changed(call(() => svc.Create(input)), ...topics),
  update: (id: number, input: TaskInput): Promise<Task> => changed(call(() => svc.Update(id, input)), ...topics),
  setStatus: (id: number, status: TaskStatus, result = ''): Promise<Task> =>
    changed(call(() => svc.SetStatus(id, status, result)), ...topics),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'tasks'),
  export: (filter: TaskFilter, format: ExportFormat): Promise<string> => call(() => svc.Export(full(filter), format)),
  /** steps is the playbook of the opportunity's current stage, with what is done. */
  steps: (opportunityId: number): Promise<TaskSteps> => call(() => svc.Steps(opportunityId)),
  completeStep: (opportunityId: number, actionId: number, done: boolean): Promise<TaskSteps> =>
    changed(call(() => svc.CompleteStep(opportunityId, actionId, done)), ...topics),
}

export const playbooks = {
  actions: (): Promise<Action[]> => call(() => books.Actions()),
  createAction: (input: ActionInput): Promise<Action> => changed(call(() => books.CreateAction(input)), 'stages'),
  updateAction: (id: number, input: ActionInput): Promise<Action> => changed(call(() => books.UpdateAction(id, input)), 'stages'),
  removeAction: (id: number): Promise<void> => changed(call(() => books.DeleteAction(id)), 'stages'),
  get: (stageId: number): Promise<Playbook> => call(() => books.Playbook(stageId)),
  set: (stageId: number, input: PlaybookInput): Promise<Playbook> =>
    changed(call(() => books.SetPlaybook(stageId, playbook.PlaybookInput.createFrom(input))), 'stages'),
  /** progress is, for the board's cards, the done/total actions of each opportunity's current stage. */
  progress: (opportunityIds: number[]): Promise<ActionProgress[]> => call(() => books.Progress(opportunityIds)),
}
