export { sendMacroAsSystemIn } from './apply.service.ts';
export { seedDemoMacros } from './macros.demo.ts';
export { macrosRoutes } from './macros.routes.ts';
export { createMacro } from './macros.service.ts';
