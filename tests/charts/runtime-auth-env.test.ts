/** An AIModel's JWT settings reach the runtime as the variables runtime/config.ts requires. */
import { describe, expect, it } from '@jest/globals';
import type { AIModel } from '../../crds/api/index.js';
import { render } from '../../charts-ts/render.js';
import { loadConfig } from '../../runtime/config.js';
import { find, minimalModel, minimalVersion } from './support.js';

type Jwt = NonNullable<NonNullable<NonNullable<AIModel['spec']['runtime']>['auth']>['jwt']>;

function runtimeEnv(jwt: Jwt): Record<string, string> {
  const model = minimalModel({ runtime: { auth: { jwt } } });
  const deployment = find(render(model, [minimalVersion('v1')], []), 'Deployment', 'demo-v1');
  const runtime = deployment.spec.template.spec.containers.find((c: any) => c.name === 'runtime');
  return Object.fromEntries(
    runtime.env.filter((e: any) => e.value !== undefined).map((e: any) => [e.name, e.value]),
  );
}

describe('spec.runtime.auth.jwt', () => {
  it('sets issuer, audience, claims and the token lifetime, which the runtime then accepts', () => {
    const env = runtimeEnv({
      jwksSecretRef: { name: 'auth-jwks', key: 'jwks.json' },
      issuer: 'https://auth.suoke.life',
      audience: 'demo',
      subjectClaim: 'client_id',
      tenantClaim: 'tid',
      maxTokenLifetime: '1h30m',
    });
    expect(env).toMatchObject({
      JWT_JWKS_FILE: expect.stringMatching(/\/jwks\.json$/),
      JWT_ISSUER: 'https://auth.suoke.life',
      JWT_AUDIENCE: 'demo',
      JWT_SUBJECT_CLAIM: 'client_id',
      JWT_TENANT_CLAIM: 'tid',
      JWT_MAX_LIFETIME_SECONDS: '5400',
    });
    const config = loadConfig({ ...env, ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' }, () => '');
    expect(config).toMatchObject({
      jwtIssuer: 'https://auth.suoke.life',
      jwtAudience: 'demo',
      jwtSubjectClaim: 'client_id',
      jwtTenantClaim: 'tid',
      jwtMaxLifetimeSeconds: 5400,
    });
  });

  it("leaves the optional settings to the runtime's defaults when unset", () => {
    const env = runtimeEnv({
      jwksUrl: 'https://auth.suoke.life/.well-known/jwks.json',
      issuer: 'https://auth.suoke.life',
      audience: 'demo',
    });
    expect(
      Object.keys(env)
        .filter((name) => name.startsWith('JWT_'))
        .sort(),
    ).toEqual(['JWT_AUDIENCE', 'JWT_ISSUER', 'JWT_JWKS_URL']);
  });
});
