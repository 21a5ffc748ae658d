// How stage kinds look: won green, lost grey/red, open blue.
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export function kindTag(kind: string | undefined): TagType {
  if (kind === 'won') return 'success'
  if (kind === 'lost') return 'danger'
  return 'primary'
}
