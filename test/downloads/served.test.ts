import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/tools/static-server.ts';
import type { EntityIndex, TargetFile } from '../../src/model/types.ts';
import { usePagePerTest, useSiteBrowser } from '../support/browser.ts';

/** The data downloads as the static server serves them (run `npm run build` first). */
const readDist = (path: string): string => readFileSync(join(DIST, path), 'utf8');
const entities = (): EntityIndex =>
  JSON.parse(readDist('licang-14/data/entities.json')) as EntityIndex;
const targets = (): TargetFile => JSON.parse(readDist('licang-14/data/targets.json')) as TargetFile;

const site = useSiteBrowser();
const current = usePagePerTest(site);

describe('served downloads', () => {
  it('serve entities.json, targets.json and targets.csv', async () => {
    for (const path of [
      '/licang-14/data/entities.json',
      '/licang-14/data/targets.json',
      '/licang-14/data/targets.csv',
    ]) {
      const response = await current.page.request.get(`${site.server.origin}${path}`);
      expect(response.status(), path).toBe(200);
    }
    const csv = await (
      await current.page.request.get(`${site.server.origin}/licang-14/data/targets.csv`)
    ).body();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(targets().targets.length + 1);
    expect(entities().schema).toBe(2);
  });
});
