import { loadConfig, seedDemo, systemClock } from '@lianxi/core';
import { openDatabase } from '@lianxi/db';

/** Seeds the demo conference when the database holds none; does nothing otherwise. */
const config = loadConfig();
const database = openDatabase(config.databaseUrl);
const result = await seedDemo(database.db, systemClock);
console.log(
  result.seeded
    ? '已写入演示联席会议 / demo conference seeded'
    : '已有数据，未重复写入 / already seeded',
);
await database.close();
