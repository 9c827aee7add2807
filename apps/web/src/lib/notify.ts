import { notifications } from '@mantine/notifications';
import { errorMessage } from './api.ts';

export const notifyDone = (message: string) => notifications.show({ color: 'teal', message, autoClose: 3000 });

export const notifyError = (err: unknown, title = 'That did not work') =>
  notifications.show({ color: 'red', title, message: errorMessage(err), autoClose: 7000 });
