import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { addMessageIn } from '../cases/index.ts';
import { chooseLanguage } from '../email/index.ts';
import * as aq from './authorisations.queries.ts';
import type { EngineDecision } from './policies.rules.ts';
import * as q from './requests.queries.ts';
import { authorisationState, composeMessage, hasDecisionWords, refusalIsComplete } from './requests.rules.ts';

type Parts = { explanation?: string; alternatives: string[] };

/** The decision to send, checked: a refusal needs words and an alternative, an exception a live approval. */
async function prepare(db: Executor, deps: Deps, actor: StaffActor, requestId: string, parts: Parts) {
  const r = await q.findRequest(db, actor.workspaceId, requestId);
  if (!r?.decision_id) throw notFound('Request');
  const [d] = await q.decisionsById(db, actor.workspaceId, [r.decision_id]);
  if (!d) throw notFound('Request');
  const alternatives = parts.alternatives.map((a) => a.trim()).filter(Boolean);
  const explanation = parts.explanation?.trim() || (d.outcome === 'refused' ? '' : d.explanation);
  if (d.outcome === 'refused' && !refusalIsComplete(explanation, alternatives)) {
    throw new AppError(
      'unprocessable',
      'A refusal goes to the customer with the reason in plain words and at least one alternative',
      { reason: 'refusal_needs_alternative', details: { suggested_alternatives: d.alternatives } },
    );
  }
  if (!explanation)
    throw new AppError('invalid', 'Say the decision in plain words', { reason: 'explanation_required' });
  let authorisation: aq.AuthorisationRow | undefined;
  if (d.basis === 'authorised_exception' && d.authorisation_id) {
    authorisation = (await aq.authorisationsOf(db, actor.workspaceId, [r.id])).find(
      (a) => a.id === d.authorisation_id,
    );
    if (!authorisation || authorisationState(authorisation, deps.clock.now()) === 'expired') {
      throw new AppError('conflict', 'The authorisation lapsed before it was used; ask for it again', {
        reason: 'authorisation_expired',
      });
    }
  }
  const citations = (d.citations as EngineDecision['citations']).map((c) => ({
    name: c.name,
    citation: c.citation,
  }));
  // In the language the customer is written to (email's rule), so the mail around it matches.
  const languages = await q.caseLanguages(db, actor.workspaceId, r.case_id);
  const body = composeMessage({
    outcome: d.outcome,
    explanation,
    alternatives,
    conditions: d.conditions,
    citations,
    language: chooseLanguage(
      languages?.customer_language,
      languages?.workspace_languages ?? [],
      hasDecisionWords,
    ),
  });
  return { r, d, explanation, alternatives, authorisation, body };
}

/**
 * Tells the customer the decision as a public message on the case (written by the cases feature),
 * then records what was sent. A refusal without an explanation and an alternative never goes out.
 */
export async function communicateDecision(deps: Deps, actor: StaffActor, requestId: string, parts: Parts) {
  const first = await prepare(deps.db, deps, actor, requestId, parts);
  // The message commits in its own transaction; the checks are repeated under the request's lock
  // after it. `purpose: 'decision'` tells email that the decision notification carries it.
  const messageId = await deps.db
    .transaction()
    .execute((trx) =>
      addMessageIn(
        deps,
        trx,
        actor,
        first.r.case_id,
        { body: first.body, visibility: 'public', attachment_ids: [] },
        { eventData: { purpose: 'decision' } },
      ),
    );
  return deps.db.transaction().execute(async (trx) => {
    await q.lockRequest(trx, actor.workspaceId, requestId);
    const { r, d, explanation, alternatives, authorisation } = await prepare(
      trx,
      deps,
      actor,
      requestId,
      parts,
    );
    const at = deps.clock.now();
    const sent = await aq.insertCommunication(trx, {
      workspace_id: actor.workspaceId,
      request_id: r.id,
      decision_id: d.id,
      case_id: r.case_id,
      message_id: messageId,
      outcome: d.outcome,
      explanation,
      alternatives,
      sent_by: actor.staffId,
      created_at: at,
    });
    if (authorisation && !authorisation.used_at)
      await aq.updateAuthorisation(trx, authorisation.id, { used_at: at });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      {
        type: 'decision.communicated',
        case_id: r.case_id,
        data: {
          request_id: r.id,
          decision_id: d.id,
          communication_id: sent.id,
          message_id: messageId,
          outcome: d.outcome,
          alternatives: alternatives.length,
        },
      },
    ]);
    return r.id;
  });
}
