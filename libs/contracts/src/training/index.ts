export interface RedFlagView {
  key: string;
  title: string;
  explanation: string;
  advice: string;
}

/** A module as listed for assignment and in the library. */
export interface ModuleSummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  /** Latest published version, or null when none is published yet. */
  publishedVersion: { id: string; version: number; publishedAt: string } | null;
}
