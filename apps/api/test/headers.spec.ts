import { TestContext, type Client } from './test-app.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('response headers', () => {
  let ctx: TestContext;
  let admin: Client;

  beforeAll(async () => {
    ctx = await TestContext.create();
    admin = await ctx.login((await ctx.newTeam()).admin);
  });
  afterAll(() => ctx.close());

  describe('caching', () => {
    it('tells browsers and proxies not to keep the session (with its CSRF token) or lists of people', async () => {
      for (const url of ['/api/auth/session', '/api/users', '/api/approaches/reports', '/api/progress']) {
        const res = await admin.get(url).expect(200);
        expect({ url, cacheControl: res.headers['cache-control'] }).toEqual({
          url,
          cacheControl: 'no-store',
        });
      }
    });

    it('sends no-store on errors and on answers to writes too', async () => {
      const anonymous = await ctx.http().get('/api/auth/session').expect(401);
      expect(anonymous.headers['cache-control']).toBe('no-store');
      const unknown = await admin.get('/api/nope').expect(404);
      expect(unknown.headers['cache-control']).toBe('no-store');
      const created = await admin
        .post('/api/approaches/reports', { platform: 'Email', replied: false, idempotencyKey: 'headers-1' })
        .expect(201);
      expect(created.headers['cache-control']).toBe('no-store');
    });

    it('leaves the caching a route sets itself: images for a year, screenshots never', async () => {
      const media = await admin
        .post('/api/authoring/media')
        .attach('file', PNG, { filename: 'photo.png', contentType: 'image/png' })
        .expect(201);
      const image = await admin.get((media.body as { url: string }).url).expect(200);
      expect(image.headers['cache-control']).toBe('private, max-age=31536000, immutable');

      const report = await admin
        .post('/api/approaches/reports', { platform: 'Email', replied: false, idempotencyKey: 'headers-2' })
        .expect(201);
      const attachment = await admin
        .post(`/api/approaches/reports/${(report.body as { id: string }).id}/attachments`)
        .attach('file', PNG, { filename: 'screenshot.png', contentType: 'image/png' })
        .expect(201);
      const screenshot = await admin.get((attachment.body as { url: string }).url).expect(200);
      expect(screenshot.headers['cache-control']).toBe('private, no-store');
    });
  });

  describe('Strict-Transport-Security', () => {
    it('is not sent over plain HTTP, nor when an untrusted client claims X-Forwarded-Proto: https', async () => {
      const plain = await ctx.http().get('/api/health').expect(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      // TRUST_PROXY_HOPS=0: nobody in front is believed.
      const claimed = await ctx.http().get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
      // The other helmet headers stay.
      expect(plain.headers['x-content-type-options']).toBe('nosniff');
    });

    it('is sent when a trusted proxy (TRUST_PROXY_HOPS=1) says the request came over HTTPS', async () => {
      const proxied = await TestContext.create({ TRUST_PROXY_HOPS: '1' });
      try {
        const https = await proxied.http().get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
        expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        const http = await proxied.http().get('/api/health').set('X-Forwarded-Proto', 'http').expect(200);
        expect(http.headers['strict-transport-security']).toBeUndefined();
        const unknown = await proxied.http().get('/api/nope').set('X-Forwarded-Proto', 'https').expect(404);
        expect(unknown.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      } finally {
        await proxied.close();
      }
    });
  });
});
