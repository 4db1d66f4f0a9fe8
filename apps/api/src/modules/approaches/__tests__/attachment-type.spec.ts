import { contentDisposition, safeFileName, sniffType } from '../attachment-type.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffType', () => {
  it('accepts PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toEqual({
      type: 'image/png',
      accepted: 'image/png',
    });
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)).accepted).toBe('image/jpeg');
    const webp = new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')]);
    expect(sniffType(webp).accepted).toBe('image/webp');
  });

  it('names what other files are, and accepts none of them', () => {
    expect(sniffType(ascii('GIF89a....'))).toEqual({ type: 'image/gif', accepted: null });
    expect(sniffType(ascii('%PDF-1.7\n'))).toEqual({ type: 'application/pdf', accepted: null });
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toEqual({
      type: 'application/zip',
      accepted: null,
    });
    expect(sniffType(ascii('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).type).toBe('image/svg+xml');
    expect(sniffType(ascii('<!DOCTYPE html><p>hi')).type).toBe('text/html');
    expect(sniffType(ascii('just some notes, renamed to .png\n'))).toEqual({
      type: 'text/plain',
      accepted: null,
    });
    expect(sniffType(bytes(0, 1, 2, 3, 0xfe))).toEqual({ type: 'application/octet-stream', accepted: null });
    expect(sniffType(new Uint8Array()).accepted).toBeNull();
  });

  it('is not fooled by a PNG signature that is cut short or a RIFF file that is not WebP', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47)).accepted).toBeNull();
    expect(sniffType(new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')])).accepted).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps the last path segment, strips control and quote characters, and uses the real extension', () => {
    expect(safeFileName('C:\\Users\\me\\Desktop\\chat.png', 'image/png')).toBe('chat.png');
    expect(safeFileName('../../etc/passwd', 'image/jpeg')).toBe('passwd.jpg');
    expect(safeFileName('evil"\r\nX-Header: 1.png', 'image/png')).toBe('evilX-Header 1.png');
    expect(safeFileName('photo.JPG', 'image/webp')).toBe('photo.webp');
    expect(safeFileName('', 'image/png')).toBe('screenshot.png');
    expect(safeFileName(undefined, 'image/png')).toBe('screenshot.png');
    expect(safeFileName(`${'a'.repeat(500)}.png`, 'image/png')).toHaveLength(184);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('inline', 'chat.png')).toBe(
      `inline; filename="chat.png"; filename*=UTF-8''chat.png`,
    );
    expect(contentDisposition('attachment', 'Prüfung (1).png')).toBe(
      `attachment; filename="Pr_fung (1).png"; filename*=UTF-8''Pr%C3%BCfung%20%281%29.png`,
    );
  });
});
