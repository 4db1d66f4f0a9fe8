import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { TestContext } from './test-app.js';

/** The built web app as the API serves it: precompressed assets, immutable caching, SPA fallback. */
describe('serving the web app', () => {
  let ctx: TestContext;
  let dist: string;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'countersign-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Countersign</title>');
    await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(dist, 'assets/app-abc123.js'), script);
    await writeFile(path.join(dist, 'assets/app-abc123.js.br'), brotliCompressSync(script));
    await writeFile(path.join(dist, 'assets/app-abc123.js.gz'), gzipSync(script));
    ctx = await TestContext.create({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await ctx.close();
    await rm(dist, { recursive: true, force: true });
  });

  const asset = (encoding?: string) => {
    const req = ctx
      .http()
      .get('/assets/app-abc123.js')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return encoding === undefined ? req : req.set('Accept-Encoding', encoding);
  };

  it('serves brotli, else gzip, else the plain file, always with Vary: Accept-Encoding', async () => {
    const br = await asset('gzip, deflate, br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(Number(br.headers['content-length'])).toBeLessThan(script.length / 10);

    const gz = await asset('gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);

    const plain = await asset('identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(String(plain.body)).toBe(script);
  });

  it('caches hashed assets for good, the page never', async () => {
    const res = await asset('br').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await ctx.http().get('/').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<title>Countersign</title>');
    const icon = await ctx.http().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers the app’s own routes with the page, and unknown API paths with a JSON 404', async () => {
    const route = await ctx.http().get('/admin/modules/some-id/edit').expect(200);
    expect(route.headers['content-type']).toMatch(/text\/html/);
    const api = await ctx.http().get('/api/no-such-thing').expect(404);
    expect(api.body).toEqual({
      statusCode: 404,
      code: 'not_found',
      message: 'Cannot GET /api/no-such-thing',
    });
    // SCIM is not the app either: an unknown SCIM path is a 404 in SCIM's shape.
    const scim = await ctx.http().get('/scim/v2/NoSuchThing').expect(404);
    expect(scim.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(scim.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
      detail: expect.any(String),
    });
  });
});
