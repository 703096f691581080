/**
 * The upstream CRDs (Istio, VPA, prometheus-operator, Argo CD) that rendered objects are validated
 * against and that the fake API server serves. Byte-exact copies live in the repository, so a fresh
 * clone anywhere has them; `tests/reference/crds/SOURCES.md` says where each came from and a test
 * checks every file against its recorded sha256.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/support/reference-crds.ts). */
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Directory of the upstream reference CRDs. */
export const REFERENCE_CRDS_DIR = resolve(REPO_ROOT, 'tests/reference/crds');
