import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import type { BenchDatabase } from '../shared/bench-database';
import { progress } from '../shared/report';
import { seededRandom } from '../shared/seeded-random';
import { type MemorySample, sampleMemory } from './memory-sampler';
import { type Persona, VirtualUser } from './personas';
import { type ErrorSample, type KindFigures, Recorder } from './recorder';
import { type Person, seedCrm } from './seed';
import { startServerProcess } from './server-process';
import { Session } from './session';

export interface LoadOptions {
  users: number;
  seconds: number;
  customers: number;
  /** Mean pause between a user's steps; each pause is drawn between half and one and a half of it. */
  thinkMs: number;
  /** The time series' step: a minute in the real run, a few seconds in a smoke check. */
  windowSeconds: number;
  sampleEveryMs: number;
  /** Scale of the demo's own sample records (1 as a first start installs them). */
  demoScale?: number;
}

export interface LoadResult {
  options: LoadOptions;
  personas: Record<Persona, number>;
  kinds: KindFigures[];
  windows: ReturnType<Recorder['byWindow']>;
  memory: MemorySample[];
  tallies: Record<string, number>;
  errorSamples: ErrorSample[];
  seconds: number;
  serverExitCode: number | null;
  serverOutput: string;
  serverWarnings: Record<string, number>;
  loadAverage: { start: number; end: number };
}

/** How many sessions of each persona `users` makes: mostly reps, a few of everyone else (at least one each, two managers for the two departments). */
export function personaMix(users: number): Record<Persona, number> {
  const share = (fraction: number, least: number) => Math.max(least, Math.round(users * fraction));
  const others = { admin: share(0.04, 1), director: share(0.02, 1), manager: share(0.06, 2), finance: share(0.04, 1), legal: share(0.03, 1) };
  const rep = users - Object.values(others).reduce((a, b) => a + b, 0);
  if (rep < 2) throw new Error(`at least 8 users are needed for the mix (got ${users})`);
  return { rep, ...others };
}

/** The sign-in of each session: every rep session its own rep; the others share their few people (distinct sessions). */
function assign(people: Person[], mix: Record<Persona, number>): Person[] {
  return (Object.entries(mix) as Array<[Persona, number]>).flatMap(([persona, count]) => {
    const candidates = people.filter((p) => p.persona === persona);
    if (persona === 'rep' && candidates.length < count) throw new Error(`${count} rep sessions but ${candidates.length} reps`);
    return Array.from({ length: count }, (_, k) => candidates[k % candidates.length]!);
  });
}

async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < items.length; from += size) await Promise.all(items.slice(from, from + size).map((item, k) => work(item, from + k)));
}

/**
 * The load and soak run: the demo CRM seeded into `database`, the real server process on it, and
 * `users` virtual users signed in as the demo's people, each stepping through its persona's mix
 * with think time for `seconds`, while the server's memory is sampled. Stops the server after.
 */
export async function runLoad(database: BenchDatabase, options: LoadOptions): Promise<LoadResult> {
  const mix = personaMix(options.users);
  const seeded = await seedCrm(database, { customers: options.customers, reps: mix.rep, demoScale: options.demoScale ?? 1 });
  progress('  starting the server process');
  const server = await startServerProcess(database.url);
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: options.users });
  try {
    const recorder = new Recorder(options.windowSeconds);
    const signIns = assign(seeded.people, mix);
    progress(`  signing in ${signIns.length} sessions`);
    const users: VirtualUser[] = [];
    await inBatches(signIns, 8, async (person, index) => {
      const session = new Session(server.base, agent, recorder);
      await session.signIn(person.email, person.password);
      users[index] = new VirtualUser(person.persona, session, seededRandom(1000 + index), (name, n) => recorder.tally(name, n), `u${index}`);
    });

    const loadStart = loadavg()[0]!;
    progress(`  ${users.length} users for ${options.seconds} s (load average ${loadStart.toFixed(1)})`);
    const started = performance.now();
    recorder.begin();
    const memory = sampleMemory(server, () => recorder.secondsSinceStart(), options.sampleEveryMs);
    const deadline = started + options.seconds * 1000;
    const think = (random: () => number) => options.thinkMs * (0.5 + random());
    await Promise.all(
      users.map(async (user, index) => {
        const random = seededRandom(5000 + index);
        await sleep(random() * options.thinkMs); // users arrive over the first pause, not all in one instant
        await user.openApp();
        // The first round is finished even past the deadline, so every kind is exercised.
        for (const step of user.firstRound()) {
          await sleep(think(random));
          await user.run(step);
        }
        while (performance.now() < deadline) {
          await sleep(Math.min(think(random), Math.max(0, deadline - performance.now())));
          if (performance.now() >= deadline) break;
          await user.run(user.nextStep());
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const samples = await memory.stop();
    const loadEnd = loadavg()[0]!;
    return {
      options,
      personas: mix,
      kinds: recorder.kinds(),
      windows: recorder.byWindow(),
      memory: samples,
      tallies: Object.fromEntries(recorder.tallies),
      errorSamples: recorder.errorSamples,
      seconds,
      serverExitCode: await server.stop(),
      serverOutput: server.output(),
      serverWarnings: Object.fromEntries(server.warnings()),
      loadAverage: { start: loadStart, end: loadEnd },
    };
  } finally {
    await agent.close();
    await server.stop();
  }
}
