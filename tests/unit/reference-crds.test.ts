import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_CRDS_DIR } from '../support/reference-crds.js';

/** `sha256  file` lines of SOURCES.md: the upstream files' recorded checksums. */
function recordedChecksums(): Map<string, string> {
  const sources = readFileSync(join(REFERENCE_CRDS_DIR, 'SOURCES.md'), 'utf8');
  const sums = new Map<string, string>();
  for (const [, sum, file] of sources.matchAll(/^([0-9a-f]{64})\s+(\S+\.yaml)$/gm)) sums.set(file!, sum!);
  return sums;
}

describe('upstream reference CRDs', () => {
  const recorded = recordedChecksums();

  it('lists a checksum for every vendored CRD file', () => {
    const files = readdirSync(REFERENCE_CRDS_DIR).filter((f) => f.endsWith('.yaml'));
    expect([...recorded.keys()].sort()).toEqual(files.sort());
  });

  it.each([...recordedChecksums().keys()])('%s is byte-exact upstream (sha256 of SOURCES.md)', (file) => {
    const sum = createHash('sha256')
      .update(readFileSync(join(REFERENCE_CRDS_DIR, file)))
      .digest('hex');
    expect(sum).toBe(recorded.get(file));
  });
});
