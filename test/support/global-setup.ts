import { seedDemo, systemClock } from '@lianxi/core';
import { openDatabase, runMigrations } from '@lianxi/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
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
  await seedDemo(database.db, systemClock);
  await database.close();
  project.provide('templateDatabase', template);
  return () => dropDatabase(template);
}
