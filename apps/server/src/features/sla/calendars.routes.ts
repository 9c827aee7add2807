import {
  BusinessCalendar,
  CalendarInput,
  CalendarList,
  CalendarPreview,
  CalendarPreviewQuery,
  CalendarSaved,
  CalendarScopeParams,
  HolidayCountries,
  HolidayCountryParams,
  SlaRecomputeOnly,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import * as s from './calendars.service.ts';

const tags = ['sla'];

/** Business calendars: supervisors read them, managers and admins change them. */
export const calendarsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/sla/calendars',
      {
        schema: {
          tags,
          summary: 'The workspace calendar and the teams’ own calendars (supervisor)',
          response: { 200: CalendarList },
        },
      },
      async (req) => s.listCalendars(deps, requireStaff(req, 'supervisor')),
    );

    app.get(
      '/sla/calendars/:scope',
      {
        schema: {
          tags,
          summary: 'One calendar: `workspace` or a team id (supervisor)',
          params: CalendarScopeParams,
          response: { 200: BusinessCalendar },
        },
      },
      async (req) => s.getCalendar(deps, requireStaff(req, 'supervisor'), req.params.scope),
    );

    app.put(
      '/sla/calendars/:scope',
      {
        schema: {
          tags,
          summary: 'Set the workspace’s or a team’s calendar; open cases’ due times are recomputed (manager)',
          params: CalendarScopeParams,
          body: CalendarInput,
          response: { 200: CalendarSaved },
        },
      },
      async (req) => s.saveCalendar(deps, requireStaff(req, 'manager'), req.params.scope, req.body),
    );

    app.delete(
      '/sla/calendars/:scope',
      {
        schema: {
          tags,
          summary: 'Delete a team’s calendar: the team falls back to the workspace’s (manager)',
          params: CalendarScopeParams,
          response: { 200: SlaRecomputeOnly },
        },
      },
      async (req) => s.deleteTeamCalendar(deps, requireStaff(req, 'manager'), req.params.scope),
    );

    app.get(
      '/sla/calendars/:scope/preview',
      {
        schema: {
          tags,
          summary: 'The coming days’ opening hours and the next holidays and closures (supervisor)',
          params: CalendarScopeParams,
          querystring: CalendarPreviewQuery,
          response: { 200: CalendarPreview },
        },
      },
      async (req) =>
        s.previewCalendar(deps, requireStaff(req, 'supervisor'), req.params.scope, req.query.days),
    );

    app.get(
      '/sla/holiday-countries',
      {
        schema: {
          tags,
          summary: 'Countries whose public holidays a calendar can follow (supervisor)',
          response: { 200: HolidayCountries },
        },
      },
      async (req) => {
        requireStaff(req, 'supervisor');
        return s.listHolidayCountries();
      },
    );

    app.get(
      '/sla/holiday-countries/:country/regions',
      {
        schema: {
          tags,
          summary: 'Regions of a country with their own holidays (supervisor)',
          params: HolidayCountryParams,
          response: { 200: HolidayCountries },
        },
      },
      async (req) => {
        requireStaff(req, 'supervisor');
        return s.listHolidayRegions(req.params.country);
      },
    );
  };
