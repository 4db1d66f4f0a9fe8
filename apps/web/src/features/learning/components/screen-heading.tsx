import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import classes from './player.module.css';

/**
 * The heading of a player screen. It takes focus when the screen appears, so keyboard and
 * screen-reader users continue from the new content instead of a button that just vanished.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Title order={2} fz="h3" ref={ref} tabIndex={-1} className={classes.screenHeading}>
      {children}
    </Title>
  );
}
