// Strings of the layout, period, empty-state and demo work (issue 9b).
export default {
  period: {
    swapped: 'The end date was before the start date: swapped to {from} ~ {to}',
  },
  emptyFunnel: {
    title: 'No opportunities yet',
    body: 'The funnel is computed from opportunities. Create one, import your data, or load the example data to see how it looks.',
    create: 'New opportunity',
    import: 'Import opportunities',
    demo: 'Load example data',
  },
  demoAdmin: {
    title: 'Example data',
    load: 'Load example data',
    loadHint: 'The example data can only be loaded into an empty database.',
    remove: 'Remove example data',
    removeHint: 'Removes only the records the example loaded; an example record changed or referred to since blocks the removal.',
    removeConfirm: 'Remove the example data ({n} records)?',
    removed: 'Example data removed',
    none: 'This database holds no example data.',
    loaded: 'This database holds the example data ({n} records).',
  },
}
