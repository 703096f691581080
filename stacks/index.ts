/**
 * `pulumi up`: reads the stack config, builds the platform, exports where to find it.
 * Everything else lives in the component (suoke-platform.ts), which other programs can reuse.
 */
import { loadPlatformConfig, stackConfigReader } from './config.js';
import { suokeCharts } from './suoke-charts.js';
import { SuokePlatform } from './suoke-platform.js';

const { config, secrets } = loadPlatformConfig(stackConfigReader());
const platform = new SuokePlatform('suoke', { config, secrets, charts: suokeCharts() });

export const namespace = platform.namespace;
export const agentNamespace = platform.agentNamespace;
export const gatewayEndpoint = platform.gatewayEndpoint;
export const operatorMetricsUrl = platform.operatorMetricsUrl;
export const grafanaUrl = platform.grafanaUrl;
export const prometheusUrl = config.prometheusUrl;
