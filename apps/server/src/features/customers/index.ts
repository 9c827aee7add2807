export { customerImportJob, runCustomerImport } from './customer-imports.jobs.ts';
export type { CaseMover } from './customer-merge.service.ts';
export { customersRoutes } from './customers.routes.ts';
export { createCustomer, findOrCreateCustomerByEmail, getCustomerInWorkspace } from './customers.service.ts';
export { createOrganisation } from './organisations.service.ts';
