import { seedDemo } from '@lianxi/core';
import { openDatabase, runMigrations } from '@lianxi/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TestClock } from './clock.js';
import { adminQuery, databaseUrl, dropDatabase } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates and seeds one template database per run; every test file clones it. */
export default async function setup(project: TestProject) {
  const template = `lianxi_tpl_${process.pid}`;
  await dropDatabase(template);
  await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  await runMigrations(databaseUrl(template));
  const database = openDatabase(databaseUrl(template));
  // seeded as of the run's start, so a pinned TEST_NOW finds the conference already there
  await seedDemo(database.db, new TestClock());
  await database.close();
  project.provide('templateDatabase', template);
  return () => dropDatabase(template);
}
