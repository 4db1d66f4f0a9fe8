import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import type QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { Clock } from '../../common/clock.js';
import { DomainError, notFound } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { openReadSnapshot, type ReadSnapshot } from '../../database/read-snapshot.js';

export interface ComplianceReportRequest {
  departmentId?: string;
  /** YYYY-MM-DD (UTC); today when absent. */
  date?: string;
}

/** What the report's header and figures say. */
interface Facts {
  organisation: string;
  department: string | null;
  actor: { name: string; email: string };
  counts: Record<Standing | 'required', number>;
}

/** Where an assignment stood at the end of the report's day. */
type Standing = 'overdue' | 'pending' | 'completed';

interface ReportRow {
  standing: Standing;
  name: string;
  email: string;
  department: string | null;
  module: string;
  due_date: string;
  completed_at: Date | null;
  /** completed_at's calendar day in UTC, to say "late". */
  completed_on: string | null;
  version: number | null;
  score: number | null;
}

const SECTIONS: { standing: Standing; title: string }[] = [
  { standing: 'overdue', title: 'Overdue' },
  { standing: 'pending', title: 'Required, not yet due' },
  { standing: 'completed', title: 'Completed' },
];

/**
 * The assignments an organisation (or one department) required on a day, as the records say:
 * - required: the assignment existed by then (`created_at`) and was the person's current cycle
 *   then (not yet `superseded_at`), and the person was on staff then: the last deactivation or
 *   reactivation in the audit log before that moment says so (a person with none before it was
 *   on staff if the first one after it is a deactivation, or, with none at all, if active now);
 * - completed: its completion happened by then (`completion.completed_at`), with that version and
 *   score;
 * - overdue: not completed by then, and the due date is before the day.
 * The moment is the end of the day (UTC), or now for today. Approximations: a person's department
 * is the one they are in now; an assignment that was deleted (withdrawn by a rule before anyone
 * started it) is not in the records any more, so it is not in a report of the past either.
 */
const REQUIRED = `
  FROM assignment a
  JOIN app_user u ON u.id = a.user_id AND u.organisation_id = a.organisation_id
  JOIN training_module m ON m.id = a.module_id
  LEFT JOIN completion c ON c.assignment_id = a.id AND c.completed_at < $2
  LEFT JOIN module_version v ON v.id = c.module_version_id
  LEFT JOIN department d ON d.id = u.department_id
 WHERE a.organisation_id = $1
   AND a.created_at < $2
   AND (a.superseded_at IS NULL OR a.superseded_at >= $2)
   AND ($4::uuid IS NULL OR u.department_id = $4)
   AND COALESCE(
         (SELECT e.action = 'person.reactivated' FROM audit_event e
           WHERE e.organisation_id = $1 AND e.subject_id = u.id AND e.at < $2
             AND e.action IN ('person.deactivated', 'person.reactivated')
           ORDER BY e.at DESC, e.id DESC LIMIT 1),
         (SELECT e.action = 'person.deactivated' FROM audit_event e
           WHERE e.organisation_id = $1 AND e.subject_id = u.id AND e.at >= $2
             AND e.action IN ('person.deactivated', 'person.reactivated')
           ORDER BY e.at, e.id LIMIT 1),
         u.active)`;

const STANDING = `CASE WHEN c.id IS NOT NULL THEN 'completed' WHEN a.due_date < $3::date THEN 'overdue' ELSE 'pending' END`;

// Layout: A4 landscape, points. The columns fill the width between the margins (769.89).
const PAGE = { width: 841.89, height: 595.28, margin: 36 };
const ROW_HEIGHT = 14;
const FOOTER_HEIGHT = 20;
const COLUMNS: { title: string; width: number }[] = [
  { title: 'Person', width: 130 },
  { title: 'Email', width: 140 },
  { title: 'Department', width: 95 },
  { title: 'Module', width: 118 },
  { title: 'Due', width: 60 },
  { title: 'Status', width: 78 },
  { title: 'Completed (UTC)', width: 76 },
  { title: 'Version', width: 38 },
  { title: 'Score', width: 34 },
];

/**
 * Rows per page are fixed (cells are cut to one line), so the number of pages is known before the
 * first is drawn ("Page 3 of 12") without holding every page in memory: `Slots` is run once over
 * the section sizes to count, then again to place each line.
 */
class Slots {
  page = 1;
  private used = 0;
  private limit: number;
  constructor(
    first: number,
    private readonly capacity: number,
    private readonly onNewPage: (page: number) => void = () => undefined,
  ) {
    this.limit = first;
  }
  /** The slot (line of the page's table) of the next line; a section heading asks for room for itself and a row. */
  take(room = 1): number {
    if (this.limit - this.used < room) {
      this.page++;
      this.used = 0;
      this.limit = this.capacity;
      this.onNewPage(this.page);
    }
    return this.used++;
  }
}

/** pdfkit does not wait for its reader: drawing pauses while this much is still unread. */
const UNREAD_LIMIT = 4 * 1024 * 1024;

@Injectable()
export class ComplianceReportService {
  private readonly logger = new Logger(ComplianceReportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the request, counts, records the report in the audit log (`compliance.report-exported`,
   * with the department, the day and the figures, in its own transaction: a report that was asked
   * for is the audited fact) and returns the PDF as a stream, drawn from a database cursor.
   */
  async pdf(
    auth: AuthContext,
    request: ComplianceReportRequest,
  ): Promise<{ stream: Readable; fileName: string }> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const date = request.date ?? today;
    if (date > today) {
      throw new DomainError(400, 'validation_failed', 'The report date cannot be in the future.', [
        { field: 'date', message: `must be today (${today}) or earlier` },
      ]);
    }
    const endOfDay = new Date(`${date}T00:00:00.000Z`);
    endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
    const asOf = date === today ? now : endOfDay;
    const params = [auth.organisationId, asOf.toISOString(), date, request.departmentId ?? null];

    // One snapshot for the figures and every row, so the counts, the sections and "Page n of N"
    // agree with the rows drawn whatever changes meanwhile.
    const snapshot = await openReadSnapshot(this.dataSource);
    let facts: Facts;
    try {
      facts = await this.facts(snapshot, auth, request.departmentId, params);
    } catch (error) {
      await snapshot.finish();
      throw error;
    }
    try {
      await this.dataSource.transaction((tx) =>
        this.audit.record(tx, {
          organisationId: auth.organisationId,
          actorId: auth.userId,
          action: 'compliance.report-exported',
          subjectType: 'progress_report',
          subjectId: null,
          details: {
            format: 'pdf',
            departmentId: request.departmentId ?? null,
            date,
            required: facts.counts.required,
            completed: facts.counts.completed,
            overdue: facts.counts.overdue,
          },
        }),
      );
    } catch (error) {
      await snapshot.finish();
      throw error;
    }

    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      // The layout keeps its own bottom margin; pdfkit's is small so it never adds a page by itself.
      margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 8 },
      bufferPages: false,
      info: {
        Title: `Compliance report ${facts.department ?? facts.organisation} as of ${date}`,
        Author: `${facts.actor.name} <${facts.actor.email}>`,
        Creator: 'Countersign',
        CreationDate: now,
      },
    });
    const stream = doc as unknown as Readable;
    void this.draw(doc, stream, snapshot, facts, { date, now, params }).catch((error: Error) => {
      this.logger.warn(`compliance report stopped: ${error.message}`);
      void snapshot.finish(error);
      stream.destroy(error);
    });
    return {
      stream,
      fileName: `compliance-${date}${facts.department ? `-${facts.department}` : ''}.pdf`,
    };
  }

  /** The organisation, department and caller by name, and the figures; 404 for a department not here. */
  private async facts(
    snapshot: ReadSnapshot,
    auth: AuthContext,
    departmentId: string | undefined,
    params: unknown[],
  ): Promise<Facts> {
    const [organisation] = await snapshot.query<{ name: string }>(
      `SELECT name FROM organisation WHERE id = $1`,
      [auth.organisationId],
    );
    let department: string | null = null;
    if (departmentId) {
      const [row] = await snapshot.query<{ name: string }>(
        `SELECT name FROM department WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, departmentId],
      );
      if (!row) throw notFound('The department');
      department = row.name;
    }
    const [actor] = await snapshot.query<{ name: string; email: string }>(
      `SELECT name, email FROM app_user WHERE id = $1`,
      [auth.userId],
    );
    const [counts] = await snapshot.query<Record<Standing | 'required', number>>(
      `SELECT count(*)::int AS required,
              count(*) FILTER (WHERE ${STANDING} = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${STANDING} = 'overdue')::int AS overdue,
              count(*) FILTER (WHERE ${STANDING} = 'pending')::int AS pending
         ${REQUIRED}`,
      params,
    );
    return { organisation: organisation!.name, department, actor: actor!, counts: counts! };
  }

  private async draw(
    doc: PDFKit.PDFDocument,
    stream: Readable,
    snapshot: ReadSnapshot,
    facts: Facts,
    { date, now, params }: { date: string; now: Date; params: unknown[] },
  ): Promise<void> {
    const left = PAGE.margin;
    const right = PAGE.width - PAGE.margin;
    const bottom = PAGE.height - PAGE.margin - FOOTER_HEIGHT;
    const { counts } = facts;
    const rate = counts.required ? Math.round((1000 * counts.completed) / counts.required) / 10 : 0;

    // Page 1: header and summary.
    doc.font('Helvetica-Bold').fontSize(18).text('Training compliance report', left, PAGE.margin);
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
    const meta: [string, string][] = [
      ['Organisation', facts.organisation],
      ['Department', facts.department ?? 'Whole organisation'],
      [
        'As of',
        date === now.toISOString().slice(0, 10)
          ? `${date} (today, as the records stand at the time of generation)`
          : `${date} (as the records stood at the end of that day, UTC)`,
      ],
      [
        'Generated',
        `${now.toISOString().replace('T', ' ').slice(0, 19)} UTC by ${facts.actor.name} <${facts.actor.email}>`,
      ],
    ];
    for (const [label, value] of meta) {
      const y = doc.y;
      doc.font('Helvetica-Bold').text(`${label}:`, left, y, { width: 90 });
      doc.font('Helvetica').text(clean(value), left + 90, y, { width: right - left - 90 });
    }
    doc.moveDown(0.8);
    const figures: [string, string][] = [
      ['Required', String(counts.required)],
      ['Completed', String(counts.completed)],
      ['Overdue', String(counts.overdue)],
      ['Not yet due', String(counts.pending)],
      ['Completion rate', `${rate}%`],
    ];
    const boxTop = doc.y;
    const boxWidth = (right - left) / figures.length;
    figures.forEach(([label, value], i) => {
      const x = left + i * boxWidth;
      doc
        .rect(x + 2, boxTop, boxWidth - 4, 44)
        .strokeColor('#c9ced6')
        .stroke();
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor('#444')
        .text(label, x + 10, boxTop + 7, { width: boxWidth - 20 });
      doc
        .font('Helvetica-Bold')
        .fontSize(16)
        .fillColor('#000')
        .text(value, x + 10, boxTop + 20, { width: boxWidth - 20 });
    });
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text(
      'Required: assignments that existed on that day and were the current cycle then, of people on staff then. ' +
        'Completed: completed by the end of that day. Overdue: not completed by then and due before that day. ' +
        "Departments are people's current departments.",
      left,
      boxTop + 52,
      { width: right - left },
    );
    doc.fillColor('#000');
    const firstTop = doc.y + 10;

    const rowsOn = (top: number) => Math.floor((bottom - top - ROW_HEIGHT) / ROW_HEIGHT);
    const firstRows = rowsOn(firstTop);
    const otherRows = rowsOn(PAGE.margin);
    const sizes = SECTIONS.map((s) => counts[s.standing]);
    const dry = new Slots(firstRows, otherRows);
    for (const n of sizes) {
      if (!n) continue;
      dry.take(2);
      for (let i = 0; i < n; i++) dry.take();
    }
    const pages = counts.required ? dry.page : 1;

    const footer = (page: number) => {
      doc.font('Helvetica').fontSize(8).fillColor('#444');
      const y = PAGE.height - PAGE.margin - 10;
      doc.text(
        clean(`${facts.organisation} · ${facts.department ?? 'Whole organisation'} · as of ${date}`),
        left,
        y,
        { width: 500, lineBreak: false },
      );
      doc.text(`Page ${page} of ${pages}`, right - 100, y, { width: 100, align: 'right', lineBreak: false });
      doc.fillColor('#000');
    };
    let top = firstTop;
    const tableHeader = () => {
      doc.rect(left, top, right - left, ROW_HEIGHT).fill('#e9ecef');
      doc.fillColor('#000').font('Helvetica-Bold').fontSize(8);
      let x = left;
      for (const column of COLUMNS) {
        doc.text(column.title, x + 2, top + 3, { width: column.width - 4, lineBreak: false });
        x += column.width;
      }
      doc.font('Helvetica');
    };
    const slotY = (slot: number) => top + ROW_HEIGHT * (slot + 1);
    const slots = new Slots(firstRows, otherRows, (page) => {
      doc.addPage();
      top = PAGE.margin;
      footer(page);
      tableHeader();
    });
    footer(1);

    if (!counts.required) {
      await snapshot.finish();
      doc
        .font('Helvetica')
        .fontSize(10)
        .text('Nobody was required to complete training on that day.', left, firstTop);
      doc.end();
      return;
    }
    tableHeader();

    let failed: Error | undefined;
    try {
      for (const section of SECTIONS) {
        if (!counts[section.standing]) continue;
        const heading = slotY(slots.take(2));
        doc
          .font('Helvetica-Bold')
          .fontSize(9)
          .text(`${section.title} (${counts[section.standing]})`, left + 2, heading + 3, {
            lineBreak: false,
          });
        doc.font('Helvetica').fontSize(8);
        let drawn = 0;
        for await (const row of this.rows(snapshot, section.standing, params)) {
          if (stream.destroyed) throw new Error('the download was abandoned');
          const y = slotY(slots.take());
          this.drawRow(doc, row as ReportRow, left, y);
          if (++drawn % 200 === 0) {
            while (stream.readableLength > UNREAD_LIMIT && !stream.destroyed) await sleep(20);
          }
        }
      }
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      await snapshot.finish(failed);
    }
    doc.end();
  }

  private rows(snapshot: ReadSnapshot, standing: Standing, params: unknown[]): QueryStream {
    return snapshot.stream(
      `SELECT ${STANDING} AS standing, u.name, u.email, d.name AS department, m.title AS module,
                to_char(a.due_date, 'YYYY-MM-DD') AS due_date, c.completed_at,
                to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS completed_on, v.version, c.score
           ${REQUIRED}
            AND ${STANDING} = $5
          ORDER BY u.name, m.title, a.id`,
      [...params, standing],
      500,
    );
  }

  private drawRow(doc: PDFKit.PDFDocument, row: ReportRow, left: number, y: number): void {
    const late = row.completed_on !== null && row.completed_on > row.due_date;
    const status =
      row.standing === 'completed'
        ? late
          ? 'Completed late'
          : 'Completed'
        : row.standing === 'overdue'
          ? 'Overdue'
          : 'Not yet due';
    const cells = [
      row.name,
      row.email,
      row.department ?? '—',
      row.module,
      row.due_date,
      status,
      row.completed_at ? new Date(row.completed_at).toISOString().replace('T', ' ').slice(0, 16) : '—',
      row.version === null ? '—' : `v${row.version}`,
      row.score === null ? '—' : `${row.score}%`,
    ];
    doc
      .moveTo(PAGE.margin, y + ROW_HEIGHT)
      .lineTo(PAGE.width - PAGE.margin, y + ROW_HEIGHT)
      .lineWidth(0.3)
      .strokeColor('#dee2e6')
      .stroke();
    let x = left;
    cells.forEach((cell, i) => {
      const width = COLUMNS[i]!.width - 4;
      doc
        .fillColor(i === 5 && row.standing === 'overdue' ? '#b02a37' : '#000')
        .font(i === 5 && row.standing === 'overdue' ? 'Helvetica-Bold' : 'Helvetica')
        .text(fit(doc, clean(cell), width), x + 2, y + 3, { width, lineBreak: false });
      x += COLUMNS[i]!.width;
    });
    doc.fillColor('#000').font('Helvetica');
  }
}

/** One line of text: line breaks and runs of white space become one space. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text, cut with an ellipsis to fit `width` at the current font and size. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
