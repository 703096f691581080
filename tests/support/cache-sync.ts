/**
 * Waits until an operator's informer caches hold exactly what the fake API server stores (same
 * objects, same resourceVersions, within each informer's namespace and label selector): the moment a
 * queued reconcile would run after the watch event that queued it. Woken by the informers' own
 * events, never by polling; a deadline only turns a cache that never catches up into a clear failure.
 */
import type { SharedInformers } from '../../operators/kit/informers.js';
import type { Informer } from '../../operators/kit/informer.js';
import { apiVersionOf, objectKey } from '../../operators/kit/resource.js';
import type { FakeApiServer } from './fake-api-server/index.js';

export class CacheSync {
  private waiters: Array<() => void> = [];

  constructor(
    private readonly api: FakeApiServer,
    private readonly informers: SharedInformers,
  ) {
    const wake = (): void => {
      for (const w of this.waiters.splice(0)) w();
    };
    for (const i of informers.all()) i.addHandlers({ onAdd: wake, onUpdate: wake, onDelete: wake });
  }

  /** Differences between the caches and the server, as `kind key: cache rv / server rv`; [] when in step. */
  differences(): string[] {
    const out: string[] = [];
    for (const informer of this.informers.all()) out.push(...this.differencesOf(informer));
    return out;
  }

  async wait(timeoutMs = 10_000): Promise<void> {
    if (this.differences().length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`caches did not catch up within ${timeoutMs} ms: ${this.differences().join('; ')}`),
          ),
        timeoutMs,
      );
    });
    try {
      while (this.differences().length > 0) {
        await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), deadline]);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private differencesOf(informer: Informer): string[] {
    const rt = informer.resource;
    const selector = informer.labelSelector
      .split(',')
      .filter(Boolean)
      .map((term) => term.split('=') as [string, string]);
    let stored: ReturnType<FakeApiServer['list']>;
    try {
      stored = this.api.list(
        { apiVersion: apiVersionOf(rt), kind: rt.kind },
        informer.namespace || undefined,
      );
    } catch {
      stored = []; // a kind the server does not serve
    }
    const expected = new Map(
      stored
        // `key=value` terms, and bare `key` terms (the label exists, whatever its value).
        .filter((o) =>
          selector.every(([k, v]) =>
            v === undefined ? o.metadata.labels?.[k] !== undefined : o.metadata.labels?.[k] === v,
          ),
        )
        .map((o) => [objectKey(o), o.metadata.resourceVersion]),
    );
    const out: string[] = [];
    for (const [key, rv] of expected) {
      const cached = informer.cache.get(key)?.metadata.resourceVersion;
      if (cached !== rv) out.push(`${rt.kind} ${key}: cache ${cached ?? 'none'} / server ${rv}`);
    }
    for (const key of informer.cache.keys()) {
      if (!expected.has(key)) out.push(`${rt.kind} ${key}: cache has it, server does not`);
    }
    return out;
  }
}
