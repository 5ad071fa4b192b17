// Adaptive polling against today's fixed 2-minute cadence on simulated days (FakeClock, the real poller):
// - requests on a day when usage never moves: target ≤ 20 % of fixed;
// - delay before a threshold crossing is seen, on a window that starts climbing after hours of quiet
//   (the worst case: polling has slowed to 30 minutes), over 40 phases: target ≤ 2 min.
// Run: npx tsx bench/adaptive-polling.bench.ts   (last line: `RESULT {json}`)
import { crossingDelayMin, idleDayRequests } from '../test/support/polling-sim';
import { atMost, info, report } from './figures';

const PHASES = 40;

async function worstDelay(mode: 'adaptive' | 'fixed'): Promise<number> {
  let worst = 0;
  // Quiet spells from 4 h to 4 h 40 min in 1-minute-and-a-bit steps: every phase against the schedule.
  for (let i = 0; i < PHASES; i++) worst = Math.max(worst, await crossingDelayMin({ mode }, 240 + i * 1.03));
  return worst;
}

async function main(): Promise<void> {
  const fixedIdle = await idleDayRequests({ mode: 'fixed' });
  const adaptiveIdle = await idleDayRequests({ mode: 'adaptive' });
  const onBattery = await idleDayRequests({ mode: 'adaptive', signals: { onBattery: true } });
  const fixedDelay = await worstDelay('fixed');
  const adaptiveDelay = await worstDelay('adaptive');
  report([
    info('idle day: requests per account, fixed 2 min', fixedIdle, 'requests'),
    info('idle day: requests per account, adaptive', adaptiveIdle, 'requests'),
    atMost('idle day: adaptive requests / fixed', (adaptiveIdle / fixedIdle) * 100, '%', 20),
    info('idle day on battery: requests per account, adaptive', onBattery, 'requests'),
    info('threshold crossing seen after (worst of 40 phases), fixed 2 min', fixedDelay, 'min'),
    atMost('threshold crossing seen after (worst of 40 phases), adaptive', adaptiveDelay, 'min', 2),
  ]);
}

void main();
