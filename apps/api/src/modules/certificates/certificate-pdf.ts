import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  formatCertificateCode,
  formatCertificateDate as certificateDate,
} from '@countersign/contracts/certificates';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** What a certificate states: exactly the facts the verify page confirms. */
export interface CertificateFacts {
  code: string;
  organisation: string;
  person: string;
  module: string;
  version: number;
  completedAt: Date;
  scorePercent: number;
  /** Set when the certificate has been revoked: the PDF says so across its face. */
  revokedAt: Date | null;
}

/**
 * DejaVu Sans (a runtime dependency of the API, dejavu-fonts-ttf) covers Latin, Greek, Cyrillic,
 * Armenian, Georgian and Hebrew, so names such as "Łukasz Żółć", "Ἀλέξανδρος" or "Юлия" print as
 * written. pdfkit embeds only the glyphs used. Its standard Helvetica would turn anything beyond
 * Windows-1252 into garbage. Scripts DejaVu lacks (Chinese, Japanese, Korean, Indic) are not
 * covered: those characters print as empty boxes.
 */
const require = createRequire(import.meta.url);
/**
 * Parsed once per process with fontkit (pdfkit's own font engine) and shared by every document:
 * parsing the 750 kB font files per certificate cost most of its time, and a zip makes many.
 */
const fonts = (() => {
  let parsed: { regular: unknown; bold: unknown } | undefined;
  return () =>
    (parsed ??= {
      regular: fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
      bold: fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
    });
})();

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#1c5d99';
const REVOKED = '#b42318';

/**
 * The certificate as a PDF stream (A4 landscape). The caller pipes it on; it ends by itself.
 * `verifyUrl` is the public address of the verify page for this code (also in the QR code).
 */
export function renderCertificate(facts: CertificateFacts, verifyUrl: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `Certificate: ${facts.module} — ${facts.person}`,
      Author: facts.organisation,
      Subject: `Verification code ${facts.code}`,
      Creator: 'Countersign',
    },
  });
  // pdfkit takes a parsed fontkit font as a source (typed as file or bytes only).
  doc.registerFont('Regular', fonts().regular as Buffer);
  doc.registerFont('Bold', fonts().bold as Buffer);
  const { width, height } = doc.page;

  // A double frame.
  doc
    .lineWidth(3)
    .rect(24, 24, width - 48, height - 48)
    .stroke(ACCENT);
  doc
    .lineWidth(0.75)
    .rect(34, 34, width - 68, height - 68)
    .stroke(ACCENT);

  const left = 80;
  const column = width - 2 * left;
  const centred = (text: string, y: number, font: string, size: number, color: string) => {
    doc.font(font).fontSize(size).fillColor(color).text(text, left, y, { width: column, align: 'center' });
    return doc.y;
  };

  let y = centred(facts.organisation, 92, 'Bold', 16, MUTED);
  y = centred('Certificate of completion', y + 18, 'Bold', 34, INK);
  doc
    .moveTo(width / 2 - 60, y + 12)
    .lineTo(width / 2 + 60, y + 12)
    .lineWidth(1.5)
    .stroke(ACCENT);
  y = centred('This certifies that', y + 30, 'Regular', 13, MUTED);
  y = centred(facts.person, y + 8, 'Bold', 28, INK);
  y = centred('has completed the training module', y + 10, 'Regular', 13, MUTED);
  y = centred(facts.module, y + 8, 'Bold', 20, INK);
  y = centred(
    `Version ${facts.version}  ·  Completed on ${certificateDate(facts.completedAt)}  ·  Score ${facts.scorePercent}%`,
    y + 14,
    'Regular',
    13,
    INK,
  );

  if (facts.revokedAt) {
    centred(
      `REVOKED on ${certificateDate(facts.revokedAt)}: this certificate is no longer valid.`,
      y + 14,
      'Bold',
      14,
      REVOKED,
    );
  }

  // Verification, bottom left; the QR code, bottom right.
  const qrSize = 100;
  const bottom = height - 60;
  const qrX = width - left - qrSize;
  const qrY = bottom - qrSize;
  drawQrCode(doc, verifyUrl, qrX, qrY, qrSize);
  const textWidth = qrX - left - 24;
  doc
    .font('Bold')
    .fontSize(10)
    .fillColor(MUTED)
    .text('Verification code', left, qrY + 6, { width: textWidth });
  doc
    .font('Bold')
    .fontSize(14)
    .fillColor(INK)
    .text(formatCertificateCode(facts.code), left, doc.y + 4, { width: textWidth });
  doc
    .font('Regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text('Anyone can check this certificate, without signing in, at', left, doc.y + 8, { width: textWidth });
  doc
    .font('Regular')
    .fontSize(10)
    .fillColor(ACCENT)
    .text(verifyUrl, left, doc.y + 2, {
      width: textWidth,
      link: verifyUrl,
    });

  doc.end();
  return doc;
}

/**
 * The QR code of `text` drawn as vector squares (qrcode computes the matrix): sharp at any print
 * size and cheaper than encoding, embedding and decoding a PNG per certificate.
 */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // Slightly oversized cells so that neighbours overlap instead of leaving hairline gaps.
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}
