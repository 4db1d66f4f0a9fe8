import { SSO_ERROR_MESSAGES, ssoStartPath, type SsoErrorCode } from '@countersign/contracts/sso-protocol';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

const isCode = (code: string): code is SsoErrorCode => Object.hasOwn(SSO_ERROR_MESSAGES, code);

/**
 * Why single sign-on did not finish, in words (the callback sends `?sso_error=<code>&sso=<slug>`),
 * with a way to try again when the organisation is known.
 */
export function SsoErrorAlert({
  code,
  slug,
  returnTo,
}: {
  code: string;
  slug: string | null;
  returnTo: string;
}) {
  const message = isCode(code) ? SSO_ERROR_MESSAGES[code] : SSO_ERROR_MESSAGES.sign_in_failed;
  return (
    <Alert
      color="red"
      variant="light"
      title="Single sign-on did not finish"
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {slug && (
          <div>
            <Button
              component="a"
              size="xs"
              variant="white"
              color="red"
              href={`${ssoStartPath(slug)}?returnTo=${encodeURIComponent(returnTo)}`}
            >
              Try single sign-on again
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
