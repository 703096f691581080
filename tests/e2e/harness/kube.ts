/**
 * A small Kubernetes REST client for the end-to-end harness: what `kubectl get/apply/annotate` and
 * the Deployment controller do, over plain HTTP. It works against any API server at `baseUrl`; the
 * harness points it at the fake API server process.
 */

/** A Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** Which collection: API group/version and plural, e.g. `apps/v1` + `deployments`. */
export interface Resource {
  readonly apiVersion: string;
  readonly plural: string;
}

export const DEPLOYMENTS: Resource = { apiVersion: 'apps/v1', plural: 'deployments' };
export const VIRTUAL_SERVICES: Resource = { apiVersion: 'networking.istio.io/v1', plural: 'virtualservices' };
export const DESTINATION_RULES: Resource = {
  apiVersion: 'networking.istio.io/v1',
  plural: 'destinationrules',
};
export const SERVICES: Resource = { apiVersion: 'v1', plural: 'services' };
export const HTTP_ROUTES: Resource = { apiVersion: 'gateway.networking.k8s.io/v1', plural: 'httproutes' };
export const AIMODELS: Resource = { apiVersion: 'ai.suoke.life/v1alpha1', plural: 'aimodels' };
export const MODEL_VERSIONS: Resource = { apiVersion: 'ai.suoke.life/v1alpha1', plural: 'modelversions' };
export const EVENTS: Resource = { apiVersion: 'events.k8s.io/v1', plural: 'events' };

/** An answer other than 2xx, with the API server's Status message. */
export class KubeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'KubeError';
  }
}

export class KubeRest {
  constructor(
    readonly baseUrl: string,
    /** Per request (milliseconds). @default 10000 */
    private readonly timeoutMs = 10_000,
  ) {}

  /** `/api/v1/namespaces/ns/pods[/name[/sub]]` or `/apis/g/v/namespaces/ns/plural[/name[/sub]]`. */
  path(resource: Resource, namespace: string | undefined, name?: string, subresource?: string): string {
    const root = resource.apiVersion.includes('/')
      ? `/apis/${resource.apiVersion}`
      : `/api/${resource.apiVersion}`;
    const ns = namespace === undefined ? '' : `/namespaces/${namespace}`;
    return `${root}${ns}/${resource.plural}${name === undefined ? '' : `/${name}`}${subresource === undefined ? '' : `/${subresource}`}`;
  }

  /** The object, or undefined on 404. */
  async get<T extends KubeObject = KubeObject>(
    resource: Resource,
    namespace: string,
    name: string,
  ): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', this.path(resource, namespace, name));
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return undefined;
      throw error;
    }
  }

  async list<T extends KubeObject = KubeObject>(
    resource: Resource,
    namespace: string,
    labelSelector?: string,
  ): Promise<T[]> {
    const query = labelSelector === undefined ? '' : `?labelSelector=${encodeURIComponent(labelSelector)}`;
    const list = await this.request<{ items: T[] }>('GET', `${this.path(resource, namespace)}${query}`);
    return list.items;
  }

  async create<T extends KubeObject>(resource: Resource, object: T): Promise<T> {
    return this.request<T>('POST', this.path(resource, object.metadata.namespace), object);
  }

  /** JSON merge patch (RFC 7386), e.g. to set or clear an annotation. */
  async mergePatch<T extends KubeObject = KubeObject>(
    resource: Resource,
    namespace: string,
    name: string,
    patch: unknown,
    subresource?: string,
  ): Promise<T> {
    return this.request<T>(
      'PATCH',
      this.path(resource, namespace, name, subresource),
      patch,
      'application/merge-patch+json',
    );
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {
        // Not a Status object: keep the raw text.
      }
      throw new KubeError(response.status, `${method} ${path}: ${response.status} ${message}`);
    }
    return JSON.parse(text) as T;
  }
}
