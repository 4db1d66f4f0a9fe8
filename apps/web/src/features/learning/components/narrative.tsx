import { Markdown, type MarkdownTextProps } from '../../../components/ui/markdown';

/**
 * Authored text (narrative, feedback, debriefs, artefact bodies) as the safe Markdown subset:
 * never parsed as HTML, links only to http(s) and mailto, a single newline is a line break.
 */
export function Narrative({ text, ...textProps }: { text: string } & MarkdownTextProps) {
  return <Markdown text={text} {...textProps} />;
}
