import { createHash, randomBytes } from 'node:crypto';
import { realClock, type Clock } from './clock.js';
import type { KubeClient } from './client.js';
import { microTime } from './leader-election.js';
import { silentLogger, type Logger } from './logger.js';
import { EVENT, type KubeObject } from './resource.js';

export type EventType = 'Normal' | 'Warning';

export interface EventInput {
  readonly type: EventType;
  /** CamelCase reason, e.g. 'Promoted'. */
  readonly reason: string;
  /** What the controller did, e.g. 'Promote'. */
  readonly action: string;
  /** Human-readable; at most 1 KiB (longer notes are cut). Never put prompt text here. */
  readonly note: string;
}

export interface EventRecorderOptions {
  /** `reportingController` of every Event. @default 'ai.suoke.life/modelops-operator' */
  readonly controller?: string;
  /** `reportingInstance` (the pod name). @default process hostname */
  readonly instance?: string;
  /**
   * An identical event (same object, type, reason, action, note) within this window joins the existing
   * Event's series instead of creating a new object.
   * @default 1_800_000 (30 min)
   */
  readonly dedupWindowMs?: number;
  /**
   * A repeat updates the series on the server at most this often; repeats in between are counted in
   * memory and carried by the next update, so a hot loop cannot flood the API server.
   * @default 30_000
   */
  readonly seriesUpdateIntervalMs?: number;
  /** Most distinct events remembered for de-duplication (oldest forgotten first). @default 4096 */
  readonly maxTracked?: number;
  /** @default realClock */
  readonly clock?: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
}

interface Tracked {
  name: string;
  namespace: string;
  count: number;
  firstAt: number;
  lastWriteAt: number;
  lastObservedAt: number;
}

/**
 * Records `events.k8s.io/v1` Events about objects, de-duplicated like client-go's events broadcaster: the
 * first occurrence creates an Event; repeats become an `EventSeries` (`series.count`,
 * `series.lastObservedTime`) on that same Event. Recording never throws: a failed write is logged and
 * the reconcile goes on.
 */
export class EventRecorder {
  private readonly tracked = new Map<string, Tracked>();
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly controller: string;
  private readonly instance: string;
  private readonly dedupWindowMs: number;
  private readonly seriesUpdateIntervalMs: number;
  private readonly maxTracked: number;

  constructor(
    private readonly client: KubeClient,
    options: EventRecorderOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.log = options.logger ?? silentLogger;
    this.controller = options.controller ?? 'ai.suoke.life/modelops-operator';
    this.instance = options.instance ?? process.env['HOSTNAME'] ?? 'operator';
    this.dedupWindowMs = options.dedupWindowMs ?? 1_800_000;
    this.seriesUpdateIntervalMs = options.seriesUpdateIntervalMs ?? 30_000;
    this.maxTracked = options.maxTracked ?? 4096;
  }

  /** Resolves with what was sent: 'created', 'series' (a repeat written), or 'deduplicated' (no write). */
  async record(
    regarding: KubeObject,
    input: EventInput,
  ): Promise<'created' | 'series' | 'deduplicated' | 'failed'> {
    const now = this.clock.now();
    // A digest, not the text: up to maxTracked notes of up to 1 KiB each would otherwise stay in memory.
    const key = createHash('sha256')
      .update(
        [regarding.metadata.uid ?? '', input.type, input.reason, input.action, input.note].join('\u0000'),
      )
      .digest('base64url');
    const seen = this.tracked.get(key);
    try {
      if (seen && now - seen.firstAt < this.dedupWindowMs) {
        seen.count += 1;
        seen.lastObservedAt = now;
        if (now - seen.lastWriteAt < this.seriesUpdateIntervalMs) return 'deduplicated';
        seen.lastWriteAt = now;
        await this.client.patch(EVENT, seen.namespace, seen.name, {
          series: { count: seen.count, lastObservedTime: microTime(now) },
        });
        return 'series';
      }
      const namespace = regarding.metadata.namespace || 'default';
      const name = `${regarding.metadata.name ?? 'object'}.${randomBytes(8).toString('hex')}`;
      await this.client.create(EVENT, {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name, namespace },
        eventTime: microTime(now),
        reportingController: this.controller,
        reportingInstance: this.instance,
        action: input.action,
        reason: input.reason,
        type: input.type,
        note: input.note.length > 1024 ? `${input.note.slice(0, 1021)}...` : input.note,
        regarding: {
          apiVersion: regarding.apiVersion,
          kind: regarding.kind,
          name: regarding.metadata.name,
          namespace: regarding.metadata.namespace,
          uid: regarding.metadata.uid,
          resourceVersion: regarding.metadata.resourceVersion,
        },
      });
      this.tracked.delete(key);
      this.tracked.set(key, {
        name,
        namespace,
        count: 1,
        firstAt: now,
        lastWriteAt: now,
        lastObservedAt: now,
      });
      if (this.tracked.size > this.maxTracked) this.tracked.delete(this.tracked.keys().next().value!);
      return 'created';
    } catch (err) {
      this.log.warn({ reason: input.reason, err: (err as Error).message }, 'could not record event');
      return 'failed';
    }
  }
}
