import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { caseNumberIn } from './words.ts';

/** The case a mail belongs to, by its number (read from the "[#1234]" in the subject). */
export function CaseLink({ caseId, subject }: { caseId: string | null; subject: string }) {
  if (!caseId)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const number = caseNumberIn(subject);
  return (
    <Anchor component={Link} to={`/cases/${caseId}`} size="sm" fw={600}>
      {number ? `#${number}` : 'Open case'}
    </Anchor>
  );
}
