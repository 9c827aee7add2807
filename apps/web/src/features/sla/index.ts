export { SlaBadge } from './SlaBadge.tsx';
export { SlaBadges } from './SlaBadges.tsx';
