import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { MAX_MEDIA_BYTES, type MediaAsset } from '@countersign/contracts/media';
import sharp from 'sharp';
import type request from 'supertest';
import { type Client, TestContext } from './test-app.js';

/** Images made on the spot: a photo-like gradient is more realistic than a flat colour. */
function picture(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 128;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A PNG whose header claims `width` × `height` pixels (the data is a 1×1 image). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await picture(1, 1).png().toBuffer());
  // Signature (8), IHDR length (4), type (4), then width and height; the CRC covers type + data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('media: authored images, checked by content, re-encoded, scoped to the organisation', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  async function setUp() {
    const team = await ctx.newTeam();
    const [admin, officer, employee] = await Promise.all([
      ctx.login(team.admin),
      ctx.login(team.officer),
      ctx.login(team.employee),
    ]);
    return { ...team, as: { admin, officer, employee } };
  }

  const upload = (client: Client, data: Buffer, filename = 'photo.png', contentType = 'image/png') =>
    client.post('/api/authoring/media').attach('file', data, { filename, contentType });

  const binary = (req: request.Test) =>
    req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  async function stored(id: string) {
    const [row] = await ctx.dataSource.query<
      {
        organisation_id: string;
        content_type: string;
        width: number;
        height: number;
        bytes: number;
        sha256: string;
        created_by: string;
        data: Buffer;
      }[]
    >(
      `SELECT a.organisation_id, a.content_type, a.width, a.height, a.bytes, a.sha256, a.created_by, c.data
         FROM media_asset a JOIN media_asset_content c ON c.asset_id = a.id WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  it('accepts PNG, JPEG and WebP, re-encodes them in their own format and caps the longest side', async () => {
    const { as, org } = await setUp();
    const cases = [
      {
        data: await picture(2400, 1200).png().toBuffer(),
        type: 'image/png',
        format: 'png',
        size: [1600, 800],
      },
      {
        data: await picture(900, 1800).jpeg().toBuffer(),
        type: 'image/jpeg',
        format: 'jpeg',
        size: [800, 1600],
      },
      // Small images are never enlarged.
      { data: await picture(120, 80).webp().toBuffer(), type: 'image/webp', format: 'webp', size: [120, 80] },
    ];
    for (const c of cases) {
      const res = await upload(as.admin, c.data, `upload.${c.format}`, c.type).expect(201);
      const asset = res.body as MediaAsset;
      expect(asset).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        url: `/api/media/${asset.id}`,
        contentType: c.type,
        width: c.size[0],
        height: c.size[1],
        bytes: expect.any(Number),
        createdAt: expect.any(String),
      });
      const row = (await stored(asset.id))!;
      expect(row).toMatchObject({
        organisation_id: org.id,
        content_type: c.type,
        width: c.size[0],
        height: c.size[1],
        bytes: asset.bytes,
        created_by: as.admin.user.id,
      });
      expect(row.data.length).toBe(asset.bytes);
      expect(row.sha256).toBe(sha256(row.data));
      const meta = await sharp(row.data).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: c.format,
        width: c.size[0],
        height: c.size[1],
      });
    }
  });

  it('strips EXIF (GPS position, author) and applies the orientation to the pixels', async () => {
    const { as } = await setUp();
    const jpeg = await picture(300, 200)
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Field agent', Copyright: 'Secret' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 30/1 0/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '0/1 7/1 0/1',
        },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif!.toString('latin1')).toContain('Field agent');
    expect(before.orientation).toBe(6);

    const asset = (await upload(as.admin, jpeg, 'phone.jpg', 'image/jpeg').expect(201)).body as MediaAsset;
    // Orientation 6 is "rotate 90°": the stored image is upright, portrait.
    expect({ width: asset.width, height: asset.height }).toEqual({ width: 200, height: 300 });
    const served = (await binary(as.employee.get(asset.url)).expect(200)).body as Buffer;
    const after = await sharp(served).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(served.toString('latin1')).not.toMatch(/Field agent|Secret|Exif/);
  });

  it('keeps only the pixels of a file with something hidden after the image', async () => {
    const { as } = await setUp();
    const png = await picture(40, 40).png().toBuffer();
    const polyglot = Buffer.concat([png, Buffer.from('<script>alert(1)</script><html><body>hi')]);
    const asset = (await upload(as.admin, polyglot).expect(201)).body as MediaAsset;
    const row = (await stored(asset.id))!;
    expect(row.data.toString('latin1')).not.toContain('<script>');
  });

  it('answers with the same asset when the same image is uploaded again in the organisation', async () => {
    const { as } = await setUp();
    const png = await picture(64, 48).png().toBuffer();
    const first = (await upload(as.admin, png).expect(201)).body as MediaAsset;
    const again = (await upload(as.admin, png, 'renamed.png').expect(201)).body as MediaAsset;
    expect(again).toEqual(first);
    // Another organisation gets its own copy.
    const other = await setUp();
    const theirs = (await upload(other.as.admin, png).expect(201)).body as MediaAsset;
    expect(theirs.id).not.toBe(first.id);
    const [{ n }] = await ctx.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM media_asset WHERE id = ANY($1::uuid[])`,
      [[first.id, theirs.id]],
    );
    expect(n).toBe(2);
  });

  it('refuses a file over 2 MB with 413 file_too_large', async () => {
    const { as } = await setUp();
    const png = await picture(16, 16).png().toBuffer();
    const big = Buffer.concat([png, Buffer.alloc(MAX_MEDIA_BYTES + 1 - png.length, 7)]);
    const res = await upload(as.admin, big).expect(413);
    expect(res.body).toMatchObject({
      statusCode: 413,
      code: 'file_too_large',
      details: [{ field: 'file', message: 'must be at most 2 MB' }],
    });
  });

  it('refuses what is not a PNG, JPEG or WebP, whatever its name and declared type, naming what it is', async () => {
    const { as } = await setUp();
    const gif = await picture(10, 10).gif().toBuffer();
    const cases: [Buffer, string, string][] = [
      [gif, 'anim.gif', 'image/gif'],
      [Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), 'cv.pdf', 'application/pdf'],
      [Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'photo.png', 'text/html'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'),
        'photo.png',
        'image/svg+xml',
      ],
    ];
    for (const [data, filename, detected] of cases) {
      const res = await upload(as.admin, data, filename, 'image/png').expect(415);
      expect(res.body).toMatchObject({
        statusCode: 415,
        code: 'unsupported_image_type',
        details: { field: 'file', detectedType: detected },
      });
      expect(res.body.message).toContain(detected);
    }
    const [{ n }] = await ctx.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM media_asset WHERE organisation_id = $1`,
      [as.admin.user.organisationId],
    );
    expect(n).toBe(0);
  });

  it('refuses a damaged image, and one whose size in pixels would exhaust memory, with 422 invalid_image', async () => {
    const { as } = await setUp();
    const jpeg = await picture(200, 200).jpeg().toBuffer();
    const broken = [
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]),
      jpeg.subarray(0, jpeg.length / 2),
      await pngClaiming(30_000, 30_000),
    ];
    const messages: string[] = [];
    for (const data of broken) {
      const res = await upload(as.admin, data).expect(422);
      expect(res.body).toMatchObject({ code: 'invalid_image', details: [{ field: 'file' }] });
      messages.push(res.body.message as string);
    }
    expect(messages[2]).toContain('million pixels');
  });

  it('explains a missing file, a wrong field name and a body that is not multipart', async () => {
    const { as } = await setUp();
    const png = await picture(8, 8).png().toBuffer();
    const none = await as.admin.post('/api/authoring/media').field('note', 'x').expect(400);
    expect(none.body).toMatchObject({ code: 'file_required', details: [{ field: 'file' }] });
    const wrongField = await as.admin
      .post('/api/authoring/media')
      .attach('photo', png, { filename: 'a.png', contentType: 'image/png' })
      .expect(400);
    expect(wrongField.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
    const empty = await upload(as.admin, Buffer.alloc(0)).expect(400);
    expect(empty.body.code).toBe('file_required');
    await as.admin.post('/api/authoring/media').set('Content-Type', 'text/plain').send('hello').expect(415);
  });

  it('needs modules:author to upload and the CSRF header, while every role may view', async () => {
    const { as } = await setUp();
    const png = await picture(20, 20).png().toBuffer();
    for (const client of [as.employee, as.officer]) {
      expect((await upload(client, png).expect(403)).body.code).toBe('forbidden');
    }
    await ctx
      .http()
      .post('/api/authoring/media')
      .attach('file', png, { filename: 'a.png', contentType: 'image/png' })
      .expect(401);
    const noCsrf = await upload(as.admin, png).unset('X-CSRF-Token').expect(403);
    expect(noCsrf.body.code).toBe('csrf_failed');

    const asset = (await upload(as.admin, png).expect(201)).body as MediaAsset;
    for (const client of [as.employee, as.officer, as.admin]) await binary(client.get(asset.url)).expect(200);
  });

  it('serves the image inert and cacheable: type, nosniff, inline, immutable, sandboxing CSP, ETag', async () => {
    const { as } = await setUp();
    const png = await picture(50, 30).png().toBuffer();
    const asset = (await upload(as.admin, png).expect(201)).body as MediaAsset;
    const row = (await stored(asset.id))!;
    const res = await binary(as.employee.get(asset.url)).expect(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(asset.bytes),
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'cache-control': 'private, max-age=31536000, immutable',
      'content-security-policy': "default-src 'none'; sandbox",
      etag: `"${row.sha256}"`,
    });
    expect(Buffer.compare(res.body as Buffer, row.data)).toBe(0);

    const cached = await as.employee.get(asset.url).set('If-None-Match', `"${row.sha256}"`).expect(304);
    expect(cached.headers.etag).toBe(`"${row.sha256}"`);
    expect(cached.text ?? '').toBe('');
  });

  it("answers 404 for another organisation's image and for unknown ids, 400 for a malformed id", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const png = await picture(12, 12).png().toBuffer();
    const asset = (await upload(theirs.as.admin, png).expect(201)).body as MediaAsset;
    for (const client of [mine.as.employee, mine.as.admin]) {
      const res = await client.get(asset.url).expect(404);
      expect(res.body).toMatchObject({ code: 'not_found' });
    }
    await mine.as.admin.get('/api/media/00000000-0000-4000-8000-000000000000').expect(404);
    const bad = await mine.as.admin.get('/api/media/not-a-uuid').expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'mediaId' })]);
  });
});
