import type { RegistryType } from '../../crds/api/index.js';
import { HttpIndexRegistryClient } from './http.js';
import { MlflowRegistryClient } from './mlflow.js';
import { OciRegistryClient } from './oci.js';
import type { RegistryClient, RegistryClientOptions } from './registry-client.js';

/** Builds the client for `spec.type`; an unknown type is an error, never a silent default. */
export function createRegistryClient(
  type: RegistryType | string,
  options: RegistryClientOptions,
): RegistryClient {
  switch (type) {
    case 'oci':
      return new OciRegistryClient(options);
    case 'mlflow':
      return new MlflowRegistryClient(options);
    case 'http':
      return new HttpIndexRegistryClient(options);
    default:
      throw new Error(`spec.type '${type}' is not a registry type; use one of oci, mlflow, http`);
  }
}

/** Builds a client for a registry spec; tests inject their own. */
export type RegistryClientFactory = (type: string, options: RegistryClientOptions) => RegistryClient;
