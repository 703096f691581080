/**
 * Stands in for Istio's data plane: follows the model's VirtualService and DestinationRule through
 * the API, as istiod would, and knows at every moment which share of requests each version gets.
 * It reads the first HTTP route without match conditions (the one every plain request takes) and
 * maps its subsets to versions by the DestinationRule's subset labels. Every change of the split is
 * kept with its time, so tests can assert the walk of weights and the bench can time it.
 */
import { DESTINATION_RULES, VIRTUAL_SERVICES, type KubeObject, type KubeRest } from './kube.js';

/** Percent of requests per version; versions without weight are absent. */
export type Split = Readonly<Record<string, number>>;

/** One change of the split. */
export interface SplitChange {
  /** When it was seen (ms since the epoch). */
  readonly at: number;
  readonly split: Split;
}

interface VirtualServiceView extends KubeObject {
  spec?: {
    http?: Array<{
      name?: string;
      match?: unknown[];
      route?: Array<{ destination?: { subset?: string }; weight?: number }>;
    }>;
  };
}

interface DestinationRuleView extends KubeObject {
  spec?: { subsets?: Array<{ name?: string; labels?: Record<string, string> }> };
}

export interface MeshOptions {
  readonly kube: KubeRest;
  readonly namespace: string;
  /** The AIModel's name: its VirtualService and DestinationRule carry it. */
  readonly model: string;
  /** How often the routing objects are read (milliseconds). @default 50 */
  readonly pollMs?: number;
}

export class Mesh {
  /** Every change of the split, oldest first. */
  readonly history: SplitChange[] = [];
  private current: Split = {};
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private stopped = false;
  /** The last error reading the routing objects (the split stays as it was, as Envoy's would). */
  lastError: string | undefined;

  constructor(private readonly options: MeshOptions) {}

  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      this.reading = this.read().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 50);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
  }

  /** The split in force now. */
  split(): Split {
    return this.current;
  }

  /**
   * The split as the routing objects say it is now, read through the API after any read in flight.
   * The poll loop sees a change up to one interval late; a test that has just seen a status the
   * operator writes after the weights (a rollback, a pause at a step) reads the weights this way.
   */
  async refresh(): Promise<Split> {
    await this.reading;
    this.reading = this.read();
    await this.reading;
    return this.current;
  }

  /** Weight of `version` now (0 when it has no route). */
  weight(version: string): number {
    return this.current[version] ?? 0;
  }

  /** The weights `version` moved through since `since` (ms since the epoch), in order, 0 included. */
  weightsOf(version: string, since = 0): number[] {
    const out: number[] = [];
    // A version starts with no route, i.e. weight 0; only changes from there are listed.
    let last = 0;
    for (const change of this.history) {
      const w = change.split[version] ?? 0;
      if (change.at >= since && w !== last) out.push(w);
      last = w;
    }
    return out;
  }

  /**
   * First moment at or after `since` (ms since the epoch) when the split gave `version` a weight
   * `test` accepts: `since` itself if the split in force then (seen at or before `since`) did.
   */
  firstTime(version: string, test: (weight: number) => boolean, since = 0): number | undefined {
    const inForce = this.history.findLast((c) => c.at <= since);
    if (inForce !== undefined && test(inForce.split[version] ?? 0)) return since;
    return this.history.find((c) => c.at > since && test(c.split[version] ?? 0))?.at;
  }

  private async read(): Promise<void> {
    const { kube, namespace, model } = this.options;
    try {
      const [vs, dr] = await Promise.all([
        kube.get<VirtualServiceView>(VIRTUAL_SERVICES, namespace, model),
        kube.get<DestinationRuleView>(DESTINATION_RULES, namespace, model),
      ]);
      const subsets = new Map<string, string>();
      for (const s of dr?.spec?.subsets ?? []) {
        const version = s.labels?.['version'];
        if (s.name !== undefined && version !== undefined) subsets.set(s.name, version);
      }
      const route = vs?.spec?.http?.find((r) => r.match === undefined || r.match.length === 0);
      const split: Record<string, number> = {};
      const destinations = route?.route ?? [];
      for (const d of destinations) {
        const version = subsets.get(d.destination?.subset ?? '');
        // A single destination without a weight takes all traffic, as in Istio.
        const weight = d.weight ?? (destinations.length === 1 ? 100 : 0);
        if (version !== undefined && weight > 0) split[version] = (split[version] ?? 0) + weight;
      }
      this.lastError = undefined;
      if (JSON.stringify(split) !== JSON.stringify(this.current)) {
        this.current = split;
        this.history.push({ at: Date.now(), split });
      }
    } catch (error) {
      this.lastError = (error as Error).message;
    }
  }
}
