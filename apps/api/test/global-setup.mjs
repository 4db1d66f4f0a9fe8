// Runs once before the API test files. Jest loads global setup outside its ESM transform, so
// this plain module uses the compiled database helpers (`nx run api:test` builds them first).
import { createTemplate, startTestServer } from '../dist/test-support/test-database.js';

export default async function globalSetup() {
  const { serverUrl, embedded } = await startTestServer();
  globalThis.__EMBEDDED_PG__ = embedded;
  process.env.TEST_PG_SERVER = serverUrl;
  process.env.TEST_TEMPLATE_DB = await createTemplate(serverUrl);
}
