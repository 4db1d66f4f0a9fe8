import {
  certificateCodeSchema,
  formatCertificateCode,
  formatCertificateDate,
  isCertificateCode,
  normaliseCertificateCode,
} from '../certificates/index.js';

const CODE = 'QQCWTGSFMGUGOL6JBYVHCUIUYRWGYNQP';

describe('certificate codes', () => {
  it('prints a code in groups of four and reads it back however it is typed', () => {
    expect(formatCertificateCode(CODE)).toBe('QQCW-TGSF-MGUG-OL6J-BYVH-CUIU-YRWG-YNQP');
    for (const typed of [
      CODE,
      formatCertificateCode(CODE),
      formatCertificateCode(CODE).toLowerCase(),
      ' qqcw tgsf mgug ol6j byvh cuiu yrwg ynqp ',
    ]) {
      expect(normaliseCertificateCode(typed)).toBe(CODE);
      expect(isCertificateCode(typed)).toBe(true);
      expect(certificateCodeSchema.parse(typed)).toBe(CODE);
    }
  });

  it('refuses anything that is not 32 base32 characters', () => {
    for (const bad of [
      '',
      CODE.slice(1),
      `${CODE}A`,
      CODE.replace('Q', '0'),
      CODE.replace('Q', '1'),
      CODE.replace('Q', '!'),
    ]) {
      expect(isCertificateCode(bad)).toBe(false);
      expect(certificateCodeSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('dates a certificate by its day in UTC, whatever the reader’s time zone', () => {
    expect(formatCertificateDate('2026-01-02T23:30:00Z')).toBe('2 January 2026');
    expect(formatCertificateDate('2026-01-03T00:30:00+02:00')).toBe('2 January 2026');
  });
});
