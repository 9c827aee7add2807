export { customersRoutes } from './customers.routes.ts';
export { createCustomer, findOrCreateCustomerByEmail, getCustomerInWorkspace } from './customers.service.ts';
export { createOrganisation } from './organisations.service.ts';
