import { formatCount } from '../../../lib/format';

/**
 * A field's description with its character count: "The name on the profile. 12 of 200
 * characters." At the limit it says so, since typing more silently does nothing.
 */
export function withCharacterCount(description: string, value: string, max: number): string {
  const count = `${formatCount(value.length)} of ${formatCount(max)} characters`;
  return value.length >= max ? `${description} ${count}: that is the limit.` : `${description} ${count}.`;
}
