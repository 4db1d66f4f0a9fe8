// Loaded on demand by tooltip-on-demand.tsx: a module of its own so that the first page's chunks
// do not carry Mantine's Tooltip and floating-ui.
export { Tooltip } from '@mantine/core';
