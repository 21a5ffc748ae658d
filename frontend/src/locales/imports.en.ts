// Importing customers, contacts and products (issue 13): the kind of file and the per-kind counts.
export default {
  importKinds: {
    label: 'File holds',
    kinds: { opportunities: 'Opportunities', customers: 'Customers (with contacts)', contacts: 'Contacts', products: 'Products', leads: 'Leads' },
    short: { opportunities: 'opportunities', customers: 'customers', contacts: 'contacts', products: 'products', leads: 'leads' },
    intro: 'You can also import customers (each row may carry one contact, e.g. customer name, contact, mobile), contacts (naming their customer), products (code, name, unit, price) and leads (lead name, company, contact, phone, email, source, owner); old Excel (.xls) files are read too. Records already there are found and updated: a customer by its name (legal suffixes such as Ltd. aside), phone or email, a contact by its customer and name, phone or email, a product by its code, a lead by its phone, else its email, else its name + company + contact person.',
    onDuplicate: 'Rows matching existing {kind}:',
    counts: '{kind}: {new} new, {updated} updated, {skipped} skipped',
    action: 'Action',
    actions: { new: 'New', update: 'Update', skip: 'Skip', duplicate: 'Duplicate' },
    doneTitle: 'Imported {kind}',
    viewCustomers: 'View customers',
    importCustomers: 'Import',
    viewProducts: 'View products',
    viewLeads: 'View leads',
    titles: { leads: 'Import leads', products: 'Import products', customers: 'Import customers', contacts: 'Import contacts' },
    back: { opportunities: 'Back to opportunities', leads: 'Back to leads', products: 'Back to products', customers: 'Back to customers', contacts: 'Back to customers' },
    leadKey: 'Leads already there are found by phone, else by email, else by lead name + company + contact person; a converted lead keeps its status.'
  },
}
