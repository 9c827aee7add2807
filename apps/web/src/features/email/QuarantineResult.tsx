import { Alert, Anchor, Loader } from '@mantine/core';
import { Link } from 'react-router';
import type { QuarantineAction } from './QuarantineConfirm.tsx';
import type { QuarantinedEmail } from './useEmailAdmin.ts';
import { reasonWords, senderOf, subjectOf } from './words.ts';

type Props = {
  result: QuarantineAction;
  /** The same message, when processing put it straight back in quarantine. */
  heldAgain: QuarantinedEmail | null;
  /** Still watching for the outcome of a release. */
  processing: boolean;
  onClose: () => void;
};

/** What the last release or delete did, kept on the page after the notification fades. */
export function QuarantineResult({ result, heldAgain, processing, onClose }: Props) {
  const what = `“${subjectOf(result.item)}” from ${senderOf(result.item)}`;
  const common = {
    mb: 'md',
    withCloseButton: true,
    onClose,
    closeButtonLabel: 'Dismiss',
    role: 'status',
  } as const;
  if (result.kind === 'delete')
    return (
      <Alert {...common} color="gray" title="Deleted">
        {what} was deleted. Only a record that it arrived is kept.
      </Alert>
    );
  if (heldAgain)
    return (
      <Alert {...common} color="red" title="Back in quarantine">
        {what} was released but could still not be processed: {reasonWords(heldAgain.reason).toLowerCase()}.
      </Alert>
    );
  return (
    <Alert
      {...common}
      color="teal"
      title="Released"
      icon={processing ? <Loader size={16} aria-hidden /> : undefined}
    >
      {what} is processed as ordinary mail: it opens a new case, or joins the case it answers.{' '}
      <Anchor component={Link} to="/queues/open" inherit>
        See the open cases
      </Anchor>
    </Alert>
  );
}
