import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';

/**
 * Web unit tests render components to static markup in node (no DOM library): inside a router
 * (for links) and Mantine, without its CSS variables and global classes.
 */
export function renderStatic(element: ReactElement): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        {element}
      </MantineProvider>
    </MemoryRouter>,
  );
}

/** The text a reader sees in rendered markup: tags dropped, quotes decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
