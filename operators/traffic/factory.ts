/**
 * Picks the TrafficRouter named by the operator's `--traffic-router` flag. An unknown name is an
 * error at start-up, never a silent fallback to another router.
 */
import { TRAFFIC_ROUTER_NAMES, type TrafficRouterName } from '../../charts-ts/derived-kinds.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import { FLAG_DEFAULTS } from '../kit/flags.js';
import { GatewayApiRouter } from './gateway-api.js';
import { IstioRouter } from './istio.js';
import { ReplicaRatioRouter } from './replica-ratio.js';
import type { TrafficRouter } from './router.js';

/** The routers there are: the list the platform chart renders `--traffic-router` from, too. */
export const TRAFFIC_ROUTERS = TRAFFIC_ROUTER_NAMES;
export type { TrafficRouterName };

/** The default of `--traffic-router`. */
export const DefaultTrafficRouter: TrafficRouterName = FLAG_DEFAULTS.trafficRouter;

/** @throws Error naming the flag and the routers there are, for an unknown name */
export function createTrafficRouter(name: string, client: ClusterClient): TrafficRouter {
  switch (name) {
    case 'istio':
      return new IstioRouter(client);
    case 'gateway-api':
      return new GatewayApiRouter(client);
    case 'replica-ratio':
      return new ReplicaRatioRouter(client);
    default:
      throw new Error(`--traffic-router: unknown router '${name}'; use one of ${TRAFFIC_ROUTERS.join(', ')}`);
  }
}
