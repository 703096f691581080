/** Traffic routers: the TrafficRouter seam, Istio, replica-ratio, and the factory picking one. */
export * from './factory.js';
export * from './gateway-api.js';
export * from './istio.js';
export * from './replica-ratio.js';
export * from './router.js';
