// Every provider through the local API, from the demo server's answers (each with its quirks) to what
// a status bar reads at /v1/limits: each one present with its resources, the envelope valid against
// the contract, and none of the demo's keys or tokens anywhere in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerGet } from '../../../app/local-api/routes';
import { LimitsEnvelope } from '../../../app/local-api/schema';
import { createAppServices, type AppServices } from '../../../app/services';
import { PROVIDER_IDS } from '../../../core/providers/registry';
import { demoKeys } from '../../../demo/env';
import { startDemoServer, type DemoServer } from '../../../demo/server';

let demo: DemoServer;
let services: AppServices;
const home = mkdtempSync(join(tmpdir(), 'quotabar-api-every-'));

beforeAll(async () => {
  demo = await startDemoServer();
  services = await createAppServices({ env: { PATH: process.env.PATH }, platform: 'linux', homedir: home, demo, shareLocalApi: false, history: null, costWorker: null });
  await services.refresh(null);
});

afterAll(async () => {
  services?.stop();
  await demo?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('GET /v1/limits with every provider', () => {
  it('lists each provider with at least one resource, valid against openusage.limits.v1', () => {
    const a = answerGet('/v1/limits', services.view().snapshots, Date.now());
    expect(a.status).toBe(200);
    const parsed = v.safeParse(LimitsEnvelope, a.body);
    expect(parsed.issues ?? []).toEqual([]);
    const body = a.body as v.InferOutput<typeof LimitsEnvelope>;
    expect(Object.keys(body.providers).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const id of PROVIDER_IDS) expect(Object.keys(body.providers[id]!.resources).length, id).toBeGreaterThan(0);
    expect(body.errors).toEqual([]);
  });

  it('answers one provider by id, and carries no key of any provider', () => {
    for (const id of PROVIDER_IDS) {
      const a = answerGet(`/v1/limits/${id}`, services.view().snapshots, Date.now());
      expect(a.status, id).toBe(200);
    }
    const text = JSON.stringify(answerGet('/v1/limits', services.view().snapshots, Date.now()).body);
    for (const key of [...Object.values(demoKeys(demo)), demo.openrouterManagementKey]) expect(text).not.toContain(key);
  });
});
