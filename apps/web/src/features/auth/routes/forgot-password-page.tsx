import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useForgotPassword } from '../api/passwords';
import { PublicCard } from '../components/public-card';

/** Ask for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password · Countersign');
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const serverErrors = isApiError(forgot.error) ? forgot.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    forgot.mutate(email.trim());
  };
  return (
    <PublicCard title="Forgot your password?">
      {forgot.isSuccess ? (
        <Alert color="green" title="Check your email">
          {forgot.data.message}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>Enter your work email address and we will send you a link to choose a new password.</Text>
            <TextInput
              label="Work email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={serverErrors.email}
              required
            />
            {forgot.isError && !serverErrors.email && (
              <Alert color="red" title="Nothing was sent">
                {forgot.error.message}
              </Alert>
            )}
            <Button type="submit" loading={forgot.isPending}>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login">
        Back to sign in
      </Anchor>
    </PublicCard>
  );
}
