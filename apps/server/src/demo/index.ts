export { DEMO_PASSWORD } from './demo.data.ts';
export { DEMO_SIGN_INS, seedDemo } from './seed.ts';
