import { notifications } from '@mantine/notifications';
import { explain } from './words.ts';

/** An error notification in this feature's words (limits, hard rules, bare refusals). */
export const notifyFailed = (err: unknown, title: string) =>
  notifications.show({
    color: 'red',
    title,
    message: explain(err),
    autoClose: 8000,
    closeButtonProps: { 'aria-label': 'Dismiss notification' },
  });
