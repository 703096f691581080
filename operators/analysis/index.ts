/** Canary analysis: the MetricsProvider seam, Prometheus, built-in checks, templates, evaluation. */
export * from './builtins.js';
export * from './errors.js';
export * from './evaluate.js';
export * from './prometheus.js';
export * from './provider.js';
export * from './request-share.js';
export * from './template.js';
export * from './types.js';
