import { IdParams, NotificationList, NotificationListQuery, NotificationsRead } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentNotificationList } from './notifications.present.ts';
import * as s from './notifications.service.ts';

export const notificationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications, newest first, with your unread count',
          querystring: NotificationListQuery,
          response: { 200: NotificationList },
        },
      },
      async (req) => presentNotificationList(await s.listMyNotifications(deps, requireStaff(req), req.query)),
    );

    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of your notifications read',
          params: IdParams,
          response: { 200: NotificationsRead },
        },
      },
      async (req) => s.readNotification(deps, requireStaff(req), req.params.id),
    );

    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark all your notifications read',
          response: { 200: NotificationsRead },
        },
      },
      async (req) => s.readAllNotifications(deps, requireStaff(req)),
    );
  };
