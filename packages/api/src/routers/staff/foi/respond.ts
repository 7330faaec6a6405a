import { caseworkRepository } from '@heard/db';
import { FOI_RESPONSE_OUTCOMES, zChoice } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { loadCase, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice, ZOn } from '../casework/schemas';

/** The exemptions of the Freedom of Information Act 2000 a refusal cites. */
export const FOI_EXEMPTIONS = ['s12', 's14', 's21', 's22', 's30', 's31', 's36', 's38', 's40', 's41', 's42', 's43'] as const;

/**
 * The answer to an FOI request or internal review: its outcome and the
 * exemptions cited for anything withheld; an ICO appeal records the
 * Commissioner's decision notice date with no outcome of the council's.
 */
export const respond = caseProcedure('foi')
  .input(
    ZCaseId.extend({
      on: ZOn,
      outcome: zChoice(FOI_RESPONSE_OUTCOMES as unknown as ['provided', 'partly_provided', 'withheld', 'not_held']).optional(),
      exemptions: z.array(zChoice(FOI_EXEMPTIONS)).max(FOI_EXEMPTIONS.length).default([]),
      letter: ZLetterChoice.optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'foi', { forUpdate: true });
    if (record.type !== 'foi_request') throw new AppError('REFUSED', 'refusal.onlyFoiRequest');
    const withholds = input.outcome === 'withheld' || input.outcome === 'partly_provided';
    if (withholds && input.exemptions.length === 0) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { exemptions: 'casework.errors.exemptionRequired' } });
    if (!withholds && input.exemptions.length > 0) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { exemptions: 'casework.errors.exemptionNotApplicable' } });
    await runCommand(ctx, record, { type: 'respond', responderId: ctx.session.userId, ...(input.on ? { on: input.on } : {}), ...(input.outcome ? { outcome: input.outcome } : {}) }, { detail: 'staff.foi.respond' });
    const repo = caseworkRepository(ctx.tx);
    await repo.updateFoiExemptions(record.id, input.exemptions, ctx.now());
    if (input.letter) await recordLetter(ctx, (await repo.findById(record.id))!, input.letter);
    return { ok: true as const };
  });
