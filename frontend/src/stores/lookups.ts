// Shared lists every form and filter needs: salespeople, stages and the fixed
// choices. State only; the rules stay in the backend.
import { computed, reactive, ref } from 'vue'
import { customers, events, followups, opportunities, owners, stages } from '../api'
import type { Owner, Stage, StageSet } from '../api'

export const lookups = reactive({
  owners: [] as Owner[],
  stages: [] as Stage[],
  stageSets: [] as StageSet[],
  classifications: [] as string[],
  followUpMethods: [] as string[],
  types: [] as string[],
  sources: [] as string[],
  loaded: false,
})

/** dataVersion goes up whenever data changed elsewhere (example loaded, settings edited). */
export const dataVersion = ref(0)

export function bumpData() {
  dataVersion.value++
}

export async function refreshOwners() {
  lookups.owners = await owners.list(true)
}

export async function refreshStages() {
  const [st, sets] = await Promise.all([stages.list(), stages.listSets()])
  lookups.stages = st
  lookups.stageSets = sets
}

export async function refreshSources() {
  const o = await opportunities.options()
  lookups.types = o.types ?? []
  lookups.sources = o.sources ?? []
}

export async function refreshLookups() {
  const [ow, st, co, oo, fo, sets] = await Promise.all([owners.list(true), stages.list(), customers.options(), opportunities.options(), followups.options(), stages.listSets()])
  lookups.owners = ow
  lookups.stages = st
  lookups.stageSets = sets
  lookups.classifications = co.classifications ?? []
  lookups.followUpMethods = fo.methods ?? []
  lookups.types = oo.types ?? []
  lookups.sources = oo.sources ?? []
  lookups.loaded = true
}

let first: Promise<void> | undefined

/** firstLookups loads the lists once at start-up: main.ts starts it, App.vue waits for it. */
export function firstLookups(): Promise<void> {
  first ??= refreshLookups()
  return first
}

/** refreshFollowUpMethods reloads the methods offered after the settings changed them. */
export async function refreshFollowUpMethods() {
  lookups.followUpMethods = (await followups.options()).methods ?? []
}

export const activeOwners = computed(() => lookups.owners.filter((o) => o.active))

/** ownerChoices lists the active salespeople plus the one already assigned (even if inactive). */
export function ownerChoices(currentId?: number | null): Owner[] {
  return lookups.owners.filter((o) => o.active || o.id === currentId)
}

/** stageChoices lists the stages an opportunity may enter, plus its current one. */
export function stageChoices(currentId?: number | null): Stage[] {
  return lookups.stages.filter((s) => !s.retired || s.id === currentId)
}

export function stageById(id: number | null | undefined): Stage | undefined {
  return lookups.stages.find((s) => s.id === id)
}

// Keep the shared lists current when the facade announces a change (an import
// can add owners, sources and types; settings rename stages).
events.on(['owners', 'stages', 'opportunities'], (topics) => {
  if (!lookups.loaded) return
  if (topics.includes('owners')) refreshOwners().catch(() => undefined)
  if (topics.includes('stages')) refreshStages().catch(() => undefined)
  if (topics.includes('opportunities')) refreshSources().catch(() => undefined)
})
