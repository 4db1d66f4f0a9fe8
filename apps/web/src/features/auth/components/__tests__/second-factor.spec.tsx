import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { recoveryCodesFile } from '../../api/second-factor';
import { EnrolmentSteps, groupedSecret } from '../enrolment-steps';
import { RecoveryCodesPanel } from '../recovery-codes-panel';

const wrap = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      {node}
    </MantineProvider>,
  );

const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pq${String(i).padStart(2, '2')}`);

describe('second-factor enrolment', () => {
  it('shows the key in groups of four for typing by hand', () => {
    expect(groupedSecret('KRYATQ27DCGAZESNYCOIAZUEEK6EYUUS')).toBe('KRYA TQ27 DCGA ZESN YCOI AZUE EK6E YUUS');
    expect(groupedSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('shows the QR code with a text alternative and the key', () => {
    const html = wrap(
      <EnrolmentSteps
        start={{
          otpauthUri: 'otpauth://totp/Countersign:a%40b.test?secret=ABCDEFGH',
          qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
          secret: 'ABCDEFGH',
          issuer: 'Countersign',
          account: 'a@b.test',
        }}
        onConfirm={() => {}}
        pending={false}
        error={null}
      />,
    );
    expect(html).toContain('alt="QR code to add a@b.test to an authenticator app"');
    expect(html).toContain('ABCD EFGH');
    expect(html).toContain('6-digit code');
  });

  it('lists the recovery codes and keeps "Continue" off until they are saved', () => {
    const html = wrap(<RecoveryCodesPanel codes={CODES} account="a@b.test" onDone={() => {}} />);
    for (const code of CODES) expect(html).toContain(code);
    expect(html).toContain('I have saved my recovery codes somewhere safe');
    expect(html).toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>).)*Continue/);
  });

  it('writes the codes to a text file that says what they are', () => {
    const text = recoveryCodesFile(CODES, 'a@b.test');
    expect(text).toContain('Countersign recovery codes for a@b.test');
    expect(text.split('\n').filter((line) => CODES.includes(line))).toHaveLength(10);
  });
});
