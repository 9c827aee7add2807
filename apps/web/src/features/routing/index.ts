export { AvailabilitySwitch } from './AvailabilitySwitch.tsx';
export { RoutingAdminPage } from './RoutingAdminPage.tsx';
