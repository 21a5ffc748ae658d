// Importing customers, contacts and products (issue 13): the kind of file and the per-kind counts.
export default {
  importKinds: {
    label: 'File holds',
    kinds: { opportunities: 'Opportunities', customers: 'Customers (with contacts)', contacts: 'Contacts', products: 'Products' },
    short: { opportunities: 'opportunities', customers: 'customers', contacts: 'contacts', products: 'products' },
    intro: 'You can also import customers (each row may carry one contact, e.g. customer name, contact, mobile), contacts (naming their customer) and products (code, name, unit, price); old Excel (.xls) files are read too. Records already there are found and updated: a customer by its name (legal suffixes such as Ltd. aside), phone or email, a contact by its customer and name, phone or email, a product by its code.',
    onDuplicate: 'Rows matching existing {kind}:',
    counts: '{kind}: {new} new, {updated} updated, {skipped} skipped',
    action: 'Action',
    actions: { new: 'New', update: 'Update', skip: 'Skip', duplicate: 'Duplicate' },
    doneTitle: 'Imported {kind}',
    viewCustomers: 'View customers',
    importCustomers: 'Import',
    viewProducts: 'View products',
  },
}
