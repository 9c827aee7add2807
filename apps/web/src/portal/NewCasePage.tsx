import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { NewCaseForm } from '../features/portal/NewCaseForm.tsx';
import { useTitle } from './useTitle.ts';

export function NewCasePage() {
  useTitle('Open a new case');
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/" size="sm" w="fit-content" py="xs" display="inline-block">
        <IconArrowLeft size={14} style={{ verticalAlign: '-2px' }} aria-hidden /> My cases
      </Anchor>
      <div>
        <Title order={2}>Open a new case</Title>
        <Text c="dimmed" mt={4}>
          Tell us what you need. We answer here and by email.
        </Text>
      </div>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <NewCaseForm />
      </Paper>
    </Stack>
  );
}
