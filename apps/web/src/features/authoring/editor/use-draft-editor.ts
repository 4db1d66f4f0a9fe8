import type { AuthoringModuleDetail } from '@countersign/contracts/authoring';
import { parseDraft, type ModuleContent, type ValidationIssue } from '@countersign/scenario-engine';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { libraryKey } from '../api/library';
import { saveDraft } from '../api/module';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'invalid' | 'conflict';

const AUTOSAVE_DELAY_MS = 1500;
/** Edits of the same field within this window become one undo step. */
const COALESCE_MS = 1000;
const HISTORY_LIMIT = 100;

interface History {
  content: ModuleContent;
  past: ModuleContent[];
  future: ModuleContent[];
}

function initialContent(detail: AuthoringModuleDetail): ModuleContent | null {
  return detail.draft?.content ?? detail.published?.content ?? null;
}

/**
 * The editor's copy of the draft: undo/redo over content snapshots, and autosave 1.5 s after the
 * last change with the revision it started from (a stale one is a conflict the author must reload).
 */
export function useDraftEditor(moduleId: string, detail: AuthoringModuleDetail) {
  const queryClient = useQueryClient();
  const [history, setHistory] = useState<History>(() => ({
    content: initialContent(detail) as ModuleContent,
    past: [],
    future: [],
  }));
  const [issues, setIssues] = useState<ValidationIssue[]>(detail.issues);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [changeSeq, setChangeSeq] = useState(0);
  const [savedSeq, setSavedSeq] = useState(0);

  const revision = useRef<number | null>(detail.draft?.revision ?? null);
  const [hasDraft, setHasDraft] = useState(detail.draft !== null);
  const latest = useRef({ content: history.content, seq: changeSeq });
  latest.current = { content: history.content, seq: changeSeq };
  const inFlight = useRef(false);
  /** The change a failed save was for: it is not retried automatically until the next edit. */
  const failedSeq = useRef<number | null>(null);
  const coalesce = useRef<{ key: string; at: number } | null>(null);

  const reset = useCallback((next: AuthoringModuleDetail) => {
    const content = initialContent(next);
    if (!content) return;
    revision.current = next.draft?.revision ?? null;
    setHasDraft(next.draft !== null);
    coalesce.current = null;
    setHistory({ content, past: [], future: [] });
    setIssues(next.issues);
    setStatus('saved');
    setErrorMessage(null);
    const seq = latest.current.seq + 1;
    failedSeq.current = null;
    setChangeSeq(seq);
    setSavedSeq(seq);
  }, []);

  /** Applies an edit; edits with the same `key` in quick succession share one undo step. */
  const update = useCallback((change: (content: ModuleContent) => ModuleContent, key?: string) => {
    const now = Date.now();
    const merge =
      key !== undefined && coalesce.current?.key === key && now - coalesce.current.at < COALESCE_MS;
    coalesce.current = key === undefined ? null : { key, at: now };
    setHistory((h) => {
      const content = change(h.content);
      if (content === h.content) return h;
      return {
        content,
        past: merge ? h.past : [...h.past, h.content].slice(-HISTORY_LIMIT),
        future: [],
      };
    });
    setChangeSeq((seq) => seq + 1);
  }, []);

  const undo = useCallback(() => {
    coalesce.current = null;
    setHistory((h) => {
      const previous = h.past.at(-1);
      if (!previous) return h;
      return { content: previous, past: h.past.slice(0, -1), future: [h.content, ...h.future] };
    });
    setChangeSeq((seq) => seq + 1);
  }, []);

  const redo = useCallback(() => {
    coalesce.current = null;
    setHistory((h) => {
      const [next, ...rest] = h.future;
      if (!next) return h;
      return { content: next, past: [...h.past, h.content], future: rest };
    });
    setChangeSeq((seq) => seq + 1);
  }, []);

  const save = useCallback(async () => {
    if (inFlight.current) return;
    const { content, seq } = latest.current;
    // A draft saves whatever its state (blank fields are problems for publishing, listed after
    // the save); only what no draft may hold (text over its limit…) would be refused: show that.
    const checked = parseDraft(content);
    if (!checked.ok) {
      setIssues(checked.issues);
      failedSeq.current = seq;
      setStatus('invalid');
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    try {
      const response = await saveDraft(moduleId, { content, baseRevision: revision.current });
      revision.current = response.draft.revision;
      setHasDraft(true);
      // The library's "last edited" and draft version are now out of date.
      void queryClient.invalidateQueries({ queryKey: libraryKey });
      setIssues(response.issues);
      setLastSavedAt(new Date());
      setErrorMessage(null);
      setSavedSeq(seq);
      setStatus(seq === latest.current.seq ? 'saved' : 'pending');
    } catch (error) {
      failedSeq.current = seq;
      if (isApiError(error, 409)) {
        setStatus('conflict');
      } else {
        setStatus('error');
        setErrorMessage(error instanceof Error ? error.message : 'The draft could not be saved.');
      }
    } finally {
      inFlight.current = false;
    }
  }, [moduleId, queryClient]);

  const dirty = changeSeq !== savedSeq;

  useEffect(() => {
    if (!dirty || status === 'conflict' || status === 'saving') return;
    if ((status === 'error' || status === 'invalid') && failedSeq.current === changeSeq) return;
    if (status === 'saved') setStatus('pending');
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, changeSeq, status, save]);

  return {
    content: history.content,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    issues,
    status,
    errorMessage,
    lastSavedAt,
    dirty: dirty || status === 'saving',
    /** Whether an unpublished draft exists (there is something to publish). */
    hasDraft,
    /** Shows problems reported elsewhere (a refused publish) until the next save. */
    showIssues: setIssues,
    update,
    undo,
    redo,
    retry: save,
    reset,
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
