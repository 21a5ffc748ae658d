// Strings of the inline new customer, the form keys and the global search
// (issue 9, second part), in their own file so parallel work merges cleanly.
export default {
  newCustomer: {
    action: 'New customer',
    title: 'New customer',
    name: 'Customer name',
    owner: 'Owner',
    save: 'Create and select',
    created: 'Customer "{name}" created and selected',
    pick: 'Use this customer',
    createAnyway: 'Create anyway',
    blocked: 'This customer is already in a pool and cannot be created again.',
  },
  formKeys: {
    discardTitle: 'Discard changes',
    discard: 'The form has unsaved changes. Discard them?',
    discardOk: 'Discard',
    keepEditing: 'Keep editing',
  },
  search: {
    title: 'Search',
    placeholder: 'Search customers, contacts, opportunities, quotes, orders: name, number, phone, pinyin',
    hint: '↑↓ to choose, Enter to open, Esc to close. Pinyin and initials matches first, then newest first',
    empty: 'Nothing matches',
    open: 'Search (Ctrl+K)',
    kinds: { customer: 'Customers', contact: 'Contacts', opportunity: 'Opportunities', lead: 'Leads', quote: 'Quotes', order: 'Orders' },
  },
}
