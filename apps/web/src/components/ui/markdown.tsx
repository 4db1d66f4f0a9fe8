import {
  Anchor,
  Blockquote,
  Divider,
  List,
  Stack,
  Text,
  VisuallyHidden,
  type MantineSize,
  type TextProps,
} from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';

/**
 * The Markdown subset authors may use. Everything else is dropped by react-markdown before
 * rendering: `unwrapDisallowed` keeps the text of a dropped element (inline code, emphasis inside
 * an image's alt…), so an author never loses words, only formatting. Images are not in the list:
 * pictures belong in artefacts, where uploads are checked.
 */
const allowedElements = [
  'p',
  'br',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'pre',
];

const linkProtocol = /^(https?|mailto):/i;

/**
 * Only absolute http(s) and mailto links survive. react-markdown's default already drops
 * `javascript:`, `data:` and friends; on top of that relative links are refused too, because
 * narrative text is shown in several places and a relative link would mean something different
 * in each. A refused link renders as its text.
 */
export function safeLinkUrl(url: string): string {
  const safe = defaultUrlTransform(url.trim());
  return linkProtocol.test(safe) ? safe : '';
}

/** mdast nodes as far as the plugins below need them. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const blockContainers = new Set(['root', 'blockquote', 'listItem']);

/**
 * Raw HTML becomes the literal text the author typed: inline HTML stays in its sentence, an HTML
 * block becomes a paragraph of its own (so it is styled like the text around it). Nothing is ever
 * parsed as HTML; react-markdown would already turn leftovers into text, this only keeps layout.
 */
function htmlAsText() {
  const visit = (node: MdNode) => {
    node.children = node.children?.map((child) => {
      if (child.type !== 'html') {
        visit(child);
        return child;
      }
      const text: MdNode = { type: 'text', value: child.value ?? '' };
      return blockContainers.has(node.type) ? { type: 'paragraph', children: [text] } : text;
    });
  };
  return (tree: MdNode) => visit(tree);
}

/**
 * Authors type in a plain textarea and expect Enter to start a new line, as it always did before
 * Markdown: a single newline inside a paragraph becomes a line break (like remark-breaks).
 */
function hardLineBreaks() {
  const visit = (node: MdNode) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child): MdNode[] => {
      if (child.type !== 'text' || !child.value?.includes('\n')) {
        visit(child);
        return [child];
      }
      return child.value.split(/[ \t]*\r?\n[ \t]*/).flatMap((part, index) => {
        const text: MdNode[] = part ? [{ type: 'text', value: part }] : [];
        return index === 0 ? text : [{ type: 'break' }, ...text];
      });
    });
  };
  return (tree: MdNode) => visit(tree);
}

/** Text props for every block; `size` is a theme size so that lists can match the paragraphs. */
export type MarkdownTextProps = Omit<TextProps, 'size'> & { size?: MantineSize };

function markdownComponents(textProps: MarkdownTextProps): Components {
  const heading = ({ children }: { children?: ReactNode }) => (
    <Text {...textProps} fw={700}>
      {children}
    </Text>
  );
  return {
    p: ({ children }) => <Text {...textProps}>{children}</Text>,
    h1: heading,
    h2: heading,
    h3: heading,
    h4: heading,
    h5: heading,
    h6: heading,
    // An indented block: keep the author's line breaks and spacing, in the body font.
    pre: ({ children }) => (
      <Text {...textProps} style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    ),
    strong: ({ children }) => <strong>{children}</strong>,
    em: ({ children }) => <em>{children}</em>,
    ul: ({ children }) => (
      <List size={textProps.size} spacing={4} withPadding>
        {children}
      </List>
    ),
    ol: ({ children, start }) => (
      <List type="ordered" start={start} size={textProps.size} spacing={4} withPadding>
        {children}
      </List>
    ),
    li: ({ children }) => <List.Item>{children}</List.Item>,
    blockquote: ({ children }) => (
      <Blockquote color="gray" py="xs" px="md" m={0}>
        <Stack gap="xs">{children}</Stack>
      </Blockquote>
    ),
    hr: () => <Divider />,
    a: ({ href, children }) =>
      href ? (
        <Anchor href={href} target="_blank" rel="noopener noreferrer" inherit>
          {children}
          <IconExternalLink size="0.9em" aria-hidden style={{ marginLeft: 2, verticalAlign: 'text-top' }} />
          <VisuallyHidden>(opens in a new tab)</VisuallyHidden>
        </Anchor>
      ) : (
        <>{children}</>
      ),
  };
}

/**
 * Authored text (narrative, feedback, debriefs, profile "about"…) as a safe Markdown subset:
 * paragraphs, line breaks, bold, italic, lists, block quotes and http(s)/mailto links; headings
 * show as bold text. Raw HTML is never interpreted but shown as literal text, so an author who
 * pastes `<b>` sees exactly what they typed instead of losing it silently. No rehype-raw, ever.
 */
export function Markdown({ text, ...textProps }: { text: string } & MarkdownTextProps) {
  return (
    <Stack gap="sm">
      <ReactMarkdown
        allowedElements={allowedElements}
        unwrapDisallowed
        skipHtml={false}
        remarkPlugins={[htmlAsText, hardLineBreaks]}
        urlTransform={safeLinkUrl}
        components={markdownComponents(textProps)}
      >
        {text}
      </ReactMarkdown>
    </Stack>
  );
}
