import { isCertificateCode } from '@countersign/contracts/certificates';
import { newCertificateCode } from '../certificate-code.js';
import { certificateFileName } from '../certificate-files.js';

describe('newCertificateCode', () => {
  it('draws 32 base32 characters (160 bits), different every time', () => {
    const codes = Array.from({ length: 2000 }, newCertificateCode);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-7]{32}$/);
      expect(isCertificateCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol of the alphabet turns up in every position over many codes (no stuck bits).
    for (let position = 0; position < 32; position++)
      expect(new Set(codes.map((c) => c[position])).size).toBe(32);
  });
});

describe('certificateFileName', () => {
  it('keeps names readable and strips what no file system accepts', () => {
    expect(
      certificateFileName({
        person: 'Zoë "Z" O/Brien',
        module: 'All expenses: paid?',
        cycle: 2,
        code: 'ABCDEFGH2345',
      }),
    ).toBe('Zoë Z OBrien - All expenses paid (2) - ABCDEFGH.pdf');
    expect(certificateFileName({ person: '\u0000', module: 'M', cycle: 1, code: 'ABCDEFGH' })).toBe(
      'Person - M - ABCDEFGH.pdf',
    );
  });
});
