import type { TemplateKind, TemplateView } from '@countersign/contracts/programme';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useSaveTemplate, useTemplatePreview, useTemplates } from '../api/templates';

const KIND_LABELS: Record<TemplateKind, { title: string; description: string }> = {
  reminder: {
    title: 'Reminder',
    description:
      'To a person whose training is due soon, today or overdue: one email a day naming every module.',
  },
  escalation: {
    title: 'Escalation',
    description: "To a manager or the security officers: someone's training is overdue.",
  },
};

const problemsOf = (error: unknown) => (isApiError(error) ? error.fieldErrorsByPath() : {});

/** One kind's editor: subject and body on the left, the preview with the signed-in person's data beside it. */
function TemplateEditor({ template }: { template: TemplateView }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [confirmReset, setConfirmReset] = useState(false);
  const [settled] = useDebouncedValue({ subject, body }, 400);
  const preview = useTemplatePreview(template.kind, settled.subject.trim() && settled.body ? settled : null);
  const save = useSaveTemplate(template.kind);
  const problems = { ...problemsOf(preview.error), ...problemsOf(save.error) };
  const changed = subject !== template.subject || body !== template.body;

  const submit = (input: { subject: string; body: string } | null) =>
    save.mutate(input, {
      onSuccess: (saved) => {
        setSubject(saved.subject);
        setBody(saved.body);
        setConfirmReset(false);
        notifications.show({
          color: 'green',
          title: input ? 'Template saved' : 'Default wording restored',
          message: `${KIND_LABELS[template.kind].title} emails use it from now on.`,
        });
      },
    });

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <Stack gap="md">
        <Group gap="xs">
          <Text c="dimmed" size="sm">
            {KIND_LABELS[template.kind].description}
          </Text>
          <Badge variant="light" color={template.isDefault ? 'gray' : 'blue'}>
            {template.isDefault
              ? 'Default wording'
              : `Your wording, saved ${formatDateTime(template.updatedAt)}`}
          </Badge>
        </Group>
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={problems.subject}
          required
        />
        <Textarea
          label="Body"
          description="Plain text; blank lines start paragraphs in the HTML version."
          autosize
          minRows={10}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={problems.body}
          required
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Text size="sm">
          Placeholders:{' '}
          {template.placeholders.map((p) => (
            <Code key={p} mr={4} style={{ whiteSpace: 'nowrap' }}>
              {p === 'items' ? '{{#items}} … {{/items}}' : `{{${p}}}`}
            </Code>
          ))}
        </Text>
        {save.isError && !Object.keys(problemsOf(save.error)).length && (
          <Alert color="red" title="Not saved" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => submit({ subject, body })}
            disabled={!changed}
            loading={save.isPending && save.variables !== null}
          >
            Save template
          </Button>
          {!template.isDefault && (
            <Button variant="default" onClick={() => setConfirmReset(true)}>
              Restore the default wording
            </Button>
          )}
        </Group>
      </Stack>
      <Stack gap="xs" aria-live="polite" data-testid={`template-preview-${template.kind}`}>
        <Title order={2} fz="h4">
          Preview {preview.data ? `for ${preview.data.person.name}` : ''}
        </Title>
        {preview.isError && !Object.keys(problemsOf(preview.error)).length ? (
          <ErrorState error={preview.error} title="The preview could not be made" />
        ) : preview.data ? (
          <Paper withBorder radius="md" p="md">
            <Text fw={600} mb="sm">
              {preview.data.subject}
            </Text>
            {/* The server escaped every value it placed in this HTML (Mustache). */}
            <Typography>
              <div dangerouslySetInnerHTML={{ __html: bodyOf(preview.data.html) }} />
            </Typography>
          </Paper>
        ) : (
          <Text c="dimmed" size="sm">
            {Object.keys(problems).length ? 'Fix the template to see it.' : 'Rendering…'}
          </Text>
        )}
      </Stack>
      <Modal
        opened={confirmReset}
        onClose={() => setConfirmReset(false)}
        title="Restore the default wording?"
        centered
      >
        <Stack>
          <Text>Your wording of this email is deleted; the built-in English text is used from now on.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              Keep mine
            </Button>
            <Button
              color="red"
              onClick={() => submit(null)}
              loading={save.isPending && save.variables === null}
            >
              Restore default
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SimpleGrid>
  );
}

/** The inside of the rendered email's <body>: the page shows it inside its own layout. */
function bodyOf(html: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
}

/** The wording of the programme's emails, per organisation, with a live preview. */
export function TemplatesPage() {
  const templates = useTemplates();
  return (
    <>
      <PageHeader
        title="Email templates"
        description="The reminder and escalation emails in your organisation's words. Values are filled in for each person; the preview uses your own data."
      />
      <Paper withBorder radius="lg" p="lg">
        {templates.isPending ? (
          <PageLoader label="Loading templates" />
        ) : templates.isError ? (
          <ErrorState
            error={templates.error}
            title="The templates could not be loaded"
            onRetry={() => void templates.refetch()}
          />
        ) : (
          <Tabs defaultValue="reminder" keepMounted={false}>
            <Tabs.List mb="lg">
              {templates.data.map((t) => (
                <Tabs.Tab key={t.kind} value={t.kind}>
                  {KIND_LABELS[t.kind].title}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {templates.data.map((t) => (
              <Tabs.Panel key={t.kind} value={t.kind}>
                <TemplateEditor key={`${t.kind}-${t.updatedAt ?? 'default'}`} template={t} />
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </Paper>
    </>
  );
}
