import { carryForeignRoutes, withForeignRoutes } from '../../operators/traffic/foreign-routes.js';

const versions = { name: 'versions', weight: 'rendered' };
const candidate = { name: 'candidate', weight: 'rendered' };
const staleVersions = { name: 'versions', weight: 'live' };
const page = { name: 'status-page' };
const unnamed: { name?: string; match: string } = { match: 'debug' };

describe('withForeignRoutes', () => {
  it('is the rendered list when the live one holds only ours', () => {
    expect(withForeignRoutes([candidate, versions], [staleVersions])).toEqual([candidate, versions]);
  });

  it('keeps foreign routes where they were around ours, named or not', () => {
    expect(withForeignRoutes([candidate, versions], [page, staleVersions, unnamed])).toEqual([
      page,
      candidate,
      versions,
      unnamed,
    ]);
  });

  it('puts ours after the foreign ones when the live list has none of ours', () => {
    expect(withForeignRoutes([versions], [page, unnamed])).toEqual([page, unnamed, versions]);
  });

  it('drops a candidate route of ours the rendered list no longer has', () => {
    expect(withForeignRoutes([versions], [page, candidate, staleVersions])).toEqual([page, versions]);
  });
});

describe('carryForeignRoutes', () => {
  const rendered = {
    apiVersion: 'v1',
    kind: 'X',
    metadata: { name: 'm' },
    spec: { rules: [versions], other: 1 },
  };

  it('returns the rendered object itself when nothing is foreign', () => {
    const live = { ...rendered, spec: { rules: [staleVersions], other: 2 } };
    expect(carryForeignRoutes(rendered, live, 'rules')).toBe(rendered);
  });

  it('carries only the list over; every other field is the rendered one', () => {
    const live = { ...rendered, spec: { rules: [staleVersions, page], other: 2 } };
    expect(carryForeignRoutes(rendered, live, 'rules')).toEqual({
      ...rendered,
      spec: { rules: [versions, page], other: 1 },
    });
  });
});
