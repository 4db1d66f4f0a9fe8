import { dropTemplate } from '../dist/test-support/test-database.js';

export default async function globalTeardown() {
  if (process.env.TEST_PG_SERVER) await dropTemplate(process.env.TEST_PG_SERVER);
  await globalThis.__EMBEDDED_PG__?.stop();
}
