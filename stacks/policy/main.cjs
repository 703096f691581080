/* global module */
// Entry of the policy pack. Pulumi's policy runner loads a pack with require() and its own
// TypeScript registration, which cannot load our ES modules; so this CommonJS shim registers tsx
// and imports the pack as the ES module it is. The runner awaits the exported promise.
module.exports = import('tsx/esm/api').then(({ register }) => {
  register();
  return import('./index.ts');
});
