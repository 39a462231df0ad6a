import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '@lianxi/core';
import { openDatabase } from '@lianxi/db';
import { startWorker } from '@lianxi/worker';
import { silent, until } from '../support/wait.js';
import { spawnWorkerProcess } from '../support/worker-process.js';
import {
  countEscalations,
  countHandoffEscalations,
  plantDeadlines,
  plantHandoffs,
} from './deadlines.js';
import { type ChaosStage, openChaosStage } from './stage.js';

let stage: ChaosStage | undefined;
afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadlines under chaos', () => {
  it('Redis FLUSHALL in the middle of 10,000 task and 1,000 hand-off deadlines: none lost, none duplicated', async () => {
    stage = await openChaosStage();
    const count = 10_000;
    const handoffCount = 1000;
    await plantDeadlines(stage.config.databaseUrl, count, new Date(Date.now() + 3000), 4000);
    await plantHandoffs(stage.config.databaseUrl, handoffCount, new Date(Date.now() + 3000), 4000);
    const database = openDatabase(stage.config.databaseUrl, { max: 10 });
    const worker = await startWorker({
      config: stage.config,
      database,
      clock: systemClock,
      log: silent,
      reconcileEveryMs: stage.config.reconcileEveryMs,
    });
    try {
      // deadlines are falling due: Redis loses every timer, job and scheduler it held
      await settle(4500);
      const redis = new Redis(stage.redis.url);
      const before = await countEscalations(stage.config.databaseUrl);
      await redis.flushall();
      redis.disconnect();
      expect(before.escalations).toBeLessThan(count);
      const done = await until(
        async () => {
          await settle(500);
          const c = await countEscalations(stage!.config.databaseUrl);
          const h = await countHandoffEscalations(stage!.config.databaseUrl);
          return c.escalations >= count && h.escalations >= handoffCount ? { c, h } : undefined;
        },
        300_000,
        'every planted deadline escalated',
      );
      await settle(3000); // a duplicate would have landed by now
      const after = await countEscalations(stage.config.databaseUrl);
      const handoffs = await countHandoffEscalations(stage.config.databaseUrl);
      expect(after).toEqual(done.c);
      expect(handoffs).toEqual(done.h);
      expect(handoffs.escalations).toBe(handoffCount);
      expect(handoffs.distinctHandoffs).toBe(handoffCount);
      expect(handoffs.audits).toBe(handoffCount);
      expect(handoffs.notifications).toBe(handoffs.expectedNotifications);
      expect(after.escalations).toBe(count);
      expect(after.distinctTasks).toBe(count);
      expect(after.audits).toBe(count);
      expect(after.notifications).toBe(after.expectedNotifications);
    } finally {
      await worker.close();
      await database.close();
    }
  });

  it('the worker killed with SIGKILL ten times mid-batch: no task or hand-off lost or duplicated', async () => {
    stage = await openChaosStage();
    const count = 2000;
    const handoffCount = 500;
    // falling due over 15 s, longer than any one worker lives, so the kills land mid-work
    // however fast a worker gets through what is due
    await plantDeadlines(stage.config.databaseUrl, count, new Date(Date.now() + 2000), 15_000);
    await plantHandoffs(
      stage.config.databaseUrl,
      handoffCount,
      new Date(Date.now() + 2000),
      15_000,
    );
    const seen: number[] = [];
    for (let kill = 0; kill < 10; kill++) {
      const worker = await spawnWorkerProcess(stage.config);
      await settle(800 + Math.random() * 1200);
      await worker.stop('SIGKILL');
      seen.push((await countEscalations(stage.config.databaseUrl)).escalations);
    }
    // progress was being made while the kills landed, and a last worker finishes the rest
    expect(seen.some((n) => n > 0 && n < count)).toBe(true);
    const last = await spawnWorkerProcess(stage.config);
    try {
      await until(
        async () => {
          await settle(500);
          return (
            (await countEscalations(stage!.config.databaseUrl)).escalations >= count &&
            (await countHandoffEscalations(stage!.config.databaseUrl)).escalations >= handoffCount
          );
        },
        300_000,
        'every deadline escalated after the kills',
      );
      await settle(3000);
    } finally {
      await last.stop('SIGTERM');
    }
    const after = await countEscalations(stage.config.databaseUrl);
    expect(after.escalations).toBe(count);
    expect(after.distinctTasks).toBe(count);
    expect(after.audits).toBe(count);
    expect(after.notifications).toBe(after.expectedNotifications);
    const handoffs = await countHandoffEscalations(stage.config.databaseUrl);
    expect(handoffs.escalations).toBe(handoffCount);
    expect(handoffs.distinctHandoffs).toBe(handoffCount);
    expect(handoffs.audits).toBe(handoffCount);
    expect(handoffs.notifications).toBe(handoffs.expectedNotifications);
  });
});
