import {
  CloseButton,
  createTheme,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/*
 * A sober navy theme. Mantine's stock palettes put light-variant text and white-on-filled
 * backgrounds below WCAG AA contrast for green, red and orange, so those palettes end in darker
 * shades, and filled components use shade 8.
 */
const navy: MantineColorsTuple = [
  '#eef2fa',
  '#dbe3f3',
  '#b5c5e6',
  '#8ca5d9',
  '#6a89cc',
  '#5475c2',
  '#4466b4',
  '#35539a',
  '#2a447f',
  '#1d3160',
];
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#2f9e44',
  '#257a37',
  '#1c5f2b',
];
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#fa5252',
  '#e03131',
  '#c92a2a',
  '#a51d1d',
];
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#e8590c',
  '#b8490a',
  '#8f3907',
];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 8, dark: 6 },
  colors: { navy, green, red, orange },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Mantine's close buttons (modals, notifications, alerts) are icon-only and unnamed by default.
    CloseButton: CloseButton.extend({ defaultProps: { attributes: { root: { 'aria-label': 'Close' } } } }),
    // The description under a notification title is a fixed light grey below AA contrast.
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-dimmed)' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
