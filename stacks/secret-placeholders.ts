/**
 * Secret values inside rendered charts.
 *
 * cdk8s renders synchronously from plain strings, but a secret stack value is a `pulumi.Output`
 * that must stay secret. So a chart renders an opaque placeholder instead, and after synthesis each
 * string that holds a placeholder becomes a secret `Output` with the real value put in. The value
 * never exists in clear in the rendered objects, and Pulumi encrypts every field it reaches.
 */
import { randomBytes } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';

export class SecretPlaceholders {
  private readonly values = new Map<string, pulumi.Output<string>>();
  /** Random per run, so a placeholder can never collide with a real value in a chart. */
  private readonly nonce = randomBytes(6).toString('hex');

  /**
   * A placeholder for `value`, built by `format` from a unique token so that it passes the chart's
   * own validation (e.g. a URL shape). `format` must embed the token exactly once.
   */
  placeholder(value: pulumi.Output<string>, format: (token: string) => string = (t) => t): string {
    const token = `suoke-secret-${this.nonce}-${this.values.size}`;
    const rendered = format(token);
    if (rendered.split(token).length !== 2)
      throw new Error(`secret placeholder format must embed the token once`);
    this.values.set(rendered, value);
    return rendered;
  }

  /** `obj` with every placeholder replaced; strings that held one become secret Outputs. */
  substitute<T>(obj: T): T {
    if (this.values.size === 0) return obj;
    return this.walk(obj) as T;
  }

  private walk(node: unknown): unknown {
    if (typeof node === 'string') return this.replace(node);
    if (Array.isArray(node)) return node.map((item) => this.walk(item));
    if (node !== null && typeof node === 'object' && !pulumi.Output.isInstance(node)) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.walk(v)]));
    }
    return node;
  }

  private replace(text: string): string | pulumi.Output<string> {
    const used = [...this.values.entries()].filter(([placeholder]) => text.includes(placeholder));
    if (used.length === 0) return text;
    return pulumi.secret(
      pulumi
        .all(used.map(([, value]) => value))
        .apply((values) =>
          used.reduce((acc, [placeholder], i) => acc.split(placeholder).join(values[i]!), text),
        ),
    );
  }
}
