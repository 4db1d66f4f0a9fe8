import { dropDatabase } from '../dist/test-support/test-database.js';

export default async function globalTeardown() {
  if (process.env.TEST_PG_SERVER && process.env.TEST_TEMPLATE_DB) {
    await dropDatabase(process.env.TEST_PG_SERVER, process.env.TEST_TEMPLATE_DB);
  }
  await globalThis.__EMBEDDED_PG__?.stop();
}
