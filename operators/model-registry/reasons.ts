/** Condition reasons of a ModelRegistry, by failure kind: what a person reads in `kubectl get`. */
import { REASONS } from '../../crds/api/index.js';
import type { FailureKind } from './registry-client.js';

export const REGISTRY_REASONS = {
  ProbeSucceeded: REASONS.ProbeSucceeded,
  SyncSucceeded: REASONS.SyncSucceeded,
  SyncFailed: REASONS.SyncFailed,
  SyncDisabled: REASONS.SyncDisabled,
  DNSLookupFailed: 'DNSLookupFailed',
  ConnectionRefused: 'ConnectionRefused',
  Timeout: 'Timeout',
  TLSHandshakeFailed: 'TLSHandshakeFailed',
  AuthFailed: REASONS.AuthFailed,
  AccessDenied: 'AccessDenied',
  NotFound: 'NotFound',
  RateLimited: 'RateLimited',
  RegistryError: 'RegistryError',
  UnexpectedResponse: 'UnexpectedResponse',
  ProbeFailed: REASONS.ProbeFailed,
  InvalidSpec: REASONS.InvalidSpec,
  CredentialsUnavailable: 'CredentialsUnavailable',
} as const;

const BY_KIND: Readonly<Record<FailureKind, string>> = {
  dns: REGISTRY_REASONS.DNSLookupFailed,
  'connection-refused': REGISTRY_REASONS.ConnectionRefused,
  timeout: REGISTRY_REASONS.Timeout,
  tls: REGISTRY_REASONS.TLSHandshakeFailed,
  unauthorized: REGISTRY_REASONS.AuthFailed,
  forbidden: REGISTRY_REASONS.AccessDenied,
  'not-found': REGISTRY_REASONS.NotFound,
  'rate-limited': REGISTRY_REASONS.RateLimited,
  'server-error': REGISTRY_REASONS.RegistryError,
  protocol: REGISTRY_REASONS.UnexpectedResponse,
  network: REGISTRY_REASONS.ProbeFailed,
  'invalid-config': REGISTRY_REASONS.InvalidSpec,
  credentials: REGISTRY_REASONS.CredentialsUnavailable,
};

export function reasonFor(kind: FailureKind): string {
  return BY_KIND[kind];
}
